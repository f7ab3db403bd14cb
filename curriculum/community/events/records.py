"""Reading the rows an event is made of: the event, its occurrences, shifts, assignments, sign-ups, its point.

Every event module reads rows through these, so "which rows, in which order"
is decided once: occurrences by slot, shifts by start, assignments and
sign-ups in the order they were made (sign-ups by queue number).
"""

from __future__ import annotations

from sqlmodel import Session, select

from curriculum.errors import get_or_raise
from curriculum.models.community import (
    CommunityEvent,
    EventOccurrence,
    ReadingPoint,
    ShiftAssignment,
    SignUp,
    VolunteerShift,
)


def get_event(event_id: int, *, session: Session) -> CommunityEvent:
    return get_or_raise(session, CommunityEvent, event_id, what="活动", field="event_id")


def get_occurrence(occurrence_id: int, *, session: Session) -> EventOccurrence:
    return get_or_raise(session, EventOccurrence, occurrence_id, what="活动场次", field="occurrence_id")


def point_of(point_id: int | None, *, session: Session) -> ReadingPoint | None:
    """The event's reading point; ``None`` when it has none (a district-wide event)."""
    if point_id is None:
        return None
    return get_or_raise(session, ReadingPoint, point_id, what="诵读点", field="point_id")


def point_name(point_id: int | None, *, session: Session) -> str:
    """The point's name for messages; empty when there is none (or it is gone)."""
    point = session.get(ReadingPoint, point_id) if point_id is not None else None
    return point.name if point else ""


def occurrences_of(event_id: int, *, session: Session) -> list[EventOccurrence]:
    return list(session.exec(
        select(EventOccurrence).where(EventOccurrence.event_id == event_id).order_by(EventOccurrence.slot)
    ))


def shifts_of(occurrence_id: int, *, session: Session) -> list[VolunteerShift]:
    return list(session.exec(
        select(VolunteerShift).where(VolunteerShift.occurrence_id == occurrence_id)
        .order_by(VolunteerShift.start, VolunteerShift.id)
    ))


def assignments_of(shift_id: int, *, session: Session) -> list[ShiftAssignment]:
    return list(session.exec(
        select(ShiftAssignment).where(ShiftAssignment.shift_id == shift_id).order_by(ShiftAssignment.id)
    ))


def signups_of(occurrence_id: int, *, session: Session, status: str | None = None) -> list[SignUp]:
    """Sign-ups of one occurrence in queue order, optionally only those with ``status``."""
    stmt = select(SignUp).where(SignUp.occurrence_id == occurrence_id)
    if status:
        stmt = stmt.where(SignUp.status == status)
    return list(session.exec(stmt.order_by(SignUp.seq, SignUp.id)))
