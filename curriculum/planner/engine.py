"""The term planner's pure engine: school days in, one exact-length session per day out.

Nothing here touches a database, a clock or a file. The engine takes plain
inputs — an ordered list of slots (usually the school days of a term), the
catalog, the ordered text ids and a mapping ``date → festival`` — and returns
planned sessions whose item minutes add up to exactly the session length.

Rules (each is tested in ``tests/planner/test_engine.py``):

* **Passages are never split.** A *passage* is one line or sentence of a
  catalog text. New material is a *group* of consecutive passages of one
  section, sized by the stage's read-aloud pace (``chars_per_minute``, from
  ``curriculum.stages``, adjustable per class): a group's minutes are
  ``ceil(characters / pace)``. Passage numbers (``passage_start`` …
  ``passage_end``) are 1-based and inclusive, counted over the whole text
  (``TextEntry.passages``).
* **An over-long passage** (longer than the day's new-material budget) is
  still scheduled, alone, and gets the whole remaining new-material budget:
  the class reads as much of it as time allows and it comes back in review.
* **Spaced review.** A group introduced in session *i* comes back in sessions
  ``i + d`` for every interval *d* (default +1, +2, +4, +7, +15), counted in
  planned sessions (normally school days). Review is faster than first
  reading: ``ceil(characters / (2 × pace))`` minutes, capped at the day's
  review budget so a long group can always be reviewed.
* **When reviews do not fit** — the overflow policy: on an ordinary day due
  reviews take at most ``REVIEW_SHARE`` (half) of the session, in due order
  (oldest first, then by introduction). The first review that does not fit
  and every review after it are postponed to the next session, keeping their
  order. A group due twice on one day is reviewed once and its second review
  moves to the next session, so no review is ever lost. New material gets
  what remains, so a heavy review day means less new material; the session
  is never longer than its minutes.
* **Consolidation.** Once every text has been introduced, reviews may use the
  whole session: after the due reviews, the room left is filled by cycling
  through whole section runs in order (label 巩固复习, on top of the interval
  reviews); a section longer than the room is reviewed alone in that room.
* **Closing activity.** Every ordinary session ends with 齐读 (at least
  ``CLOSING_MINUTES``); whatever minutes rounding leaves over go to it, which
  is what makes the items sum to exactly the session length.
* **Festivals.** On a school day that is a festival, the (first) session
  opens with a 节日诵读 item for the festival's first suggested text that is
  in the catalog *and meant for the plan's stage* (a 一年级 class gets no
  《师说》 on 教师节), ``FESTIVAL_MINUTES`` long, covering the passages that
  fit. A festival with no text for the stage is an ordinary day.
* **Weekday pattern.** The pattern follows the *timetable* weekday a day
  runs (``Slot.timetable_weekday``, or the ``timetable`` mapping): a make-up
  Saturday that follows the Friday timetable is a Friday for the pattern, and
  an extra session on a plain weekend day has no pattern.
  ``{4: "recitation_check"}`` makes Friday a recitation check day: due
  reviews plus every group introduced since the previous check, a 背诵检查
  activity, no new material. ``"story"`` ends the day with a longer
  讲故事 instead of 齐读.
* **Fixed sessions** (done or locked, from the store) are replayed, not
  re-planned: their new items count as introduced (with the same review
  schedule), their review items consume the matching due review, and a done
  session whose pass rate is under the threshold gives each group it touched
  extra reviews (``EXTRA_REVIEW_OFFSETS``).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from curriculum.catalog.schema import Catalog
from curriculum.planner.plan_types import (
    FestivalLike,
    Passage,
    PassageRange,
    PlannedItem,
    PlannedSession,
    PlanResult,
    Slot,
    passage_ranges,
    text_passages,
)
from curriculum.planner.spec import PlanSpec, validate_spec

REVIEW_SHARE = 0.5  # an ordinary day spends at most half its minutes on review
REVIEW_SPEEDUP = 2  # reviewing known text runs at twice the first-reading pace
CLOSING_MINUTES = 3
STORY_MINUTES = 8
CHECK_MINUTES = 10
FESTIVAL_MINUTES = 10
EXTRA_REVIEW_OFFSETS: tuple[int, ...] = (1, 3)

LABEL_CHORAL = "齐读"
LABEL_CHECK = "背诵检查"
LABEL_STORY = "讲故事"
LABEL_FESTIVAL = "节日诵读"
LABEL_CONSOLIDATE = "巩固复习"  # rotation reviews once every text is introduced


def _group_minutes(chars: int, pace: int) -> int:
    """Whole minutes to read ``chars`` at ``pace`` (at least one)."""
    return (chars + pace - 1) // pace if chars > 0 else 1


@dataclass(slots=True)
class _Group:
    text_id: str
    section: str
    start: int
    end: int
    chars: int
    order: int


@dataclass(slots=True)
class _State:
    remaining: list[Passage]  # passages not yet introduced, in plan order
    covered: set[tuple[str, int]]
    groups: dict[tuple[str, int], _Group]
    # pending reviews, a heap of (due_session_index, group_order, group_key)
    pending: list[tuple[int, int, tuple[str, int]]]
    since_check: list[tuple[str, int]]
    next_order: int = 0
    cursor: int = 0
    rotation: int = 0
    units: list[tuple[str, str, int, int, int]] | None = None
    units_for: int = -1


def _register(state: _State, group: _Group, index: int, intervals: Iterable[int]) -> None:
    key = (group.text_id, group.start)
    group.order = state.next_order
    state.next_order += 1
    state.groups[key] = group
    for d in intervals:
        heapq.heappush(state.pending, (index + d, group.order, key))
    state.since_check.append(key)


def _advance_cursor(state: _State) -> None:
    rem = state.remaining
    while state.cursor < len(rem) and (rem[state.cursor].text_id, rem[state.cursor].index) in state.covered:
        state.cursor += 1


@dataclass(frozen=True, slots=True)
class _Context:
    """What stays the same for every session of one plan."""

    spec: PlanSpec
    catalog: Catalog
    pace: int  # characters per minute of first reading


def _normalised(slots: Sequence[date | Slot], timetable: Mapping[date, int]) -> list[Slot]:
    """Dates as slots, each with the timetable weekday it runs, in date and slot order."""
    norm: list[Slot] = []
    for s in slots:
        s = s if isinstance(s, Slot) else Slot(s)
        if s.timetable_weekday is None and s.date in timetable:
            s = Slot(s.date, s.slot, s.fixed, timetable[s.date])
        norm.append(s)
    norm.sort(key=lambda s: (s.date, s.slot))
    return norm


def _fixed_coverage(slots: Iterable[Slot]) -> set[tuple[str, int]]:
    """Passages introduced by fixed sessions: they are not new material any more."""
    covered: set[tuple[str, int]] = set()
    for s in slots:
        for it in s.fixed.items if s.fixed is not None else ():
            if it.kind == "new" and it.text_id is not None and it.passage_start is not None:
                last = it.passage_end or it.passage_start
                covered.update((it.text_id, idx) for idx in range(it.passage_start, last + 1))
    return covered


def _leftover_notes(unscheduled: list[PassageRange]) -> list[str]:
    if not unscheduled:
        return []
    n = sum(r.passage_end - r.passage_start + 1 for r in unscheduled)
    return [f"本学期上课日不够，还有 {n} 句未能排入（见“未能排入本学期的内容”，导出文件中为 unscheduled / “未排入”表）"]


def generate_plan(
    spec: PlanSpec,
    slots: Sequence[date | Slot],
    catalog: Catalog,
    festivals: Mapping[date, FestivalLike] | None = None,
    *,
    validate: bool = True,
    timetable: Mapping[date, int] | None = None,
) -> PlanResult:
    """Plan one session per slot. See the module docstring for the rules.

    ``timetable`` maps a day to the weekday timetable it follows when that is not
    its calendar weekday (调休 and school make-up days); a slot's own
    ``timetable_weekday`` wins over it.
    """
    if validate:
        spec = validate_spec(spec, catalog)
    festivals = festivals or {}
    norm = _normalised(slots, timetable or {})
    remaining = [p for tid in spec.text_ids for p in text_passages(catalog.get(tid))]
    state = _State(remaining=remaining, covered=_fixed_coverage(norm), groups={}, pending=[], since_check=[])
    ctx = _Context(spec, catalog, spec.pace)

    sessions: list[PlannedSession] = []
    seen_dates: set[date] = set()
    for index, s in enumerate(norm):
        # Only the day's first session opens with the festival reading.
        fest = festivals.get(s.date) if s.date not in seen_dates else None
        seen_dates.add(s.date)
        if s.fixed is not None:
            sessions.append(_replay(s, index, state, spec))
        else:
            sessions.append(_plan_one(s, index, state, ctx, fest))

    _advance_cursor(state)
    left = state.remaining[state.cursor :]
    unscheduled = passage_ranges([p for p in left if (p.text_id, p.index) not in state.covered])
    return PlanResult(sessions=sessions, unscheduled=unscheduled, notes=_leftover_notes(unscheduled))


def _replay(s: Slot, index: int, state: _State, spec: PlanSpec) -> PlannedSession:
    fixed = s.fixed
    assert fixed is not None
    touched: list[tuple[str, int]] = []
    for it in fixed.items:
        key = it.group_key
        if key is None:
            continue
        if it.kind == "new":
            group = _Group(it.text_id, it.section or "", it.passage_start, it.passage_end or it.passage_start, 0, 0)
            _register(state, group, index, spec.review_intervals)
            touched.append(key)
        elif it.kind == "review":
            matches = [e for e in state.pending if e[2] == key]
            if matches:
                state.pending.remove(min(matches))
                heapq.heapify(state.pending)
            if key not in state.groups:
                # A review of something this replay has not introduced (a consolidation run,
                # or a locked session kept from an older text order): known, but no schedule.
                state.groups[key] = _Group(it.text_id, it.section or "", it.passage_start,
                                           it.passage_end or it.passage_start, 0, state.next_order)
                state.next_order += 1
            touched.append(key)
    if any(it.label == LABEL_CHECK for it in fixed.items):
        state.since_check.clear()
    if fixed.done and fixed.pass_rate is not None and fixed.pass_rate < spec.pass_threshold:
        for key in touched:
            group = state.groups.get(key)
            order = group.order if group else -1
            for d in EXTRA_REVIEW_OFFSETS:
                heapq.heappush(state.pending, (index + d, order, key))
    return PlannedSession(
        date=s.date, slot=s.slot, minutes=fixed.minutes, items=list(fixed.items),
        festival_key=fixed.festival_key, fixed=True,
    )


def _group_chars(state: _State, catalog: Catalog, key: tuple[str, int]) -> tuple[_Group, int]:
    group = state.groups[key]
    if group.chars:
        return group, group.chars
    if group.chars == 0:
        # Groups replayed from the store carry no character count yet.
        passages = text_passages(catalog.get(group.text_id)) if group.text_id in catalog else ()
        group.chars = sum(p.chars for p in passages[group.start - 1 : group.end]) or 1
    return group, group.chars


def _festival_opening(session: PlannedSession, ctx: _Context, fest: FestivalLike | None) -> int:
    """Open a festival day with its first catalog text for the stage, the passages that fit; returns the minutes."""
    text = None
    if fest is not None:
        text = next((t for t in fest.texts if t in ctx.catalog and ctx.spec.stage in ctx.catalog.get(t).stages),
                    None)
    if text is None:
        return 0
    passages = text_passages(ctx.catalog.get(text))
    budget_chars = FESTIVAL_MINUTES * ctx.pace
    take = [passages[0]]
    chars = passages[0].chars
    for p in passages[1:]:
        if p.section != take[0].section or chars + p.chars > budget_chars:
            break
        take.append(p)
        chars += p.chars
    session.items.append(PlannedItem("activity", FESTIVAL_MINUTES, f"{LABEL_FESTIVAL}·{fest.name}", text,
                                     take[0].section, take[0].index, take[-1].index))
    session.festival_key = fest.key
    session.festival_name = fest.name
    return FESTIVAL_MINUTES


def _closing(pattern: str | None) -> tuple[str, int]:
    """The activity that ends the day and its minimum minutes, by the day's weekday pattern."""
    if pattern == "recitation_check":
        return LABEL_CHECK, CHECK_MINUTES
    if pattern == "story":
        return LABEL_STORY, STORY_MINUTES
    return LABEL_CHORAL, CLOSING_MINUTES


