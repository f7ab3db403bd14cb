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
  in the catalog, ``FESTIVAL_MINUTES`` long, covering the passages that fit.
* **Weekday pattern.** The pattern follows the *timetable* weekday a day
  runs (``Slot.timetable_weekday``, or the ``timetable`` mapping): a make-up
  Saturday that follows the Friday timetable is a Friday for the pattern, and
  an extra session on a plain weekend day has no pattern.
  ``{4: "recitation_check"}`` makes Friday a recitation check day: due reviews plus every group introduced since the previous check,
  a 背诵检查 activity, no new material. ``"story"`` ends the day with a longer
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
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from curriculum.catalog.schema import Catalog, TextEntry, count_characters
from curriculum.errors import DomainError
from curriculum.stages import STAGE_KEYS, get_stage
from curriculum.vocab import ITEM_KINDS as KIND_LABELS
from curriculum.vocab import WEEKDAY_PATTERNS as PATTERNS

MIN_SESSION_MINUTES = 30
MAX_SESSION_MINUTES = 180
DEFAULT_MINUTES = 30
DEFAULT_INTERVALS: tuple[int, ...] = (1, 2, 4, 7, 15)
DEFAULT_PASS_THRESHOLD = 0.8
REVIEW_SHARE = 0.5  # an ordinary day spends at most half its minutes on review
REVIEW_SPEEDUP = 2  # reviewing known text runs at twice the first-reading pace
CLOSING_MINUTES = 3
STORY_MINUTES = 8
CHECK_MINUTES = 10
FESTIVAL_MINUTES = 10
EXTRA_REVIEW_OFFSETS: tuple[int, ...] = (1, 3)

KINDS = tuple(KIND_LABELS)
LABEL_CHORAL = "齐读"
LABEL_CHECK = "背诵检查"
LABEL_STORY = "讲故事"
LABEL_FESTIVAL = "节日诵读"
LABEL_CONSOLIDATE = "巩固复习"  # rotation reviews once every text is introduced


class PlanError(DomainError):
    """Bad planner input; the message is Chinese and names the field."""


class FestivalLike(Protocol):
    key: str
    name: str
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Passage:
    text_id: str
    section: str
    index: int  # 1-based over the whole text
    chars: int


@dataclass(slots=True)
class PlannedItem:  # not frozen: a full-year plan builds thousands and frozen __init__ is slow
    kind: str
    minutes: int
    label: str = ""
    text_id: str | None = None
    section: str | None = None
    passage_start: int | None = None
    passage_end: int | None = None

    @property
    def group_key(self) -> tuple[str, int] | None:
        if self.text_id is None or self.passage_start is None:
            return None
        return (self.text_id, self.passage_start)


@dataclass(frozen=True, slots=True)
class FixedSession:
    """A session the engine must keep as it is (done or locked)."""

    items: tuple[PlannedItem, ...]
    minutes: int
    done: bool = False
    pass_rate: float | None = None
    festival_key: str | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    """A place for one session: a date and a slot number (0 = the day's regular session)."""

    date: date
    slot: int = 0
    fixed: FixedSession | None = None
    # The weekday whose timetable the day runs (0 = Mon … 4 = Fri); ``None`` = its calendar weekday.
    timetable_weekday: int | None = None


@dataclass(slots=True)
class PlannedSession:
    date: date
    minutes: int
    items: list[PlannedItem]
    slot: int = 0
    festival_key: str | None = None
    festival_name: str | None = None
    pattern: str | None = None
    fixed: bool = False

    @property
    def total_minutes(self) -> int:
        return sum(i.minutes for i in self.items)


@dataclass(frozen=True, slots=True)
class PassageRange:
    """Consecutive passages of one section (used for what did not fit the term)."""

    text_id: str
    section: str
    passage_start: int
    passage_end: int


@dataclass
class PlanSpec:
    """What the teacher chose. Validate with :func:`validate_spec`."""

    stage: str
    text_ids: tuple[str, ...] = ()
    minutes: int = DEFAULT_MINUTES
    chars_per_minute: int | None = None
    review_intervals: tuple[int, ...] = DEFAULT_INTERVALS
    pass_threshold: float = DEFAULT_PASS_THRESHOLD
    weekday_pattern: Mapping[int, str] = field(default_factory=dict)

    @property
    def pace(self) -> int:
        return self.chars_per_minute or get_stage(self.stage).chars_per_minute


