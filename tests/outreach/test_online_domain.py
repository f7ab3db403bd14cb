"""Online programmes (云上读经典): items, metric snapshots, channel summary and CSV import."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from curriculum.models.outreach import OnlineItem, OnlineItemCreate, OnlineMetric, OnlineMetricCreate
from curriculum.outreach import OutreachError
from curriculum.outreach import online as on

D = dt.date
SH = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=SH)


def _item(session, title="中秋诗会", channel="wechat_account", published=D(2026, 9, 25), **kw):
    return on.create_item(
        OnlineItemCreate(title=title, channel=channel, publish_date=published, **kw), session=session
    )


def _metrics(session, item_id, when, views, likes=0, comments=0, shares=0):
    return on.record_metrics(
        OnlineMetricCreate(
            item_id=item_id, recorded_at=when, views=views, likes=likes, comments=comments, shares=shares
        ),
        session=session,
    )


def _totals(session, start=None, end=None):
    return {t.channel: t for t in on.online_summary(start, end, session=session)}


def test_channels_and_integration():
    assert on.CHANNELS == {
        "wechat_account": "公众号",
        "video_account": "视频号",
        "radio": "电台",
        "tv": "电视台",
        "mini_program": "小程序",
        "website": "网站",
    }
    assert on.INTEGRATION == "online"


def test_item_is_always_online_and_channel_may_be_given_by_label(session):
    item = _item(session, channel="视频号", texts=["lunyu"])
    assert (item.channel, item.integration, item.texts) == ("video_account", "online", ["lunyu"])


@pytest.mark.parametrize(
    "kw, words",
    [({"title": " "}, "节目标题不能为空"), ({"channel": "抖音"}, "未知渠道“抖音”"), ({"texts": ["论语"]}, "篇目编号格式不对")],
)
def test_invalid_item_is_refused_in_chinese_and_not_saved(session, kw, words):
    with pytest.raises(OutreachError, match=words):
        _item(session, **kw)
    assert session.exec(select(OnlineItem)).all() == []


def test_totals_use_the_latest_snapshot_not_the_sum(session):
    item = _item(session)
    _metrics(session, item.id, dt.datetime(2026, 9, 26, 18, tzinfo=SH), 600, likes=30)
    _metrics(session, item.id, dt.datetime(2026, 10, 2, 18, tzinfo=SH), 1000, likes=50, shares=7)
    totals = _totals(session)["wechat_account"]
    assert (totals.items, totals.views, totals.likes, totals.shares) == (1, 1000, 50, 7)
    (row,) = on.list_items(session=session)
    assert row.recorded_at == dt.datetime(2026, 10, 2, 18, tzinfo=SH)


def test_naive_recorded_at_is_local_time(session):
    item = _item(session)
    _metrics(session, item.id, dt.datetime(2026, 10, 1, 8, 0), 10)
    (row,) = on.list_items(session=session)
    assert row.recorded_at == dt.datetime(2026, 10, 1, 8, 0, tzinfo=SH)


def test_summary_covers_all_six_channels_and_filters_by_publish_date(session):
    a = _item(session, "春节", "wechat_account", D(2026, 2, 17))
    b = _item(session, "清明", "video_account", D(2026, 4, 5))
    _item(session, "没数据", "radio", D(2026, 4, 6))
    _metrics(session, a.id, NOW, 100)
    _metrics(session, b.id, NOW, 300, likes=20)
    totals = _totals(session)
    assert list(totals) == list(on.CHANNELS)
    assert (totals["wechat_account"].views, totals["video_account"].likes, totals["radio"].items) == (100, 20, 1)
    april = _totals(session, D(2026, 4, 1), D(2026, 4, 30))
    assert april["wechat_account"].items == 0 and april["video_account"].views == 300
    frame = on.summary_frame(april.values())
    assert list(frame.columns) == ["channel", "label", "items", "views", "likes", "comments", "shares"]


def test_list_items_filters_by_channel_and_date(session):
    _item(session, "甲", "wechat_account", D(2026, 3, 1))
    _item(session, "乙", "radio", D(2026, 5, 1))
    _item(session, "丙", "radio", D(2026, 7, 1))
    assert [r.title for r in on.list_items(session=session, channels=["radio"])] == ["丙", "乙"]
    assert [r.title for r in on.list_items(session=session, start=D(2026, 4, 1), end=D(2026, 6, 30))] == ["乙"]
    frame = on.items_frame(on.list_items(session=session))
    assert "渠道" in frame.columns and set(frame["最近统计时间"]) == {"未统计"}


def test_metrics_before_publishing_negative_or_duplicate_are_refused(session):
    item = _item(session, published=D(2026, 9, 25))
    with pytest.raises(OutreachError, match=r"统计时间（2026-09-24 10:00）早于发布日期（2026-09-25）"):
        _metrics(session, item.id, dt.datetime(2026, 9, 24, 10, tzinfo=SH), 5)
    with pytest.raises(OutreachError, match="点赞不能为负数"):
        _metrics(session, item.id, NOW, 5, likes=-1)
    _metrics(session, item.id, NOW, 5)
    with pytest.raises(OutreachError, match="已有一条统计数据"):
        _metrics(session, item.id, NOW, 9)
    assert len(session.exec(select(OnlineMetric)).all()) == 1


def test_activity_counts_are_items_under_the_online_key(session):
    _item(session, "甲", published=D(2026, 3, 1))
    _item(session, "乙", published=D(2026, 5, 1))
    assert on.activity_counts(session=session) == {"online": 2}
    assert on.activity_counts(D(2026, 4, 1), None, session=session) == {"online": 1}


# --- CSV import --------------------------------------------------------------------

CHINESE_CSV = """标题,渠道,发布日期,阅读量,点赞,评论,转发,统计时间
中秋诗会,公众号,,"1,200",80,9,30,2026-10-02 18:00
重阳敬老赞歌,视频号,2026-10-18,1.2万,900,40,x,2026-10-20
端午诵离骚,抖音,2026-06-19,100,1,1,1,2026-06-20
说文解字,网站,,10,1,1,1,2026-10-01
"""


def test_import_reports_each_bad_cell_by_row_and_column_and_saves_nothing_yet(session):
    _item(session)
    checked = on.parse_metrics_csv(CHINESE_CSV.encode("utf-8-sig"), session=session, default_recorded_at=NOW)
    assert [str(e) for e in checked.errors] == [
        "第 3 行“转发”列：应为非负整数（可写 1,234 或 1.2万），读到“x”",
        "第 4 行“渠道”列：未知渠道“抖音”（可选：公众号、视频号、电台、电视台、小程序、网站）",
        "第 5 行“发布日期”列：找不到节目“说文解字”（网站），新建节目需要填写发布日期",
    ]
    assert (checked.total, len(checked.valid), checked.bad_rows) == (4, 1, 3)
    assert session.exec(select(OnlineMetric)).all() == []


def test_confirmed_import_saves_only_the_valid_rows(session):
    _item(session)
    checked = on.parse_metrics_csv(CHINESE_CSV, session=session, default_recorded_at=NOW)
    result = on.apply_metrics_import(checked, session=session)
    assert (result.items_created, result.snapshots_saved) == (0, 1)
    assert _totals(session)["wechat_account"].views == 1200
    assert _totals(session)["video_account"].items == 0


def test_import_with_english_headers_creates_new_items_and_counts_them(session):
    text = (
        "title,channel,publish_date,views,likes,comments,shares,recorded_at,texts\n"
        "Daily reading,mini_program,2026/11/01,1.5万,300,12,45,2026/11/02,lunyu dizigui\n"
        "Daily reading,mini_program,,16000,320,12,46,2026-11-03 08:30,\n"
    )
    checked = on.parse_metrics_csv(text, session=session, default_recorded_at=NOW)
    assert checked.errors == []
    result = on.apply_metrics_import(checked, session=session)
    assert (result.items_created, result.snapshots_saved) == (1, 2)
    (row,) = on.list_items(session=session)
    assert (row.channel, row.publish_date, row.texts, row.views) == ("mini_program", D(2026, 11, 1), ("lunyu", "dizigui"), 16000)


def test_gbk_file_and_missing_time_use_the_default(session):
    item = _item(session)
    text = "编号,浏览量\n%d,77\n" % item.id
    checked = on.parse_metrics_csv(text.encode("gbk"), session=session, default_recorded_at=NOW)
    on.apply_metrics_import(checked, session=session)
    (row,) = on.list_items(session=session)
    assert (row.views, row.recorded_at) == (77, NOW)


def test_reimporting_the_same_file_is_refused_row_by_row(session):
    _item(session)
    text = "标题,渠道,浏览量,统计时间\n中秋诗会,公众号,50,2026-10-01\n中秋诗会,公众号,60,2026-10-01\n"
    checked = on.parse_metrics_csv(text, session=session, default_recorded_at=NOW)
    assert [str(e) for e in checked.errors] == ["第 3 行：与第 2 行是同一节目、同一统计时间，重复了"]
    on.apply_metrics_import(checked, session=session)
    again = on.parse_metrics_csv(text, session=session, default_recorded_at=NOW)
    assert again.valid == [] and "已有统计数据" in str(again.errors[0])


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "文件是空的"),
        ("浏览量,点赞\n1,2\n", "缺少“标题”和“渠道”列"),
        ("标题,渠道,备注\n甲,公众号,x\n", "至少需要一列数据"),
        ("标题,title,渠道,浏览量\n", "重复"),
    ],
)
def test_header_problems_are_reported_for_row_1(session, text, words):
    with pytest.raises(OutreachError, match=words):
        on.parse_metrics_csv(text, session=session, default_recorded_at=NOW)


def test_unknown_columns_are_listed_not_fatal(session):
    _item(session)
    checked = on.parse_metrics_csv("标题,渠道,浏览量,备注\n中秋诗会,公众号,5,好\n", session=session, default_recorded_at=NOW)
    assert checked.ignored_columns == ["备注"] and len(checked.valid) == 1


@pytest.mark.parametrize("raw, value", [("1,234", 1234), ("1.2万", 12000), ("", 0), ("7", 7), ("3.0", 3)])
def test_parse_count(raw, value):
    assert on.parse_count(raw) == value


@pytest.mark.parametrize("raw", ["-1", "1.5", "abc", "一百"])
def test_parse_count_refuses(raw):
    with pytest.raises(ValueError):
        on.parse_count(raw)


def test_seed_demo_is_idempotent_and_spans_every_channel(session):
    first = on.seed_demo(session=session, today=D(2026, 11, 28))
    # A three-day-old item has only its first-day snapshot.
    assert first == {"线上节目": 14, "统计快照": 27}
    assert on.seed_demo(session=session, today=D(2026, 11, 28)) == {}
    totals = _totals(session)
    assert all(t.items >= 1 for t in totals.values())
    assert sum(t.views for t in totals.values()) > 0


def test_summary_range_must_not_end_before_it_starts(session):
    with pytest.raises(OutreachError, match=r"结束日期（2026-05-01）早于开始日期（2026-06-01）"):
        on.online_summary(D(2026, 6, 1), D(2026, 5, 1), session=session)


def test_summary_display_frame_speaks_chinese(session):
    item = _item(session)
    _metrics(session, item.id, NOW, 42, likes=3)
    frame = on.summary_display_frame(on.online_summary(session=session)).set_index("渠道")
    assert list(frame.columns) == ["节目数", "浏览量", "点赞", "评论", "转发"]
    assert (frame.loc["公众号", "节目数"], frame.loc["公众号", "浏览量"], frame.loc["电台", "节目数"]) == (1, 42, 0)


def test_local_moment_is_the_wall_clock_time_in_the_programme_timezone():
    moment = on.local_moment(D(2026, 4, 6), dt.time(7, 30))
    assert moment == dt.datetime(2026, 4, 6, 7, 30, tzinfo=SH)
    assert moment.astimezone(dt.UTC) == dt.datetime(2026, 4, 5, 23, 30, tzinfo=dt.UTC)


def test_early_morning_snapshot_on_the_publish_day_is_accepted_and_shown_in_local_time(session):
    # 07:30 in Shanghai is still the previous day in UTC; the publish-date check must use local time.
    item = _item(session, published=D(2026, 4, 6))
    _metrics(session, item.id, on.local_moment(D(2026, 4, 6), dt.time(7, 30)), 10)
    (row,) = on.list_items(session=session)
    assert f"{row.recorded_at:%Y-%m-%d %H:%M}" == "2026-04-06 07:30"