def _review_item(state: _State, ctx: _Context, key: tuple[str, int], room: int | None = None) -> PlannedItem:
    """A review of group ``key`` at review pace, cut to ``room`` minutes when given."""
    group, chars = _group_chars(state, ctx.catalog, key)
    m = _group_minutes(chars, ctx.pace * REVIEW_SPEEDUP)
    if room is not None:
        m = min(m, room)
    return PlannedItem("review", m, "", group.text_id, group.section, group.start, group.end)


def _due_reviews(state: _State, ctx: _Context, items: list[PlannedItem], index: int, cap: int,
                 reviewed: set[tuple[str, int]]) -> int:
    """Due reviews, oldest first, within ``cap`` minutes; returns the minutes used.

    Stops at the first one that does not fit so the postponed ones keep their
    order for the next session.
    """
    heap = state.pending
    used = 0
    deferred: list[tuple[int, int, tuple[str, int]]] = []
    while heap and heap[0][0] <= index:
        _due, order, key = heap[0]
        if key in reviewed:
            # The same group due twice today (a postponed review meets a regular
            # or an extra one): the second review moves to the next session.
            heapq.heappop(heap)
            deferred.append((index + 1, order, key))
            continue
        item = _review_item(state, ctx, key, room=cap)
        if item.minutes <= 0 or used + item.minutes > cap:
            break  # this one and every later one wait for the next session, in order
        heapq.heappop(heap)
        items.append(item)
        used += item.minutes
        reviewed.add(key)
    for entry in deferred:
        heapq.heappush(heap, entry)
    return used


