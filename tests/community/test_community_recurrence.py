"""Recurrence rules: weekly Saturdays, weekday mornings over the summer, descriptions."""

from datetime import date, datetime

import pytest

from curriculum.community.conflicts import CommunityError
from curriculum.community.recurrence import HORIZON_DAYS, describe_rule, expand, weekly_rule


def test_every_saturday_until_year_end():
    rule = weekly_rule([5], until=date(2026, 12, 31))
    starts = expand(rule, datetime(2026, 9, 5, 9, 0))
    assert starts[0] == datetime(2026, 9, 5, 9, 0)
    assert starts[-1] == datetime(2026, 12, 26, 9, 0)
    assert len(starts) == 17
    assert {s.weekday() for s in starts} == {5}
    assert {s.time().isoformat() for s in starts} == {"09:00:00"}


def test_summer_mornings_monday_to_friday_skip_weekends():
    rule = weekly_rule([0, 1, 2, 3, 4], until=date(2026, 8, 31))
    starts = expand(rule, datetime(2026, 7, 6, 7, 0))
    # 6 July – 31 August 2026: 8 full weeks (40 days) + Monday 31 August
    assert len(starts) == 41
    assert all(s.weekday() < 5 for s in starts)
    assert datetime(2026, 7, 11, 7, 0) not in starts  # a Saturday
    assert starts[-1] == datetime(2026, 8, 31, 7, 0)


def test_rule_is_stored_without_dtstart_and_round_trips():
    rule = weekly_rule([5], until=date(2026, 12, 31))
    assert "DTSTART" not in rule and rule.startswith("FREQ=WEEKLY")
    assert "BYDAY=SA" in rule


def test_open_ended_rule_stops_at_horizon():
    starts = expand("FREQ=WEEKLY;BYDAY=SA", datetime(2026, 1, 3, 9, 0))
    assert (starts[-1] - starts[0]).days <= HORIZON_DAYS
    assert len(starts) in (52, 53)


def test_one_off_has_single_occurrence():
    assert expand(None, datetime(2026, 9, 5, 9)) == [datetime(2026, 9, 5, 9)]


def test_bad_rules_are_rejected_in_chinese():
    with pytest.raises(CommunityError, match="无法解析"):
        expand("FREQ=SOMETIMES", datetime(2026, 9, 5, 9))
    with pytest.raises(CommunityError, match="至少选择"):
        weekly_rule([])
    with pytest.raises(CommunityError, match="没有任何一次"):
        expand(weekly_rule([5], until=date(2026, 1, 1)), datetime(2026, 9, 5, 9))


def test_descriptions():
    assert describe_rule(weekly_rule([5], until=date(2026, 12, 31)), datetime(2026, 9, 5, 9), 60) == \
        "每周六 09:00–10:00，至2026年12月31日"
    assert describe_rule(weekly_rule([0, 1, 2, 3, 4], until=date(2026, 8, 31)), datetime(2026, 7, 6, 7), 40) == \
        "每周一至周五 07:00–07:40，至2026年8月31日"
    assert describe_rule(None, datetime(2026, 9, 5, 9), 90) == "2026年9月5日 09:00–10:30（单次）"


def test_descriptions_of_other_rules():
    start = datetime(2026, 9, 5, 9)
    assert describe_rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU;COUNT=6", start, 60) == "每2周六、周日 09:00–10:00，共6次"
    assert describe_rule("FREQ=DAILY;COUNT=5", start, 30) == "每天 09:00–09:30，共5次"
    assert describe_rule("FREQ=MONTHLY;UNTIL=20261231T235959", start, 30) == "每月5日 09:00–09:30，至2026年12月31日"
