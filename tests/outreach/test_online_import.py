"""CSV import of online metrics: every bad cell named by row and column, valid rows saved on confirmation."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from curriculum.models.outreach import OnlineMetric
from curriculum.outreach import OutreachError, online, online_csv, online_import
from tests.utils.outreach import make_item

D = dt.date
SH = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=SH)


def _totals(session, start=None, end=None):
    return {t.channel: t for t in online.online_summary(start, end, session=session)}


# --- CSV import --------------------------------------------------------------------

CHINESE_CSV = """标题,渠道,发布日期,阅读量,点赞,评论,转发,统计时间
中秋诗会,公众号,,"1,200",80,9,30,2026-10-02 18:00
重阳敬老赞歌,视频号,2026-10-18,1.2万,900,40,x,2026-10-20
端午诵离骚,抖音,2026-06-19,100,1,1,1,2026-06-20
说文解字,网站,,10,1,1,1,2026-10-01
"""


def test_import_reports_each_bad_cell_by_row_and_column_and_saves_nothing_yet(session):
    make_item(session)
    checked = online_import.parse_metrics_csv(CHINESE_CSV.encode("utf-8-sig"), session=session, default_recorded_at=NOW)
    assert [str(e) for e in checked.errors] == [
        "第 3 行“转发”列：应为非负整数（可写 1,234 或 1.2万），读到“x”",
        "第 4 行“渠道”列：未知渠道“抖音”（可选：公众号、视频号、电台、电视台、小程序、网站）",
        "第 5 行“发布日期”列：找不到节目“说文解字”（网站），新建节目需要填写发布日期",
    ]
    assert (checked.total, len(checked.valid), checked.bad_rows) == (4, 1, 3)
    assert session.exec(select(OnlineMetric)).all() == []


def test_confirmed_import_saves_only_the_valid_rows(session):
    make_item(session)
    checked = online_import.parse_metrics_csv(CHINESE_CSV, session=session, default_recorded_at=NOW)
    result = online_import.apply_metrics_import(checked, session=session)
    assert (result.items_created, result.snapshots_saved) == (0, 1)
    assert _totals(session)["wechat_account"].views == 1200
    assert _totals(session)["video_account"].items == 0


def test_import_with_english_headers_creates_new_items_and_counts_them(session):
    text = (
        "title,channel,publish_date,views,likes,comments,shares,recorded_at,texts\n"
        "Daily reading,mini_program,2026/11/01,1.5万,300,12,45,2026/11/02,lunyu dizigui\n"
        "Daily reading,mini_program,,16000,320,12,46,2026-11-03 08:30,\n"
    )
    checked = online_import.parse_metrics_csv(text, session=session, default_recorded_at=NOW)
    assert checked.errors == []
    result = online_import.apply_metrics_import(checked, session=session)
    assert (result.items_created, result.snapshots_saved) == (1, 2)
    (row,) = online.list_items(session=session)
    assert (row.channel, row.publish_date, row.texts, row.views) == (
        "mini_program", D(2026, 11, 1), ("lunyu", "dizigui"), 16000
    )


def test_gbk_file_and_missing_time_use_the_default(session):
    item = make_item(session)
    text = f"编号,浏览量\n{item.id},77\n"
    checked = online_import.parse_metrics_csv(text.encode("gbk"), session=session, default_recorded_at=NOW)
    online_import.apply_metrics_import(checked, session=session)
    (row,) = online.list_items(session=session)
    assert (row.views, row.recorded_at) == (77, NOW)


def test_reimporting_the_same_file_is_refused_row_by_row(session):
    make_item(session)
    text = "标题,渠道,浏览量,统计时间\n中秋诗会,公众号,50,2026-10-01\n中秋诗会,公众号,60,2026-10-01\n"
    checked = online_import.parse_metrics_csv(text, session=session, default_recorded_at=NOW)
    assert [str(e) for e in checked.errors] == ["第 3 行：与第 2 行是同一节目、同一统计时间，重复了"]
    online_import.apply_metrics_import(checked, session=session)
    again = online_import.parse_metrics_csv(text, session=session, default_recorded_at=NOW)
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
        online_import.parse_metrics_csv(text, session=session, default_recorded_at=NOW)


def test_unknown_columns_are_listed_not_fatal(session):
    make_item(session)
    text = "标题,渠道,浏览量,备注\n中秋诗会,公众号,5,好\n"
    checked = online_import.parse_metrics_csv(text, session=session, default_recorded_at=NOW)
    assert checked.ignored_columns == ["备注"] and len(checked.valid) == 1


@pytest.mark.parametrize("raw, value", [("1,234", 1234), ("1.2万", 12000), ("", 0), ("7", 7), ("3.0", 3)])
def test_parse_count(raw, value):
    assert online_csv.parse_count(raw) == value


@pytest.mark.parametrize("raw", ["-1", "1.5", "abc", "一百"])
def test_parse_count_refuses(raw):
    with pytest.raises(ValueError):
        online_csv.parse_count(raw)


# --- one rule per check ----------------------------------------------------------------


def _errors(session, text):
    return [str(e) for e in online_import.parse_metrics_csv(text, session=session, default_recorded_at=NOW).errors]


def test_item_id_must_be_an_integer_naming_an_existing_item(session):
    item = make_item(session)
    text = f"编号,浏览量\n{item.id},5\nabc,5\n999,5\n"
    assert _errors(session, text) == [
        "第 3 行“编号”列：编号应为整数，读到“abc”",
        "第 4 行“编号”列：找不到编号为 999 的节目",
    ]


def test_unreadable_times_dates_and_text_ids_are_named_by_column(session):
    text = (
        "标题,渠道,发布日期,浏览量,统计时间,篇目\n"
        "甲,公众号,明天,1,2026-10-01,lunyu\n"
        "乙,公众号,2026-10-01,1,昨晚,lunyu\n"
        "丙,公众号,2026-10-01,1,2026-10-02,论语\n"
    )
    assert _errors(session, text) == [
        "第 2 行“发布日期”列：日期格式不对，读到“明天”（例如 2026-11-20）",
        "第 2 行“发布日期”列：找不到节目“甲”（公众号），新建节目需要填写发布日期",  # an unread date is no date
        "第 3 行“统计时间”列：时间格式不对，读到“昨晚”（例如 2026-11-20 或 2026-11-20 18:00）",
        "第 4 行“篇目”列：经典篇目编号格式不对：论语",
    ]


def test_blank_title_and_channel_are_both_reported(session):
    assert _errors(session, "标题,渠道,浏览量\n,,5\n") == [
        "第 2 行“标题”列：标题不能为空",
        "第 2 行“渠道”列：渠道不能为空",
    ]


def test_counts_before_publishing_are_refused_at_the_time_column(session):
    make_item(session)  # published 2026-09-25
    text = "标题,渠道,浏览量,统计时间\n中秋诗会,公众号,5,2026-09-24 20:00\n"
    assert _errors(session, text) == ["第 2 行“统计时间”列：统计时间（2026-09-24 20:00）早于发布日期（2026-09-25）"]


def test_a_new_item_introduced_by_an_earlier_row_needs_no_date_again(session):
    text = (
        "标题,渠道,发布日期,浏览量,统计时间\n"
        "新节目,视频号,2026-10-01,5,2026-10-02\n"
        "新节目,视频号,,9,2026-10-03\n"
        "新节目,视频号,,9,2026-09-30\n"
    )
    assert _errors(session, text) == ["第 4 行“统计时间”列：统计时间（2026-09-30 00:00）早于发布日期（2026-10-01）"]


def test_progress_is_called_once_per_row(session):
    make_item(session)
    table = online_csv.read_csv_table("标题,渠道,浏览量\n中秋诗会,公众号,5\n中秋诗会,抖音,5\n")
    calls = []
    online_import.check_metrics_rows(table, session=session, default_recorded_at=NOW, progress=lambda: calls.append(1))
    assert len(calls) == 2


@pytest.mark.parametrize(
    "raw, day",
    [("2026-11-20", D(2026, 11, 20)), ("2026/1/2", D(2026, 1, 2)), ("2026.01.02", D(2026, 1, 2)),
     ("2026年1月2日", D(2026, 1, 2))],
)
def test_parse_date_accepts_the_ways_spreadsheets_write_dates(raw, day):
    assert online_csv.parse_date(raw) == day


def test_parse_moment_is_local_and_midnight_without_a_time():
    assert online_csv.parse_moment("2026-11-20") == dt.datetime(2026, 11, 20, tzinfo=SH)
    assert online_csv.parse_moment("2026/11/20 18:05:30") == dt.datetime(2026, 11, 20, 18, 5, 30, tzinfo=SH)
    with pytest.raises(ValueError):
        online_csv.parse_moment("2026-11-20 晚上")


def test_tab_separated_text_pasted_from_a_spreadsheet_is_read():
    table = online_csv.read_csv_table("标题\t渠道\t浏览量\n中秋诗会\t公众号\t5\n")
    assert table.columns == {"title": 0, "channel": 1, "views": 2} and table.rows == [(2, ["中秋诗会", "公众号", "5"])]


def test_split_texts_accepts_any_separator():
    assert online_csv.split_texts("lunyu、daxue; mengzi，zhongyong  shijing") == (
        "lunyu", "daxue", "mengzi", "zhongyong", "shijing"
    )
