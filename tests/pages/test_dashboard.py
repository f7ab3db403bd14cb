"""数据看板 page on the demo programme: KPIs, figures, a wider date range and a district change the numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from curriculum.db import make_engine

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "dashboard.py")


@pytest.fixture
def demo_db(app_env):
    from curriculum.demo import seed_demo

    engine = make_engine(app_env)
    with Session(engine) as session:
        seed_demo(session=session)
    engine.dispose()
    return app_env


def _run() -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    return at


def _kpis(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_demo_dashboard_shows_kpis_figures_and_reacts_to_the_range(demo_db):
    at = _run()
    kpis = _kpis(at)
    assert {"每日诵读达标率", "社区活动场次", "志愿服务时长（小时）", "节日活动参与人次", "培训出勤人次",
            "线上浏览量"} <= set(kpis)
    assert kpis["每日诵读达标率"].endswith("%")  # the demo class has past school days this year
    assert len(at.get("plotly_chart")) >= 3
    assert not at.error

    # The demo's training courses ran in spring and summer 2026: outside the school year, inside 2026.
    at.date_input(key="dash_start").set_value(dt.date(2026, 1, 1)).run()
    assert not at.exception, at.exception
    wider = _kpis(at)
    assert wider["培训出勤人次"] != kpis["培训出勤人次"]
    assert int(wider["培训出勤人次"].replace(",", "")) > 0

    # Another district, other community numbers; city-wide training stays.
    assert at.selectbox(key="dash_district").options[0] == "全市"
    at.selectbox(key="dash_district").set_value("召陵区").run()
    assert not at.exception, at.exception
    park = _kpis(at)
    assert park["社区活动场次"] != wider["社区活动场次"]
    assert park["培训出勤人次"] == wider["培训出勤人次"]
    assert any("区县：召陵区" in c.value for c in at.caption)

    at.radio(key="dash_group").set_value("school").run()
    assert not at.exception, at.exception


def test_end_before_start_is_a_chinese_error(app_env):
    at = _run()
    at.date_input(key="dash_end").set_value(dt.date(2020, 1, 1)).run()
    assert not at.exception
    assert any("早于开始日期" in e.value for e in at.error)