@dataclass
class PlanResult:
    sessions: list[PlannedSession]
    unscheduled: list[PassageRange]
    notes: list[str] = field(default_factory=list)


def default_text_ids(stage: str, catalog: Catalog | None = None) -> tuple[str, ...]:
    """The stage's featured texts (those present in ``catalog`` when one is given)."""
    featured = get_stage(stage).featured
    if catalog is None:
        return featured
    return tuple(t for t in featured if t in catalog)


def validate_spec(spec: PlanSpec, catalog: Catalog) -> PlanSpec:
    """Check every field and fill the default texts; raise :class:`PlanError` in Chinese."""
    if spec.stage not in STAGE_KEYS:
        raise PlanError(f"学段：未知学段“{spec.stage}”，可选：{'、'.join(STAGE_KEYS)}")
    if not isinstance(spec.minutes, int) or spec.minutes < MIN_SESSION_MINUTES:
        raise PlanError(
            f"每次时长：{spec.minutes} 分钟太短——经典诵读要求每日至少诵读半小时（{MIN_SESSION_MINUTES} 分钟）"
        )
    if spec.minutes > MAX_SESSION_MINUTES:
        raise PlanError(f"每次时长：{spec.minutes} 分钟太长，最多 {MAX_SESSION_MINUTES} 分钟")
    if spec.chars_per_minute is not None and not (1 <= spec.chars_per_minute <= 200):
        raise PlanError(f"诵读速度：每分钟 {spec.chars_per_minute} 字不合理，应在 1–200 之间")
    intervals = tuple(spec.review_intervals)
    if not intervals or any((not isinstance(d, int)) or d < 1 for d in intervals):
        raise PlanError("复习间隔：应为正整数（单位：上课日），例如 1,2,4,7,15")
    if list(intervals) != sorted(set(intervals)):
        raise PlanError("复习间隔：应从小到大且不重复，例如 1,2,4,7,15")
    if not (0 < spec.pass_threshold <= 1):
        raise PlanError(f"达标线：{spec.pass_threshold} 应在 0 与 1 之间（例如 0.8 表示 80%）")
    for weekday, pattern in spec.weekday_pattern.items():
        if weekday not in range(7):
            raise PlanError(f"每周安排：星期编号 {weekday} 应在 0（周一）到 6（周日）之间")
        if pattern not in PATTERNS:
            raise PlanError(f"每周安排：不认识“{pattern}”，可选：{'、'.join(PATTERNS)}")
    text_ids = tuple(spec.text_ids) or default_text_ids(spec.stage, catalog)
    if not text_ids:
        raise PlanError("篇目：书目中没有该学段的推荐篇目，请指定篇目")
    missing = [t for t in text_ids if t not in catalog]
    if missing:
        raise PlanError(f"篇目：书目中没有“{'、'.join(missing)}”")
    if len(set(text_ids)) != len(text_ids):
        raise PlanError("篇目：同一篇目出现了两次")
    return PlanSpec(
        stage=spec.stage,
        text_ids=text_ids,
        minutes=spec.minutes,
        chars_per_minute=spec.chars_per_minute,
        review_intervals=intervals,
        pass_threshold=spec.pass_threshold,
        weekday_pattern=dict(spec.weekday_pattern),
    )


def parse_intervals(text: str) -> tuple[int, ...]:
    """Review intervals typed by a teacher ("1,2,4,7,15", Chinese commas and spaces too) → (1, 2, 4, 7, 15).

    Raises :class:`PlanError` in Chinese for anything that is not a growing list
    of positive whole numbers of school days.
    """
    raw = (text or "").strip()
    parts = [p for p in raw.replace("，", ",").replace("、", ",").replace(" ", ",").split(",") if p]
    if not parts:
        raise PlanError("复习间隔：不能为空，例如 1,2,4,7,15（单位：上课日）")
    values = []
    for p in parts:
        if not p.isdigit() or int(p) < 1:
            raise PlanError(f"复习间隔：“{p}”不是正整数（单位：上课日），例如 1,2,4,7,15")
        values.append(int(p))
    if values != sorted(set(values)):
        raise PlanError(f"复习间隔：“{raw}”应从小到大且不重复，例如 1,2,4,7,15")
    if values[-1] > 200:
        raise PlanError(f"复习间隔：{values[-1]} 个上课日太长，一学年也只有约 200 个上课日")
    return tuple(values)


