"""Term and school-year bounds come from one place (schoolcal), following 春节."""

from datetime import date

import pytest

from curriculum import metrics, schoolcal
from curriculum.demo.community import school_year_start
from curriculum.planner import plans


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 8, 31), (date(2025, 9, 1), date(2026, 8, 31))),
        (date(2026, 9, 1), (date(2026, 9, 1), date(2027, 8, 31))),
        (date(2027, 1, 15), (date(2026, 9, 1), date(2027, 8, 31))),
    ],
)
def test_school_year_is_september_to_august(today, expected):
    assert schoolcal.school_year_bounds(today) == expected
    assert metrics.school_year_bounds(today) == expected
    assert school_year_start(today) == expected[0]


def test_planner_term_is_the_school_calendar_term():
    # 春节 2027 is 6 February: autumn term ends Friday 22 January, spring starts Monday 22 February.
    assert plans.current_term(date(2026, 11, 28)) == (date(2026, 9, 1), date(2027, 1, 22))
    assert plans.current_term(date(2027, 2, 5)) == (date(2027, 2, 22), date(2027, 7, 2))
    for day in (date(2026, 11, 28), date(2027, 2, 5), date(2027, 7, 20)):
        assert plans.current_term(day) == schoolcal.default_term_dates(day)[:2]


def test_started_term_in_a_break_is_the_term_just_ended():
    assert schoolcal.started_term(date(2027, 2, 5)).name == "2026–2027 学年第一学期"
    assert schoolcal.started_term(date(2027, 7, 20)).name == "2026–2027 学年第二学期"
    assert schoolcal.started_term(date(2026, 11, 28)).start == date(2026, 9, 1)