def _check_reviews(state: _State, ctx: _Context, items: list[PlannedItem], room: int,
                   reviewed: set[tuple[str, int]]) -> int:
    """Recitation check: everything learned since the last check comes back too; returns the minutes used."""
    used = 0
    for key in state.since_check:
        if key in reviewed:
            continue
        item = _review_item(state, ctx, key)
        if used + item.minutes > room:
            continue
        items.append(item)
        used += item.minutes
        reviewed.add(key)
    state.since_check.clear()
    return used


def _plan_one(s: Slot, index: int, state: _State, ctx: _Context, fest: FestivalLike | None) -> PlannedSession:
    minutes = ctx.spec.minutes
    session = PlannedSession(date=s.date, slot=s.slot, minutes=minutes, items=[])
    items = session.items
    used = _festival_opening(session, ctx, fest)

    weekday = s.timetable_weekday if s.timetable_weekday is not None else s.date.weekday()
    session.pattern = ctx.spec.weekday_pattern.get(weekday)
    check_day = session.pattern == "recitation_check"
    closing_label, closing_min = _closing(session.pattern)

    _advance_cursor(state)
    exhausted = state.cursor >= len(state.remaining)
    available = minutes - used - closing_min
    review_cap = available if (check_day or exhausted) else min(int(minutes * REVIEW_SHARE), available)
    reviewed: set[tuple[str, int]] = set()
    review_used = _due_reviews(state, ctx, items, index, review_cap, reviewed)
    if check_day:
        review_used += _check_reviews(state, ctx, items, review_cap - review_used, reviewed)
    else:
        used += _add_new(state, items, available - review_used, ctx.pace, index, ctx.spec.review_intervals)
        if exhausted and state.groups:
            review_used += _rotate_reviews(state, ctx.catalog, items, review_cap - review_used, reviewed, ctx.pace)

    # Whatever is left (at least the closing minimum) goes to the closing activity:
    # this is what makes the items add up to exactly the session length.
    items.append(PlannedItem("activity", minutes - used - review_used, closing_label))
    return session


