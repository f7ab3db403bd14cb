"""Term plans in the database, and the teacher's undoable edits.

Every function takes ``*, session`` and commits its own work, so an edit is
either fully saved or not at all. Sessions and items are written with bulk
Core inserts (one statement per table per plan), which is what keeps a
full-year plan for a class under a few milliseconds of storage time.

Operations (each writes a ``PlanOperation`` with a snapshot of the plan's
sessions and text order *before* the edit; ``undo_last`` restores it):

* ``bump`` — a lost day: that day's session and every later unlocked,
  not-done regular session move one school day on, skipping days held by a
  locked or done session and days already lost. Given the catalog, the days
  from the lost one on are re-planned, so festival readings and weekday
  pattern items (背诵检查) stay on their dates while the material moves on;
  what falls off the term end is added to the plan's ``unscheduled``
  passages (listed, never dropped). The lost day
  keeps a ``cancelled`` marker so regeneration does not refill it. Extra
  sessions (a Saturday reading, a second slot) stay where they are.
* ``set_locked`` — lock / unlock a session to its date.
* ``insert_extra_session`` — an additional session on any day (weekend or a
  second slot); the plan is re-planned from that day so it carries material.
* ``reorder_texts`` — a new text order; not-done, unlocked sessions from the
  given day are re-planned.
* ``mark_done`` — record the share of the class that passed recitation; under
  the plan's threshold the touched passages get extra reviews (re-plan from
  the next day).
* ``regenerate_from`` — re-plan every unlocked, not-done session from a day,
  keeping done and locked sessions exactly as they are.

What does not fit the term is never lost: ``Plan.unscheduled`` holds the
passage ranges no session covers. It is set when the plan is made,
recomputed by every re-plan (regenerate, extra session, reorder, mark done
under the threshold) — the engine re-plans the bumped-off passages first and
lists what still does not fit — and restored by undo.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, insert, select
from sqlmodel import Session

from curriculum import schoolcal
from curriculum.catalog.schema import Catalog
from curriculum.clock import local_today
from curriculum.errors import DomainError
from curriculum.models.plan import Plan, PlanItem, PlanOperation, PlanSession, SchoolClass, SchoolClassBase
from curriculum.planner.engine import (
    DEFAULT_INTERVALS,
    DEFAULT_MINUTES,
    DEFAULT_PASS_THRESHOLD,
    FixedSession,
    PassageRange,
    PlannedItem,
    PlanResult,
    PlanSpec,
    Slot,
    generate_plan,
    validate_spec,
)
from curriculum.planner.terms import TermInputs, festival_map, term_inputs
from curriculum.stages import STAGE_KEYS

SESSION_TABLE = PlanSession.__table__
ITEM_TABLE = PlanItem.__table__


class PlanStoreError(DomainError):
    """An edit that cannot be made; Chinese message naming the day or field."""


@dataclass
class StoredSession:
    """A plan session as plain data (safe to cache in a page)."""

    id: int
    date: dt.date
    slot: int
    minutes: int
    locked: bool
    done: bool
    pass_rate: float | None
    festival_key: str | None
    status: str
    extra: bool
    items: list[PlannedItem] = field(default_factory=list)


@dataclass
class BumpResult:
    moved: int
    unscheduled: list[dt.date]


@dataclass
class RegenerateResult:
    sessions: int
    unscheduled: list[PassageRange]


# --- classes ------------------------------------------------------------------

def _max_length(field: str) -> int:
    """The ``max_length`` declared on ``SchoolClassBase.<field>`` (one source for the limit)."""
    return next(m.max_length for m in SchoolClassBase.model_fields[field].metadata if hasattr(m, "max_length"))


_NAME_MAX = _max_length("name")
_GRADE_MAX = _max_length("grade")


def create_class(
    *,
    session: Session,
    name: str,
    stage: str,
    grade: str = "",
    size: int = 40,
    reading_time: dt.time = dt.time(7, 40),
    chars_per_minute: int | None = None,
    school_id: int | None = None,
) -> SchoolClass:
    """Create a class; Chinese errors for a blank name, unknown stage or bad size."""
    name = (name or "").strip()
    if not name:
        raise PlanStoreError("班级名称：不能为空")
    grade = (grade or "").strip()
    # The columns' limits (SchoolClassBase): PostgreSQL would raise DataError, SQLite store it silently.
    if len(name) > _NAME_MAX:
        raise PlanStoreError(f"班级名称：最多 {_NAME_MAX} 个字，现在 {len(name)} 个")
    if len(grade) > _GRADE_MAX:
        raise PlanStoreError(f"年级：最多 {_GRADE_MAX} 个字，现在 {len(grade)} 个")
    if stage not in STAGE_KEYS:
        raise PlanStoreError(f"学段：未知学段“{stage}”，可选：{'、'.join(STAGE_KEYS)}")
    if not (1 <= int(size) <= 200):
        raise PlanStoreError(f"班级人数：{size} 不合理，应在 1–200 之间")
    if chars_per_minute is not None and not (1 <= chars_per_minute <= 200):
        raise PlanStoreError(f"诵读速度：每分钟 {chars_per_minute} 字不合理，应在 1–200 之间")
    row = SchoolClass(name=name, stage=stage, grade=grade, size=int(size), reading_time=reading_time,
                      chars_per_minute=chars_per_minute, school_id=school_id)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def list_classes(*, session: Session) -> list[SchoolClass]:
    return list(session.execute(select(SchoolClass).order_by(SchoolClass.id)).scalars())


def get_class(class_id: int, *, session: Session) -> SchoolClass:
    row = session.get(SchoolClass, class_id)
    if row is None:
        raise PlanStoreError(f"班级：找不到编号为 {class_id} 的班级")
    return row


# --- plans -----------------------------------------------------------------------

def _spec(plan: Plan, klass: SchoolClass) -> PlanSpec:
    return PlanSpec(
        stage=klass.stage,
        text_ids=tuple(plan.text_ids),
        minutes=plan.minutes,
        chars_per_minute=klass.chars_per_minute,
        review_intervals=tuple(plan.review_intervals),
        pass_threshold=plan.pass_threshold,
        weekday_pattern={int(k): v for k, v in plan.weekday_pattern.items()},
    )


def _ranges_json(ranges: Iterable[PassageRange]) -> list[dict[str, Any]]:
    return [{"text_id": r.text_id, "section": r.section, "passage_start": r.passage_start,
             "passage_end": r.passage_end} for r in ranges]


def unscheduled_ranges(plan: Plan) -> list[PassageRange]:
    """The passages of ``plan`` that no session covers (they did not fit the term)."""
    return [PassageRange(r["text_id"], r.get("section") or "", int(r["passage_start"]), int(r["passage_end"]))
            for r in (plan.unscheduled or [])]


def _merge_ranges(ranges: Iterable[PassageRange], text_order: Sequence[str]) -> list[PassageRange]:
    """Sorted by plan text order and passage, touching ranges of one section merged."""
    rank = {t: k for k, t in enumerate(text_order)}
    out: list[PassageRange] = []
    for r in sorted(ranges, key=lambda r: (rank.get(r.text_id, len(rank)), r.text_id, r.passage_start)):
        last = out[-1] if out else None
        if last and last.text_id == r.text_id and last.section == r.section and r.passage_start <= last.passage_end + 1:
            out[-1] = PassageRange(last.text_id, last.section, last.passage_start, max(last.passage_end, r.passage_end))
        else:
            out.append(r)
    return out


def _session_rows(plan_id: int, result_sessions: Iterable[Any], school_days: set[dt.date],
                  extra: set[tuple[dt.date, int]] = frozenset()) -> tuple[list[dict], list[list[dict]]]:
    rows, items = [], []
    for s in result_sessions:
        rows.append({
            "plan_id": plan_id, "date": s.date, "slot": s.slot, "minutes": s.minutes, "locked": False,
            "done": False, "pass_rate": None, "festival_key": s.festival_key, "status": "scheduled",
            "extra": s.slot > 0 or s.date not in school_days or (s.date, s.slot) in extra,
        })
        items.append([
            (pos, it.kind, it.text_id, it.section, it.passage_start, it.passage_end, it.label, it.minutes)
            for pos, it in enumerate(s.items)
        ])
    return rows, items


ITEM_COLUMNS = ("session_id", "position", "kind", "text_id", "section", "passage_start", "passage_end", "label",
                "minutes")
_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


SESSION_COLUMNS = ("id", "plan_id", "date", "slot", "minutes", "locked", "done", "pass_rate", "festival_key",
                   "status", "extra")


def _copy(conn, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    quote = conn.dialect.identifier_preparer.quote
    with conn.connection.driver_connection.cursor() as cur:
        with cur.copy(f"COPY {quote(table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def insert_sessions(session: Session, rows: list[dict], items: list[list[tuple]]) -> None:
    """Bulk insert one plan's sessions and all their items.

    ``rows`` are session dicts (all of one plan); ``items[k]`` are the rows of
    session ``k`` as tuples in ``ITEM_COLUMNS`` order without the leading
    ``session_id``. A full-year plan has about a thousand items, so nothing
    goes through per-row dictionaries or row-by-row statements:

    * PostgreSQL (psycopg): session ids are drawn from the sequence in one
      query, then sessions and items each go in with one ``COPY``.
    * Other back ends: sessions in one executemany, their ids read back (the
      newest ids of the plan, in order — RETURNING with parameter order made
      SQLAlchemy insert row by row on SQLite), items in one driver-level
      executemany with positional parameters (Core with dictionaries took
      twice as long).
    """
    if not rows:
        return
    plan_ids = {r["plan_id"] for r in rows}
    if len(plan_ids) != 1:
        raise ValueError("insert_sessions: rows of one plan at a time")
    conn = session.connection()
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        ids = conn.exec_driver_sql(
            "SELECT nextval(pg_get_serial_sequence('plan_session', 'id')) FROM generate_series(1, %s)"
            % int(len(rows))
        ).scalars().all()
        _copy(conn, SESSION_TABLE.name, SESSION_COLUMNS,
              ((sid, *(r[c] for c in SESSION_COLUMNS[1:])) for sid, r in zip(ids, rows, strict=True)))
        _copy(conn, ITEM_TABLE.name, ITEM_COLUMNS,
              ((sid, *it) for sid, its in zip(ids, items, strict=True) for it in its))
        return
    session.execute(insert(SESSION_TABLE), rows)
    ids = session.execute(
        select(SESSION_TABLE.c.id).where(SESSION_TABLE.c.plan_id == plan_ids.pop())
        .order_by(SESSION_TABLE.c.id.desc()).limit(len(rows))
    ).scalars().all()[::-1]
    item_rows = [(sid, *it) for sid, its in zip(ids, items, strict=True) for it in its]
    if not item_rows:
        return
    mark = _PLACEHOLDERS.get(conn.dialect.paramstyle)
    if mark is None:  # a driver with another parameter style: plain Core
        session.execute(insert(ITEM_TABLE), [dict(zip(ITEM_COLUMNS, r)) for r in item_rows])
        return
    quote = conn.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(ITEM_TABLE.name)} ({', '.join(quote(c) for c in ITEM_COLUMNS)}) "
           f"VALUES ({', '.join([mark] * len(ITEM_COLUMNS))})")
    conn.exec_driver_sql(sql, item_rows)


def create_plan(
    *,
    session: Session,
    catalog: Catalog,
    class_id: int,
    start: dt.date,
    end: dt.date,
    text_ids: Sequence[str] = (),
    minutes: int = DEFAULT_MINUTES,
    review_intervals: Sequence[int] = DEFAULT_INTERVALS,
    pass_threshold: float = DEFAULT_PASS_THRESHOLD,
    weekday_pattern: dict[int, str] | None = None,
    term: TermInputs | None = None,
    name: str = "",
    commit: bool = True,
) -> tuple[Plan, PlanResult]:
    """Generate a plan for a class and a term and store it; returns the plan and the engine result."""
    klass = get_class(class_id, session=session)
    term = term or term_inputs(start, end)
    spec = validate_spec(PlanSpec(
        stage=klass.stage, text_ids=tuple(text_ids), minutes=minutes, chars_per_minute=klass.chars_per_minute,
        review_intervals=tuple(review_intervals), pass_threshold=pass_threshold,
        weekday_pattern=dict(weekday_pattern or {}),
    ), catalog)
    result = generate_plan(spec, term.days, catalog, term.festivals, validate=False, timetable=term.timetable)
    plan = Plan(
        name=name or f"{klass.name} {start:%Y-%m-%d}–{end:%Y-%m-%d}",
        term_start=start, term_end=end, minutes=spec.minutes, pass_threshold=spec.pass_threshold,
        class_id=klass.id, text_ids=list(spec.text_ids), review_intervals=list(spec.review_intervals),
        weekday_pattern={str(k): v for k, v in spec.weekday_pattern.items()},
        school_days=[d.isoformat() for d in term.days],
        timetable={d.isoformat(): w for d, w in term.timetable.items()},
        unscheduled=_ranges_json(result.unscheduled),
        issued_slots=sorted(slot_key(s.date, s.slot) for s in result.sessions),
    )
    session.add(plan)
    session.flush()
    rows, items = _session_rows(plan.id, result.sessions, set(term.days))
    insert_sessions(session, rows, items)
    if commit:
        session.commit()
        session.refresh(plan)
    return plan, result


def day_in_term(plan: Plan, day: dt.date) -> dt.date:
    """``day`` clamped into the plan's term (the page's default for date pickers)."""
    return min(max(day, plan.term_start), plan.term_end)


def get_plan(plan_id: int, *, session: Session) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise PlanStoreError(f"教学计划：找不到编号为 {plan_id} 的计划")
    return plan


def list_plans(*, session: Session, class_id: int | None = None) -> list[Plan]:
    stmt = select(Plan).order_by(Plan.id)
    if class_id is not None:
        stmt = stmt.where(Plan.class_id == class_id)
    return list(session.execute(stmt).scalars())


def list_sessions(plan_id: int, *, session: Session, status: str | None = "scheduled") -> list[StoredSession]:
    """The plan's sessions in date order with their items; ``status=None`` for all (incl. unscheduled, cancelled)."""
    stmt = select(SESSION_TABLE).where(SESSION_TABLE.c.plan_id == plan_id)
    if status is not None:
        stmt = stmt.where(SESSION_TABLE.c.status == status)
    rows = session.execute(stmt.order_by(SESSION_TABLE.c.date, SESSION_TABLE.c.slot, SESSION_TABLE.c.id)).mappings().all()
    by_id = {r["id"]: StoredSession(
        id=r["id"], date=r["date"], slot=r["slot"], minutes=r["minutes"], locked=r["locked"], done=r["done"],
        pass_rate=r["pass_rate"], festival_key=r["festival_key"], status=r["status"], extra=r["extra"],
    ) for r in rows}
    if by_id:
        items = session.execute(
            select(ITEM_TABLE)
            .where(ITEM_TABLE.c.session_id.in_(select(SESSION_TABLE.c.id).where(SESSION_TABLE.c.plan_id == plan_id)))
            .order_by(ITEM_TABLE.c.session_id, ITEM_TABLE.c.position)
        ).mappings().all()
        for it in items:
            target = by_id.get(it["session_id"])
            if target is not None:
                target.items.append(PlannedItem(it["kind"], it["minutes"], it["label"], it["text_id"], it["section"],
                                                it["passage_start"], it["passage_end"]))
    return list(by_id.values())


