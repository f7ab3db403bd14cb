"""The dashboard figures, checked on their traces."""

from __future__ import annotations

from datetime import date

import pandas as pd

from curriculum.charts.dashboard import (
    build_compliance_figure,
    build_coverage_heatmap_figure,
    build_festival_reach_figure,
    build_integration_figure,
    build_volunteer_hours_figure,
)
from curriculum.metrics import COVERAGE_COLUMNS, INTEGRATION_COLUMNS, WEEKLY_COLUMNS


def test_integrations_two_panels_of_horizontal_bars():
    df = pd.DataFrame([
        ("campus", "经典诵读与校园文化融合", 3, 120, "节次", "人次", False),
        ("online", "线上线下融合", 2, 60000, "节目数", "浏览量", True),
    ], columns=INTEGRATION_COLUMNS)
    fig = build_integration_figure(df)
    activities, participants = fig.data
    assert (activities.orientation, participants.orientation) == ("h", "h")
    assert list(activities.y) == ["经典诵读与校园文化融合", "线上线下融合"]
    assert list(activities.x) == [3, 2] and list(participants.x) == [120, 60000]
    assert participants.xaxis == "x2"  # its own scale: views would flatten the activity bars
    assert list(participants.customdata) == ["人次", "浏览量"]


def test_coverage_heatmap_fills_the_grid_in_stage_order():
    df = pd.DataFrame([
        ("revolutionary", "革命文化", "junior", "初中", 90, 30, 2),
        ("traditional", "中华优秀传统文化", "kindergarten", "幼儿园", 40, 0, 1),
    ], columns=COVERAGE_COLUMNS)
    heat = build_coverage_heatmap_figure(df).data[0]
    assert list(heat.x) == ["幼儿园", "小学低段", "小学中段", "小学高段", "初中", "高中", "高校"]
    assert list(heat.y) == ["中华优秀传统文化", "革命文化", "社会主义先进文化"]
    assert [list(r) for r in heat.z] == [[40, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 90, 0, 0], [0] * 7]
    assert heat.customdata[1][4] == 30


def test_compliance_one_line_per_group_in_percent():
    df = pd.DataFrame([
        (date(2026, 9, 7), "primary_lower", "小学低段", 5, 3, 0.6),
        (date(2026, 9, 7), "junior", "初中", 5, 5, 1.0),
        (date(2026, 9, 14), "primary_lower", "小学低段", 4, 1, 0.25),
    ], columns=WEEKLY_COLUMNS)
    fig = build_compliance_figure(df)
    assert [t.name for t in fig.data] == ["小学低段", "初中"]
    assert list(fig.data[0].y) == [60.0, 25.0] and list(fig.data[1].y) == [100.0]
    assert list(fig.data[0].x) == [date(2026, 9, 7), date(2026, 9, 14)]
    assert len(build_compliance_figure(df.iloc[0:0]).data) == 0


def test_volunteer_hours_stacked_by_district_with_zero_months():
    df = pd.DataFrame({"month": ["2026-09", "2026-09", "2026-10"], "district": ["源汇区", "郾城区", "源汇区"],
                       "district_label": ["源汇区", "郾城区", "源汇区"], "hours": [2.0, 1.5, 4.0],
                       "shifts": [2, 1, 4], "volunteers": [1, 1, 2]})
    fig = build_volunteer_hours_figure(df)
    assert fig.layout.barmode == "stack"
    assert [t.name for t in fig.data] == ["源汇区", "郾城区"]
    assert list(fig.data[0].x) == ["2026-09", "2026-10"]
    assert list(fig.data[0].y) == [2.0, 4.0] and list(fig.data[1].y) == [1.5, 0.0]


def test_festival_reach_community_and_class_bars():
    df = pd.DataFrame({"festival": ["zhongqiu", "teachers_day"], "label": ["中秋节", "教师节"], "events": [1, 0],
                       "attendance": [50, 0], "class_sessions": [0, 1], "students": [0, 40]})
    community, classes = build_festival_reach_figure(df).data
    assert list(community.x) == ["中秋节", "教师节"]
    assert list(community.y) == [50, 0] and list(classes.y) == [0, 40]
    assert list(community.customdata) == [1, 0]
