"""School days, pure: which days of a term have lessons, and why the others do not.

A school day is a Monday–Friday, minus the official public holidays (including
the rest days the State Council moves around, 调休放假), plus the official
make-up working days on a Saturday or Sunday (调休上班) — both from
``curriculum.schoolcal.official`` (the ``holidays`` package), never from a
table of our own — then minus the school's own closures and plus the school's
own make-up days, which say their timetable explicitly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from curriculum.errors import DomainError
from curriculum.schoolcal import official
from curriculum.vocab import DAY_STATUSES, WEEKDAY_LABELS


class CalendarError(DomainError):
    """A school's closure or make-up day does not fit the calendar (Chinese message)."""


@dataclass(frozen=True)
class Closure:
    """The school's own closure, ``start``..``end`` inclusive (exams, sports meet …)."""

    start: date
    end: date
    reason: str


@dataclass(frozen=True)
class MakeupDay:
    """The school's own make-up day, following the timetable of ``timetable_weekday`` (0 = Mon … 4 = Fri)."""

    date: date
    timetable_weekday: int
    reason: str


@dataclass(frozen=True)
class SchoolDay:
    """A day with lessons; ``timetable_weekday`` is the weekday timetable it runs (0 = Mon … 4 = Fri)."""

    date: date
    timetable_weekday: int
    makeup: bool
    note: str  # "" on an ordinary day, e.g. "调休上班（国庆节）" or "学校补课：运动会"


@dataclass(frozen=True)
class SkippedDay:
    """A day that would have had lessons but does not: "国庆节", "春节（调休放假）", "学校停课：期中考试"."""

    date: date
    reason: str


@dataclass(frozen=True)
class DayStatus:
    """One calendar day of the term for the month view."""

    date: date
    status: str  # a key of DAY_STATUSES
    label: str  # DAY_STATUSES[status]
    detail: str  # holiday name, make-up note, closure reason …


@dataclass
class TermCalendar:
    """A term's school days and the weekdays without lessons, with Chinese notices."""

    start: date
    end: date
    days: list[SchoolDay]
    skipped: list[SkippedDay]
    notes: list[str]
    # Every official day off in the term, weekends included (for the month view).
    holidays: dict[date, str] = field(default_factory=dict)
    closures: list[Closure] = field(default_factory=list)

    @property
    def school_dates(self) -> list[date]:
        return [d.date for d in self.days]

    def day_on(self, day: date) -> SchoolDay | None:
        return next((d for d in self.days if d.date == day), None)

    def statuses(self) -> list[DayStatus]:
        """Every calendar day start..end with its status (上课/周末/节假日/调休上班/停课)."""
        school = {d.date: d for d in self.days}
        closed = {s.date: s.reason for s in self.skipped if s.reason.startswith("学校停课")}
        result: list[DayStatus] = []
        for day in _date_range(self.start, self.end):
            if day in school:
                sd = school[day]
                key = "makeup" if sd.makeup else "school"
                detail = sd.note or WEEKDAY_LABELS[day.weekday()]
            elif day in closed:
                key, detail = "closure", closed[day]
            elif any(c.start <= day <= c.end for c in self.closures) and day.weekday() < 5:
                key, detail = "closure", _closure_reason(self.closures, day)
            elif day in self.holidays:
                key, detail = "holiday", self.holidays[day]
            elif day.weekday() >= 5:
                key, detail = "weekend", WEEKDAY_LABELS[day.weekday()]
            else:  # a weekday neither school nor holiday: listed in skipped
                key = "holiday"
                detail = next((s.reason for s in self.skipped if s.date == day), "")
            result.append(DayStatus(day, key, DAY_STATUSES[key], detail))
        return result

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able form (``classics calendar days --json``)."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "school_days": [
                {
                    "date": d.date.isoformat(),
                    "timetable_weekday": d.timetable_weekday,
                    "makeup": d.makeup,
                    "note": d.note,
                }
                for d in self.days
            ],
            "skipped": [{"date": s.date.isoformat(), "reason": s.reason} for s in self.skipped],
            "notes": list(self.notes),
        }


_WEEKDAY_CHARS = "一二三四五"


def parse_timetable_weekday(text: str) -> int:
    """A weekday a make-up day follows, as typed by a teacher → 0 (周一) … 4 (周五).

    Accepts 周一…周五, 星期一…星期五, 一…五, and 1…5 counted the Chinese way
    (1 = 周一, as on a timetable). The stored value is 0-based like
    ``date.weekday()``, so ``WEEKDAY_LABELS[result]`` names it back.

    Raises:
        CalendarError: anything else, e.g. 周六 or 0 (Chinese message).
    """
    raw = text.strip()
    bare = raw.removeprefix("星期").removeprefix("周")
    if len(bare) == 1 and bare in _WEEKDAY_CHARS:
        return _WEEKDAY_CHARS.index(bare)
    if bare in {"1", "2", "3", "4", "5"}:
        return int(bare) - 1
    raise CalendarError(f"“{raw}”不是周一到周五之一：请写 周一…周五，或 1…5（1 = 周一）")


