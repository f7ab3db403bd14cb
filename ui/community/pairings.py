"""The 结对子 tab: pair a school or cultural society with a community or township, and list the pairings."""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum import clock
from curriculum.community import views
from curriculum.community.pairings import create_pairing, pairing_input
from curriculum.textlists import join_list
from curriculum.vocab import PAIRING_RESOURCES, PARTNER_KINDS, TARGET_KINDS
from ui.community import FLASH
from ui.widgets import district_picker, domain_errors, flash_and_rerun


def _form(session: Session) -> None:
    with st.form("pts_pair_form"):
        st.markdown("**新建结对子**")
        cols = st.columns(2)
        partner = cols[0].text_input("结对单位", key="pts_pair_partner", placeholder="如：漯河市第五初级中学")
        partner_kind = cols[1].selectbox("单位类型", list(PARTNER_KINDS), format_func=PARTNER_KINDS.get,
                                         key="pts_pair_partner_kind")
        cols = st.columns(2)
        target = cols[0].text_input("结对社区/乡镇", key="pts_pair_target", placeholder="如：老街社区")
        target_kind = cols[1].selectbox("对象类型", list(TARGET_KINDS), format_func=TARGET_KINDS.get,
                                        key="pts_pair_target_kind")
        cols = st.columns(2)
        district = district_picker("区县", key="pts_pair_district", container=cols[0])
        start = cols[1].date_input("开始日期", value=clock.local_today(), key="pts_pair_start")
        resources = st.multiselect("送到基层的资源", list(PAIRING_RESOURCES), format_func=PAIRING_RESOURCES.get,
                                   key="pts_pair_resources")
        note = st.text_input("备注", key="pts_pair_note")
        if st.form_submit_button("保存结对", key="pts_pair_submit"):
            with domain_errors("未能保存："):
                created = create_pairing(pairing_input(
                    partner_name=partner, partner_kind=partner_kind, target_name=target, target_kind=target_kind,
                    district=district, start_date=start, resources=join_list(resources), note=note,
                ), session=session)
                flash_and_rerun(FLASH, f"已保存结对：{created.partner_name} ↔ {created.target_name}。")


def render(*, session: Session) -> None:
    _form(session)
    rows = views.pairings_table(session=session)
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", key="pts_pairs_table")
    else:
        st.info("还没有结对子。")
