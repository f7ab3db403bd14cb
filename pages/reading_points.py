"""诵读点 — reading points, reading leaders and volunteers (masked phones), pairings (结对子).

Thin page over ``curriculum.community``: lists and create forms; every save
goes through a domain function that refuses bad input with a Chinese message
(shown with ``st.error``) and saves nothing in that case.

Phones are always shown masked (``138****0000``). The product has no sign-in
yet, so it cannot know who is looking: showing a number in full to the person's
manager (``people.display_phone``) needs sign-in, which is not available. Until
then the viewer picker lives in an expander labelled 管理员预览, for an
administrator checking the rule on a trusted machine; it is not access control.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlmodel import Session

from curriculum import clock
from curriculum.community import pairings as pr
from curriculum.community import people as pp
from curriculum.community import points as pt
from curriculum.community.attendance import volunteer_hours_table
from curriculum.community.conflicts import CommunityError
from curriculum.models.community import PairingCreate, PersonCreate, ReadingPointCreate
from curriculum.vocab import WEEKDAY_LABELS
from ui.state import get_engine

st.title("诵读点")
st.caption(
    "建立社区诵读点，招募领读员、吸纳志愿者，组织学校、文化社团与社区和乡镇“结对子”"
    "（六个融合 · 城乡同步融合）。"
)

WEEKDAYS = list(range(7))


def _weekday_label(d: int) -> str:
    return WEEKDAY_LABELS[d]


def _saved(message: str) -> None:
    """Show ``message`` after a rerun, so lists and pickers above the form include the new row."""
    st.session_state["pts_flash"] = message
    st.rerun()


if flash := st.session_state.pop("pts_flash", None):
    st.success(flash)

with Session(get_engine()) as session:
    points = pt.list_points(session=session)
    leaders = pp.list_people(session=session, role="leader")
    point_names = {p.id: p.name for p in points}
    leader_names = {p.id: p.name for p in leaders}

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
        with st.form("pts_point_form"):
            st.markdown("**新建诵读点**")
            name = st.text_input("名称", key="pts_point_name", placeholder="如：老街社区新时代文明实践站")
            cols = st.columns(3)
            district = cols[0].text_input("区县", key="pts_point_district", placeholder="如：源汇区")
            township = cols[1].text_input("乡镇/街道", key="pts_point_township")
            community = cols[2].text_input("社区/村", key="pts_point_community")
            cols = st.columns(2)
            venue = cols[0].selectbox("场所类型", list(pt.VENUE_TYPES), format_func=pt.VENUE_TYPES.get,
                                      key="pts_point_venue")
            capacity = cols[1].number_input("容纳人数", min_value=0, step=5, value=30, key="pts_point_capacity")
            days = st.multiselect("开放日", WEEKDAYS, default=WEEKDAYS, format_func=_weekday_label,
                                  key="pts_point_days")
            cols = st.columns(2)
            opens = cols[0].time_input("开放时间", value=dt.time(8, 0), key="pts_point_open")
            closes = cols[1].time_input("关闭时间", value=dt.time(18, 0), key="pts_point_close")
            contact = st.text_input("联系人/联系方式", key="pts_point_contact")
            if st.form_submit_button("保存诵读点", key="pts_point_submit"):
                try:
                    hours = pt.dump_hours(pt.simple_hours(days, opens, closes)) if days else "{}"
                    created = pt.create_point(ReadingPointCreate(
                        name=name, district=district, township=township, community=community, venue_type=venue,
                        capacity=int(capacity), opening_hours=hours, contact=contact,
                    ), session=session)
                except CommunityError as err:
                    st.error(f"未能保存：{err}")
                else:
                    _saved(f"已保存诵读点“{created.name}”。")
        rows = pt.points_table(session=session)
        if rows:
            st.dataframe(rows, hide_index=True, width="stretch", key="pts_points_table")
        else:
            st.info("还没有诵读点，请用上面的表单新建。")

    with tab_people:
        with st.form("pts_person_form"):
            st.markdown("**登记领读员或志愿者**（只登记必要信息，电话可不填）")
            cols = st.columns(2)
            pname = cols[0].text_input("姓名", key="pts_person_name")
            role = cols[1].selectbox("角色", list(pp.ROLES), format_func=pp.ROLES.get, key="pts_person_role")
            skills = st.multiselect("特长", list(pp.SKILLS), key="pts_person_skills")
            cols = st.columns(2)
            home = cols[0].selectbox("所属诵读点", [0, *point_names], format_func=lambda i: point_names.get(i, "（不限）"),
                                     key="pts_person_point")
            manager = cols[1].selectbox("负责人", [0, *leader_names], format_func=lambda i: leader_names.get(i, "（无）"),
                                        key="pts_person_manager")
            phone = st.text_input("手机号（选填，对负责人以外的人显示为 138****0000）", key="pts_person_phone")
            avail_days = st.multiselect("可服务的日子", WEEKDAYS, format_func=_weekday_label, key="pts_person_days")
            cols = st.columns(2)
            a_start = cols[0].time_input("可服务开始", value=dt.time(8, 0), key="pts_person_from")
            a_end = cols[1].time_input("可服务结束", value=dt.time(12, 0), key="pts_person_to")
            if st.form_submit_button("保存人员", key="pts_person_submit"):
                try:
                    availability = pt.dump_hours(pt.simple_hours(avail_days, a_start, a_end)) if avail_days else "{}"
                    created = pp.create_person(PersonCreate(
                        name=pname, role=role, skills=pp.join_list(skills), phone=phone or None,
                        point_id=home or None, managed_by=manager or None, availability=availability,
                    ), session=session)
                except CommunityError as err:
                    st.error(f"未能保存：{err}")
                else:
                    _saved(f"已登记{pp.ROLES[created.role]}“{created.name}”。")
        rows = pp.people_table(session=session, viewer_id=viewer or None)
        if rows:
            st.dataframe(rows, hide_index=True, width="stretch", key="pts_people_table")
        else:
            st.info("还没有登记领读员或志愿者。")
        hours = volunteer_hours_table(session=session)
        if hours:
            st.markdown("**志愿服务时长**（按实际到岗的岗位计算）")
            st.dataframe(hours, hide_index=True, width="stretch", key="pts_hours_table")

    with tab_pairings:
        with st.form("pts_pair_form"):
            st.markdown("**新建结对子**")
            cols = st.columns(2)
            partner = cols[0].text_input("结对单位", key="pts_pair_partner", placeholder="如：漯河市第五初级中学")
            partner_kind = cols[1].selectbox("单位类型", list(pr.PARTNER_KINDS), format_func=pr.PARTNER_KINDS.get,
                                             key="pts_pair_partner_kind")
            cols = st.columns(2)
            target = cols[0].text_input("结对社区/乡镇", key="pts_pair_target", placeholder="如：老街社区")
            target_kind = cols[1].selectbox("对象类型", list(pr.TARGET_KINDS), format_func=pr.TARGET_KINDS.get,
                                            key="pts_pair_target_kind")
            cols = st.columns(2)
            pair_district = cols[0].text_input("区县", key="pts_pair_district")
            start = cols[1].date_input("开始日期", value=clock.local_today(), key="pts_pair_start")
            resources = st.multiselect("送到基层的资源", list(pr.RESOURCES), format_func=pr.RESOURCES.get,
                                       key="pts_pair_resources")
            note = st.text_input("备注", key="pts_pair_note")
            if st.form_submit_button("保存结对", key="pts_pair_submit"):
                try:
                    created = pr.create_pairing(PairingCreate(
                        partner_name=partner, partner_kind=partner_kind, target_name=target,
                        target_kind=target_kind, district=pair_district, start_date=start,
                        resources=",".join(resources), note=note,
                    ), session=session)
                except CommunityError as err:
                    st.error(f"未能保存：{err}")
                else:
                    _saved(f"已保存结对：{created.partner_name} ↔ {created.target_name}。")
        rows = pr.pairings_table(session=session)
        if rows:
            st.dataframe(rows, hide_index=True, width="stretch", key="pts_pairs_table")
        else:
            st.info("还没有结对子。")
