"""A plan's edit history: every edit records a ``PlanOperation`` holding a snapshot taken *before* it.

``undo_last`` restores the newest snapshot and drops that operation. Two
things only ever grow, undo included: ``Plan.revision`` (the iCalendar
SEQUENCE, so a calendar app takes a re-imported file as newer) and
``Plan.issued_slots`` (so an export can cancel the events of places that lost
their session).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from curriculum.models.plan import Plan, PlanOperation
from curriculum.planner.plans import get_plan
from curriculum.planner.sessions import SESSION_TABLE, delete_sessions, insert_sessions, list_sessions, slot_key


def snapshot(plan: Plan, *, session: Session) -> dict[str, Any]:
    """The plan's sessions (every status), text order and unscheduled passages, as JSON-able data."""
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


def _note_issued(plan: Plan, *, session: Session) -> None:
    """Add the places of the plan's current sessions to ``issued_slots`` (which only ever grows)."""
    rows = session.execute(
        select(SESSION_TABLE.c.date, SESSION_TABLE.c.slot)
        .where(SESSION_TABLE.c.plan_id == plan.id, SESSION_TABLE.c.status == "scheduled")
    ).all()
    seen = set(plan.issued_slots or [])
    new = [k for k in (slot_key(d, sl) for d, sl in rows) if k not in seen]
    if new:
        plan.issued_slots = sorted(seen | set(new))
        session.add(plan)


def _bump_revision(plan: Plan, *, session: Session) -> None:
    # Never restored by undo: the calendar SEQUENCE must only grow.
    plan.revision = (plan.revision or 0) + 1
    session.add(plan)


def record(plan: Plan, kind: str, detail: str, before: dict[str, Any], *, session: Session) -> None:
    """Write the operation ``kind`` (a key of ``vocab.PLAN_OPERATIONS``) with the snapshot taken before it."""
    session.add(PlanOperation(plan_id=plan.id, kind=kind, detail=detail[:200], snapshot=before))
    _note_issued(plan, session=session)
    _bump_revision(plan, session=session)


def list_operations(plan_id: int, *, session: Session) -> list[PlanOperation]:
    return list(session.execute(
        select(PlanOperation).where(PlanOperation.plan_id == plan_id).order_by(PlanOperation.id)
    ).scalars())


def _restore_sessions(plan_id: int, snap: dict[str, Any], *, session: Session) -> None:
    delete_sessions(plan_id, None, session=session)
    rows, items = [], []
    for s in snap["sessions"]:
        rows.append({
            "plan_id": plan_id, "date": dt.date.fromisoformat(s["date"]), "slot": s["slot"], "minutes": s["minutes"],
            "locked": s["locked"], "done": s["done"], "pass_rate": s["pass_rate"], "festival_key": s["festival_key"],
            "status": s["status"], "extra": s["extra"],
        })
        # Snapshot item order is (kind, minutes, label, text_id, section, start, end); rows follow ITEM_COLUMNS.
        items.append([(pos, i[0], i[3], i[4], i[5], i[6], i[2], i[1]) for pos, i in enumerate(s["items"])])
    insert_sessions(session, rows, items)


def undo_last(plan_id: int, *, session: Session) -> PlanOperation | None:
    """Restore the plan as it was before its last operation; returns that operation (or None)."""
    plan = get_plan(plan_id, session=session)
    op = session.execute(
        select(PlanOperation).where(PlanOperation.plan_id == plan_id).order_by(PlanOperation.id.desc()).limit(1)
    ).scalars().first()
    if op is None:
        return None
    snap = op.snapshot
    _restore_sessions(plan_id, snap, session=session)
    plan.text_ids = list(snap["text_ids"])
    plan.unscheduled = list(snap.get("unscheduled", plan.unscheduled or []))
    _bump_revision(plan, session=session)
    session.delete(op)
    session.commit()
    return op