def unscheduled_sessions(plan_id: int, *, session: Session) -> list[StoredSession]:
    """Sessions pushed past the term end by bumps (listed, never silently dropped)."""
    return list_sessions(plan_id, session=session, status="unscheduled")


def list_operations(plan_id: int, *, session: Session) -> list[PlanOperation]:
    return list(session.execute(
        select(PlanOperation).where(PlanOperation.plan_id == plan_id).order_by(PlanOperation.id)
    ).scalars())


# --- snapshots and undo -----------------------------------------------------------

def _snapshot(plan: Plan, *, session: Session) -> dict[str, Any]:
    return {
        "text_ids": list(plan.text_ids),
        "unscheduled": list(plan.unscheduled or []),
        "sessions": [
            {
                "date": s.date.isoformat(), "slot": s.slot, "minutes": s.minutes, "locked": s.locked,
                "done": s.done, "pass_rate": s.pass_rate, "festival_key": s.festival_key, "status": s.status,
                "extra": s.extra,
                "items": [[i.kind, i.minutes, i.label, i.text_id, i.section, i.passage_start, i.passage_end]
                          for i in s.items],
            }
            for s in list_sessions(plan.id, session=session, status=None)
        ],
    }


def slot_key(day: dt.date, slot: int) -> str:
    """``"2026-09-12/1"``: one place for a session, as kept in ``Plan.issued_slots``."""
    return f"{day.isoformat()}/{slot}"


