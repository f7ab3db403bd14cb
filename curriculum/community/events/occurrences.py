"""One dated occurrence of an event: add it (with its shifts), edit it as an exception, delete it.

Editing one occurrence makes it an exception: series edits leave it alone.
Moving it moves its shifts by the one rule of ``checks.shift_moves`` and
re-checks venue, opening hours and the volunteers on the moved shifts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from sqlmodel import Session, select

from curriculum.community.conflicts import CommunityError, Conflict, raise_if_blocked
from curriculum.community.events.checks import (
    ShiftMove,
    hours_conflicts,
    moved_shift_conflicts,
    shift_moves,
    venue_conflicts,
)
from curriculum.community.events.drafts import ACTIVE, ShiftSpec, at
from curriculum.community.events.records import (
    assignments_of,
    get_event,
    get_occurrence,
    point_of,
    shifts_of,
)
from curriculum.models.community import (
    Attendance,
    CommunityEvent,
    EventOccurrence,
    SignUp,
    VolunteerShift,
)


def add_occurrence(event: CommunityEvent, slot: datetime, shifts: Iterable[ShiftSpec], *,
                   session: Session) -> EventOccurrence:
    """Add the occurrence of ``event`` at ``slot`` with one shift per spec (flushes, does not commit)."""
    occ = EventOccurrence(event_id=event.id, slot=slot, start=slot,
                          end=slot + timedelta(minutes=event.duration_minutes))
    session.add(occ)
    session.flush()
    for spec in shifts:
        session.add(VolunteerShift(occurrence_id=occ.id, task=spec.task, start=occ.start, end=occ.end,
                                   needed=spec.needed))
    return occ


def apply_moves(moves: list[ShiftMove], *, session: Session) -> None:
    for shift, start, end in moves:
        shift.start, shift.end = start, end
        session.add(shift)


def delete_occurrence(occ: EventOccurrence, *, session: Session) -> None:
    """Delete the occurrence with its shifts, assignments, sign-ups and attendance (checked by the caller)."""
    for shift in shifts_of(occ.id, session=session):
        for a in assignments_of(shift.id, session=session):
            session.delete(a)
        session.delete(shift)
    for model in (SignUp, Attendance):
        for row in session.exec(select(model).where(model.occurrence_id == occ.id)):
            session.delete(row)
    session.flush()
    session.delete(occ)


def _new_times(occ: EventOccurrence, start: datetime | None, end: datetime | None, day: date | None,
               start_time: time | None) -> tuple[datetime, datetime]:
    """The edited ``(start, end)``: ``start``, or ``day``/``start_time`` with the other part kept; length kept."""
    if start is None and (day is not None or start_time is not None):
        start = at(day or occ.start.date(), start_time or occ.start.time())
    new_start = start or occ.start
    new_end = end or (new_start + (occ.end - occ.start))
    if new_end <= new_start:
        raise CommunityError("结束时间：应晚于开始时间", field="end")
    return new_start, new_end


def update_occurrence(occurrence_id: int, *, session: Session, start: datetime | None = None,
                      end: datetime | None = None, title: str | None = None, cancelled: bool | None = None,
                      day: date | None = None, start_time: time | None = None,
                      override: bool = False) -> EventOccurrence:
    """Edit one occurrence; it becomes an exception that series edits leave alone.

    The new start is ``start``, or ``day`` and/or ``start_time`` (what a form
    offers; the other part is kept). Moving it moves its shifts by the same
    amount (the volunteers come along);
    shifts covering the whole occurrence also follow a new end. Their
    volunteers are checked for the new times whenever the start or end changes.
    """
    occ = get_occurrence(occurrence_id, session=session)
    event = get_event(occ.event_id, session=session)
    new_start, new_end = _new_times(occ, start, end, day, start_time)
    will_cancel = occ.cancelled if cancelled is None else cancelled
    moves = shift_moves(occ, new_start, new_end, session=session)
    conflicts: list[Conflict] = []
    if not will_cancel and event.status == ACTIVE:
        point = point_of(event.point_id, session=session)
        spans = [(new_start, new_end)]
        conflicts += venue_conflicts(point, spans, session=session, exclude_occurrence_ids={occ.id})
        conflicts += hours_conflicts(point, spans)
        conflicts += moved_shift_conflicts(moves, session=session)  # the volunteers must be free at the new times
    raise_if_blocked(conflicts, override=override)
    occ.start, occ.end = new_start, new_end
    if title is not None:
        occ.title = title.strip() or None
    occ.cancelled = will_cancel
    occ.is_exception = True
    occ.revision += 1  # calendar apps take the higher SEQUENCE as the newer version
    apply_moves(moves, session=session)
    session.add(occ)
    session.commit()
    session.refresh(occ)
    return occ
