"""SQLModel tables for the calendar entity family: schools, terms, and the school's own calendar changes.

Pattern XBase → XCreate (what a service accepts) → X(table=True). Official holidays and
调休 are never stored (they come from the ``holidays`` package each time);
only what the school decides is: its terms, closures (停课) and make-up days
(补课, with the weekday timetable they follow).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import ValidationInfo, field_validator, model_validator
from sqlmodel import Field, SQLModel

from curriculum.models.base import Timestamped, blank_to_none, one_of
from curriculum.models.district import district_field
from curriculum.vocab import ADJUSTMENT_KINDS

_REASON_MAX = 120  # CalendarAdjustment.reason; a longer reason is cut, not refused
_MAKEUP_REASON = "学校补课"

# --- school ------------------------------------------------------------------

class SchoolBase(SQLModel):
    name: str = Field(min_length=1, max_length=120, unique=True, index=True)
    district: str | None = district_field()

    @field_validator("district", mode="before")
    @classmethod
    def _no_blank_district(cls, value: object) -> object:
        return blank_to_none(value)


class SchoolCreate(SchoolBase):
    pass


class School(SchoolBase, Timestamped, table=True):
    __tablename__ = "school"

    id: int | None = Field(default=None, primary_key=True)


# --- term ----------------------------------------------------------------------

class TermBase(SQLModel):
    name: str = Field(min_length=1, max_length=120)  # e.g. "2026–2027 学年第一学期"
    start: dt.date
    end: dt.date


class TermCreate(TermBase):
    school_id: int

    @model_validator(mode="after")
    def _end_not_before_start(self) -> TermCreate:
        if self.end < self.start:
            raise ValueError(f"学期结束日期 {self.end.isoformat()} 早于开始日期 {self.start.isoformat()}")
        return self


class Term(TermBase, Timestamped, table=True):
    __tablename__ = "term"

    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)


# --- calendar adjustments --------------------------------------------------------

class CalendarAdjustmentBase(SQLModel):
    kind: str = Field(max_length=10)  # "closure" | "makeup"
    start: dt.date
    end: dt.date  # = start for a make-up day
    reason: str = Field(default="", max_length=120)
    # Make-up days only: the weekday timetable the day follows (0 = Monday … 4 = Friday).
    timetable_weekday: int | None = Field(default=None, ge=0, le=4)


class CalendarAdjustmentCreate(CalendarAdjustmentBase):
    school_id: int
    kind: Literal["closure", "makeup"]

    @model_validator(mode="after")
    def _consistent(self) -> CalendarAdjustmentCreate:
        if self.end < self.start:
            raise ValueError(f"结束日期 {self.end.isoformat()} 早于开始日期 {self.start.isoformat()}")
        if self.kind == "makeup":
            if self.end != self.start:
                raise ValueError("补课日只能是一天（结束日期应等于开始日期）")
            if self.timetable_weekday is None:
                raise ValueError("补课日要指定按周几的课表上课")
        return self


class ClosureCreate(SQLModel):
    """A closure (停课) asked for through a term: a reason, an end not before the start.

    ``schoolcal.store.create_closure`` turns it into the school's ``CalendarAdjustmentCreate``
    after checking the term's range and calendar.
    """

    term_id: int
    start: dt.date
    end: dt.date
    reason: str

    @field_validator("end")
    @classmethod
    def _end(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        start = info.data.get("start")
        if start is not None and value < start:
            raise ValueError(f"结束日期 {value.isoformat()} 早于开始日期 {start.isoformat()}")
        return value

    @field_validator("reason", mode="before")
    @classmethod
    def _reason(cls, value: object) -> str:
        text = str(value or "").strip()
        if not text:
            raise ValueError("请填写停课原因（如：期中考试、运动会）")
        return text[:_REASON_MAX]


class MakeupDayCreate(SQLModel):
    """A make-up day (补课) asked for through a term: one day following a Monday–Friday timetable.

    An empty reason is “学校补课”; ``schoolcal.store.create_makeup_day`` checks the term's range and calendar.
    """

    term_id: int
    day: dt.date
    timetable_weekday: int
    reason: str = _MAKEUP_REASON

    @field_validator("timetable_weekday", mode="before")
    @classmethod
    def _timetable(cls, value: object) -> object:
        # The teacher's wording (the adjustment's ge/le bounds would say it in English).
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 4:
            raise ValueError("补课日要按周一到周五中某一天的课表上课")
        return value

    @field_validator("reason", mode="before")
    @classmethod
    def _reason(cls, value: object) -> str:
        return (str(value or "").strip() or _MAKEUP_REASON)[:_REASON_MAX]


class CalendarAdjustment(CalendarAdjustmentBase, Timestamped, table=True):
    __tablename__ = "calendar_adjustment"
    __table_args__ = (one_of("calendar_adjustment", "kind", ADJUSTMENT_KINDS),)

    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)