def _note_issued(plan: Plan, *, session: Session) -> None:
    """Add the places of the plan's current sessions to ``issued_slots`` (which only ever grows)."""
    rows = session.execute(
        select(SESSION_TABLE.c.date, SESSION_TABLE.c.slot)
        .where(SESSION_TABLE.c.plan_id == plan.id, SESSION_TABLE.c.status == "scheduled")
    ).all()
    known = list(plan.issued_slots or [])
    seen = set(known)
    new = [k for k in (slot_key(d, sl) for d, sl in rows) if k not in seen]
    if new:
        plan.issued_slots = sorted(seen | set(new))
        session.add(plan)


def _bump_revision(plan: Plan, *, session: Session) -> None:
    # Never restored by undo: the calendar SEQUENCE must only grow.
    plan.revision = (plan.revision or 0) + 1
    session.add(plan)


def _record(plan: Plan, kind: str, detail: str, snapshot: dict[str, Any], *, session: Session) -> None:
    session.add(PlanOperation(plan_id=plan.id, kind=kind, detail=detail[:200], snapshot=snapshot))
    _note_issued(plan, session=session)
    _bump_revision(plan, session=session)


def _delete_sessions(plan_id: int, session_ids: Iterable[int] | None, *, session: Session) -> None:
    if session_ids is None:
        ids_q = select(SESSION_TABLE.c.id).where(SESSION_TABLE.c.plan_id == plan_id)
        session.execute(delete(ITEM_TABLE).where(ITEM_TABLE.c.session_id.in_(ids_q)))
        session.execute(delete(SESSION_TABLE).where(SESSION_TABLE.c.plan_id == plan_id))
        return
    ids = list(session_ids)
    for k in range(0, len(ids), 500):
        chunk = ids[k : k + 500]
        session.execute(delete(ITEM_TABLE).where(ITEM_TABLE.c.session_id.in_(chunk)))
        session.execute(delete(SESSION_TABLE).where(SESSION_TABLE.c.id.in_(chunk)))


