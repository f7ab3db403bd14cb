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
from pydantic import field_validator
from sqlmodel import Field, SQLModel

from curriculum.models.base import Timestamped, blank_to_none, one_of
from curriculum.models.district import district_field
from curriculum.vocab import CHANNELS, COHORTS, INTEGRATIONS, SPEAKER_KINDS, TRAINING_MODES


class _OwnerMixin(SQLModel):
    """Who runs a programme: a school, a district, or — both empty — the city."""

    district: str | None = district_field(index=True)
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True)

    @field_validator("district", mode="before")
    @classmethod
    def _no_blank_district(cls, value: object) -> object:
        return blank_to_none(value)

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
    pass


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
    batch_id: int


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
    # Optional and never listed in full: see curriculum.phones.mask_phone.
    phone: str | None = None


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
    pass


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
    item_id: int


class OnlineMetric(OnlineMetricBase, Timestamped, table=True):
    __tablename__ = "online_metric"
    __table_args__ = (sa.UniqueConstraint("item_id", "recorded_at", name="uq_online_metric_item_recorded"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="online_item.id", index=True)


class OnlineMetricPublic(OnlineMetricBase):
    id: int
    item_id: int
