"""首页: three doors with their first task, the door remembered (URL, cookie), today's readings for teachers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlmodel import Session
from streamlit.testing.v1 import AppTest

PROJECT_DIR = Path(__file__).resolve().parents[2]
APP = str(PROJECT_DIR / "streamlit_app.py")
TODAY = dt.date(2026, 9, 8)  # a Tuesday in the first autumn term


def _home(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _links(at: AppTest) -> dict[str, str]:
    return {el.proto.label: el.proto.page for el in at.main.get("page_link")}


def test_three_doors_each_with_help_and_a_link_to_the_first_task(app_env):
    at = _home()
    assert [t.value for t in at.title] == ["经典诵读"]
    assert [h.value for h in at.subheader][:3] == ["我是老师", "我是诵读点负责人", "我是教育局"]
    assert len([c for c in at.caption if c.value.endswith("。")]) >= 3
    links = _links(at)
    assert {"去教学计划", "去活动日历", "去数据看板"} <= set(links)
    assert [links[k] for k in ("去教学计划", "去活动日历", "去数据看板")] == ["plan", "events", "dashboard"]
    assert "door" not in at.query_params  # nothing chosen yet


def test_choosing_a_door_is_kept_in_the_url_and_a_cookie(app_env):
    at = _home()
    at.button(key="home_door_leader").click().run()
    assert not at.exception
    assert at.query_params["door"] in ("leader", ["leader"])
    assert at.button(key="home_door_leader").label == "当前身份"
    assert any("classics_door=leader" in h.proto.body for h in at.get("html"))
    assert any("下一步" in i.value for i in at.info)
    # a bookmark with ?door=bureau opens on the bureau's door
    assert _home(door="bureau").button(key="home_door_bureau").label == "当前身份"


def test_the_cookie_remembers_the_door_for_the_next_visit(app_env, monkeypatch):
    from ui import home

    monkeypatch.setattr(home, "_cookie_door", lambda: "bureau")
    at = _home()
    assert at.button(key="home_door_bureau").label == "当前身份"
    # the URL wins over the cookie; an unknown value in either is ignored
    assert _home(door="leader").button(key="home_door_leader").label == "当前身份"
    monkeypatch.setattr(home, "_cookie_door", lambda: "hacker")
    assert all(b.label == "选这个身份" for b in _home().button if b.key and b.key.startswith("home_door_"))


def _seed_class_with_plan(url: str) -> None:
    from curriculum.catalog.loader import try_load_catalog
    from curriculum.db import make_engine
    from curriculum.settings import Settings
    from tests.utils.planner import make_class, make_plan, make_school

    catalog, errors = try_load_catalog(Settings().catalog_path)
    assert catalog is not None, errors
    engine = make_engine(url)
    with Session(engine) as session:
        # the database may already hold a school (the calendar's default one); a class needs one
        from curriculum.schoolcal import store as school_store

        school = next(iter(school_store.list_schools(session=session)), None) or make_school(session, "测试小学")
        klass = make_class(session, name="一年级（2）班", school_id=school.id)
        make_plan(session, catalog, klass.id, start=dt.date(2026, 9, 7), end=dt.date(2026, 10, 30),
                  name="一年级（2）班 秋季学期")
    engine.dispose()


def test_the_teachers_door_shows_todays_reading_of_each_class(app_env, monkeypatch):
    from curriculum import clock

    _seed_class_with_plan(app_env)
    monkeypatch.setattr(clock, "local_today", lambda: TODAY)
    at = _home(door="teacher")
    assert any(h.value == "今日诵读 · 9月8日 周二" for h in at.subheader)
    assert any("**一年级（2）班**" in m.value for m in at.markdown)
    assert any(m.value.startswith("- ") and "分钟 · " in m.value for m in at.markdown)

    # on a Saturday the door names the next reading day
    monkeypatch.setattr(clock, "local_today", lambda: dt.date(2026, 9, 12))
    at = _home(door="teacher")
    assert any("今天不诵读，下一次是 9月14日（周一）" in c.value for c in at.caption)


def test_the_teachers_door_without_plans_points_to_the_plan_page(app_env):
    at = _home(door="teacher")
    assert any("还没有覆盖今天的教学计划" in i.value for i in at.info)