def undo_last(plan_id: int, *, session: Session) -> PlanOperation | None:
    """Restore the plan as it was before its last operation; returns that operation (or None)."""
    plan = get_plan(plan_id, session=session)
    op = session.execute(
        select(PlanOperation).where(PlanOperation.plan_id == plan_id).order_by(PlanOperation.id.desc()).limit(1)
    ).scalars().first()
    if op is None:
        return None
    snap = op.snapshot
    _delete_sessions(plan_id, None, session=session)
    rows, items = [], []
    for s in snap["sessions"]:
        rows.append({
            "plan_id": plan_id, "date": dt.date.fromisoformat(s["date"]), "slot": s["slot"], "minutes": s["minutes"],
            "locked": s["locked"], "done": s["done"], "pass_rate": s["pass_rate"], "festival_key": s["festival_key"],
            "status": s["status"], "extra": s["extra"],
        })
        items.append([(pos, i[0], i[3], i[4], i[5], i[6], i[2], i[1]) for pos, i in enumerate(s["items"])])
    insert_sessions(session, rows, items)
    plan.text_ids = list(snap["text_ids"])
    plan.unscheduled = list(snap.get("unscheduled", plan.unscheduled or []))
    _bump_revision(plan, session=session)
    session.delete(op)
    session.commit()
    return op


