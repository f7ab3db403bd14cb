"""The teacher's undoable edits of a stored plan; each commits its own work and records its history.

* ``bump`` — a lost day: that day's session and every later unlocked,
  not-done regular session move one school day on, skipping days held by a
  locked or done session and days already lost. The days from the lost one
  on are re-planned, so festival readings and weekday pattern items (背诵检查)
  stay on their dates while the material moves on; what falls off the term
  end is added to the plan's ``unscheduled`` passages (listed, never
  dropped). The lost day keeps a ``cancelled`` marker so regeneration does not
  refill it. Extra sessions (a Saturday reading, a second slot) stay put.
* ``set_locked`` / ``lock`` / ``unlock`` — pin a session to its date.
* ``insert_extra_session`` — an additional session on any day (weekend or a
  second slot); the plan is re-planned from that day so it carries material.
* ``reorder_texts`` — a new text order; not-done, unlocked sessions from the
  given day are re-planned.
* ``mark_done`` — record the share of the class that passed recitation; under
  the plan's threshold the touched passages get extra reviews (re-plan from
  the next day).
* ``regenerate_from`` — re-plan every unlocked, not-done session from a day,
  keeping done and locked sessions exactly as they are.

Every re-plan goes through ``_replan``: keep what is fixed, fill the open
slots (``planner.slots``), store the engine's new sessions and recompute
``Plan.unscheduled``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert
from sqlmodel import Session

from curriculum.catalog.schema import Catalog
from curriculum.models.plan import Plan
from curriculum.planner.classes import get_class
from curriculum.planner.engine import generate_plan
from curriculum.planner.history import record, snapshot
from curriculum.planner.plan_types import FixedSession, PassageRange, Slot
from curriculum.planner.plans import get_plan, plan_spec, plan_timetable, ranges_json, school_days
from curriculum.planner.sessions import (
    SESSION_TABLE,
    PlanStoreError,
    StoredSession,
    delete_sessions,
    find_session,
    insert_sessions,
    list_sessions,
    session_rows,
)
from curriculum.planner.slots import SlotKey, free_days, open_slots, overflow
from curriculum.schoolcal.terms import festival_map


@dataclass
class BumpResult:
    moved: int
    unscheduled: list[dt.date]


@dataclass
class RegenerateResult:
    sessions: int
    unscheduled: list[PassageRange]


@dataclass
class _Layout:
    """How a re-plan from a day treats the plan's current rows."""

    kept: list[StoredSession]  # done, locked or before the day: replayed as they are
    open: list[SlotKey]  # places the engine fills
    extras: set[SlotKey]  # places stored as extra sessions
    doomed: list[int]  # row ids deleted before the new sessions go in


def _layout(rows: list[StoredSession], days: list[dt.date], since: dt.date,
            extra_slot: SlotKey | None) -> _Layout:
    scheduled = [s for s in rows if s.status == "scheduled"]
    kept = [s for s in scheduled if s.done or s.locked or s.date < since]
    kept_keys = {(s.date, s.slot) for s in kept}
    extras = {(s.date, s.slot) for s in scheduled if s.extra} | ({extra_slot} if extra_slot else set())
    cancelled = {s.date for s in rows if s.status == "cancelled"}
    # Rows pushed past the term end and every scheduled row not kept are replaced by the new plan.
    doomed = [s.id for s in rows
              if s.status == "unscheduled" or (s.status == "scheduled" and (s.date, s.slot) not in kept_keys)]
    slots = open_slots(days, since=since, kept=kept_keys, cancelled=cancelled, extras=extras)
    return _Layout(kept, slots, extras, doomed)


