"""The counted period of a dashboard request: the range asked for, and the part of it that has happened.

Only what has happened counts: the last day counted is ``min(end, today − 1)``
(``Period.through``), so a half-finished today never lowers a rate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from curriculum import schoolcal
from curriculum.clock import local_today
from curriculum.errors import DomainError


class MetricsError(DomainError):
    """A dashboard request that cannot be answered (Chinese message naming the field)."""


@dataclass(frozen=True)
class Period:
    """``start``..``end`` as asked, and ``through``: the last day that has happened (≤ yesterday)."""

    start: dt.date
    end: dt.date
    today: dt.date

    @property
    def through(self) -> dt.date:
        return min(self.end, self.today - dt.timedelta(days=1))

    @property
    def empty(self) -> bool:
        """Nothing in the range has happened yet."""
        return self.through < self.start

    @property
    def start_dt(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time(0, 0))

    @property
    def stop_dt(self) -> dt.datetime:
        """Exclusive upper bound for datetimes: midnight after ``through``."""
        return dt.datetime.combine(self.through + dt.timedelta(days=1), dt.time(0, 0))


def make_period(start: dt.date, end: dt.date, today: dt.date | None = None) -> Period:
    """Validate a range; ``MetricsError`` if the end is before the start."""
    if end < start:
        raise MetricsError(f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}", field="end")
    return Period(start, end, today or local_today())


def school_year_bounds(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The school year around ``today``: 1 September to 31 August (the dashboard's default range)."""
    return schoolcal.school_year_bounds(today or local_today())


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


def rate(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator``, or ``None`` when there is nothing to divide by (no school days)."""
    return numerator / denominator if denominator else None
