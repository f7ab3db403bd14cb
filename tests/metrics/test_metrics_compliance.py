"""Daily 30 minutes (每日诵读半小时): share of a class's past school days with its reading done."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from metrics_testkit import MON, WEEK1, WEEK2

from curriculum import metrics
from curriculum.planner import edits

FRI = WEEK1[4]


def _row(df, name):
    return df.set_index("class_name").loc[name]


def test_four_past_school_days_three_done_is_75_percent(session, make_class, make_plan, done):
    klass = make_class("一年级（1）班")
    plan = make_plan(klass, WEEK1 + WEEK2)
    done(plan, WEEK1[0], WEEK1[1], WEEK1[3])
    # Friday is today: the session done this morning does not count yet, nor does next week.
    done(plan, FRI)

    df = metrics.compliance_by_class(MON, date(2026, 9, 30), session=session, today=FRI)

    row = _row(df, "一年级（1）班")
    assert (row.school_days, row.compliant_days, row.done_sessions) == (4, 3, 3)
    assert row.rate == pytest.approx(0.75)
    assert metrics.format_rate(row.rate) == "75.0%"


def test_a_lost_day_leaves_the_denominator_and_is_reported(session, catalog, make_class, make_plan, done):
    klass = make_class("一年级（1）班")
    plan = make_plan(klass, WEEK1 + WEEK2)
    edits.bump(plan.id, WEEK1[2], session=session, catalog=catalog)  # Wednesday lost (school event), the rest move on
    done(plan, WEEK1[0], WEEK1[1], WEEK1[3])

    row = _row(metrics.compliance_by_class(MON, date(2026, 9, 30), session=session, today=FRI), "一年级（1）班")

    assert (row.school_days, row.compliant_days, row.lost_days) == (3, 3, 1)
    assert row.rate == pytest.approx(1.0)


def test_range_start_cuts_days_and_a_class_without_days_has_no_rate(session, make_class, make_plan, done):
    plan = make_plan(make_class("一年级（1）班"), WEEK1 + WEEK2)
    make_class("二年级（1）班")  # no plan
    done(plan, WEEK1[0], WEEK1[1], WEEK1[3])

    df = metrics.compliance_by_class(WEEK1[1], date(2026, 9, 30), session=session, today=FRI)

    first = _row(df, "一年级（1）班")
    assert (first.school_days, first.compliant_days) == (3, 2)  # Tue, Wed, Thu; done Tue and Thu
    empty = _row(df, "二年级（1）班")
    assert empty.school_days == 0 and pd.isna(empty.rate)
    assert metrics.format_rate(None) == "—"


def test_summary_pools_days_per_stage_and_per_school(session, make_class, make_plan, done):
    a = make_plan(make_class("一年级（1）班", school="第一小学"), WEEK1)
    b = make_plan(make_class("一年级（2）班", school="第二小学", district="郾城区"), WEEK1)
    c = make_plan(make_class("七年级（1）班", stage="junior", school="第二小学", district="郾城区"), WEEK1)
    done(a, *WEEK1[:4])  # 4/4
    done(b, WEEK1[0])  # 1/4
    done(c, WEEK1[0], WEEK1[1])  # 2/4
    by_class = metrics.compliance_by_class(MON, FRI, session=session, today=FRI)

    stages = metrics.compliance_summary(by_class, "stage").set_index("group")
    assert list(stages.index) == ["primary_lower", "junior"]
    assert (stages.loc["primary_lower", "school_days"], stages.loc["primary_lower", "compliant_days"]) == (8, 5)
    assert stages.loc["primary_lower", "rate"] == pytest.approx(5 / 8)
    assert stages.loc["junior", "label"] == "初中" and stages.loc["junior", "rate"] == pytest.approx(0.5)

    schools = metrics.compliance_summary(by_class, "school").set_index("group")
    assert schools.loc["第一小学", "rate"] == pytest.approx(1.0)
    assert schools.loc["第二小学", "classes"] == 2
    assert schools.loc["第二小学", "rate"] == pytest.approx(3 / 8)

    # The district filter keeps only that district's classes.
    yancheng = metrics.compliance_by_class(MON, FRI, session=session, district="郾城区", today=FRI)
    assert sorted(yancheng["class_name"]) == ["一年级（2）班", "七年级（1）班"]


def test_weekly_trend_per_stage(session, make_class, make_plan, done):
    plan = make_plan(make_class("一年级（1）班"), WEEK1 + WEEK2)
    done(plan, WEEK1[0], WEEK1[1], WEEK1[2], WEEK2[0])
    today = WEEK2[3]  # Thursday of week 2: Mon–Wed of week 2 have passed

    weekly = metrics.compliance_weekly(MON, date(2026, 9, 30), session=session, today=today)

    assert list(weekly["week"]) == [MON, WEEK2[0]]
    assert list(weekly["label"]) == ["小学低段", "小学低段"]
    assert list(weekly["school_days"]) == [5, 3]
    assert list(weekly["compliant_days"]) == [3, 1]
    assert list(weekly["rate"]) == pytest.approx([0.6, 1 / 3])


def test_unknown_grouping_and_reversed_range_are_chinese_errors(session):
    with pytest.raises(metrics.MetricsError, match="分组方式"):
        metrics.compliance_summary(metrics.compliance_by_class(MON, FRI, session=session), "teacher")
    with pytest.raises(metrics.MetricsError, match="早于开始日期"):
        metrics.compliance_by_class(FRI, MON, session=session)