def _date_range(start: date, end: date) -> Iterable[date]:
    for n in range((end - start).days + 1):
        yield start + timedelta(days=n)


def _closure_reason(closures: Iterable[Closure], day: date) -> str:
    reasons = [c.reason for c in closures if c.start <= day <= c.end]
    return "学校停课：" + "、".join(reasons)



def _validate(
    start: date, end: date, closures: list[Closure], makeup_days: list[MakeupDay], official_school: set[date]
) -> None:
    if end < start:
        raise CalendarError(f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}")
    for c in closures:
        if c.end < c.start:
            raise CalendarError(f"停课“{c.reason}”的结束日期 {c.end.isoformat()} 早于开始日期 {c.start.isoformat()}")
    seen: set[date] = set()
    for m in makeup_days:
        if not 0 <= m.timetable_weekday <= 4:
            raise CalendarError(f"补课日 {m.date.isoformat()} 的课表应为周一到周五之一")
        if not start <= m.date <= end:
            raise CalendarError(
                f"补课日 {m.date.isoformat()} 不在学期内（{start.isoformat()} 至 {end.isoformat()}）"
            )
        if m.date in official_school:
            weekday = WEEKDAY_LABELS[m.date.weekday()]
            raise CalendarError(f"{m.date.isoformat()}（{weekday}）本来就要上课，不能再设为补课日")
        if m.date in seen:
            raise CalendarError(f"补课日 {m.date.isoformat()} 重复")
        seen.add(m.date)


def build_term_calendar(
    start: date,
    end: date,
    *,
    closures: Iterable[Closure] = (),
    makeup_days: Iterable[MakeupDay] = (),
) -> TermCalendar:
    """The school days of the term ``start``..``end`` (inclusive).

    Official holidays and 调休 come from the ``holidays`` package; ``closures``
    remove school days ("学校停课：期中考试"), ``makeup_days`` add them. For a
    year whose official arrangement is not installed, ``notes`` carries a
    Chinese notice and only the statutory holidays are used.

    Raises:
        CalendarError: ``end`` before ``start``, a closure ending before it
            starts, a make-up day outside the term, on a day that already has
            lessons, twice, or with a timetable other than Monday–Friday.
    """
    closures = list(closures)
    makeup_days = list(makeup_days)
    if end < start:
        raise CalendarError(f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}")
    days_off = official.official_days_off(start, end)
    official_makeup = official.official_makeup_days(start, end)
    official_school = {
        d for d in _date_range(start, end) if (d.weekday() < 5 and d not in days_off) or d in official_makeup
    }
    _validate(start, end, closures, makeup_days, official_school)
    school_makeup = {m.date: m for m in makeup_days}

    days: list[SchoolDay] = []
    skipped: list[SkippedDay] = []
    for day in _date_range(start, end):
        outcome = _classify(day, closures, school_makeup, official_school, official_makeup, days_off)
        if isinstance(outcome, SchoolDay):
            days.append(outcome)
        elif outcome is not None:
            skipped.append(outcome)

    notes = [official.missing_arrangement_note(y) for y in range(start.year, end.year + 1)
             if not official.official_arrangement_known(y)]
    return TermCalendar(start, end, days, skipped, notes, holidays=days_off, closures=closures)


def _classify(
    day: date,
    closures: list[Closure],
    school_makeup: dict[date, MakeupDay],
    official_school: set[date],
    official_makeup: dict[date, tuple[int, str]],
    days_off: dict[date, str],
) -> SchoolDay | SkippedDay | None:
    """One day of the term: a school day, a weekday without lessons, or ``None`` for a plain weekend day."""
    closed = any(c.start <= day <= c.end for c in closures)
    if day in school_makeup or day in official_school:
        if closed:  # the school's closure wins over every kind of school day, its own make-up days included
            return SkippedDay(day, _closure_reason(closures, day))
        if day in school_makeup:
            m = school_makeup[day]
            return SchoolDay(day, m.timetable_weekday, True, f"学校补课：{m.reason}" if m.reason else "学校补课")
        if day in official_makeup:
            timetable, holiday = official_makeup[day]
            return SchoolDay(day, timetable, True, f"调休上班（{holiday}）" if holiday else "调休上班")
        return SchoolDay(day, day.weekday(), False, "")
    if day.weekday() < 5:
        return SkippedDay(day, days_off.get(day, "放假"))
    return None


def is_school_day(
    day: date, *, closures: Iterable[Closure] = (), makeup_days: Iterable[MakeupDay] = ()
) -> bool:
    """Whether ``day`` has lessons (official calendar, then the school's closures and make-up days)."""
    closures = list(closures)
    if any(c.start <= day <= c.end for c in closures):
        return False
    if any(m.date == day for m in makeup_days):
        return True
    if day in official.official_makeup_days(day, day):
        return True
    return day.weekday() < 5 and day not in official.official_days_off(day, day)