def parse_pass_threshold(text: str) -> float:
    """A pass threshold as typed: "0.8", "80%" or "80" → 0.8. Chinese :class:`PlanError` otherwise."""
    raw = (text or "").strip()
    try:
        value = float(raw.removesuffix("%").removesuffix("％"))
    except ValueError:
        raise PlanError(f"达标线：“{raw}”不是数字，请写成 0.8 或 80%") from None
    if raw.endswith(("%", "％")) or value > 1:
        value /= 100
    if not (0 < value <= 1):
        raise PlanError(f"达标线：“{raw}”应在 0 与 100% 之间（例如 0.8 或 80%）")
    return value


# Passage lists are rebuilt for every plan otherwise; the entry is kept in the
# value so its id() cannot be reused while cached.
_PASSAGE_CACHE: dict[int, tuple[TextEntry, tuple[Passage, ...]]] = {}


def text_passages(entry: TextEntry) -> tuple[Passage, ...]:
    cached = _PASSAGE_CACHE.get(id(entry))
    if cached is not None and cached[0] is entry:
        return cached[1]
    out: list[Passage] = []
    index = 0
    for section in entry.sections:
        for passage in section.passages:
            index += 1
            out.append(Passage(entry.id, section.title, index, count_characters(passage)))
    result = tuple(out)
    _PASSAGE_CACHE[id(entry)] = (entry, result)
    return result


def passage_text(catalog: Catalog, item: PlannedItem | Any) -> str:
    """The catalog text an item covers (its passages joined by newlines), or ``""``."""
    if not item.text_id or item.passage_start is None or item.text_id not in catalog:
        return ""
    passages = catalog.get(item.text_id).passages
    end = item.passage_end or item.passage_start
    return "\n".join(passages[item.passage_start - 1 : end])


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
    pace = spec.pace
    minutes = spec.minutes
    intervals = spec.review_intervals
    timetable = timetable or {}
    norm: list[Slot] = []
    for s in slots:
        s = s if isinstance(s, Slot) else Slot(s)
        if s.timetable_weekday is None and s.date in timetable:
            s = Slot(s.date, s.slot, s.fixed, timetable[s.date])
        norm.append(s)
    norm.sort(key=lambda s: (s.date, s.slot))

    remaining: list[Passage] = []
    for tid in spec.text_ids:
        remaining.extend(text_passages(catalog.get(tid)))
    state = _State(remaining=remaining, covered=set(), groups={}, pending=[], since_check=[])

    # Passages covered by fixed sessions are not new material any more.
    for s in norm:
        if s.fixed is not None:
            for it in s.fixed.items:
                if it.kind == "new" and it.text_id is not None and it.passage_start is not None:
                    for idx in range(it.passage_start, (it.passage_end or it.passage_start) + 1):
                        state.covered.add((it.text_id, idx))

    sessions: list[PlannedSession] = []
    seen_dates: set[date] = set()
    for index, s in enumerate(norm):
        first_of_day = s.date not in seen_dates
        seen_dates.add(s.date)
        if s.fixed is not None:
            sessions.append(_replay(s, index, state, spec))
            continue
        fest = festivals.get(s.date) if first_of_day else None
        sessions.append(_plan_one(s, index, state, spec, catalog, fest, pace, minutes, intervals))

    _advance_cursor(state)
    unscheduled = _ranges([p for p in state.remaining[state.cursor :] if (p.text_id, p.index) not in state.covered])
    notes: list[str] = []
    if unscheduled:
        n = sum(r.passage_end - r.passage_start + 1 for r in unscheduled)
        notes.append(f"本学期上课日不够，还有 {n} 句未能排入（见“未能排入本学期的内容”，导出文件中为 unscheduled / “未排入”表）")
    return PlanResult(sessions=sessions, unscheduled=unscheduled, notes=notes)


