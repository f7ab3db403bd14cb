"""Training batches (期/批次) and their sessions (课次): the schedule side of 师资培训.

The programme trains officials, theory backbones, school principals and
kindergarten directors "分期分批" (batch by batch) and invites "省内外文化名家"
and experienced principals or teachers to lecture (integration ``teachers``).
The field rules are on ``TrainingBatchCreate`` and ``TrainingSessionCreate``;
``batch_input`` and ``session_input`` build them from typed input, naming
every problem in one ``OutreachError`` (Chinese message, field name).
``create_batch`` and ``create_session`` check what needs the database (the
owner, the batch's dates) and write nothing when it is wrong. Trainees and enrolment are in ``outreach.trainees``,
attendance and completion in ``outreach.attendance``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from curriculum.errors import get_or_raise
from curriculum.models.outreach import (
    TrainingBatch,
    TrainingBatchCreate,
    TrainingBatchPublic,
    TrainingEnrolment,
    TrainingSession,
    TrainingSessionCreate,
    TrainingSessionPublic,
)
from curriculum.outreach import OutreachError
from curriculum.outreach.rules import checked, owner
from curriculum.vocab import COHORTS, INTEGRATIONS

INTEGRATION = "teachers"
assert INTEGRATION in INTEGRATIONS  # the six-integrations key dashboards count by

DEFAULT_COMPLETION_PERCENT = 80


# --- batches ------------------------------------------------------------------


BATCH_LABELS = {"name": "培训名称", "cohort": "培训对象", "start_date": "开始日期", "end_date": "结束日期",
                "organiser": "主办单位", "location": "地点", "planned_participants": "计划人数",
                "completion_percent": "结业要求（出勤比例）", "district": "区县", "school_id": "学校"}


def batch_input(**fields: Any) -> TrainingBatchCreate:
    """A ``TrainingBatchCreate`` from typed input, or one ``OutreachError`` naming every field the model refuses."""
    return checked(TrainingBatchCreate, labels=BATCH_LABELS, **fields)


def create_batch(data: TrainingBatchCreate, *, session: Session) -> TrainingBatchPublic:
    """Create a training batch (期/批次); the model holds the field rules, the owner is checked here."""
    batch = TrainingBatch.model_validate(data, update={"integration": INTEGRATION, **owner(data, session=session)})
    session.add(batch)
    session.commit()
    session.refresh(batch)
    return TrainingBatchPublic.model_validate(batch)


def get_batch(batch_id: int, *, session: Session) -> TrainingBatch:
    return get_or_raise(session, TrainingBatch, batch_id, what="培训批次", field="batch_id")


@dataclass(frozen=True)
class BatchSummary:
    id: int
    name: str
    cohort: str
    cohort_label: str
    start_date: dt.date
    end_date: dt.date
    organiser: str
    location: str
    planned_participants: int
    completion_percent: int
    sessions: int
    enrolled: int


def list_batches(*, session: Session, cohort: str | None = None) -> list[BatchSummary]:
    """Every batch (newest first) with its session and enrolment counts."""
    query = select(TrainingBatch).order_by(col(TrainingBatch.start_date).desc(), col(TrainingBatch.id).desc())
    if cohort:
        query = query.where(TrainingBatch.cohort == cohort)
    batches = session.exec(query).all()
    session_counts = dict(
        session.exec(select(TrainingSession.batch_id, func.count()).group_by(TrainingSession.batch_id)).all()
    )
    enrol_counts = dict(
        session.exec(select(TrainingEnrolment.batch_id, func.count()).group_by(TrainingEnrolment.batch_id)).all()
    )
    return [
        BatchSummary(
            id=b.id,
            name=b.name,
            cohort=b.cohort,
            cohort_label=COHORTS.get(b.cohort, b.cohort),
            start_date=b.start_date,
            end_date=b.end_date,
            organiser=b.organiser,
            location=b.location,
            planned_participants=b.planned_participants,
            completion_percent=b.completion_percent,
            sessions=session_counts.get(b.id, 0),
            enrolled=enrol_counts.get(b.id, 0),
        )
        for b in batches
    ]


# --- sessions -----------------------------------------------------------------


SESSION_LABELS = {"date": "上课日期", "start_time": "开始时间", "end_time": "结束时间", "topic": "课程主题",
                  "texts": "经典篇目", "speaker_name": "主讲人姓名", "speaker_kind": "主讲人类别",
                  "speaker_affiliation": "主讲人单位", "mode": "授课方式", "batch_id": "培训批次"}


def session_input(**fields: Any) -> TrainingSessionCreate:
    """A ``TrainingSessionCreate`` from typed input, or one ``OutreachError`` naming every field the model refuses."""
    return checked(TrainingSessionCreate, labels=SESSION_LABELS, **fields)


def create_session(data: TrainingSessionCreate, *, session: Session) -> TrainingSessionPublic:
    """Add a session (课次) to its batch; the model holds the field rules, the batch's dates are checked here."""
    batch = get_batch(data.batch_id, session=session)
    if not batch.start_date <= data.date <= batch.end_date:
        raise OutreachError(
            f"上课日期 {data.date} 不在本期培训时间（{batch.start_date} 至 {batch.end_date}）内", "date")
    row = TrainingSession.model_validate(data)
    session.add(row)
    session.commit()
    session.refresh(row)
    return TrainingSessionPublic.model_validate(row)


def get_session(session_id: int, *, session: Session) -> TrainingSession:
    return get_or_raise(session, TrainingSession, session_id, what="课次", field="session_id")


def list_sessions(batch_id: int, *, session: Session) -> list[TrainingSessionPublic]:
    """The batch's sessions in the order they are held."""
    rows = session.exec(
        select(TrainingSession)
        .where(TrainingSession.batch_id == batch_id)
        .order_by(col(TrainingSession.date), col(TrainingSession.start_time), col(TrainingSession.id))
    ).all()
    return [TrainingSessionPublic.model_validate(r) for r in rows]


def session_label(s: TrainingSessionPublic) -> str:
    """``2026-03-14 09:00–11:00 论语导读（张三）`` — how a session is named in lists."""
    speaker = f"（{s.speaker_name}）" if s.speaker_name else ""
    return f"{s.date} {s.start_time:%H:%M}–{s.end_time:%H:%M} {s.topic}{speaker}"


# --- dashboards -----------------------------------------------------------------


def activity_counts(start: dt.date | None = None, end: dt.date | None = None, *, session: Session) -> dict[str, int]:
    """Training sessions held in ``[start, end]``, keyed by integration (``{"teachers": n}``)."""
    query = select(func.count()).select_from(TrainingSession)
    if start is not None:
        query = query.where(TrainingSession.date >= start)
    if end is not None:
        query = query.where(TrainingSession.date <= end)
    return {INTEGRATION: session.exec(query).one()}
