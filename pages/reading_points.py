"""诵读点 — reading points, reading leaders and volunteers (masked phones), pairings (结对子).

Thin page over ``curriculum.community``: lists and create forms (one module
of ``ui.community`` per tab); every save goes through a domain function that
refuses bad input with a Chinese message (shown with ``st.error``) and saves
nothing in that case.

Phones are always shown masked (``138****0000``). The product has no sign-in
yet, so it cannot know who is looking: showing a number in full to the person's
manager (``people.display_phone``) needs sign-in, which is not available. Until
then the viewer picker lives in an expander labelled 管理员预览, for an
administrator checking the rule on a trusted machine; it is not access control.
"""

from __future__ import annotations

import streamlit as st

from curriculum.community.people import list_people
from curriculum.community.points import list_points
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

    st.caption(
        "电话号码默认隐藏为 138****0000。只有负责人才应看到所负责人员的完整电话，"
        "这需要登录功能（尚未提供）；下方“管理员预览”仅供管理员在可信电脑上核对，不是权限控制。"
    )
    with st.expander("管理员预览：以负责人身份查看完整电话（需登录功能，尚未提供）"):
        viewer = st.selectbox(
            "以谁的身份查看（负责人可看到所负责人员的完整电话）",
            [0, *leader_names],
            format_func=lambda i: leader_names.get(i, "访客（电话全部隐藏）"),
            key="pts_viewer",
        )

    tab_points, tab_people, tab_pairings = st.tabs(["诵读点", "领读员与志愿者", "结对子"])
    with tab_points:
        points.render(session=session)
    with tab_people:
        people.render(session=session, point_names=point_names, leader_names=leader_names, viewer_id=viewer or None)
    with tab_pairings:
        pairings.render(session=session)
