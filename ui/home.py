"""The home page's parts: the three doors, the remembered door, and today's readings of the classes.

A door is remembered twice: in the URL (``?door=teacher``, so a bookmark or a
shared link opens on it) and in a cookie the browser sends with the next visit
(``st.context.cookies``, read-only in Streamlit 1.67, so the page writes it
with a one-line script through ``st.html(..., unsafe_allow_javascript=True)``).
The URL wins over the cookie, so a link always opens the door it names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st
from sqlmodel import Session

from curriculum.catalog.schema import Catalog
from curriculum.planner import document as plan_document
from curriculum.planner.classes import list_classes
from curriculum.planner.plans import list_plans

COOKIE = "classics_door"
QUERY = "door"
# A year: a teacher who comes back after the summer break still lands on her door.
COOKIE_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class Door:
    key: str
    label: str
    help: str
    page: str
    task: str
    icon: str


DOORS: tuple[Door, ...] = (
    Door("teacher", "我是老师", "为班级生成一学期的每日诵读计划，每天打开就知道今天读什么。",
         "pages/plan.py", "教学计划", ":material/event_note:"),
    Door("leader", "我是诵读点负责人", "排节日和周末诵读活动，安排志愿者，活动后登记出勤。",
         "pages/events.py", "活动日历", ":material/celebration:"),
    Door("bureau", "我是教育局", "查看各学段、各学校的诵读达标率和活动覆盖，逐级查看到学校。",
         "pages/dashboard.py", "数据看板", ":material/monitoring:"),
)
DOOR_KEYS = tuple(d.key for d in DOORS)


def _cookie_door() -> str | None:
    # Tests replace this function: AppTest cannot send cookies.
    return st.context.cookies.get(COOKIE)


def remembered_door() -> str | None:
    """The door named in the URL, else the one remembered in the browser's cookie, else ``None``."""
    for value in (st.query_params.get(QUERY), _cookie_door()):
        if value in DOOR_KEYS:
            return value
    return None


def remember(door: str) -> None:
    """Put the door into the URL and ask the browser to keep it for the next visit."""
    st.query_params[QUERY] = door
    st.session_state["home_door"] = door
    st.html(f"<script>document.cookie = '{COOKIE}={door}; path=/; max-age={COOKIE_MAX_AGE}; SameSite=Lax';"
            "</script>", unsafe_allow_javascript=True)


@dataclass(frozen=True)
class ClassReading:
    """One class's reading for a day, as plain text for the teacher's door."""

    class_name: str
    plan_name: str
    day: dt.date
    exact: bool
    weekday: str
    lines: tuple[str, ...]


def todays_readings(today: dt.date, *, session: Session, catalog: Catalog) -> list[ClassReading]:
    """Each class's plan that covers ``today``: what it reads today, or on its next reading day."""
    result = []
    for klass in list_classes(session=session):
        for plan in list_plans(session=session, class_id=klass.id):
            if not plan.term_start <= today <= plan.term_end:
                continue
            agenda = plan_document.day_agenda(plan_document.document_for_plan(plan.id, session=session), catalog, today)
            if agenda is None:
                continue
            lines = tuple(f"{item['minutes']} 分钟 · {item['title']}"
                          for s in agenda["sessions"] for item in s["items"])
            result.append(ClassReading(klass.name, plan.name, agenda["date"], agenda["exact"], agenda["weekday"],
                                       lines))
    return result