def _replan(plan: Plan, since: dt.date, *, session: Session, catalog: Catalog,
            extra_slot: SlotKey | None = None) -> RegenerateResult:
    """Re-plan the open slots from ``since`` around the kept sessions; store them and the new leftovers."""
    spec = plan_spec(plan, get_class(plan.class_id, session=session))
    days = school_days(plan)
    layout = _layout(list_sessions(plan.id, session=session, status=None), days, since, extra_slot)
    delete_sessions(plan.id, layout.doomed, session=session)
    slots = [Slot(s.date, s.slot, FixedSession(tuple(s.items), s.minutes, s.done, s.pass_rate, s.festival_key))
             for s in layout.kept]
    slots += [Slot(d, sl) for d, sl in layout.open]
    result = generate_plan(spec, slots, catalog, festival_map(plan.term_start, plan.term_end), validate=False,
                           timetable=plan_timetable(plan))
    planned = [s for s in result.sessions if not s.fixed]
    rows, items = session_rows(plan.id, planned, set(days), layout.extras)
    insert_sessions(session, rows, items)
    # Re-planning covers the bumped-off passages first; what still does not fit is kept on the plan.
    plan.unscheduled = ranges_json(result.unscheduled)
    session.add(plan)
    return RegenerateResult(sessions=len(planned), unscheduled=result.unscheduled)


def regenerate_from(plan_id: int, day: dt.date, *, session: Session, catalog: Catalog) -> RegenerateResult:
    """Re-plan every unlocked, not-done session from ``day`` on; done and locked sessions stay."""
    plan = get_plan(plan_id, session=session)
    before = snapshot(plan, session=session)
    result = _replan(plan, day, session=session, catalog=catalog)
    record(plan, "regenerate", f"自 {day:%Y-%m-%d} 起重新排课", before, session=session)
    session.commit()
    return result


def insert_extra_session(plan_id: int, day: dt.date, *, session: Session, catalog: Catalog) -> RegenerateResult:
    """Add a session on ``day`` (a weekend reading, or a second slot on a school day)."""
    plan = get_plan(plan_id, session=session)
    if not (plan.term_start <= day <= plan.term_end):
        raise PlanStoreError(f"{day:%Y-%m-%d}：不在本学期（{plan.term_start} 至 {plan.term_end}）之内", field="day")
    # Every row of the day counts, the cancelled marker of a bumped-off day included: an extra
    # session there must not take slot 0, whose calendar UID now carries the cancellation.
    existing = [s for s in list_sessions(plan_id, session=session, status=None) if s.date == day]
    slot = max((s.slot for s in existing), default=-1) + 1
    before = snapshot(plan, session=session)
    result = _replan(plan, day, session=session, catalog=catalog, extra_slot=(day, slot))
    record(plan, "extra", f"{day:%Y-%m-%d} 加课（第 {slot + 1} 节）", before, session=session)
    session.commit()
    return result


def _check_order(new_order: list[str], catalog: Catalog) -> None:
    if not new_order:
        raise PlanStoreError("篇目顺序：至少保留一篇", field="text_ids")
    missing = [t for t in new_order if t not in catalog]
    if missing:
        raise PlanStoreError(f"篇目顺序：书目中没有“{'、'.join(missing)}”", field="text_ids")
    if len(set(new_order)) != len(new_order):
        raise PlanStoreError("篇目顺序：同一篇目出现了两次", field="text_ids")


def reorder_texts(plan_id: int, new_order: Sequence[str], *, session: Session, catalog: Catalog,
                  from_day: dt.date | None = None) -> RegenerateResult:
    """Change the text order and re-plan not-done, unlocked sessions from ``from_day``.

    The page passes today; the default (term start) re-plans every session that
    is neither done nor locked. Texts may be added or dropped as well as moved.
    """
    plan = get_plan(plan_id, session=session)
    new_order = list(new_order)
    _check_order(new_order, catalog)
    before = snapshot(plan, session=session)
    plan.text_ids = new_order
    session.add(plan)
    session.flush()
    result = _replan(plan, from_day or plan.term_start, session=session, catalog=catalog)
    record(plan, "reorder", "、".join(new_order), before, session=session)
    session.commit()
    return result


def mark_done(plan_id: int, day: dt.date, pass_rate: float, *, session: Session, catalog: Catalog,
              slot: int = 0) -> bool:
    """Mark a session done with the share that passed; returns True if extra reviews were planned."""
    if pass_rate is None or not (0 <= pass_rate <= 1):
        raise PlanStoreError(f"通过率：{pass_rate} 应在 0 与 1 之间（例如 0.85 表示 85%）", field="pass_rate")
    plan = get_plan(plan_id, session=session)
    target = find_session(list_sessions(plan_id, session=session), day, slot)
    before = snapshot(plan, session=session)
    session.execute(SESSION_TABLE.update().where(SESSION_TABLE.c.id == target.id)
                    .values(done=True, pass_rate=float(pass_rate)))
    low = pass_rate < plan.pass_threshold
    if low:
        _replan(plan, day + dt.timedelta(days=1), session=session, catalog=catalog)
    record(plan, "mark_done", f"{day:%Y-%m-%d} 通过率 {pass_rate:.0%}", before, session=session)
    session.commit()
    return low


