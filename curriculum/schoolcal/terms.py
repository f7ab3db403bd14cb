"""The planner's view of a term: school days, skipped days, calendar notes and festivals.

One adapter between the school calendar and the planner, so the engine only
ever sees plain dates, a ``date → festival`` mapping and the days that run
another weekday's timetable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from curriculum.errors import DomainError
from curriculum.schoolcal import official
from curriculum.schoolcal.days import Closure, MakeupDay, SchoolDay, TermCalendar, build_term_calendar
from curriculum.schoolcal.store import term_calendar

_MAX_TERM_DAYS = 400


@dataclass
class TermInputs:
    start: date
    end: date
    days: list[date]
    skipped: list[tuple[date, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    festivals: dict[date, Any] = field(default_factory=dict)
    # School days that run another weekday's timetable (调休, school make-up days): date → 0 (Mon) … 4 (Fri).
    timetable: dict[date, int] = field(default_factory=dict)


class TermError(DomainError):
    """Bad term dates; Chinese message."""


def _timetable(days: Iterable[SchoolDay]) -> dict[date, int]:
    """The days whose timetable is not their calendar weekday's (``SchoolDay.timetable_weekday``)."""
    return {d.date: d.timetable_weekday for d in days if d.timetable_weekday != d.date.weekday()}


def festival_map(start: date, end: date) -> dict[date, Any]:
    """``date → FestivalDay`` for the term (first festival of a day wins); empty if the festival data fails."""
    from curriculum.festivals import festivals_between

    out: dict[date, Any] = {}
    try:
        for fest in festivals_between(start, end):
            out.setdefault(fest.date, fest)
    except (ValueError, OSError):
        return {}
    return out


def calendar_notes(start: date, end: date) -> list[str]:
    """What the school calendar wants a teacher to know about ``start``–``end``.

    Today that is one note per year whose official 放假安排 is not installed yet
    (the plan then only leaves out the statutory holidays). A stored plan does
    not keep its notes, so the page asks again each time it shows a plan.
    """
    return [official.missing_arrangement_note(y) for y in range(start.year, end.year + 1)
            if not official.official_arrangement_known(y)]


def _from_calendar(cal: TermCalendar) -> TermInputs:
    return TermInputs(
        cal.start,
        cal.end,
        [d.date for d in cal.days],
        [(s.date, s.reason) for s in cal.skipped],
        list(cal.notes),
        festival_map(cal.start, cal.end),
        _timetable(cal.days),
    )


def term_inputs(start: date, end: date, *, closures: Iterable[Closure] = (),
                makeup_days: Iterable[MakeupDay] = ()) -> TermInputs:
    """School days of ``start``–``end`` (inclusive) with festivals, from the school calendar."""
    if end < start:
        raise TermError(f"学期日期：结束日期 {end} 早于开始日期 {start}", field="end")
    if (end - start).days > _MAX_TERM_DAYS:
        raise TermError(f"学期日期：{start} 至 {end} 超过一年，请分学期制定计划", field="end")
    return _from_calendar(build_term_calendar(start, end, closures=tuple(closures), makeup_days=tuple(makeup_days)))


def stored_term_inputs(term_id: int, *, session: Session) -> TermInputs:
    """A school's stored term (closures and make-up days included)."""
    return _from_calendar(term_calendar(term_id, session=session))
