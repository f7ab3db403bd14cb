"""经典诵读规划 — Streamlit entry point.

The router (``st.navigation``) and the shared sidebar. The engine, the catalog
and the sidebar's cached numbers live in ``ui.state``, which pages import too,
so there is one engine per database URL whichever page a visitor opens first.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from curriculum.errors import DomainError
from curriculum.settings import Settings
from ui.auth import current_user, sidebar_user, sign_in_page
from ui.state import database_url, get_catalog, get_engine, reminder_count

APP_TITLE = "经典诵读规划"
HOME = "pages/home.py"

PAGES = {
    "": [
        ("pages/home.py", "首页", ":material/home:"),
    ],
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
        ("pages/imports.py", "数据导入", ":material/upload_file:"),
    ],
}


def _sidebar(user) -> None:
    catalog, errors = get_catalog()
    with st.sidebar:
        st.caption(APP_TITLE)
        if user is not None:
            sidebar_user(user)
        if catalog is not None:
            st.caption(f"书目：{len(catalog.texts)} 篇 · {sum(t.characters for t in catalog.texts):,} 字")
        else:
            st.warning(f"书目有 {len(errors)} 个问题，部分页面不可用。")
        reminders = reminder_count()
        if reminders:
            st.warning(f"48 小时内有 {reminders} 个志愿者岗位缺人")
            st.page_link("pages/events.py", label="去安排志愿者", icon=":material/group_add:")
        backend = database_url().split(":", 1)[0]
        st.caption("数据库：" + ("嵌入式 SQLite" if backend.startswith("sqlite") else "PostgreSQL"))


def _signed_out_navigation():
    """Every page's address leads to the sign-in form while nobody is signed in.

    A page's identity is its URL path, so each address gets a sign-in page of
    its own: a bookmarked ``/plan`` asks for sign-in and then opens the plan,
    and a session that expires on any page shows the form, never that page.
    """
    stand_ins = [
        st.Page(sign_in_page, title="登录", icon=":material/login:", url_path=Path(path).stem, default=path == HOME)
        for entries in PAGES.values() for path, _title, _icon in entries
    ]
    return st.navigation(stand_ins, position="hidden")


def main() -> None:
    st.set_page_config(page_title=APP_TITLE, page_icon="📜", layout="wide")
    try:
        get_engine()  # connect and migrate before any page runs
    except DomainError as err:  # no traceback, no database URL: what is wrong, in Chinese
        st.error(f"数据库暂时无法使用：{err}")
        st.stop()
    user = current_user()
    if Settings().sign_in_required and user is None:
        _signed_out_navigation().run()
        return
    pages = {
        # The home page is the default: ``/`` opens on the three doors, not on the catalog.
        section: [st.Page(path, title=title, icon=icon, default=path == HOME) for path, title, icon in entries]
        for section, entries in PAGES.items()
    }
    navigation = st.navigation(pages)
    _sidebar(user)
    navigation.run()


if __name__ == "__main__":
    main()
