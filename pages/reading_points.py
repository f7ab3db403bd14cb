"""诵读点 — reading points, reading leaders and volunteers (masked phones), pairings (结对子).

Thin page over ``curriculum.community``: lists and create forms (one module
of ``ui.community`` per tab); every save goes through a domain function that
refuses bad input with a Chinese message (shown with ``st.error``) and saves
nothing in that case.

Phones are shown masked (``138****0000``) except to the signed-in
administrators and the leaders of the person's own reading point
(``people.may_see_phone``, a rule of the core, not of this page).
"""

from __future__ import annotations

import streamlit as st

from curriculum.community.people import list_people
from curriculum.community.points import list_points
from ui.auth import current_user
from ui.community import FLASH, pairings, people, points
from ui.state import db_session
from ui.widgets import show_flash

st.title("诵读点")
st.caption(
    "建立社区诵读点，招募领读员、吸纳志愿者，组织学校、文化社团与社区和乡镇“结对子”"
    "（六个融合 · 城乡同步融合）。"
)
show_flash(FLASH)

with db_session() as session:
    point_names = {p.id: p.name for p in list_points(session=session)}
    leader_names = {p.id: p.name for p in list_people(session=session, role="leader")}

    viewer = current_user()
    st.caption("电话号码隐藏为 138****0000；登录后，诵读点负责人可看到本点人员的完整电话，管理员可看到全部。")

    tab_points, tab_people, tab_pairings = st.tabs(["诵读点", "领读员与志愿者", "结对子"])
    with tab_points:
        points.render(session=session)
    with tab_people:
        people.render(session=session, point_names=point_names, leader_names=leader_names, viewer=viewer)
    with tab_pairings:
        pairings.render(session=session)