# --- operations --------------------------------------------------------------------

def _school_days(plan: Plan) -> list[dt.date]:
    return [dt.date.fromisoformat(d) for d in plan.school_days]


def _find(sessions: list[StoredSession], day: dt.date, slot: int) -> StoredSession:
    for s in sessions:
        if s.date == day and s.slot == slot and s.status == "scheduled":
            return s
    raise PlanStoreError(f"{day:%Y-%m-%d}：这一天没有安排诵读")


def bump(plan_id: int, day: dt.date, *, session: Session, catalog: Catalog) -> BumpResult:
    """A lost day: push that day's session and every later unlocked one to the next school day.

    The days from ``day`` on are re-planned with the lost day taken out: the
    material moves on one school day, while what belongs to a *date* stays on
    its date — the festival reading on the festival, the 背诵检查 on the
    pattern's (timetable) weekday. What no longer fits is added to the plan's
    unscheduled passages.
    """
    plan = get_plan(plan_id, session=session)
    all_sessions = list_sessions(plan_id, session=session, status=None)
    sched = [s for s in all_sessions if s.status == "scheduled"]
    target = _find(sched, day, 0)
    if target.extra:
        raise PlanStoreError(f"{day:%Y-%m-%d}：这是加课，不能顺延（可以撤销加课）")
    if target.locked or target.done:
        raise PlanStoreError(f"{day:%Y-%m-%d}：这节课已{'完成' if target.done else '锁定'}，不能顺延（如需顺延请先解锁）")
    snapshot = _snapshot(plan, session=session)
    movable = [s for s in sched if s.date >= day and not s.locked and not s.done and not s.extra]
    blocked = {s.date for s in sched if s.locked or s.done} | {s.date for s in all_sessions if s.status == "cancelled"}
    blocked.add(day)
    targets = [d for d in _school_days(plan) if d > day and d not in blocked]
    fell_off = [s.date for s in movable[len(targets):]]
    session.execute(insert(SESSION_TABLE), [{
        "plan_id": plan_id, "date": day, "slot": 0, "minutes": 0, "locked": False, "done": False,
        "pass_rate": None, "festival_key": None, "status": "cancelled", "extra": False,
    }])
    # Re-plan from the lost day: the engine carries the material on and keeps date-bound items on their dates.
    _regenerate(plan, day, session=session, catalog=catalog)
    detail = f"{day:%Y-%m-%d} 停课，{len(movable)} 节顺延"
    if fell_off:
        detail += f"，{len(fell_off)} 节超出学期未排入"
    _record(plan, "bump", detail, snapshot, session=session)
    session.commit()
    return BumpResult(moved=len(movable), unscheduled=fell_off)


def set_locked(plan_id: int, day: dt.date, locked: bool = True, *, session: Session, slot: int = 0) -> None:
    """Lock a session to its date (bumps and regeneration leave it alone) or unlock it."""
    plan = get_plan(plan_id, session=session)
    target = _find(list_sessions(plan_id, session=session), day, slot)
    snapshot = _snapshot(plan, session=session)
    session.execute(SESSION_TABLE.update().where(SESSION_TABLE.c.id == target.id).values(locked=locked))
    _record(plan, "lock" if locked else "unlock", f"{day:%Y-%m-%d}", snapshot, session=session)
    session.commit()


def lock(plan_id: int, day: dt.date, *, session: Session, slot: int = 0) -> None:
    """Lock a session to its date."""
    set_locked(plan_id, day, True, session=session, slot=slot)


def unlock(plan_id: int, day: dt.date, *, session: Session, slot: int = 0) -> None:
    """Unlock a session: bumps and regeneration may move or re-plan it again."""
    set_locked(plan_id, day, False, session=session, slot=slot)


