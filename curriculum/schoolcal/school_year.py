"""Suggested term dates and school-year bounds (pure): what a form or a dashboard offers by default.

Term dates follow 春节 (from the lunar adapter), the way the city's bureau sets
them; the school's real dates are stored on its ``Term`` rows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple


class TermDates(NamedTuple):
    """A suggested term: unpack as ``start, end, name = default_term_dates(today)``."""

    start: date
    end: date
    name: str


def _friday_on_or_before(day: date) -> date:
    return day - timedelta(days=(day.weekday() - 4) % 7)


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(0 - day.weekday()) % 7)


def _spring_festival(year: int) -> date:
    from curriculum.lunar_adapter import lunar_to_solar

    return lunar_to_solar(year, 1, 1)


def _autumn_term(year: int) -> TermDates:
    # Winter break starts a week before 春节 at the latest, and not after 1/24.
    last = min(date(year + 1, 1, 24), _spring_festival(year + 1) - timedelta(days=7))
    return TermDates(date(year, 9, 1), _friday_on_or_before(last), f"{year}–{year + 1} 学年第一学期")


def _spring_term(year: int) -> TermDates:
    # School resumes after the 春节 holiday week is well over, and not before 2/20.
    first = max(date(year + 1, 2, 20), _spring_festival(year + 1) + timedelta(days=10))
    return TermDates(
        _monday_on_or_after(first),
        _friday_on_or_before(date(year + 1, 7, 7)),  # the first Friday of July
        f"{year}–{year + 1} 学年第二学期",
    )


def default_term_dates(today: date) -> TermDates:
    """The term a teacher most likely means on ``today``: the current one, or the next one in a break.

    A suggestion for the 新建学期 form (the school's real dates come from its
    own bureau and can be typed over). School year ``Y``–``Y+1``:

    * 第一学期 (autumn): 9/1 of ``Y`` to the Friday on or before the earlier of
      1/24 and one week before 春节 of ``Y+1``.
    * 第二学期 (spring): the Monday on or after the later of 2/20 and ten days
      after 春节 of ``Y+1``, to the first Friday of July of ``Y+1``.

    On a day after a term's end and before the next start (summer or winter
    break) the next term is returned. 春节 comes from the lunar adapter.
    """
    # This year's autumn term ends next January, so the search always finds one.
    candidates = (_autumn_term(today.year - 1), _spring_term(today.year - 1), _autumn_term(today.year))
    return next(term for term in candidates if today <= term.end)


def started_term(today: date) -> TermDates:
    """The latest term that has begun by ``today``: the one in progress, or in a break the one just ended.

    Demo data needs a term with a past; ``default_term_dates`` would give the
    coming term during the summer or winter break.
    """
    candidates = (_autumn_term(today.year - 1), _spring_term(today.year - 1), _autumn_term(today.year))
    return max((term for term in candidates if term.start <= today), key=lambda term: term.start)


def school_year_bounds(today: date) -> tuple[date, date]:
    """The school year ``today`` is in: 1 September to 31 August (dashboards' default range)."""
    year = today.year if today.month >= 9 else today.year - 1
    return date(year, 9, 1), date(year + 1, 8, 31)
