"""Online items and metric snapshots: validation, latest counts, listing and the channel summary."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from curriculum import vocab
from curriculum.errors import NotFound
from curriculum.models.outreach import OnlineItem, OnlineMetric
from curriculum.outreach import OutreachError, online, online_views
from tests.utils.outreach import PUBLISHED, make_item, make_metric

D = dt.date
SH = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=SH)


def _totals(session, start=None, end=None):
    return {t.channel: t for t in online.online_summary(start, end, session=session)}


def test_channels_and_integration():
    assert vocab.CHANNELS == {
        "wechat_account": "公众号",
        "video_account": "视频号",
        "radio": "电台",
        "tv": "电视台",
        "mini_program": "小程序",
        "website": "网站",
    }
    assert online.INTEGRATION == "online"


def test_item_is_always_online_and_channel_may_be_given_by_label(session):
    item = make_item(session, channel="视频号", texts=["lunyu"])
    assert (item.channel, item.integration, item.texts) == ("video_account", "online", ["lunyu"])


@pytest.mark.parametrize(
    "kw, words",
    [
        ({"title": " "}, "节目标题不能为空"),
        ({"channel": "抖音"}, "未知渠道“抖音”"),
        ({"texts": ["论语"]}, "篇目编号格式不对"),
    ],
)
def test_invalid_item_is_refused_in_chinese_and_not_saved(session, kw, words):
    with pytest.raises(OutreachError, match=words):
        fields = {"title": "中秋诗会", "channel": "wechat_account", "publish_date": PUBLISHED, **kw}
        online.create_item(online.item_input(**fields), session=session)
    assert session.exec(select(OnlineItem)).all() == []


def test_totals_use_the_latest_snapshot_not_the_sum(session):
    item = make_item(session)
    make_metric(session, item.id, dt.datetime(2026, 9, 26, 18, tzinfo=SH), 600, likes=30)
    make_metric(session, item.id, dt.datetime(2026, 10, 2, 18, tzinfo=SH), 1000, likes=50, shares=7)
    totals = _totals(session)["wechat_account"]
    assert (totals.items, totals.views, totals.likes, totals.shares) == (1, 1000, 50, 7)
    (row,) = online.list_items(session=session)
    assert row.recorded_at == dt.datetime(2026, 10, 2, 18, tzinfo=SH)


def test_naive_recorded_at_is_local_time(session):
    item = make_item(session)
    make_metric(session, item.id, dt.datetime(2026, 10, 1, 8, 0), 10)
    (row,) = online.list_items(session=session)
    assert row.recorded_at == dt.datetime(2026, 10, 1, 8, 0, tzinfo=SH)


def test_summary_covers_all_six_channels_and_filters_by_publish_date(session):
    a = make_item(session, "春节", "wechat_account", D(2026, 2, 17))
    b = make_item(session, "清明", "video_account", D(2026, 4, 5))
    make_item(session, "没数据", "radio", D(2026, 4, 6))
    make_metric(session, a.id, NOW, 100)
    make_metric(session, b.id, NOW, 300, likes=20)
    totals = _totals(session)
    assert list(totals) == list(vocab.CHANNELS)
    assert (totals["wechat_account"].views, totals["video_account"].likes, totals["radio"].items) == (100, 20, 1)
    april = _totals(session, D(2026, 4, 1), D(2026, 4, 30))
    assert april["wechat_account"].items == 0 and april["video_account"].views == 300
    frame = online_views.summary_frame(april.values())
    assert list(frame.columns) == ["channel", "label", "items", "views", "likes", "comments", "shares"]


def test_list_items_filters_by_channel_and_date(session):
    make_item(session, "甲", "wechat_account", D(2026, 3, 1))
    make_item(session, "乙", "radio", D(2026, 5, 1))
    make_item(session, "丙", "radio", D(2026, 7, 1))
    assert [r.title for r in online.list_items(session=session, channels=["radio"])] == ["丙", "乙"]
    assert [r.title for r in online.list_items(session=session, start=D(2026, 4, 1), end=D(2026, 6, 30))] == ["乙"]
    frame = online_views.items_frame(online.list_items(session=session))
    assert "渠道" in frame.columns and set(frame["最近统计时间"]) == {"未统计"}


def test_metrics_before_publishing_negative_or_duplicate_are_refused(session):
    item = make_item(session, published=D(2026, 9, 25))
    with pytest.raises(OutreachError, match=r"统计时间（2026-09-24 10:00）早于发布日期（2026-09-25）"):
        make_metric(session, item.id, dt.datetime(2026, 9, 24, 10, tzinfo=SH), 5)
    with pytest.raises(OutreachError, match="点赞不能为负数") as err:
        online.create_metric(online.metric_input(item_id=item.id, recorded_at=NOW, views=5, likes=-1), session=session)
    assert err.value.field == "likes"
    make_metric(session, item.id, NOW, 5)
    with pytest.raises(OutreachError, match="已有一条统计数据"):
        make_metric(session, item.id, NOW, 9)
    assert len(session.exec(select(OnlineMetric)).all()) == 1


def test_activity_counts_are_items_under_the_online_key(session):
    make_item(session, "甲", published=D(2026, 3, 1))
    make_item(session, "乙", published=D(2026, 5, 1))
    assert online.activity_counts(session=session) == {"online": 2}
    assert online.activity_counts(D(2026, 4, 1), None, session=session) == {"online": 1}


def test_summary_range_must_not_end_before_it_starts(session):
    with pytest.raises(OutreachError, match=r"结束日期（2026-05-01）早于开始日期（2026-06-01）"):
        online.online_summary(D(2026, 6, 1), D(2026, 5, 1), session=session)


def test_summary_display_frame_speaks_chinese(session):
    item = make_item(session)
    make_metric(session, item.id, NOW, 42, likes=3)
    frame = online_views.summary_display_frame(online.online_summary(session=session)).set_index("渠道")
    assert list(frame.columns) == ["节目数", "浏览量", "点赞", "评论", "转发"]
    assert (frame.loc["公众号", "节目数"], frame.loc["公众号", "浏览量"], frame.loc["电台", "节目数"]) == (1, 42, 0)


def test_local_moment_is_the_wall_clock_time_in_the_programme_timezone():
    moment = online.local_moment(D(2026, 4, 6), dt.time(7, 30))
    assert moment == dt.datetime(2026, 4, 6, 7, 30, tzinfo=SH)
    assert moment.astimezone(dt.UTC) == dt.datetime(2026, 4, 5, 23, 30, tzinfo=dt.UTC)


def test_early_morning_snapshot_on_the_publish_day_is_accepted_and_shown_in_local_time(session):
    # 07:30 in Shanghai is still the previous day in UTC; the publish-date check must use local time.
    item = make_item(session, published=D(2026, 4, 6))
    make_metric(session, item.id, online.local_moment(D(2026, 4, 6), dt.time(7, 30)), 10)
    (row,) = online.list_items(session=session)
    assert f"{row.recorded_at:%Y-%m-%d %H:%M}" == "2026-04-06 07:30"


def test_a_missing_item_is_not_found_naming_its_id(session):
    with pytest.raises(NotFound, match="节目（编号 42）不存在") as err:
        online.get_item(42, session=session)
    assert err.value.field == "item_id"


def test_channel_key_accepts_keys_labels_and_common_aliases():
    assert [online.channel_key(v) for v in ("tv", "视频号", "微信公众号", " 广播 ", "抖音")] == [
        "tv", "video_account", "wechat_account", "radio", None
    ]


def test_item_label_names_channel_and_date(session):
    make_item(session)
    (row,) = online.list_items(session=session)
    assert online_views.item_label(row) == "中秋诗会（公众号，2026-09-25）"


def test_the_item_model_names_every_problem_and_keeps_the_channel_key():
    assert online.item_input(title=" 中秋诗会 ", channel="公众号", publish_date=PUBLISHED).channel == "wechat_account"
    with pytest.raises(OutreachError) as err:
        online.item_input(title="", channel="抖音", publish_date="九月")
    assert str(err.value).startswith("节目标题不能为空；未知渠道“抖音”") and "发布日期：日期格式不对" in str(err.value)
    assert err.value.field == "title"
