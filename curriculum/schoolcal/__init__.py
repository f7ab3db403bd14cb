"""The school calendar: which days of a term have lessons, the school's terms and its own changes.

* ``official`` — the ``holidays`` package adapter: official days off and 调休
  working days, and which years' State Council notices are installed
  (``official.published_years`` is the seam tests replace).
* ``days`` — pure: ``build_term_calendar`` (Mon–Fri − official days off +
  调休 ± the school's closures and make-up days), ``TermCalendar``, ``DayStatus``.
* ``school_year`` — pure: suggested term dates and school-year bounds.
* ``views`` — pure: Chinese counts and table rows for pages and the CLI.
* ``store`` — schools, terms, closures and make-up days in the database.
* ``terms`` — the planner's view of a term (school days, festivals, notes).

The pure names are re-exported here for short imports; patch
``curriculum.schoolcal.official.published_years``, never this facade.
"""

from curriculum.schoolcal.days import (
    CalendarError,
    Closure,
    DayStatus,
    MakeupDay,
    SchoolDay,
    SkippedDay,
    TermCalendar,
    build_term_calendar,
    is_school_day,
    parse_timetable_weekday,
)
from curriculum.schoolcal.official import (
    missing_arrangement_note,
    official_arrangement_known,
    official_days_off,
    official_makeup_days,
)
from curriculum.schoolcal.school_year import TermDates, default_term_dates, school_year_bounds, started_term

__all__ = [
    "CalendarError",
    "Closure",
    "DayStatus",
    "MakeupDay",
    "SchoolDay",
    "SkippedDay",
    "TermCalendar",
    "TermDates",
    "build_term_calendar",
    "default_term_dates",
    "is_school_day",
    "missing_arrangement_note",
    "official_arrangement_known",
    "official_days_off",
    "official_makeup_days",
    "parse_timetable_weekday",
    "school_year_bounds",
    "started_term",
]
