"""SQLModel tables for training (师资培训) and online programmes (云上读经典).

Training: a *batch* (期/批次) of one audience cohort has *sessions* (课次) with
invited speakers; *trainees* enrol in batches and attendance is recorded per
session. Online: an *item* (节目/推文/视频) published on one channel, with
*metric snapshots* taken over time — the latest snapshot is the item's count.

Catalog text ids are stored as a JSON list: the catalog lives in YAML, not in
the database, so there is nothing to reference with a foreign key.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from pydantic import ValidationInfo, field_validator, model_validator
from sqlmodel import Field, SQLModel

from curriculum.errors import DomainError
from curriculum.models.base import Timestamped, blank_to_none, one_of, required
from curriculum.models.district import district_field
from curriculum.vocab import CHANNELS, COHORTS, INTEGRATIONS, ONLINE_METRICS, SPEAKER_KINDS, TRAINING_MODES


class _OwnerMixin(SQLModel):
    """Who runs a programme: a school, a district, or — both empty — the city."""

    district: str | None = district_field(index=True)
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True)

    @field_validator("district", mode="before")
    @classmethod
    def _no_blank_district(cls, value: object) -> object:
        return blank_to_none(value)


# The rules of the ``*Create`` models below raise ``ValueError`` with a Chinese message naming the
# field (a rule about several fields raises ``DomainError`` carrying the field it points at);
# ``curriculum.outreach.rules.checked`` turns every problem of an input into one ``OutreachError``.


def _text_ids(texts: list[str]) -> list[str]:
    # Imported here: ``outreach.rules`` reaches the database layer, which imports these models.
    from curriculum.outreach.rules import clean_texts

    errors: list[DomainError] = []
    cleaned = clean_texts(texts, errors)
    if errors:
        raise errors[0]
    return cleaned


# --- training ---------------------------------------------------------------


class TrainingBatchBase(_OwnerMixin):
    name: str = Field(index=True)
    cohort: str = Field(index=True, description="key of vocab.COHORTS")
    start_date: dt.date
    end_date: dt.date
    organiser: str = ""
    location: str = ""
    planned_participants: int = 0
    # Share of the batch's sessions a trainee must attend to complete (结业).
    completion_percent: int = 80


class TrainingBatchCreate(TrainingBatchBase):
    """A new batch: a name, a known cohort, dates in order, a planned size of 0 or more, completion 1–100 %."""

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return required(value, "培训名称不能为空")

    @field_validator("organiser", "location")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("cohort")
    @classmethod
    def _cohort(cls, value: str) -> str:
        if value not in COHORTS:
            raise ValueError(f"未知培训对象：{value}（可选：{'、'.join(COHORTS.values())}）")
        return value

    @field_validator("end_date")
    @classmethod
    def _end_date(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        start = info.data.get("start_date")
        if start is not None and value < start:
            raise ValueError(f"结束日期（{value}）早于开始日期（{start}）")
        return value

    @field_validator("planned_participants")
    @classmethod
    def _planned(cls, value: int) -> int:
        if value < 0:
            raise ValueError("计划人数不能为负数")
        return value

    @field_validator("completion_percent")
    @classmethod
    def _completion(cls, value: int) -> int:
        if not 1 <= value <= 100:
            raise ValueError("结业要求（出勤比例）应在 1%–100% 之间")
        return value


class TrainingBatch(TrainingBatchBase, Timestamped, table=True):
    __tablename__ = "training_batch"
    __table_args__ = (
        one_of("training_batch", "cohort", COHORTS),
        one_of("training_batch", "integration", INTEGRATIONS),
    )

    id: int | None = Field(default=None, primary_key=True)
    # Always "teachers" (与师资队伍建设融合); stored so dashboards can count by key.
    integration: str = Field(default="teachers", index=True)


class TrainingBatchPublic(TrainingBatchBase):
    id: int
    integration: str


class TrainingSessionBase(SQLModel):
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    topic: str
    texts: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    speaker_name: str = ""
    speaker_kind: str = Field(default="", description="key of vocab.SPEAKER_KINDS, or empty")
    speaker_affiliation: str = ""
    mode: str = "offline"


class TrainingSessionCreate(TrainingSessionBase):
    """A new session: a topic, an end after the start, a known mode and speaker kind, catalog text ids.

    Whether the date falls within the batch is checked by ``outreach.training.create_session``.
    """

    batch_id: int

    @field_validator("topic")
    @classmethod
    def _topic(cls, value: str) -> str:
        return required(value, "课程主题不能为空")

    @field_validator("speaker_name", "speaker_affiliation")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("end_time")
    @classmethod
    def _end_time(cls, value: dt.time, info: ValidationInfo) -> dt.time:
        start = info.data.get("start_time")
        if start is not None and value <= start:
            raise ValueError(f"结束时间（{value:%H:%M}）应晚于开始时间（{start:%H:%M}）")
        return value

    @field_validator("mode")
    @classmethod
    def _mode(cls, value: str) -> str:
        if value not in TRAINING_MODES:
            raise ValueError(f"未知授课方式：{value}（可选：{'、'.join(TRAINING_MODES.values())}）")
        return value

    @field_validator("speaker_kind")
    @classmethod
    def _speaker_kind(cls, value: str) -> str:
        if value and value not in SPEAKER_KINDS:
            raise ValueError(f"未知主讲人类别：{value}（可选：{'、'.join(SPEAKER_KINDS.values())}）")
        return value

    @field_validator("texts")
    @classmethod
    def _texts(cls, value: list[str]) -> list[str]:
        return _text_ids(value)

    @model_validator(mode="after")
    def _speaker_named(self) -> TrainingSessionCreate:
        if not self.speaker_name and (self.speaker_kind or self.speaker_affiliation):
            raise DomainError("填写了主讲人单位或类别时，请同时填写主讲人姓名", field="speaker_name")
        return self


class TrainingSession(TrainingSessionBase, Timestamped, table=True):
    __tablename__ = "training_session"
    __table_args__ = (
        one_of("training_session", "speaker_kind", SPEAKER_KINDS, allow_empty=True),
        one_of("training_session", "mode", TRAINING_MODES),
    )

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="training_batch.id", index=True)


class TrainingSessionPublic(TrainingSessionBase):
    id: int
    batch_id: int


class TraineeBase(SQLModel):
    name: str = Field(index=True)
    organisation: str = ""


class TraineeCreate(TraineeBase):
    """A new trainee: a name. The phone is cleaned and checked by the service (``curriculum.phones``),
    so that enrolling names a wrong phone and a missing batch in one message."""

    # Optional and never listed in full: see curriculum.phones.mask_phone.
    phone: str | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return required(value, "学员姓名不能为空")

    @field_validator("organisation")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()


class Trainee(TraineeBase, Timestamped, table=True):
    __tablename__ = "trainee"

    id: int | None = Field(default=None, primary_key=True)
    phone: str | None = None


class TraineePublic(TraineeBase):
    id: int
    phone_masked: str = ""


class TrainingEnrolment(Timestamped, table=True):
    __tablename__ = "training_enrolment"
    __table_args__ = (sa.UniqueConstraint("batch_id", "trainee_id", name="uq_training_enrolment_batch_trainee"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="training_batch.id", index=True)
    trainee_id: int = Field(foreign_key="trainee.id", index=True)


class TrainingAttendanceCreate(SQLModel):
    """The attendance of one session: the trainees present, each once (every other enrolled trainee is absent).

    Whether they are enrolled in the session's batch is checked by ``outreach.attendance.record_attendance``.
    """

    session_id: int
    present_ids: list[int] = Field(default_factory=list)

    @field_validator("present_ids", mode="before")
    @classmethod
    def _as_list(cls, value: object) -> object:
        # Any collection of ids (a set of ticked boxes, a generator) is accepted, not only a list.
        if value is None:
            return []
        return value if isinstance(value, (list, str, bytes, dict)) else list(value)

    @field_validator("present_ids")
    @classmethod
    def _once_each(cls, value: list[int]) -> list[int]:
        return list(dict.fromkeys(value))


class TrainingAttendance(Timestamped, table=True):
    __tablename__ = "training_attendance"
    __table_args__ = (
        sa.UniqueConstraint("session_id", "trainee_id", name="uq_training_attendance_session_trainee"),
    )

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="training_session.id", index=True)
    trainee_id: int = Field(foreign_key="trainee.id", index=True)
    present: bool = False


# --- online programmes --------------------------------------------------------


class OnlineItemBase(_OwnerMixin):
    title: str = Field(index=True)
    channel: str = Field(index=True, description="key of vocab.CHANNELS")
    publish_date: dt.date = Field(index=True)
    texts: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    url: str = ""


class OnlineItemCreate(OnlineItemBase):
    """A new item: a title, a known channel (a key, label or common alias, stored as the key), catalog text ids."""

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return required(value, "节目标题不能为空")

    @field_validator("url")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("channel")
    @classmethod
    def _channel(cls, value: str) -> str:
        # Imported here: ``outreach.online`` (the channel names people type) imports these models.
        from curriculum.outreach.online import channel_key, unknown_channel

        key = channel_key(value)
        if key is None:
            raise ValueError(unknown_channel(value))
        return key

    @field_validator("texts")
    @classmethod
    def _texts(cls, value: list[str]) -> list[str]:
        return _text_ids(value)


class OnlineItem(OnlineItemBase, Timestamped, table=True):
    __tablename__ = "online_item"
    __table_args__ = (
        one_of("online_item", "channel", CHANNELS),
        one_of("online_item", "integration", INTEGRATIONS),
    )

    id: int | None = Field(default=None, primary_key=True)
    # Always "online" (线上线下融合); stored so dashboards can count by key.
    integration: str = Field(default="online", index=True)


class OnlineItemPublic(OnlineItemBase):
    id: int
    integration: str


class OnlineMetricBase(SQLModel):
    recorded_at: dt.datetime
    views: int = 0
    likes: int = 0
    comments: int = 0
    shares: int = 0


class OnlineMetricCreate(OnlineMetricBase):
    """A new snapshot: counts of 0 or more. The time is checked against the clock and the item by the service."""

    item_id: int

    @field_validator(*ONLINE_METRICS)
    @classmethod
    def _count(cls, value: int, info: ValidationInfo) -> int:
        if value < 0:
            raise ValueError(f"{ONLINE_METRICS[info.field_name]}不能为负数")
        return value


class OnlineMetric(OnlineMetricBase, Timestamped, table=True):
    __tablename__ = "online_metric"
    __table_args__ = (sa.UniqueConstraint("item_id", "recorded_at", name="uq_online_metric_item_recorded"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="online_item.id", index=True)


class OnlineMetricPublic(OnlineMetricBase):
    id: int
    item_id: int
