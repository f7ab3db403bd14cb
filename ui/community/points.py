"""The 诵读点 tab: create a reading point (open the same hours on the chosen days) and list them."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlmodel import Session

from curriculum.community import views
from curriculum.community.points import create_point, dump_hours, point_input, simple_hours
from curriculum.vocab import VENUE_TYPES, WEEKDAY_LABELS
from ui.community import FLASH
from ui.widgets import district_picker, domain_errors, flash_and_rerun

WEEKDAYS = list(range(7))


def _form(session: Session) -> None:
    with st.form("pts_point_form"):
        st.markdown("**新建诵读点**")
        name = st.text_input("名称", key="pts_point_name", placeholder="如：老街社区新时代文明实践站")
        cols = st.columns(3)
        district = district_picker("区县", key="pts_point_district", container=cols[0])
        township = cols[1].text_input("乡镇/街道", key="pts_point_township")
        community = cols[2].text_input("社区/村", key="pts_point_community")
        cols = st.columns(2)
        venue = cols[0].selectbox("场所类型", list(VENUE_TYPES), format_func=VENUE_TYPES.get, key="pts_point_venue")
        capacity = cols[1].number_input("容纳人数", min_value=0, step=5, value=30, key="pts_point_capacity")
        days = st.multiselect("开放日", WEEKDAYS, default=WEEKDAYS, format_func=WEEKDAY_LABELS.__getitem__,
                              key="pts_point_days")
        cols = st.columns(2)
        opens = cols[0].time_input("开放时间", value=dt.time(8, 0), key="pts_point_open")
        closes = cols[1].time_input("关闭时间", value=dt.time(18, 0), key="pts_point_close")
        contact = st.text_input("联系人/联系方式", key="pts_point_contact")
        if st.form_submit_button("保存诵读点", key="pts_point_submit"):
            with domain_errors("未能保存："):
                hours = dump_hours(simple_hours(days, opens, closes)) if days else "{}"
                created = create_point(point_input(
                    name=name, district=district, township=township, community=community, venue_type=venue,
                    capacity=int(capacity), opening_hours=hours, contact=contact,
                ), session=session)
                flash_and_rerun(FLASH, f"已保存诵读点“{created.name}”。")


def render(*, session: Session) -> None:
    _form(session)
    rows = views.points_table(session=session)
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch", key="pts_points_table")
    else:
        st.info("还没有诵读点，请用上面的表单新建。")
