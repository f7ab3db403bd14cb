"""The 领读员与志愿者 tab: register a leader or volunteer (minimal data), list them, and their served hours."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlmodel import Session

from curriculum.accounts.service import CurrentUser
from curriculum.community import views
from curriculum.community.people import SKILLS, create_person, person_input
from curriculum.community.points import dump_hours, simple_hours
from curriculum.textlists import join_list
from curriculum.vocab import PERSON_ROLES, WEEKDAY_LABELS
from ui.community import FLASH
from ui.widgets import domain_errors, flash_and_rerun


def _form(session: Session, point_names: dict[int, str], leader_names: dict[int, str]) -> None:
    with st.form("pts_person_form"):
        st.markdown("**登记领读员或志愿者**（只登记必要信息，电话可不填）")
        cols = st.columns(2)
        name = cols[0].text_input("姓名", key="pts_person_name")
        role = cols[1].selectbox("角色", list(PERSON_ROLES), format_func=PERSON_ROLES.get, key="pts_person_role")
        skills = st.multiselect("特长", list(SKILLS), key="pts_person_skills")
        cols = st.columns(2)
        home = cols[0].selectbox("所属诵读点", [0, *point_names], format_func=lambda i: point_names.get(i, "（不限）"),
                                 key="pts_person_point")
        manager = cols[1].selectbox("负责人", [0, *leader_names], format_func=lambda i: leader_names.get(i, "（无）"),
                                    key="pts_person_manager")
        phone = st.text_input("手机号（选填，对负责人以外的人显示为 138****0000）", key="pts_person_phone")
        days = st.multiselect("可服务的日子", list(range(7)), format_func=WEEKDAY_LABELS.__getitem__,
                              key="pts_person_days")
        cols = st.columns(2)
        start = cols[0].time_input("可服务开始", value=dt.time(8, 0), key="pts_person_from")
        end = cols[1].time_input("可服务结束", value=dt.time(12, 0), key="pts_person_to")
        if st.form_submit_button("保存人员", key="pts_person_submit"):
            with domain_errors("未能保存："):
                availability = dump_hours(simple_hours(days, start, end)) if days else "{}"
                created = create_person(person_input(
                    name=name, role=role, skills=join_list(skills), phone=phone or None,
                    point_id=home or None, managed_by=manager or None, availability=availability,
                ), session=session)
                flash_and_rerun(FLASH, f"已登记{PERSON_ROLES[created.role]}“{created.name}”。")


def render(*, session: Session, point_names: dict[int, str], leader_names: dict[int, str],
           viewer: CurrentUser | None) -> None:
    _form(session, point_names, leader_names)
    rows = views.people_table(session=session, viewer=viewer)
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", key="pts_people_table")
    else:
        st.info("还没有登记领读员或志愿者。")
    hours = views.volunteer_hours_table(session=session)
    if hours:
        st.markdown("**志愿服务时长**（按实际到岗的岗位计算）")
        st.dataframe(hours, hide_index=True, width="stretch", key="pts_hours_table")
