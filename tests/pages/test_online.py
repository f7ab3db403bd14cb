"""云上读经典 page: add an item and see it counted, record metrics, import a CSV with row errors."""

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "online.py")


def _run():
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _summary(at):
    """The channel summary table: 渠道 → row."""
    table = next(df.value for df in at.dataframe if "节目数" in df.value.columns)
    return table.set_index("渠道")


def _add_item(at, title, channel, day):
    at.text_input(key="onl_item_title").input(title)
    at.selectbox(key="onl_item_channel").set_value(channel)
    at.date_input(key="onl_item_date").set_value(day)
    at.button(key="onl_item_submit").click().run()
    assert not at.exception
    return at


def test_new_item_is_counted_in_its_channel_and_its_metrics_in_the_totals(app_env):
    at = _run()
    assert _summary(at).loc["视频号", "节目数"] == 0
    at = _add_item(at, "清明祭先贤 全城诵经典", "video_account", dt.date(2026, 4, 5))
    assert any("已添加" in s.value for s in at.success)
    assert _summary(at).loc["视频号", "节目数"] == 1
    assert _summary(at).loc["公众号", "节目数"] == 0

    at.date_input(key="onl_metric_date").set_value(dt.date(2026, 4, 6))
    at.number_input(key="onl_metric_views").set_value(1800)
    at.number_input(key="onl_metric_likes").set_value(120)
    at.button(key="onl_metric_submit").click().run()
    assert not at.exception and not at.error
    assert _summary(at).loc["视频号", "浏览量"] == 1800
    assert _summary(at).loc["视频号", "点赞"] == 120
    assert len(at.get("plotly_chart")) == 1

    # The items list filters by channel.
    at.multiselect(key="onl_filter_channels").set_value(["radio"]).run()
    assert any("没有符合条件的节目" in i.value for i in at.info)
    at.multiselect(key="onl_filter_channels").set_value(["video_account"]).run()
    listing = next(df.value for df in at.dataframe if "标题" in df.value.columns)
    assert listing["标题"].tolist() == ["清明祭先贤 全城诵经典"]


def test_metrics_are_recorded_at_the_local_date_and_time_chosen(app_env):
    at = _add_item(_run(), "每日一诵：《弟子规》", "mini_program", dt.date(2026, 3, 2))
    at.date_input(key="onl_metric_date").set_value(dt.date(2026, 3, 2))
    at.time_input(key="onl_metric_time").set_value(dt.time(7, 30))
    at.number_input(key="onl_metric_views").set_value(230)
    at.button(key="onl_metric_submit").click().run()
    assert not at.exception and not at.error
    listing = next(df.value for df in at.dataframe if "标题" in df.value.columns)
    assert listing.set_index("标题").loc["每日一诵：《弟子规》", "最近统计时间"] == "2026-03-02 07:30"


def test_empty_title_and_metrics_before_publishing_show_chinese_errors(app_env):
    at = _add_item(_run(), "", "radio", dt.date(2026, 4, 5))
    assert any("节目标题不能为空" in e.value for e in at.error)
    assert _summary(at).loc["电台", "节目数"] == 0

    at = _add_item(at, "经典解读", "radio", dt.date(2026, 4, 5))
    at.date_input(key="onl_metric_date").set_value(dt.date(2026, 4, 1))
    at.number_input(key="onl_metric_views").set_value(10)
    at.button(key="onl_metric_submit").click().run()
    assert not at.exception
    assert any("早于发布日期" in e.value for e in at.error)
    assert _summary(at).loc["电台", "浏览量"] == 0


def test_csv_upload_shows_row_errors_and_imports_the_valid_rows_on_confirmation(app_env):
    at = _run()
    csv = (
        "标题,渠道,发布日期,浏览量,点赞,评论,转发,统计时间\n"
        "中秋诗会,公众号,2026-09-25,5200,310,46,220,2026-09-26 18:00\n"
        "端午诵读,抖音,2026-06-19,100,1,1,1,2026-06-20\n"
    ).encode()
    at.file_uploader(key="onl_csv").set_value(("metrics.csv", csv, "text/csv")).run()
    assert not at.exception
    assert any("第 3 行“渠道”列：未知渠道“抖音”" in e.value for e in at.error)
    assert _summary(at).loc["公众号", "节目数"] == 0  # nothing saved before confirming

    at.button(key="onl_csv_confirm").click().run()
    assert not at.exception
    assert any("已导入 1 条统计数据，新建节目 1 个" in s.value for s in at.success)
    summary = _summary(at)
    assert (summary.loc["公众号", "节目数"], summary.loc["公众号", "浏览量"]) == (1, 5200)


def test_csv_without_usable_columns_is_explained(app_env):
    at = _run()
    at.file_uploader(key="onl_csv").set_value(("x.csv", b"a,b\n1,2\n", "text/csv")).run()
    assert not at.exception
    assert any("x.csv" in e.value and "缺少“标题”和“渠道”列" in e.value for e in at.error)


def test_summary_range_ending_before_it_starts_is_an_error(app_env):
    at = _run()
    at.date_input(key="onl_summary_start").set_value(dt.date(2026, 6, 1))
    at.date_input(key="onl_summary_end").set_value(dt.date(2026, 5, 1)).run()
    assert not at.exception
    assert any("早于开始日期" in e.value for e in at.error)


def test_text_ids_typed_by_hand_accept_chinese_separators_and_spaces(app_env, monkeypatch, tmp_path):
    from sqlmodel import Session, select

    from curriculum.db import make_engine
    from curriculum.models.outreach import OnlineItem

    # Without a loadable catalog the page asks for text ids as typed text.
    monkeypatch.setenv("CLASSICS_DATA_DIR", str(tmp_path))
    at = _run()
    at.text_input(key="onl_item_texts").input(" lunyu、 jingyesi ，lunyu")
    at = _add_item(at, "中秋诗会", "radio", dt.date(2026, 9, 25))
    assert not at.error, [e.value for e in at.error]
    engine = make_engine(app_env)
    with Session(engine) as session:
        item = session.exec(select(OnlineItem)).one()
        assert item.texts == ["lunyu", "jingyesi"]
    engine.dispose()