def _regenerate(plan: Plan, day: dt.date, *, session: Session, catalog: Catalog,
                extra_slot: tuple[dt.date, int] | None = None) -> RegenerateResult:
    klass = get_class(plan.class_id, session=session)
    spec = _spec(plan, klass)
    all_sessions = list_sessions(plan.id, session=session, status=None)
    school_days = _school_days(plan)
    cancelled = {s.date for s in all_sessions if s.status == "cancelled"}
    fixed = [s for s in all_sessions if s.status == "scheduled" and (s.done or s.locked or s.date < day)]
    fixed_keys = {(s.date, s.slot) for s in fixed}
    open_slots: set[tuple[dt.date, int]] = set()
    extra_keys = {(s.date, s.slot) for s in all_sessions if s.status == "scheduled" and s.extra}
    if extra_slot is not None:
        extra_keys.add(extra_slot)
    for d in school_days:
        if d >= day and d not in cancelled and (d, 0) not in fixed_keys:
            open_slots.add((d, 0))
    for s in all_sessions:
        if s.status == "scheduled" and s.extra and (s.date, s.slot) not in fixed_keys and s.date >= day:
            open_slots.add((s.date, s.slot))
    if extra_slot is not None:
        open_slots.add(extra_slot)
    doomed = [s.id for s in all_sessions
              if s.status == "unscheduled" or (s.status == "scheduled" and (s.date, s.slot) not in fixed_keys)]
    _delete_sessions(plan.id, doomed, session=session)
    slots = [Slot(s.date, s.slot, FixedSession(tuple(s.items), s.minutes, s.done, s.pass_rate, s.festival_key))
             for s in fixed]
    slots += [Slot(d, sl) for d, sl in open_slots]
    festivals = festival_map(plan.term_start, plan.term_end)
    timetable = {dt.date.fromisoformat(d): int(w) for d, w in (plan.timetable or {}).items()}
    result = generate_plan(spec, slots, catalog, festivals, validate=False, timetable=timetable)
    planned = [s for s in result.sessions if not s.fixed]
    rows, items = _session_rows(plan.id, planned, set(school_days), extra_keys)
    insert_sessions(session, rows, items)
    # Re-planning covers the bumped-off passages first; what still does not fit is kept on the plan.
    plan.unscheduled = _ranges_json(result.unscheduled)
    session.add(plan)
    return RegenerateResult(sessions=len(planned), unscheduled=result.unscheduled)


def regenerate_from(plan_id: int, day: dt.date, *, session: Session, catalog: Catalog) -> RegenerateResult:
    """Re-plan every unlocked, not-done session from ``day`` on; done and locked sessions stay."""
    plan = get_plan(plan_id, session=session)
    snapshot = _snapshot(plan, session=session)
    result = _regenerate(plan, day, session=session, catalog=catalog)
    _record(plan, "regenerate", f"自 {day:%Y-%m-%d} 起重新排课", snapshot, session=session)
    session.commit()
    return result


def insert_extra_session(plan_id: int, day: dt.date, *, session: Session, catalog: Catalog) -> RegenerateResult:
    """Add a session on ``day`` (a weekend reading, or a second slot on a school day)."""
    plan = get_plan(plan_id, session=session)
    if not (plan.term_start <= day <= plan.term_end):
        raise PlanStoreError(f"{day:%Y-%m-%d}：不在本学期（{plan.term_start} 至 {plan.term_end}）之内")
    # Every row of the day counts, the cancelled marker of a bumped-off day included: an extra
    # session there must not take slot 0, whose calendar UID now carries the cancellation.
    existing = [s for s in list_sessions(plan_id, session=session, status=None) if s.date == day]
    slot = max((s.slot for s in existing), default=-1) + 1
    snapshot = _snapshot(plan, session=session)
    result = _regenerate(plan, day, session=session, catalog=catalog, extra_slot=(day, slot))
    _record(plan, "extra", f"{day:%Y-%m-%d} 加课（第 {slot + 1} 节）", snapshot, session=session)
    session.commit()
    return result


def reorder_texts(plan_id: int, new_order: Sequence[str], *, session: Session, catalog: Catalog,
                  from_day: dt.date | None = None) -> RegenerateResult:
    """Change the text order and re-plan not-done, unlocked sessions from ``from_day``.

    The page passes today; the default (term start) re-plans every session that
    is neither done nor locked. Texts may be added or dropped as well as moved.
    """
    plan = get_plan(plan_id, session=session)
    new_order = list(new_order)
    if not new_order:
        raise PlanStoreError("篇目顺序：至少保留一篇")
    missing = [t for t in new_order if t not in catalog]
    if missing:
        raise PlanStoreError(f"篇目顺序：书目中没有“{'、'.join(missing)}”")
    if len(set(new_order)) != len(new_order):
        raise PlanStoreError("篇目顺序：同一篇目出现了两次")
    snapshot = _snapshot(plan, session=session)
    plan.text_ids = new_order
    session.add(plan)
    session.flush()
    result = _regenerate(plan, from_day or plan.term_start, session=session, catalog=catalog)
    _record(plan, "reorder", "、".join(new_order), snapshot, session=session)
    session.commit()
    return result


