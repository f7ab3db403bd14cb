"""The outreach charts show what the data says, trace by trace."""

import pandas as pd

from curriculum.charts.outreach import build_online_channel_figure, build_training_completion_figure


def _summary(**views):
    labels = {"wechat_account": "公众号", "radio": "电台"}
    return pd.DataFrame(
        [
            {"channel": k, "label": labels[k], "items": 1, "views": v, "likes": v // 10, "comments": 1, "shares": 2}
            for k, v in views.items()
        ]
    )


def test_channel_figure_has_one_trace_per_metric_in_chinese():
    fig = build_online_channel_figure(_summary(wechat_account=500, radio=300))
    assert [t.name for t in fig.data] == ["浏览量", "点赞", "评论", "转发"]
    views = fig.data[0]
    assert list(views.x) == ["公众号", "电台"]
    assert list(views.y) == [500, 300]
    assert list(fig.data[1].y) == [50, 30]
    assert fig.layout.barmode == "group"


def test_channel_figure_switches_to_log_axis_when_views_dwarf_comments():
    assert build_online_channel_figure(_summary(wechat_account=50)).layout.yaxis.type == "linear"
    assert build_online_channel_figure(_summary(wechat_account=100_000)).layout.yaxis.type == "log"


def test_channel_figure_of_nothing_is_empty_not_an_error():
    columns = ["channel", "label", "items", "views", "likes", "comments", "shares"]
    fig = build_online_channel_figure(pd.DataFrame(columns=columns))
    assert all(len(t.x) == 0 for t in fig.data)


def test_completion_figure_splits_completed_and_not_and_draws_the_requirement():
    df = pd.DataFrame(
        [
            {"name": "张三", "attended": 5, "total": 5, "required": 4, "completed": True},
            {"name": "李四", "attended": 2, "total": 5, "required": 4, "completed": False},
            {"name": "王五", "attended": 4, "total": 5, "required": 4, "completed": True},
        ]
    )
    fig = build_training_completion_figure(df)
    done, not_done = fig.data
    assert done.name == "已结业" and list(done.x) == ["张三", "王五"] and list(done.y) == [5, 4]
    assert not_done.name == "未结业" and list(not_done.x) == ["李四"] and list(not_done.y) == [2]
    (line,) = fig.layout.shapes
    assert line.y0 == 4
    assert "4/5" in fig.layout.annotations[0].text


def test_completion_figure_without_trainees_has_no_bars_and_no_line():
    fig = build_training_completion_figure(pd.DataFrame(columns=["name", "attended", "total", "required", "completed"]))
    assert all(len(t.x) == 0 for t in fig.data)
    assert not fig.layout.shapes
