"""The month view's data and traces: right cells, right colours, festival names."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go

from curriculum.charts.school_calendar import (
    STATUS_COLORS,
    STATUS_KEYS,
    build_month_figure,
    month_frame,
    term_months,
)
from curriculum.schoolcal import Closure, build_term_calendar

D = date.fromisoformat


def _october():
    cal = build_term_calendar(
        D("2026-09-01"), D("2027-01-22"), closures=[Closure(D("2026-10-29"), D("2026-10-30"), "运动会")]
    )
    return cal, month_frame(cal, 2026, 10)


def test_term_months():
    cal = build_term_calendar(D("2026-09-01"), D("2027-01-22"))
    assert term_months(cal) == [(2026, 9), (2026, 10), (2026, 11), (2026, 12), (2027, 1)]


def test_month_frame_rows():
    _, df = _october()
    assert len(df) == 31
    by_day = df.set_index("day")
    # 2026-10-01 is a Thursday in the first grid row.
    assert (by_day.loc[1, "weekday"], by_day.loc[1, "week"]) == (3, 0)
    assert by_day.loc[1, "status"] == "holiday" and by_day.loc[1, "festival"] == "国庆节"
    assert by_day.loc[10, "status"] == "makeup"
    assert by_day.loc[12, "status"] == "school"
    assert by_day.loc[17, "status"] == "weekend"
    assert by_day.loc[18, "festival"] == "重阳节"
    assert by_day.loc[29, "status"] == "closure" and "运动会" in by_day.loc[29, "detail"]


def test_month_outside_the_term_is_marked():
    cal = build_term_calendar(D("2026-09-01"), D("2027-01-22"))
    df = month_frame(cal, 2027, 1)
    assert df.set_index("day").loc[25, "status"] == "outside"


def test_figure_cells_colours_and_annotations():
    _, df = _october()
    fig = build_month_figure(df, title="2026 年 10 月")
    heatmap = fig.data[0]
    assert isinstance(heatmap, go.Heatmap)
    index = {k: i for i, k in enumerate(STATUS_KEYS)}
    # Row 0: Thu 1 (holiday) … ; row 1 Saturday = 10/10 official make-up day.
    assert heatmap.z[0][3] == index["holiday"]
    assert heatmap.z[0][0] is None  # before the 1st
    assert heatmap.text[1][5] == "10" and heatmap.z[1][5] == index["makeup"]
    assert heatmap.z[4][3] == index["closure"]  # Thu 29
    assert "调休上班（国庆节）" in heatmap.customdata[1][5]
    legend = {t.name: t.marker.color for t in fig.data[1:]}
    assert legend == {
        "上课": STATUS_COLORS["school"],
        "周末": STATUS_COLORS["weekend"],
        "节假日": STATUS_COLORS["holiday"],
        "调休上班": STATUS_COLORS["makeup"],
        "停课": STATUS_COLORS["closure"],
    }
    notes = {(a.x, a.y): a.text for a in fig.layout.annotations}
    assert notes[("周四", "第1周")] == "国庆节"
    assert notes[("周日", "第3周")] == "重阳节"
    # The colour scale gives each status index its own colour.
    n = len(STATUS_KEYS)
    for key, i in index.items():
        position = (i + 0.5) / n
        step = [c for p, c in heatmap.colorscale if p <= position][-1]
        assert step == STATUS_COLORS[key]