def _bumpable(sessions: list[StoredSession], day: dt.date, days: list[dt.date]) -> StoredSession | None:
    """The day's regular session if it may be bumped; ``None`` for a school day with nothing planned yet."""
    if day in days and not any(s.date == day and s.slot == 0 for s in sessions):
        # A future school day with no reading yet (e.g. a known trip): it is simply lost for re-planning.
        return None
    target = find_session(sessions, day, 0)
    if target.extra:
        raise PlanStoreError(f"{day:%Y-%m-%d}：这是加课，不能顺延（可以撤销加课）", field="day")
    if target.locked or target.done:
        state = "完成" if target.done else "锁定"
        raise PlanStoreError(f"{day:%Y-%m-%d}：这节课已{state}，不能顺延（如需顺延请先解锁）", field="day")
    return target


def bump(plan_id: int, day: dt.date, *, session: Session, catalog: Catalog) -> BumpResult:
    """A lost day: push that day's session and every later unlocked one to the next school day.

    The days from ``day`` on are re-planned with the lost day taken out: the
    material moves on one school day, while what belongs to a *date* stays on
    its date — the festival reading on the festival, the 背诵检查 on the
    pattern's (timetable) weekday. What no longer fits is added to the plan's
    unscheduled passages.
    """
    plan = get_plan(plan_id, session=session)
    rows = list_sessions(plan_id, session=session, status=None)
    sched = [s for s in rows if s.status == "scheduled"]
    if day in {s.date for s in rows if s.status == "cancelled"}:
        raise PlanStoreError(f"{day:%Y-%m-%d}：这天已经停课", field="day")
    _bumpable(sched, day, school_days(plan))
    before = snapshot(plan, session=session)
    movable = [s for s in sched if s.date >= day and not s.locked and not s.done and not s.extra]
    taken = {s.date for s in sched if s.locked or s.done} | {s.date for s in rows if s.status == "cancelled"} | {day}
    fell_off = [s.date for s in overflow(movable, free_days(school_days(plan), since=day, taken=taken))]
    session.execute(insert(SESSION_TABLE), [{
        "plan_id": plan_id, "date": day, "slot": 0, "minutes": 0, "locked": False, "done": False,
        "pass_rate": None, "festival_key": None, "status": "cancelled", "extra": False,
    }])
    # Re-plan from the lost day: the engine carries the material on and keeps date-bound items on their dates.
    _replan(plan, day, session=session, catalog=catalog)
    detail = f"{day:%Y-%m-%d} 停课，{len(movable)} 节顺延"
    if fell_off:
        detail += f"，{len(fell_off)} 节超出学期未排入"
    record(plan, "bump", detail, before, session=session)
    session.commit()
    return BumpResult(moved=len(movable), unscheduled=fell_off)


def set_locked(plan_id: int, day: dt.date, locked: bool = True, *, session: Session, slot: int = 0) -> None:
    """Lock a session to its date (bumps and regeneration leave it alone) or unlock it."""
    plan = get_plan(plan_id, session=session)
    target = find_session(list_sessions(plan_id, session=session), day, slot)
    before = snapshot(plan, session=session)
    session.execute(SESSION_TABLE.update().where(SESSION_TABLE.c.id == target.id).values(locked=locked))
    record(plan, "lock" if locked else "unlock", f"{day:%Y-%m-%d}", before, session=session)
    session.commit()


def lock(plan_id: int, day: dt.date, *, session: Session, slot: int = 0) -> None:
    """Lock a session to its date."""
    set_locked(plan_id, day, True, session=session, slot=slot)


def unlock(plan_id: int, day: dt.date, *, session: Session, slot: int = 0) -> None:
    """Unlock a session: bumps and regeneration may move or re-plan it again."""
    set_locked(plan_id, day, False, session=session, slot=slot)