def mark_done(plan_id: int, day: dt.date, pass_rate: float, *, session: Session, catalog: Catalog,
              slot: int = 0) -> bool:
    """Mark a session done with the share that passed; returns True if extra reviews were planned."""
    if pass_rate is None or not (0 <= pass_rate <= 1):
        raise PlanStoreError(f"通过率：{pass_rate} 应在 0 与 1 之间（例如 0.85 表示 85%）")
    plan = get_plan(plan_id, session=session)
    target = _find(list_sessions(plan_id, session=session), day, slot)
    snapshot = _snapshot(plan, session=session)
    session.execute(SESSION_TABLE.update().where(SESSION_TABLE.c.id == target.id)
                    .values(done=True, pass_rate=float(pass_rate)))
    low = pass_rate < plan.pass_threshold
    if low:
        _regenerate(plan, day + dt.timedelta(days=1), session=session, catalog=catalog)
    _record(plan, "mark_done", f"{day:%Y-%m-%d} 通过率 {pass_rate:.0%}", snapshot, session=session)
    session.commit()
    return low


# --- demo data -------------------------------------------------------------------

DEMO_CLASS = "一年级（2）班"


def current_term(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The term a new plan most likely covers: ``schoolcal.default_term_dates`` (the next one in a break)."""
    start, end, _name = schoolcal.default_term_dates(today or local_today())
    return start, end


# The demo classes: (school, name, stage, grade, size, reading time, weekday pattern). The first is the
# class the plan page's demo button names; the junior class is in another school and district so the
# dashboard's school and district views have something to compare.
DEMO_JUNIOR_SCHOOL = ("漯河市第五初级中学", "郾城区")
_DEMO_CLASSES = (
    (None, DEMO_CLASS, "primary_lower", "一年级", 45, dt.time(7, 40), {4: "recitation_check"}),
    (None, "四年级（1）班", "primary_middle", "四年级", 48, dt.time(7, 40), {4: "recitation_check"}),
    (None, "六年级（3）班", "primary_upper", "六年级", 50, dt.time(7, 30), {}),
    (DEMO_JUNIOR_SCHOOL, "初二（1）班", "junior", "八年级", 52, dt.time(7, 20), {}),
)
# Share of past school days a demo class did not read (the teacher forgot to record it, an assembly …).
_DEMO_MISSED_SHARE = 0.09
# The last recorded day of the first class goes under the pass threshold: the plan gets extra reviews.
_DEMO_LOW_PASS_RATE = 0.76


def _term_name(start: dt.date) -> str:
    """``2026–2027 学年第一学期`` for an autumn start, ``… 第二学期`` for a spring one (the calendar's names)."""
    if start.month >= 8:
        return f"{start.year}–{start.year + 1} 学年第一学期"
    return f"{start.year - 1}–{start.year} 学年第二学期"


def _demo_term(session: Session, school_id: int, today: dt.date) -> tuple[Any, int]:
    """The school's stored term around ``today``; else the usual term of that name (created if missing)."""
    from curriculum import calendar_store

    terms = calendar_store.list_terms(school_id, session=session)
    around = next((t for t in terms if t.start <= today <= t.end), None)
    if around is not None:
        return around, 0
    # The term that has begun (not the coming one in a break): the demo needs a past.
    start, end, _name = schoolcal.started_term(today)
    name = _term_name(start)
    named = next((t for t in terms if t.name == name), None)
    if named is not None:
        return named, 0
    return calendar_store.create_term(school_id, name, start, end, session=session), 1


def _demo_school(session: Session, spec: tuple[str, str] | None) -> tuple[Any, int]:
    """The calendar's demo school (or the first school) for ``None``; else the named school, created if missing."""
    from curriculum import calendar_store

    if spec is None:
        schools = calendar_store.list_schools(session=session)
        school = next((x for x in schools if x.name == calendar_store.DEMO_SCHOOL), None) or (
            schools[0] if schools else None)
        if school is None:
            school = calendar_store.create_school(calendar_store.DEMO_SCHOOL, "源汇区", session=session)
            return school, 1
        return school, 0
    name, district = spec
    existing = next((x for x in calendar_store.list_schools(session=session) if x.name == name), None)
    if existing is not None:
        return existing, 0
    return calendar_store.create_school(name, district, session=session), 1


def _demo_pass_rates(rng: random.Random, days: Sequence[dt.date]) -> dict[dt.date, float]:
    """Recorded days and their pass rates: most days 85–98 %, about one in eleven not recorded."""
    rates: dict[dt.date, float] = {}
    for day in days:
        if rng.random() < _DEMO_MISSED_SHARE:
            continue
        rates[day] = round(rng.uniform(0.85, 0.98), 2)
    return rates


def _seed_demo_history(plan: Plan, today: dt.date, *, session: Session, catalog: Catalog,
                       rng: random.Random, bump_day: bool, low_last: bool) -> dict[str, int]:
    """A believable past for a new demo plan: one lost day (optional), recorded days, some missed.

    The lost day goes through ``bump`` (it re-plans the rest of the term like a
    teacher's click would). The recorded days are written in one statement:
    ``mark_done`` per day re-reads the whole plan for its undo snapshot (about
    27 ms a day on SQLite, 1.5 s for a class's half term), which would make
    seeding several classes slow, and a demo history does not need one undo
    step per day. Every rate written that way is above the plan's threshold,
    so no re-planning is skipped; the last recorded day of ``low_last`` goes
    through ``mark_done`` and, being under the threshold, gets extra reviews.
    """
    counts = {"顺延": 0, "完成记录": 0}
    past = [d for d in _school_days(plan) if d < today]
    if not past:
        return counts
    if bump_day and len(past) >= 15:
        # About three weeks back: the rest of the term (today included) moves on one school day.
        bump(plan.id, past[-15], session=session, catalog=catalog)
        counts["顺延"] += 1
    sessions = {s.date: s for s in list_sessions(plan.id, session=session) if s.slot == 0 and not s.extra}
    days = [d for d in past if d in sessions]
    rates = _demo_pass_rates(rng, days)
    last = max(rates) if (low_last and rates) else None
    bulk = [{"sid": sessions[d].id, "rate": r} for d, r in sorted(rates.items())
            if r >= plan.pass_threshold and d != last]
    if bulk:
        session.execute(SESSION_TABLE.update().where(SESSION_TABLE.c.id == bindparam("sid"))
                        .values(done=True, pass_rate=bindparam("rate")), bulk)
        session.commit()
    if last is not None:
        mark_done(plan.id, last, _DEMO_LOW_PASS_RATE, session=session, catalog=catalog)
    counts["完成记录"] = len(bulk) + (last is not None)
    return counts


def seed_demo(*, session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Demo classes across four stages in two schools, each with a term plan and a believable past. Idempotent.

    一年级（2）班, 四年级（1）班 and 六年级（3）班 at the calendar's demo school,
    初二（1）班 at 漯河市第五初级中学 (郾城区, created here with its term). Each
    class gets a plan for its school's term around ``today`` (the stored term,
    or the usual one, created if the school has none), and — when the plan is
    new — the school days before ``today`` recorded: most done with pass rates
    of 85–98 %, about one in eleven missed, one lost (bumped) day in the first
    two classes and one low pass rate that adds extra reviews. So the
    dashboard's daily-reading rate is around 90 % rather than 0.

    ``today`` defaults to the real date (the page and the CLI); tests pass a
    fixed day. The same ``today`` gives the same data (seeded random numbers);
    a second run adds nothing (a class that has a plan is left alone).
    """
    from curriculum.catalog.loader import try_load_catalog
    from curriculum.planner.terms import stored_term_inputs
    from curriculum.settings import Settings

    today = today or local_today()
    counts = {"学校": 0, "学期": 0, "班级": 0, "教学计划": 0, "顺延": 0, "完成记录": 0}
    catalog: Catalog | None = None
    for index, (school_spec, name, stage, grade, size, reading_time, pattern) in enumerate(_DEMO_CLASSES):
        school, created = _demo_school(session, school_spec)
        counts["学校"] += created
        klass = session.execute(
            select(SchoolClass).where(SchoolClass.name == name, SchoolClass.school_id == school.id)
        ).scalars().first()
        if klass is None:
            klass = create_class(session=session, name=name, stage=stage, grade=grade, size=size,
                                 reading_time=reading_time, school_id=school.id)
            counts["班级"] += 1
        if list_plans(session=session, class_id=klass.id):
            continue
        if catalog is None:
            catalog, _errors = try_load_catalog(Settings().catalog_path)
            if catalog is None:
                return counts
        term, created = _demo_term(session, school.id, today)
        counts["学期"] += created
        plan, _result = create_plan(session=session, catalog=catalog, class_id=klass.id, start=term.start,
                                    end=term.end, term=stored_term_inputs(term.id, session=session),
                                    weekday_pattern=pattern, name=f"{name} {term.name}")
        counts["教学计划"] += 1
        rng = random.Random(f"{name}/{term.start.isoformat()}/{today.isoformat()}")
        history = _seed_demo_history(plan, today, session=session, catalog=catalog, rng=rng,
                                     bump_day=index < 2, low_last=index == 0)
        for key, n in history.items():
            counts[key] += n
    return counts