def _consolidation_units(state: _State, catalog: Catalog) -> list[tuple[str, str, int, int, int]]:
    """Introduced groups merged into whole runs of one section: (text_id, section, start, end, chars)."""
    if state.units is not None and state.units_for == len(state.groups):
        return state.units
    units: list[tuple[str, str, int, int, int]] = []
    for key in sorted(state.groups, key=lambda k: state.groups[k].order):
        group, chars = _group_chars(state, catalog, key)
        if units:
            t, sec, a, b, c = units[-1]
            if t == group.text_id and sec == group.section and b + 1 == group.start:
                units[-1] = (t, sec, a, group.end, c + chars)
                continue
        units.append((group.text_id, group.section, group.start, group.end, chars))
    state.units, state.units_for = units, len(state.groups)
    return units


def _rotate_reviews(state: _State, catalog: Catalog, items: list[PlannedItem], room: int,
                    reviewed: set[tuple[str, int]], pace: int) -> int:
    """Once every text is introduced, fill the session by cycling through whole sections (consolidation).

    One item per section run keeps late-term sessions short to read; a section
    longer than the room left is reviewed alone in the room there is.
    """
    units = _consolidation_units(state, catalog)
    used = 0
    for _ in range(len(units)):
        text_id, section, a, b, chars = units[state.rotation % len(units)]
        if (text_id, a) in reviewed:
            state.rotation += 1
            continue
        m = _group_minutes(chars, pace * REVIEW_SPEEDUP)
        if used + m > room:
            if used or room <= 0:
                break
            m = room
        items.append(PlannedItem("review", m, LABEL_CONSOLIDATE, text_id, section, a, b))
        reviewed.add((text_id, a))
        used += m
        state.rotation += 1
    return used


