"""Attendance (考勤) per training session and the completion (结业) report per batch.

One present/absent mark per enrolled trainee and session; a trainee completes
a batch by attending at least ``completion_percent`` % of its sessions,
rounded up (``required_sessions``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from curriculum.models.outreach import TrainingAttendance, TrainingAttendanceCreate
from curriculum.outreach import OutreachError
from curriculum.outreach.rules import checked
from curriculum.outreach.trainees import list_enrolled
from curriculum.outreach.training import get_batch, get_session, list_sessions

# The attendance sheet's Chinese field names, for messages about fields whose rule has no message of its own.
ATTENDANCE_LABELS = {"session_id": "课次", "present_ids": "到课学员"}


@dataclass(frozen=True)
class AttendanceLine:
    trainee_id: int
    name: str
    organisation: str
    present: bool | None  # None: not recorded yet


def attendance_sheet(session_id: int, *, session: Session) -> list[AttendanceLine]:
    """The checklist for one session: every enrolled trainee and their mark so far."""
    row = get_session(session_id, session=session)
    marks = dict(
        session.exec(
            select(TrainingAttendance.trainee_id, TrainingAttendance.present).where(
                TrainingAttendance.session_id == session_id
            )
        ).all()
    )
    return [
        AttendanceLine(t.id, t.name, t.organisation, marks.get(t.id))
        for t in list_enrolled(row.batch_id, session=session)
    ]


def attendance_input(**fields: Any) -> TrainingAttendanceCreate:
    """A ``TrainingAttendanceCreate`` from typed input; one ``OutreachError`` naming every field refused."""
    return checked(TrainingAttendanceCreate, labels=ATTENDANCE_LABELS, **fields)


def record_attendance(data: TrainingAttendanceCreate, *, session: Session) -> int:
    """Mark the trainees in ``data.present_ids`` present and every other enrolled trainee absent.

    Returns the number present. A trainee who is not enrolled in the session's
    batch is an error and nothing is saved.
    """
    session_id = data.session_id
    row = get_session(session_id, session=session)
    present = set(data.present_ids)
    enrolled = {t.id for t in list_enrolled(row.batch_id, session=session)}
    strangers = sorted(present - enrolled)
    if strangers:
        raise OutreachError(f"学员编号 {'、'.join(map(str, strangers))} 未报名本期培训，不能记考勤", "present_ids")
    existing = {
        a.trainee_id: a
        for a in session.exec(select(TrainingAttendance).where(TrainingAttendance.session_id == session_id)).all()
    }
    for trainee_id in enrolled:
        mark = existing.get(trainee_id) or TrainingAttendance(session_id=session_id, trainee_id=trainee_id)
        mark.present = trainee_id in present
        session.add(mark)
    session.commit()
    return len(present)


@dataclass(frozen=True)
class CompletionRow:
    trainee_id: int
    name: str
    organisation: str
    attended: int
    total: int
    required: int
    completed: bool

    @property
    def rate(self) -> float:
        return self.attended / self.total if self.total else 0.0


def required_sessions(total: int, percent: int) -> int:
    """Sessions needed to complete: ``percent`` % of ``total``, rounded up (80 % of 4 → 4, of 5 → 4)."""
    return math.ceil(total * percent / 100)


def _attended(session_ids: list[int], *, session: Session) -> dict[int, int]:
    """Sessions attended per trainee among ``session_ids``."""
    if not session_ids:
        return {}
    return dict(
        session.exec(
            select(TrainingAttendance.trainee_id, func.count())
            .where(col(TrainingAttendance.session_id).in_(session_ids), col(TrainingAttendance.present))
            .group_by(TrainingAttendance.trainee_id)
        ).all()
    )


def completion_report(batch_id: int, *, session: Session) -> list[CompletionRow]:
    """Per enrolled trainee: sessions attended, sessions held, and whether they complete (结业).

    A batch without sessions completes nobody.
    """
    batch = get_batch(batch_id, session=session)
    session_ids = [s.id for s in list_sessions(batch_id, session=session)]
    total = len(session_ids)
    required = required_sessions(total, batch.completion_percent)
    attended = _attended(session_ids, session=session)
    return [
        CompletionRow(
            trainee_id=t.id,
            name=t.name,
            organisation=t.organisation,
            attended=attended.get(t.id, 0),
            total=total,
            required=required,
            completed=total > 0 and attended.get(t.id, 0) >= required,
        )
        for t in list_enrolled(batch_id, session=session)
    ]
