"""首页 — what the app is, and three doors: the teacher, the reading-point leader, the education bureau.

Each door says in one sentence what that person does here and links to their
first task. The chosen door is remembered (``ui.home``: URL and cookie), and
the teacher's door shows what each class reads today, so a teacher who opens
the app in the morning sees it at a glance.
"""

from __future__ import annotations

import streamlit as st

from curriculum import clock
from curriculum.vocab import WEEKDAY_LABELS
from ui import home
from ui.state import db_session, get_catalog

st.title("经典诵读")
st.markdown("为全市中华经典诵读服务：老师按学段排好每天半小时的诵读，社区诵读点组织节日和周末活动，"
            "教育局看到各学段、各学校的开展情况。  \n请选择您的身份，从第一件事开始。")

chosen = st.session_state.get("home_door") or home.remembered_door()
cols = st.columns(len(home.DOORS))
for col, door in zip(cols, home.DOORS):
    with col.container(border=True):
        st.subheader(door.label)
        st.caption(door.help)
        st.page_link(door.page, label=f"去{door.task}", icon=door.icon)
        # A callback, so the choice is in session state before any door is drawn on the rerun.
        st.button("选这个身份" if door.key != chosen else "当前身份", key=f"home_door_{door.key}",
                  type="primary" if door.key == chosen else "secondary", width="stretch",
                  on_click=st.session_state.__setitem__, args=("home_door", door.key))
if chosen:
    # Written on every run: the URL keeps the door for a bookmark, the cookie for the next visit.
    home.remember(chosen)


def _teacher_today() -> None:
    catalog, _errors = get_catalog()
    if catalog is None:
        st.info("书目暂时无法读取，今日诵读请到“教学计划”查看。")
        return
    today = clock.local_today()
    with db_session() as session:
        readings = home.todays_readings(today, session=session, catalog=catalog)
    st.subheader(f"今日诵读 · {today.month}月{today.day}日 {WEEKDAY_LABELS[today.weekday()]}")
    if not readings:
        st.info("还没有覆盖今天的教学计划。到“教学计划”为班级生成一学期的计划。")
        return
    for r in readings:
        with st.container(border=True):
            st.markdown(f"**{r.class_name}** · {r.plan_name}")
            if not r.exact:
                st.caption(f"今天不诵读，下一次是 {r.day.month}月{r.day.day}日（{r.weekday}）：")
            st.markdown("\n".join(f"- {line}" for line in r.lines) or "（复习）")


if chosen == "teacher":
    _teacher_today()
elif chosen:
    door = next(d for d in home.DOORS if d.key == chosen)
    st.info(f"下一步：{door.help}")
    st.page_link(door.page, label=f"打开{door.task}", icon=door.icon)
