"""Attendance per occurrence (counts by role, duration) and volunteer hours from served shifts.

Chinese tables of these numbers are in ``views``; ``attendance_frame`` is the chart's input.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from curriculum.community.conflicts import CommunityError
from curriculum.errors import get_or_raise, validated
from curriculum.models.community import (
    Attendance,
    AttendanceRecordCreate,
    CommunityEvent,
    EventOccurrence,
    ShiftAssignment,
    VolunteerShift,
)
from curriculum.vocab import ATTENDANCE_ROLES

# The attendance form's Chinese field names, for messages about fields whose rule has no message of its own.
ATTENDANCE_LABELS = {"occurrence_id": "活动场次", "counts": "到场人数", "duration_minutes": "实际时长"}


@dataclass(frozen=True)
class AttendanceRecord:
    counts: dict[str, int]
    duration_minutes: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def person_hours(self) -> float:
        """Reading hours delivered: people × duration (what the bureau reports)."""
        return round(self.total * self.duration_minutes / 60, 2)


def attendance_input(**fields: Any) -> AttendanceRecordCreate:
    """An ``AttendanceRecordCreate`` from typed input; ``CommunityError`` in Chinese naming the field refused."""
    return validated(AttendanceRecordCreate, CommunityError, labels=ATTENDANCE_LABELS, **fields)


def record_attendance(data: AttendanceRecordCreate, *, session: Session) -> AttendanceRecord:
    """Save (replace) the counts by role and the actual duration of one occurrence (the model holds the rules)."""
    occ = get_or_raise(session, EventOccurrence, data.occurrence_id, what="活动场次", field="occurrence_id")
    counts, duration_minutes = data.counts, data.duration_minutes
    existing = {a.role: a for a in session.exec(select(Attendance).where(Attendance.occurrence_id == occ.id))}
    for role in ATTENDANCE_ROLES:
        n = int(counts.get(role, 0))
        row = existing.get(role)
        if row is None:
            if n == 0:
                continue
            row = Attendance(occurrence_id=occ.id, role=role)
        row.count, row.duration_minutes = n, duration_minutes
        session.add(row)
    session.commit()
    return attendance_of(occ.id, session=session)


def attendance_of(occurrence_id: int, *, session: Session) -> AttendanceRecord | None:
    rows = list(session.exec(select(Attendance).where(Attendance.occurrence_id == occurrence_id)))
    if not rows:
        return None
    return AttendanceRecord(
        counts={role: sum(r.count for r in rows if r.role == role) for role in ATTENDANCE_ROLES},
        duration_minutes=max(r.duration_minutes for r in rows),
    )


def volunteer_hours(*, session: Session, start: datetime | None = None, end: datetime | None = None,
                    person_id: int | None = None) -> dict[int, float]:
    """Hours per person from shifts actually served (``served``), cancelled occurrences excluded."""
    stmt = (
        select(ShiftAssignment, VolunteerShift)
        .join(VolunteerShift, ShiftAssignment.shift_id == VolunteerShift.id)
        .join(EventOccurrence, VolunteerShift.occurrence_id == EventOccurrence.id)
        .where(ShiftAssignment.served == True, EventOccurrence.cancelled == False)  # noqa: E712
    )
    if start is not None:
        stmt = stmt.where(VolunteerShift.start >= start)
    if end is not None:
        stmt = stmt.where(VolunteerShift.start < end)
    if person_id is not None:
        stmt = stmt.where(ShiftAssignment.person_id == person_id)
    hours: dict[int, float] = defaultdict(float)
    for a, shift in session.exec(stmt):
        hours[a.person_id] += (shift.end - shift.start).total_seconds() / 3600
    return {pid: round(h, 2) for pid, h in sorted(hours.items())}


def attendance_records(*, session: Session, start: datetime,
                       end: datetime) -> list[tuple[EventOccurrence, CommunityEvent, AttendanceRecord]]:
    """Every occurrence starting in ``[start, end)`` that has attendance, with its event and record, in time order."""
    stmt = (
        select(EventOccurrence, CommunityEvent)
        .join(CommunityEvent, EventOccurrence.event_id == CommunityEvent.id)
        .where(EventOccurrence.start >= start, EventOccurrence.start < end)
        .order_by(EventOccurrence.start)
    )
    result = []
    for occ, event in session.exec(stmt):
        record = attendance_of(occ.id, session=session)
        if record is not None:
            result.append((occ, event, record))
    return result


def attendance_frame(*, session: Session, start: datetime, end: datetime):
    """Attendance in ``[start, end)`` as a DataFrame: ``date``, ``title``, one column per role key, ``minutes``."""
    import pandas as pd

    rows = []
    for occ, event, record in attendance_records(session=session, start=start, end=end):
        rec = {"date": occ.start.date().isoformat(), "title": occ.title or event.title,
               "minutes": record.duration_minutes}
        rec.update({key: record.counts.get(key, 0) for key in ATTENDANCE_ROLES})
        rows.append(rec)
    return pd.DataFrame(rows, columns=["date", "title", *ATTENDANCE_ROLES, "minutes"])


PUPIL_ROLE = "student"


def counts_from_checkin(signups: list[tuple[int, str, str]], present: set[int] | list[int],
                        pupils: int) -> dict[str, int]:
    """Counts by role from a check-in: adult sign-ups ticked off by name, pupils as one head count.

    ``signups`` are ``(sign-up id, name, role)``; pupils come in classes and
    are counted at the door, so their sign-ups are not ticked one by one.
    """
    if pupils < 0:
        raise CommunityError("学生人数：不能为负数", field="pupils")
    counts = dict.fromkeys(ATTENDANCE_ROLES, 0)
    present = set(present)
    for signup_id, _name, role in signups:
        if role != PUPIL_ROLE and signup_id in present:
            counts[role if role in counts else "resident"] += 1
    counts[PUPIL_ROLE] = pupils
    return counts


def adult_signups(signups: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The sign-ups a leader ticks off by name (everyone but pupils)."""
    return [s for s in signups if s[2] != PUPIL_ROLE]
