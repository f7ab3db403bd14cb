"""The planner's view of a term: school days, skipped days, calendar notes and festivals.

One adapter between the planner and the school calendar (``curriculum.schoolcal``)
and festival (``curriculum.festivals``) modules, so the engine only ever sees
plain dates and a ``date → festival`` mapping. If the calendar module cannot
answer (not installed yet, or its data is broken) the term falls back to
Monday–Friday and says so in ``notes`` — a plan is still produced, but the
teacher is told the public holidays were not taken out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from curriculum.errors import DomainError


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


def _weekdays(start: date, end: date) -> tuple[list[date], list[tuple[date, str]]]:
    days, skipped = [], []
    d = start
    while d <= end:
        if d.weekday() < 5:
            days.append(d)
        else:
            skipped.append((d, "周末"))
        d += timedelta(days=1)
    return days, skipped


def _timetable(days: Iterable[Any]) -> dict[date, int]:
    """The days whose timetable is not their calendar weekday's (``SchoolDay.timetable_weekday``)."""
    return {d.date: d.timetable_weekday for d in days if d.timetable_weekday != d.date.weekday()}


def festival_map(start: date, end: date) -> dict[date, Any]:
    """``date → FestivalDay`` for the term (first festival of a day wins); empty if unavailable."""
    try:
        from curriculum.festivals import festivals_between
    except ImportError:
        return {}
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
    try:
        from curriculum.schoolcal import missing_arrangement_note, official_arrangement_known
    except ImportError:
        return ["校历模块不可用：按周一至周五排课，未扣除法定节假日"]
    return [missing_arrangement_note(y) for y in range(start.year, end.year + 1) if not official_arrangement_known(y)]


def term_inputs(start: date, end: date, *, closures: Iterable[Any] = (), makeup_days: Iterable[Any] = ()) -> TermInputs:
    """School days of ``start``–``end`` (inclusive) with festivals, from the school calendar."""
    if end < start:
        raise TermError(f"学期日期：结束日期 {end} 早于开始日期 {start}")
    if (end - start).days > 400:
        raise TermError(f"学期日期：{start} 至 {end} 超过一年，请分学期制定计划")
    try:
        from curriculum.schoolcal import build_term_calendar

        cal = build_term_calendar(start, end, closures=tuple(closures), makeup_days=tuple(makeup_days))
    except ImportError:
        days, skipped = _weekdays(start, end)
        return TermInputs(start, end, days, skipped,
                          ["校历模块不可用：按周一至周五排课，未扣除法定节假日"], festival_map(start, end))
    return TermInputs(
        start,
        end,
        [d.date for d in cal.days],
        [(s.date, s.reason) for s in cal.skipped],
        list(cal.notes),
        festival_map(start, end),
        _timetable(cal.days),
    )


def stored_term_inputs(term_id: int, *, session) -> TermInputs:
    """A school's stored term (closures and make-up days included), via ``curriculum.calendar_store``."""
    from curriculum.calendar_store import term_calendar

    cal = term_calendar(term_id, session=session)
    return TermInputs(
        cal.start,
        cal.end,
        [d.date for d in cal.days],
        [(s.date, s.reason) for s in cal.skipped],
        list(cal.notes),
        festival_map(cal.start, cal.end),
        _timetable(cal.days),
    )
