"""The plan calendar figure: one trace per status, one square per session, hover with the agenda."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from curriculum.charts.plan import build_plan_calendar_figure, build_plan_minutes_figure


def _df():
    rows = [
        {"date": date(2026, 9, 7), "status": "已完成", "new": 20, "review": 0, "activity": 10,
         "summary": "新授 《弟子规》总叙 第 1–2 句（20 分）；齐读（10 分）"},
        {"date": date(2026, 9, 8), "status": "计划中", "new": 12, "review": 15, "activity": 3, "summary": "复习"},
        {"date": date(2026, 9, 10), "status": "节日", "new": 5, "review": 12, "activity": 13,
         "summary": "节日诵读·教师节"},
        {"date": date(2026, 9, 14), "status": "计划中", "new": 12, "review": 15, "activity": 3, "summary": "x"},
    ]
    return pd.DataFrame(rows)


def test_calendar_has_one_trace_per_status_and_a_square_per_session():
    fig = build_plan_calendar_figure(_df())
    assert [t.name for t in fig.data] == ["计划中", "节日", "已完成"]
    planned = fig.data[0]
    assert list(planned.y) == ["周二", "周一"]
    assert list(planned.text) == ["8", "14"]
    # weeks: 9/8 belongs to the week of Monday 9/7, 9/14 to the next
    assert [pd.Timestamp(x).date() for x in planned.x] == [date(2026, 9, 7), date(2026, 9, 14)]
    done = fig.data[2]
    assert "新授 20 分" in done.hovertext[0] and "《弟子规》总叙" in done.hovertext[0]
    assert sum(len(t.x) for t in fig.data) == 4


def test_empty_plan_says_so():
    fig = build_plan_calendar_figure(pd.DataFrame())
    assert not fig.data and fig.layout.annotations[0].text == "暂无诵读安排"


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="summary"):
        build_plan_calendar_figure(pd.DataFrame([{"date": date(2026, 9, 7), "status": "计划中", "new": 1,
                                                  "review": 1, "activity": 1}]))


def test_minutes_figure_stacks_three_kinds():
    fig = build_plan_minutes_figure(_df())
    assert [t.name for t in fig.data] == ["新授", "复习", "活动"]
    assert [a + b + c for a, b, c in zip(fig.data[0].y, fig.data[1].y, fig.data[2].y)] == [30, 30, 30, 30]
