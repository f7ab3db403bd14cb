"""校历 page: create a school and a term, add a closure, see the school days drop; invalid input → Chinese error."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

PROJECT_DIR = Path(__file__).resolve().parents[2]


def _page() -> AppTest:
    at = AppTest.from_file(str(PROJECT_DIR / "pages" / "school_calendar.py"), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _metric(at: AppTest, label: str) -> int:
    for metric in at.metric:
        if metric.label == label:
            return int(metric.value)
    raise AssertionError(f"no metric {label}")


def _create_school_and_term(at: AppTest) -> AppTest:
    at.text_input(key="cal_school_name").set_value("漯河市实验小学")
    at.button(key="cal_school_submit").click().run()
    assert not at.exception
    assert any("已创建“漯河市实验小学”" in s.value for s in at.success)
    at.text_input(key="cal_term_name").set_value("2026–2027 学年第一学期")
    at.date_input(key="cal_term_start").set_value(dt.date(2026, 9, 1))
    at.date_input(key="cal_term_end").set_value(dt.date(2027, 1, 22))
    at.button(key="cal_term_submit").click().run()
    assert not at.exception
    return at


def test_empty_database_offers_school_creation(app_env):
    at = _page()
    assert any("还没有学校" in i.value for i in at.info)


def test_unpublished_year_is_noted_on_the_page(app_env, monkeypatch):
    from curriculum import schoolcal
    from curriculum.schoolcal import official

    real = official.published_years()
    monkeypatch.setattr(official, "published_years", lambda: real - {2027})
    at = _create_school_and_term(_page())
    # The term runs into 2027, treated here as not yet published.
    assert [i.value for i in at.info if "尚未收录" in i.value] == [schoolcal.missing_arrangement_note(2027)]


def test_published_year_has_no_note_on_the_page(app_env, monkeypatch):
    from curriculum.schoolcal import official

    real = official.published_years()
    monkeypatch.setattr(official, "published_years", lambda: real | {2027})
    at = _create_school_and_term(_page())
    assert _metric(at, "上课日") > 80
    assert not [i.value for i in at.info if "尚未收录" in i.value]


def test_closure_reduces_school_days(app_env):
    at = _create_school_and_term(_page())
    before = _metric(at, "上课日")
    assert before > 80
    at.date_input(key="cal_closure_start").set_value(dt.date(2026, 11, 12))
    at.date_input(key="cal_closure_end").set_value(dt.date(2026, 11, 13))
    at.text_input(key="cal_closure_reason").set_value("期中考试")
    at.button(key="cal_closure_submit").click().run()
    assert not at.exception
    assert not at.error
    assert _metric(at, "上课日") == before - 2
    assert _metric(at, "学校停课") == 2
    assert any("停课 2026-11-12 至 2026-11-13：期中考试" in m.value for m in at.markdown)
    # Delete it again: the days come back.
    delete = [b for b in at.button if b.key and b.key.startswith("cal_delete_")]
    assert len(delete) == 1
    delete[0].click().run()
    assert not at.exception
    assert _metric(at, "上课日") == before


def test_makeup_on_a_school_day_shows_a_chinese_error(app_env):
    at = _create_school_and_term(_page())
    before = _metric(at, "上课日")
    at.date_input(key="cal_makeup_date").set_value(dt.date(2026, 11, 16))  # a Monday
    at.text_input(key="cal_makeup_reason").set_value("补课")
    at.button(key="cal_makeup_submit").click().run()
    assert not at.exception
    assert any("本来就要上课" in e.value for e in at.error)
    assert _metric(at, "上课日") == before


def test_makeup_saturday_adds_a_school_day(app_env):
    at = _create_school_and_term(_page())
    before = _metric(at, "上课日")
    at.date_input(key="cal_makeup_date").set_value(dt.date(2026, 11, 14))  # a Saturday
    at.selectbox(key="cal_makeup_timetable").set_value(0)
    at.text_input(key="cal_makeup_reason").set_value("运动会补课")
    at.button(key="cal_makeup_submit").click().run()
    assert not at.exception and not at.error
    assert _metric(at, "上课日") == before + 1
    assert any("按周一课表" in m.value for m in at.markdown)


def test_demo_school_and_month_view(app_env):
    at = _page()
    at.button(key="cal_seed_demo").click().run()
    assert not at.exception
    assert at.selectbox(key="cal_school").value is not None
    at.selectbox(key="cal_month").set_value((2026, 10)).run()
    assert not at.exception
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    assert "国庆节" in {a["text"] for a in spec["layout"]["annotations"]}
    assert "调休上班" in {t.get("name") for t in spec["data"]}


def test_new_term_form_suggests_the_current_or_next_term(app_env, monkeypatch):
    from curriculum import clock
    from curriculum.schoolcal import default_term_dates

    # In the winter break (Beijing time), the suggestion is the coming spring term.
    monkeypatch.setattr(clock, "local_today", lambda: dt.date(2027, 1, 25))
    at = _page()
    at.text_input(key="cal_school_name").set_value("漯河市实验小学")
    at.button(key="cal_school_submit").click().run()
    start, end, name = default_term_dates(dt.date(2027, 1, 25))
    assert start.year == 2027 and start.month in (2, 3)
    assert at.date_input(key="cal_term_start").value == start
    assert at.date_input(key="cal_term_end").value == end
    assert at.text_input(key="cal_term_name").value == name
    # Accepting the suggestion as it is creates that term.
    at.button(key="cal_term_submit").click().run()
    assert not at.exception and not at.error
    assert any(f"已创建“{name}”" in s.value for s in at.success)
    assert _metric(at, "上课日") > 60


def test_demo_that_fails_shows_an_error(app_env, monkeypatch):
    from curriculum.demo import schools as demo_schools
    from curriculum.schoolcal import CalendarError

    def refuse(**kwargs):
        raise CalendarError("学期：与已有学期重叠")

    monkeypatch.setattr(demo_schools, "seed", refuse)
    at = _page()
    at.button(key="cal_seed_demo").click().run()
    assert not at.exception
    assert any(e.value == "未能载入演示学校：学期：与已有学期重叠" for e in at.error)
