"""The router (streamlit_app.py): runs, registers every page, each page opens without an exception."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import streamlit_app

PROJECT_DIR = Path(__file__).resolve().parents[2]
ALL_PAGES = [(path, title) for entries in streamlit_app.PAGES.values() for path, title, _ in entries]


def _app() -> AppTest:
    at = AppTest.from_file(str(PROJECT_DIR / "streamlit_app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def test_router_starts_on_the_home_page_and_shows_catalog_size(app_env):
    at = _app()
    assert [t.value for t in at.title] == ["经典诵读"]
    assert any(b.key == "home_door_teacher" for b in at.button)
    assert any(c.value.startswith("书目：") and "篇" in c.value for c in at.sidebar.caption)


def test_home_then_the_three_catalog_pages_are_in_the_navigation():
    titles = [title for _, title in ALL_PAGES]
    assert titles[:4] == ["首页", "经典书目", "学段图谱", "阅读"]
    assert ALL_PAGES[0][0] == streamlit_app.HOME
    for path, _ in ALL_PAGES:
        assert (PROJECT_DIR / path).is_file(), path


@pytest.mark.parametrize("path,title", ALL_PAGES, ids=[p for p, _ in ALL_PAGES])
def test_every_page_is_registered_and_runs(app_env, path, title):
    at = _app()
    # switch_page raises ValueError for a file st.navigation did not register.
    at.switch_page(path).run()
    assert not at.exception, f"{title}: {at.exception}"
    assert not any("Traceback" in md.value for md in at.markdown)


def test_a_deep_link_as_the_first_request_still_goes_through_the_router(app_env, monkeypatch):
    # A fresh server process: ui.state not imported yet, and Streamlit starts in its legacy
    # pages/-directory mode (there is a pages/ folder), which would run pages/reader.py on its own.
    monkeypatch.delitem(sys.modules, "ui.state")
    at = AppTest.from_file(str(PROJECT_DIR / "streamlit_app.py"), default_timeout=60)
    at.query_params["text"] = "jingyesi"
    at.switch_page("pages/reader.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["阅读"]
    assert at.selectbox(key="reader_select").value == "jingyesi"
    # The router's sidebar is there, so the run went through st.navigation.
    assert any(c.value.startswith("书目：") for c in at.sidebar.caption)


def test_sidebar_warns_about_shifts_short_within_48_hours(app_env, monkeypatch):
    from datetime import date, datetime

    from sqlmodel import Session

    from curriculum import clock
    from curriculum.db import make_engine
    from curriculum.demo.community import seed as seed_demo

    engine = make_engine(app_env)
    with Session(engine) as session:
        seed_demo(session=session, today=date(2026, 11, 28))
    engine.dispose()

    monkeypatch.setattr(clock, "local_now", lambda: datetime(2026, 12, 4, 10, 0))
    assert not any("缺人" in w.value for w in _app().sidebar.warning)  # that Saturday is fully staffed

    monkeypatch.setattr(clock, "local_now", lambda: datetime(2026, 12, 18, 10, 0))
    at = _app()
    assert [w.value for w in at.sidebar.warning] == ["48 小时内有 2 个志愿者岗位缺人"]


def test_a_repaired_catalog_is_picked_up_without_a_restart(app_env, monkeypatch, tmp_path):
    import os
    import shutil

    data = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", data)
    monkeypatch.setenv("CLASSICS_DATA_DIR", str(data))
    good = (data / "texts.yaml").read_text(encoding="utf-8")
    (data / "texts.yaml").write_text(good.replace("stages:", "stages: [oops", 1), encoding="utf-8")
    broken = AppTest.from_file(str(PROJECT_DIR / "streamlit_app.py"), default_timeout=60).run()
    assert not broken.exception
    assert any("书目有" in w.value for w in broken.sidebar.warning)  # the home page itself needs no catalog
    broken.switch_page("pages/catalog.py").run()
    assert any("书目文件有问题" in e.value for e in broken.error)

    (data / "texts.yaml").write_text(good, encoding="utf-8")
    later = (data / "texts.yaml").stat().st_mtime_ns + 10**9  # coarse file-system clocks
    os.utime(data / "texts.yaml", ns=(later, later))
    fixed = _app().switch_page("pages/catalog.py").run()
    assert not fixed.error
    assert [t.value for t in fixed.title] == ["经典书目"]
