"""The 导出与排班表 tab: a point's and a person's iCalendar file, and the week's duty roster (HTML, PDF).

Every file is built before its button (Streamlit's deferred download callables
fail on a second click): the calendars on each run, each in a session of its
own; the roster PDF (a few tenths of a second) once per distinct roster, kept
in the session.
"""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum import clock
from curriculum.exports.community_exports import (
    person_calendar,
    point_calendar,
    roster_html,
    roster_pdf,
    weekly_roster,
)
from curriculum.exports.names import plain_download_name
from ui.state import db_session
from ui.widgets import download


def _point_ics(point_id: int) -> bytes:
    with db_session() as session:
        return point_calendar(point_id, session=session)


def _person_ics(person_id: int) -> bytes:
    with db_session() as session:
        return person_calendar(person_id, session=session)


def _calendars(point_names: dict[int, str], person_names: dict[int, str], plain_names: dict[int, str]) -> None:
    if point_names:
        cols = st.columns([3, 1])
        point_id = cols[0].selectbox("诵读点日历", list(point_names), format_func=point_names.get, key="evt_dl_point")
        with cols[1]:
            download("下载 .ics", lambda: _point_ics(point_id),
                     plain_download_name(point_names[point_id], "诵读活动", suffix="ics"), "text/calendar",
                     key="evt_dl_point_btn")
    if person_names:
        cols = st.columns([3, 1])
        person_id = cols[0].selectbox("个人排班日历", list(person_names), format_func=person_names.get,
                                      key="evt_dl_person")
        with cols[1]:
            download("下载 .ics", lambda: _person_ics(person_id),
                     plain_download_name(plain_names[person_id], "值班", suffix="ics"), "text/calendar",
                     key="evt_dl_person_btn")


def render(*, session: Session, point_names: dict[int, str], person_names: dict[int, str],
           plain_names: dict[int, str]) -> None:
    _calendars(point_names, person_names, plain_names)
    week = st.date_input("排班表：该周内任意一天", value=clock.local_today(), key="evt_dl_week")
    roster = weekly_roster(week, session=session)
    st.caption(f"{roster.title}：{len(roster.rows)} 个岗位，{sum(1 for r in roster.rows if r.missing)} 个缺人")
    cols = st.columns(2)
    week_label = roster.week_start.isoformat()
    with cols[0]:
        download("下载排班表（HTML，可打印）", roster_html(roster).encode("utf-8"),
                 plain_download_name("志愿排班表", week_label, suffix="html"), "text/html", key="evt_dl_roster_html")
    with cols[1]:
        download("下载排班表（PDF）", lambda: roster_pdf(roster),
                 plain_download_name("志愿排班表", week_label, suffix="pdf"), "application/pdf",
                 key="evt_dl_roster_pdf", inputs=roster)
