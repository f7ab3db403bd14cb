"""SQLModel tables for the plan entity family: classes, term plans, sessions, items, operations.

Pattern XBase → XCreate (what a service accepts) → X(table=True). A plan's sessions and
items are what the teacher runs; every edit (bump, lock, reorder, mark done,
regenerate, extra session) writes a ``PlanOperation`` holding a snapshot of
the plan's sessions *before* the edit, which is what undo restores.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from curriculum.models.base import Timestamped, one_of
from curriculum.stages import STAGE_KEYS
from curriculum.vocab import FESTIVALS, ITEM_KINDS, PLAN_OPERATIONS, SESSION_STATUSES

# --- class -----------------------------------------------------------------

class SchoolClassBase(SQLModel):
    name: str = Field(min_length=1, max_length=60)
    stage: str = Field(max_length=30)
    grade: str = Field(default="", max_length=30)
    size: int = Field(default=40, ge=1, le=200)
    reading_time: dt.time = Field(default=dt.time(7, 40))
    chars_per_minute: int | None = Field(default=None, ge=1, le=200)


class SchoolClassCreate(SchoolClassBase):
    # Every class belongs to a school: dashboards count classes per school and district.
    school_id: int


class SchoolClass(SchoolClassBase, Timestamped, table=True):
    __tablename__ = "school_class"
    __table_args__ = (one_of("school_class", "stage", STAGE_KEYS),)

    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)


# --- plan ------------------------------------------------------------------

class PlanBase(SQLModel):
    name: str = Field(default="", max_length=120)
    term_start: dt.date
    term_end: dt.date
    minutes: int = Field(default=30, ge=30)
    pass_threshold: float = Field(default=0.8)


class PlanCreate(PlanBase):
    class_id: int
    text_ids: list[str] = []
    review_intervals: list[int] = [1, 2, 4, 7, 15]
    weekday_pattern: dict[str, str] = {}


class Plan(PlanBase, Timestamped, table=True):
    id: int | None = Field(default=None, primary_key=True)
    class_id: int = Field(foreign_key="school_class.id", index=True)
    text_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    review_intervals: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # JSON object keys are strings: {"4": "recitation_check"} = Friday.
    weekday_pattern: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # The term's school days (ISO dates) as the calendar gave them when the plan
    # was made; bumps and regeneration move sessions along this list.
    school_days: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # School days that run another weekday's timetable (调休, school make-up days):
    # {"2026-10-10": 2} = that Saturday follows Wednesday's timetable. Weekday
    # patterns (Friday = 背诵检查) follow the timetable, also on re-plans.
    timetable: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict))
    # Grows by one with every edit and every undo (never goes back): the iCalendar
    # SEQUENCE, so a calendar app takes a re-imported file as newer even after an undo.
    revision: int = Field(default=0)
    # Passages the planner could not fit into the term (at creation, after a bump
    # pushed sessions past the term end, after any re-plan), recomputed on every
    # re-plan: [{"text_id", "section", "passage_start", "passage_end"}, …].
    unscheduled: list[dict[str, Any]] = Field(default_factory=list,
                                              sa_column=Column(JSON, nullable=False, default=list))
    # Every session place ("YYYY-MM-DD/slot") the plan has ever had, never shrunk (not
    # even by undo): a calendar export cancels the UIDs among them that lost their session.
    issued_slots: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))


# --- sessions and items --------------------------------------------------------

class PlanSessionBase(SQLModel):
    date: dt.date
    slot: int = 0
    minutes: int
    locked: bool = False
    done: bool = False
    pass_rate: float | None = None
    festival_key: str | None = Field(default=None, max_length=30)
    status: str = Field(default="scheduled", max_length=20)
    extra: bool = False


class PlanSession(PlanSessionBase, Timestamped, table=True):
    __tablename__ = "plan_session"
    __table_args__ = (
        one_of("plan_session", "status", SESSION_STATUSES),
        one_of("plan_session", "festival_key", FESTIVALS, nullable=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)


class PlanItemBase(SQLModel):
    position: int
    kind: str = Field(max_length=10)
    text_id: str | None = Field(default=None, max_length=60)
    section: str | None = Field(default=None, max_length=120)
    passage_start: int | None = None
    passage_end: int | None = None
    label: str = Field(default="", max_length=60)
    minutes: int


class PlanItem(PlanItemBase, Timestamped, table=True):
    __tablename__ = "plan_item"
    __table_args__ = (one_of("plan_item", "kind", ITEM_KINDS),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="plan_session.id", index=True)


# --- operations ------------------------------------------------------------------

class PlanOperationBase(SQLModel):
    kind: str = Field(max_length=20)
    detail: str = Field(default="", max_length=200)


class PlanOperation(PlanOperationBase, Timestamped, table=True):
    __tablename__ = "plan_operation"
    __table_args__ = (one_of("plan_operation", "kind", PLAN_OPERATIONS),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
