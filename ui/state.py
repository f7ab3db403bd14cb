"""App state shared by the router and the pages: the one engine, the catalog, cached sidebar numbers.

Pages import from here, never from ``streamlit_app`` (the router script), so
the import graph reads router → pages → ui → curriculum. Everything cached is
plain data (tuples, dicts, numbers), never ORM objects bound to a session.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import streamlit as st
from sqlalchemy.engine import Engine
from sqlmodel import Session

from curriculum import clock
from curriculum.catalog.loader import catalog_fingerprint, try_load_catalog
from curriculum.catalog.schema import Catalog, CatalogError
from curriculum.community.reminders import shifts_needing_people
from curriculum.db import make_engine, upgrade_database
from curriculum.districts import list_districts
from curriculum.settings import Settings


def leave_pages_directory_mode() -> None:
    """Make sure the router, not Streamlit's ``pages/`` auto-discovery, serves every request.

    Streamlit decides once per process whether the app is a legacy
    ``pages/``-directory app (a ``pages/`` folder next to the main script) and
    keeps that until some run calls ``st.navigation``. So when the first
    request after a server start is a deep link (a bookmarked
    ``/reader?text=lunyu``), Streamlit runs ``pages/reader.py`` on its own:
    file-name navigation, no wide layout, no sidebar, no sign-in — and every
    later session too, until someone opens ``/``. Every page imports this
    module, so switch the legacy mode off here and rerun once through the router.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


@st.cache_resource(show_spinner="正在连接数据库…")
def _engine_for(url: str) -> Engine:
    engine = make_engine(url)
    upgrade_database(engine)
    return engine


def database_url() -> str:
    return Settings().database_url


def get_engine() -> Engine:
    """The app's engine for the configured database (created and migrated once per URL)."""
    return _engine_for(database_url())


@contextmanager
def db_session() -> Iterator[Session]:
    """A session on the app's engine for one block of a page run."""
    with Session(get_engine()) as session:
        yield session


@st.cache_data(show_spinner="正在读取书目…", max_entries=4)
def _catalog_for(path: str, fingerprint: tuple[int, int, int]) -> tuple[Catalog | None, list[CatalogError]]:
    # ``fingerprint`` is part of the cache key, so an edited or repaired
    # catalog is picked up on the next page load, without a server restart.
    return try_load_catalog(path)


def get_catalog() -> tuple[Catalog | None, list[CatalogError]]:
    """The catalog and its problems (plain data, cached until the files change)."""
    path = Settings().catalog_path
    return _catalog_for(str(path), catalog_fingerprint(path))


def require_catalog() -> Catalog:
    """Return the catalog, or show its problems in Chinese and stop the page."""
    catalog, errors = get_catalog()
    if catalog is None:
        st.error("书目文件有问题，暂时无法使用。请管理员修正以下问题后刷新页面：")
        st.markdown("\n".join(f"- {e}" for e in errors[:50]))
        st.stop()
    return catalog


@st.cache_data(ttl=60, show_spinner=False)
def _districts(url: str) -> tuple[str, ...]:
    with Session(get_engine()) as session:
        return tuple(list_districts(session=session))


def districts() -> tuple[str, ...]:
    """The city's districts (区县), cached for a minute: every district field picks from them."""
    return _districts(database_url())


def text_titles() -> dict[str, str]:
    """Catalog id → title for pickers and tables; empty when the catalog cannot be read."""
    catalog, _errors = get_catalog()
    return {t.id: t.title for t in catalog.texts} if catalog else {}


@st.cache_data(max_entries=8, show_spinner=False)
def _reminder_count(url: str, minute: datetime) -> int:
    with Session(get_engine()) as session:
        return len(shifts_needing_people(minute, session=session))


def reminder_count() -> int:
    """Shifts short of people within 48 hours.

    The sidebar shows it on every rerun, so it is computed once per database
    and minute; a page that changes shifts calls ``clear_reminders``.
    """
    return _reminder_count(database_url(), clock.local_now().replace(second=0))


def clear_reminders() -> None:
    """Forget the cached count after a page changed shifts or assignments."""
    _reminder_count.clear()


# Placeholders Streamlit's front end shows in English when a widget gets none ("Choose an option",
# "Choose options", "No options to select"), and the multiselect's English "Select all" row.
CHINESE_PLACEHOLDERS = {"selectbox": "请选择", "multiselect": "请选择（可多选）"}


def use_chinese_widget_defaults() -> None:
    """Give every selectbox and multiselect a Chinese placeholder and no English "Select all" row.

    Pages (several of them owned by other areas) call ``st.selectbox`` and
    ``st.multiselect`` in dozens of places; wrapping the two methods once here
    — every page imports this module — keeps each call as it is while no
    English default ever reaches the browser. A caller's own ``placeholder``
    or ``select_all`` wins. Idempotent: a rerun does not wrap twice.
    """
    import functools

    from streamlit.delta_generator import DeltaGenerator

    def wrap(name: str, extra: dict[str, Any]) -> None:
        original = getattr(DeltaGenerator, name)
        if getattr(original, "_chinese_defaults", False):
            return

        @functools.wraps(original)
        def with_defaults(self, *args, **kwargs):
            kwargs.setdefault("placeholder", CHINESE_PLACEHOLDERS[name])
            for key, value in extra.items():
                kwargs.setdefault(key, value)
            return original(self, *args, **kwargs)

        with_defaults._chinese_defaults = True  # type: ignore[attr-defined]
        setattr(DeltaGenerator, name, with_defaults)
        # ``st.selectbox`` is the main container's method bound when streamlit was imported.
        setattr(st, name, getattr(st._main, name))

    wrap("selectbox", {})
    wrap("multiselect", {"select_all": False})


use_chinese_widget_defaults()
leave_pages_directory_mode()
