"""The dashboard's date range: school year default, what has happened, districts."""

from __future__ import annotations

from datetime import date

import pytest

from curriculum import metrics


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 11, 28), (date(2026, 9, 1), date(2027, 8, 31))),
    (date(2027, 3, 2), (date(2026, 9, 1), date(2027, 8, 31))),
    (date(2026, 9, 1), (date(2026, 9, 1), date(2027, 8, 31))),
    (date(2026, 8, 31), (date(2025, 9, 1), date(2026, 8, 31))),
])
def test_school_year_runs_september_to_august(today, expected):
    assert metrics.school_year_bounds(today) == expected


def test_only_days_before_today_are_counted():
    period = metrics.make_period(date(2026, 9, 1), date(2027, 8, 31), today=date(2026, 11, 28))
    assert period.through == date(2026, 11, 27) and not period.empty
    past = metrics.make_period(date(2026, 3, 1), date(2026, 7, 10), today=date(2026, 11, 28))
    assert past.through == date(2026, 7, 10)
    future = metrics.make_period(date(2027, 3, 1), date(2027, 7, 10), today=date(2026, 11, 28))
    assert future.empty
    assert metrics.week_start(date(2026, 9, 13)) == date(2026, 9, 7)


def test_a_future_range_is_all_zero(session):
    board = metrics.build_dashboard(date(2027, 3, 1), date(2027, 7, 10), session=session, today=date(2026, 11, 28))
    assert board.kpis.compliance_rate is None
    assert board.integrations["activities"].sum() == 0
    assert board.volunteer_hours.empty and board.festivals.empty
    assert metrics.district_options(session=session) == []
