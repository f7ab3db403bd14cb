"""Month / week grids of events and the attendance chart (pure functions over plain rows)."""

from datetime import date, datetime

import pandas as pd

from curriculum.charts.community import build_attendance_figure
from curriculum.community.events import OccurrenceRow
from curriculum.community.month_grid import grid_html, month_bounds, month_grid, week_bounds, week_table


def row(start, title="周末公益诵读", minutes=60, **kw):
    from datetime import timedelta

    base = dict(id=1, event_id=1, title=title, start=start, end=start + timedelta(minutes=minutes), point_id=1,
                point_name="老街社区诵读点", district="源汇区", integration="urban_rural", sphere="society",
                status="confirmed", cancelled=False, is_exception=False, recurring=True, capacity=30,
                confirmed=3, waitlist=0)
    base.update(kw)
    return OccurrenceRow(**base)


def test_month_grid_puts_events_on_their_weekday():
    rows = [row(datetime(2026, 9, 5, 9)), row(datetime(2026, 9, 5, 14), title="书法体验", cancelled=True),
            row(datetime(2026, 9, 25, 19), title="中秋诗会")]
    grid = month_grid(2026, 9, rows)
    assert list(grid.columns) == ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    assert grid.loc["第1周", "周一"] == ""  # 31 August is outside September
    assert grid.loc["第1周", "周二"] == "1"
    assert grid.loc["第1周", "周六"] == "5\n09:00 周末公益诵读\n14:00 书法体验（已取消）"
    assert grid.loc["第4周", "周五"] == "25\n19:00 中秋诗会"
    html = grid_html(grid)
    assert "<b>5</b><br>09:00 周末公益诵读<br>14:00 书法体验（已取消）" in html


def test_bounds():
    assert month_bounds(2026, 12) == (datetime(2026, 12, 1), datetime(2027, 1, 1))
    assert week_bounds(date(2026, 9, 6)) == (datetime(2026, 8, 31), datetime(2026, 9, 7))


def test_week_table_only_lists_that_week():
    rows = [row(datetime(2026, 9, 5, 9), capacity=2, confirmed=2, waitlist=1), row(datetime(2026, 9, 12, 9))]
    table = week_table(date(2026, 9, 3), rows)
    assert table.to_dict("records") == [{"日期": "2026-09-05", "星期": "周六", "时间": "09:00–10:00",
                                         "活动": "周末公益诵读", "诵读点": "老街社区诵读点", "报名": "2/2（候补 1）"}]


def test_attendance_figure_stacks_roles():
    df = pd.DataFrame([{"date": "2026-09-05", "title": "周末公益诵读", "student": 12, "parent": 8, "resident": 5,
                        "volunteer": 2, "teacher": 0, "minutes": 60}])
    fig = build_attendance_figure(df)
    assert [t.name for t in fig.data] == ["学生", "家长", "居民", "志愿者", "教师"]
    assert [t.y[0] for t in fig.data] == [12, 8, 5, 2, 0]
    assert fig.layout.barmode == "stack"
    assert len(build_attendance_figure(df.iloc[0:0]).data) == 5
