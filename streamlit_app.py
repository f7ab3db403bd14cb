"""经典诵读 planner — Streamlit entry point.

The router (``st.navigation``), the shared sidebar, and the one place the
database engine is created. Pages import ``get_engine`` and ``get_catalog``
from here; when Streamlit runs this file it is ``__main__`` and builds the
navigation, when a page imports it only the cached accessors are defined.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy.engine import Engine
from sqlmodel import Session

from curriculum.catalog.loader import catalog_fingerprint, try_load_catalog
from curriculum.catalog.schema import Catalog, CatalogError
from curriculum.community.reminders import current_reminders
from curriculum.db import make_engine, upgrade_database
from curriculum.settings import Settings

APP_TITLE = "经典诵读 planner"


def _leave_pages_directory_mode() -> None:
    """Make sure the router, not Streamlit's ``pages/`` auto-discovery, serves every request.

    Streamlit decides once per process whether the app is a legacy
    ``pages/``-directory app (a ``pages/`` folder next to this file) and keeps
    that until some run calls ``st.navigation``. So when the first request
    after a server start is a deep link (a bookmarked ``/reader?text=lunyu``),
    Streamlit runs ``pages/reader.py`` on its own: file-name navigation, no
    wide layout, no sidebar — and every later session too, until someone
    opens ``/``. Every page imports this module, so switch the legacy mode
    off here and rerun once through the router.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_leave_pages_directory_mode()


@st.cache_resource(show_spinner="正在连接数据库…")
def _engine_for(url: str) -> Engine:
    engine = make_engine(url)
    upgrade_database(engine)
    return engine


def get_engine() -> Engine:
    """The app's engine for the configured database (created once per URL)."""
    return _engine_for(Settings().database_url)


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


PAGES = {
    "经典": [
        ("pages/catalog.py", "经典书目", ":material/menu_book:"),
        ("pages/stage_map.py", "学段图谱", ":material/stacked_bar_chart:"),
        ("pages/reader.py", "阅读", ":material/chrome_reader_mode:"),
    ],
    "学校": [
        ("pages/school_calendar.py", "校历", ":material/calendar_month:"),
        ("pages/plan.py", "教学计划", ":material/event_note:"),
    ],
    "社区": [
        ("pages/reading_points.py", "诵读点", ":material/location_on:"),
        ("pages/events.py", "活动日历", ":material/celebration:"),
        ("pages/training.py", "师资培训", ":material/school:"),
        ("pages/online.py", "云上读经典", ":material/podcasts:"),
    ],
    "教育局": [
        ("pages/dashboard.py", "数据看板", ":material/monitoring:"),
    ],
}


def _reminder_count() -> int:
    """Shifts short of people within 48 hours — what a leader must see on opening the app."""
    with Session(get_engine()) as session:
        return len(current_reminders(session=session))


def _sidebar() -> None:
    catalog, errors = get_catalog()
    with st.sidebar:
        st.caption(APP_TITLE)
        if catalog is not None:
            st.caption(f"书目：{len(catalog.texts)} 篇 · {sum(t.characters for t in catalog.texts):,} 字")
        else:
            st.warning(f"书目有 {len(errors)} 个问题，部分页面不可用。")
        reminders = _reminder_count()
        if reminders:
            st.warning(f"48 小时内有 {reminders} 个志愿者岗位缺人")
            st.page_link("pages/events.py", label="去安排志愿者", icon=":material/group_add:")
        backend = Settings().database_url.split(":", 1)[0]
        st.caption("数据库：" + ("嵌入式 SQLite" if backend.startswith("sqlite") else "PostgreSQL"))


def main() -> None:
    st.set_page_config(page_title=APP_TITLE, page_icon="📜", layout="wide")
    import streamlit_app  # the importable module, so pages share one cached engine

    streamlit_app.get_engine()
    pages = {
        section: [st.Page(path, title=title, icon=icon) for path, title, icon in entries]
        for section, entries in PAGES.items()
    }
    navigation = st.navigation(pages)
    _sidebar()
    navigation.run()


if __name__ == "__main__":
    main()
