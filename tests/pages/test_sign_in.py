"""Sign-in: required when configured (on by default for PostgreSQL), wrong passwords refused, sessions expire."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from curriculum.accounts.service import create_account, grant, new_account
from curriculum.db import make_engine
from curriculum.models.account import AccountGrantCreate
from curriculum.settings import Settings, get_settings

PROJECT_DIR = Path(__file__).resolve().parents[2]
PASSWORD = "诵读-2026-秋"


class _PastFirstRequest(type):
    """Keeps Streamlit's legacy pages-directory mode off between AppTest runs.

    AppTest forgets, before every run, that the app uses ``st.navigation``, so
    a second run of the same AppTest executes ``pages/<page>.py`` by itself,
    without the router. A real server decides once per process (``ui.state``
    switches the legacy mode off on the first request); this is that server.
    """

    def __setattr__(cls, name, value):
        super().__setattr__(name, False if name == "uses_pages_directory" else value)


@pytest.fixture(autouse=True)
def _router_on_every_run(monkeypatch):
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import app_test

    monkeypatch.setattr(PagesManager, "uses_pages_directory", False)
    monkeypatch.setattr(app_test, "PagesManager", _PastFirstRequest("PagesManager", (PagesManager,), {}))


@pytest.fixture
def signed_env(app_env, monkeypatch):
    monkeypatch.setenv("CLASSICS_REQUIRE_SIGN_IN", "true")
    get_settings.cache_clear()
    engine = make_engine(app_env)
    with Session(engine) as session:
        account = create_account(new_account("bureau_li", PASSWORD, "李科长"), session=session)
        grant(account.id, AccountGrantCreate(role="bureau"), session=session)
        session.commit()
    engine.dispose()
    return app_env


def _app() -> AppTest:
    at = AppTest.from_file(str(PROJECT_DIR / "streamlit_app.py"), default_timeout=60)
    return at.run()


def _sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="auth_username").input(username)
    at.text_input(key="auth_password").input(password)
    return at.button(key="auth_submit").click().run()


def test_sign_in_is_off_for_the_embedded_default_and_on_for_postgresql(monkeypatch):
    monkeypatch.delenv("CLASSICS_REQUIRE_SIGN_IN", raising=False)
    assert not Settings(database_url="sqlite:///x.db").sign_in_required
    assert Settings(database_url="postgresql+psycopg://u@h/db").sign_in_required
    assert Settings(database_url="sqlite:///x.db", require_sign_in=True).sign_in_required


def test_only_the_sign_in_page_shows_until_signed_in(signed_env):
    at = _app()
    assert not at.exception
    assert [t.value for t in at.title] == ["登录"]
    assert not any(c.value.startswith("书目：") for c in at.sidebar.caption)  # no app behind it


def test_a_wrong_password_is_refused_and_the_right_one_opens_the_app(signed_env):
    at = _sign_in(_app(), "bureau_li", "not-the-password")
    assert [e.value for e in at.error] == ["用户名或密码不正确，或账号已停用"]
    assert [t.value for t in at.title] == ["登录"]
    at = _sign_in(at, "bureau_li", PASSWORD)
    assert not at.exception
    assert "登录" not in [t.value for t in at.title]
    assert any("已登录：李科长（教育局（全市））" in c.value for c in at.sidebar.caption)
    at.button(key="auth_sign_out").click().run()
    assert [t.value for t in at.title] == ["登录"]


def test_a_session_expires_after_the_configured_hours(signed_env):
    at = _sign_in(_app(), "bureau_li", PASSWORD)
    at.session_state["auth_since"] = dt.datetime.now(dt.UTC) - dt.timedelta(hours=9)
    at.run()
    assert [t.value for t in at.title] == ["登录"]


def test_demo_accounts_are_listed_only_while_demo_data_is_present(signed_env):
    at = _app()
    assert not at.expander  # no demo data here
    from curriculum.demo import seed_demo

    engine = make_engine(signed_env)
    with Session(engine) as session:
        seed_demo(session=session)
    engine.dispose()
    at = _app()
    assert any("演示账号" in e.label for e in at.expander)
    at = _sign_in(at, "demo_teacher", "诵读演示-2026")
    assert any("已登录：王老师（演示）" in c.value for c in at.sidebar.caption)