def _ranges(passages: list[Passage]) -> list[PassageRange]:
    out: list[PassageRange] = []
    for p in passages:
        last = out[-1] if out else None
        if last and last.text_id == p.text_id and last.section == p.section and last.passage_end + 1 == p.index:
            out[-1] = PassageRange(last.text_id, last.section, last.passage_start, p.index)
        else:
            out.append(PassageRange(p.text_id, p.section, p.index, p.index))
    return out


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


def _plan_one(
    s: Slot,
    index: int,
    state: _State,
    spec: PlanSpec,
    catalog: Catalog,
    fest: FestivalLike | None,
    pace: int,
    minutes: int,
    intervals: tuple[int, ...],
) -> PlannedSession:
    items: list[PlannedItem] = []
    used = 0
    session = PlannedSession(date=s.date, slot=s.slot, minutes=minutes, items=items)

    if fest is not None:
        text = next((t for t in fest.texts if t in catalog), None)
        if text is not None:
            passages = text_passages(catalog.get(text))
            budget_chars = FESTIVAL_MINUTES * pace
            take = [passages[0]]
            chars = passages[0].chars
            for p in passages[1:]:
                if p.section != take[0].section or chars + p.chars > budget_chars:
                    break
                take.append(p)
                chars += p.chars
            items.append(PlannedItem("activity", FESTIVAL_MINUTES, f"{LABEL_FESTIVAL}·{fest.name}", text,
                                     take[0].section, take[0].index, take[-1].index))
            used += FESTIVAL_MINUTES
            session.festival_key = fest.key
            session.festival_name = fest.name

    weekday = s.timetable_weekday if s.timetable_weekday is not None else s.date.weekday()
    pattern = spec.weekday_pattern.get(weekday)
    session.pattern = pattern
    check_day = pattern == "recitation_check"
    if check_day:
        closing_label, closing_min = LABEL_CHECK, CHECK_MINUTES
    elif pattern == "story":
        closing_label, closing_min = LABEL_STORY, STORY_MINUTES
    else:
        closing_label, closing_min = LABEL_CHORAL, CLOSING_MINUTES

    _advance_cursor(state)
    exhausted = state.cursor >= len(state.remaining)
    available = minutes - used - closing_min
    review_cap = available if (check_day or exhausted) else min(int(minutes * REVIEW_SHARE), available)

    # Due reviews, oldest first; stop at the first one that does not fit so the
    # postponed ones keep their order for the next session.
    heap = state.pending
    review_pace = pace * REVIEW_SPEEDUP
    review_used = 0
    reviewed: set[tuple[str, int]] = set()
    deferred: list[tuple[int, int, tuple[str, int]]] = []
    while heap and heap[0][0] <= index:
        _due, order, key = heap[0]
        if key in reviewed:
            # The same group due twice today (a postponed review meets a regular
            # or an extra one): the second review moves to the next session.
            heapq.heappop(heap)
            deferred.append((index + 1, order, key))
            continue
        group, chars = _group_chars(state, catalog, key)
        m = _group_minutes(chars, review_pace)
        if m > review_cap:
            m = review_cap
        if m <= 0 or review_used + m > review_cap:
            break  # this one and every later one wait for the next session, in order
        heapq.heappop(heap)
        items.append(PlannedItem("review", m, "", group.text_id, group.section, group.start, group.end))
        review_used += m
        reviewed.add(key)
    for entry in deferred:
        heapq.heappush(heap, entry)

    if check_day:
        # Recitation check: everything learned since the last check comes back too.
        for key in state.since_check:
            if key in reviewed:
                continue
            group, chars = _group_chars(state, catalog, key)
            m = _group_minutes(chars, pace * REVIEW_SPEEDUP)
            if review_used + m > review_cap:
                continue
            items.append(PlannedItem("review", m, "", group.text_id, group.section, group.start, group.end))
            review_used += m
            reviewed.add(key)
        state.since_check.clear()
    else:
        new_used = _add_new(state, items, available - review_used, pace, index, intervals)
        used += new_used
        if exhausted and state.groups:
            review_used += _rotate_reviews(state, catalog, items, review_cap - review_used, reviewed, pace)

    # Whatever is left (at least the closing minimum) goes to the closing activity:
    # this is what makes the items add up to exactly the session length.
    rest = minutes - used - review_used
    items.append(PlannedItem("activity", rest, closing_label))
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
