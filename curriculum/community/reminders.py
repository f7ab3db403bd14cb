"""The reminder list a leader sees on opening the app: shifts short of people within 48 hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from curriculum.clock import local_now
from curriculum.community.conflicts import Conflict, fmt_span
from curriculum.models.community import (
    CommunityEvent,
    EventOccurrence,
    ReadingPoint,
    ShiftAssignment,
    VolunteerShift,
)

REMINDER_HOURS = 48


@dataclass(frozen=True)
class ShiftReminder:
    shift_id: int
    occurrence_id: int
    event_title: str
    point_name: str
    task: str
    start: datetime
    end: datetime
    needed: int
    assigned: int
    backups: int

    @property
    def missing(self) -> int:
        return self.needed - self.assigned

    @property
    def message(self) -> str:
        where = f"（{self.point_name}）" if self.point_name else ""
        backup = f"，另有候补 {self.backups} 人可顶岗" if self.backups else ""
        return (f"{fmt_span(self.start, self.end)}“{self.event_title}”{where}的{self.task}岗位还缺 "
                f"{self.missing} 人（需要 {self.needed} 人，已安排 {self.assigned} 人{backup}）。")

    def as_conflict(self) -> Conflict:
        return Conflict("shift_short", self.message, "info", start=self.start)


def shifts_needing_people(now: datetime, *, session: Session, hours: int = REMINDER_HOURS) -> list[ShiftReminder]:
    """Confirmed, not cancelled shifts starting in ``[now, now + hours]`` with fewer people than needed."""
    stmt = (
        select(VolunteerShift, EventOccurrence, CommunityEvent)
        .join(EventOccurrence, VolunteerShift.occurrence_id == EventOccurrence.id)
        .join(CommunityEvent, EventOccurrence.event_id == CommunityEvent.id)
        .where(VolunteerShift.start >= now, VolunteerShift.start <= now + timedelta(hours=hours),
               EventOccurrence.cancelled == False, CommunityEvent.status == "confirmed")  # noqa: E712
        .order_by(VolunteerShift.start, VolunteerShift.id)
    )
    points = {p.id: p.name for p in session.exec(select(ReadingPoint))}
    result = []
    for shift, occ, event in session.exec(stmt):
        rows = list(session.exec(select(ShiftAssignment).where(ShiftAssignment.shift_id == shift.id)))
        main = sum(1 for r in rows if not r.backup)
        if main < shift.needed:
            result.append(ShiftReminder(
                shift.id, occ.id, occ.title or event.title, points.get(event.point_id, ""), shift.task,
                shift.start, shift.end, shift.needed, main, sum(1 for r in rows if r.backup),
            ))
    return result


def current_reminders(*, session: Session) -> list[ShiftReminder]:
    """The reminder list as of now, for the app's opening screen."""
    return shifts_needing_people(local_now(), session=session)