def _add_new(state: _State, items: list[PlannedItem], budget: int, pace: int, index: int,
             intervals: tuple[int, ...]) -> int:
    """Append new groups while whole passages fit into ``budget`` minutes; returns the minutes used."""
    rem = state.remaining
    n = len(rem)
    covered = state.covered  # only passages of fixed (done/locked) sessions; the cursor tracks the rest
    used = 0
    first = True
    while budget > 0:
        _advance_cursor(state)
        if state.cursor >= n:
            break
        head = rem[state.cursor]
        chars = head.chars
        end = state.cursor
        limit = budget * pace  # ceil(chars / pace) <= budget  <=>  chars <= budget * pace
        if chars > limit:
            if not first:
                break
            # Over-long passage: scheduled alone with the whole remaining budget.
            m = budget
        else:
            j = state.cursor + 1
            prev = head.index
            while j < n:
                p = rem[j]
                if p.text_id != head.text_id or p.section != head.section or p.index != prev + 1:
                    break
                if chars + p.chars > limit or (covered and (p.text_id, p.index) in covered):
                    break
                chars += p.chars
                prev = p.index
                end = j
                j += 1
            m = _group_minutes(chars, pace)
        last = rem[end]
        state.cursor = end + 1
        group = _Group(head.text_id, head.section, head.index, last.index, chars, 0)
        _register(state, group, index, intervals)
        items.append(PlannedItem("new", m, "", head.text_id, head.section, head.index, last.index))
        budget -= m
        used += m
        first = False
    return used
