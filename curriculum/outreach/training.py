"""Training batches (期/批次) and their sessions (课次): the schedule side of 师资培训.

The programme trains officials, theory backbones, school principals and
kindergarten directors "分期分批" (batch by batch) and invites "省内外文化名家"
and experienced principals or teachers to lecture (integration ``teachers``).
``create_batch`` and ``create_session`` check everything first and raise
``OutreachError`` (Chinese message, field name) without writing anything when
the input is wrong. Trainees and enrolment are in ``outreach.trainees``,
attendance and completion in ``outreach.attendance``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from curriculum.errors import DomainError, get_or_raise
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
from curriculum.outreach.rules import clean_texts, owner, raise_all
from curriculum.vocab import COHORTS, INTEGRATIONS, SPEAKER_KINDS, TRAINING_MODES

INTEGRATION = "teachers"
assert INTEGRATION in INTEGRATIONS  # the six-integrations key dashboards count by

DEFAULT_COMPLETION_PERCENT = 80


# --- batches ------------------------------------------------------------------


def validate_batch(data: TrainingBatchCreate) -> TrainingBatchCreate:
    """Return a cleaned copy of ``data`` or raise ``OutreachError`` naming every problem."""
    errors: list[DomainError] = []
    name = data.name.strip()
    if not name:
        errors.append(OutreachError("培训名称不能为空", "name"))
    if data.cohort not in COHORTS:
        errors.append(OutreachError(f"未知培训对象：{data.cohort}（可选：{'、'.join(COHORTS.values())}）", "cohort"))
    if data.end_date < data.start_date:
        errors.append(OutreachError(f"结束日期（{data.end_date}）早于开始日期（{data.start_date}）", "end_date"))
    if data.planned_participants < 0:
        errors.append(OutreachError("计划人数不能为负数", "planned_participants"))
    if not 1 <= data.completion_percent <= 100:
        errors.append(OutreachError("结业要求（出勤比例）应在 1%–100% 之间", "completion_percent"))
    raise_all(errors)
    return data.model_copy(
        update={"name": name, "organiser": data.organiser.strip(), "location": data.location.strip()}
    )


def create_batch(data: TrainingBatchCreate, *, session: Session) -> TrainingBatchPublic:
    """Create a training batch (期/批次); nothing is saved if ``data`` is invalid."""
    data = validate_batch(data)
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


def _speaker_problems(data: TrainingSessionCreate) -> list[DomainError]:
    errors: list[DomainError] = []
    if data.speaker_kind and data.speaker_kind not in SPEAKER_KINDS:
        errors.append(
            OutreachError(
                f"未知主讲人类别：{data.speaker_kind}（可选：{'、'.join(SPEAKER_KINDS.values())}）", "speaker_kind"
            )
        )
    if not data.speaker_name.strip() and (data.speaker_kind or data.speaker_affiliation.strip()):
        errors.append(OutreachError("填写了主讲人单位或类别时，请同时填写主讲人姓名", "speaker_name"))
    return errors


def validate_session(data: TrainingSessionCreate, *, session: Session) -> TrainingSessionCreate:
    """Check a session against its batch; raise ``OutreachError`` naming every problem."""
    batch = get_batch(data.batch_id, session=session)
    errors: list[DomainError] = []
    topic = data.topic.strip()
    if not topic:
        errors.append(OutreachError("课程主题不能为空", "topic"))
    if not batch.start_date <= data.date <= batch.end_date:
        errors.append(
            OutreachError(f"上课日期 {data.date} 不在本期培训时间（{batch.start_date} 至 {batch.end_date}）内", "date")
        )
    if data.end_time <= data.start_time:
        errors.append(
            OutreachError(f"结束时间（{data.end_time:%H:%M}）应晚于开始时间（{data.start_time:%H:%M}）", "end_time")
        )
    if data.mode not in TRAINING_MODES:
        errors.append(OutreachError(f"未知授课方式：{data.mode}（可选：线下、线上）", "mode"))
    errors += _speaker_problems(data)
    texts = clean_texts(data.texts, errors)
    raise_all(errors)
    return data.model_copy(
        update={
            "topic": topic,
            "speaker_name": data.speaker_name.strip(),
            "speaker_affiliation": data.speaker_affiliation.strip(),
            "texts": texts,
        }
    )


def create_session(data: TrainingSessionCreate, *, session: Session) -> TrainingSessionPublic:
    """Add a session (课次) to its batch; nothing is saved if ``data`` is invalid."""
    data = validate_session(data, session=session)
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
