"""The 出勤 panel of one occurrence: the recorded counts by role and the form to record or correct them."""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum.community.attendance import record_attendance
from curriculum.vocab import ATTENDANCE_ROLES
from ui.events import FLASH
from ui.widgets import domain_errors, flash_and_rerun


def render(detail: dict, *, session: Session) -> None:
    record = detail["attendance"]
    if record is not None:
        st.markdown(f"**已记录出勤：共 {record.total} 人，{record.duration_minutes} 分钟**")
    with st.form("evt_att_form"):
        cols = st.columns(len(ATTENDANCE_ROLES))
        counts = {
            role: cols[i].number_input(label, min_value=0, step=1, key=f"evt_att_{role}")
            for i, (role, label) in enumerate(ATTENDANCE_ROLES.items())
        }
        minutes = st.number_input("实际时长（分钟）", min_value=1, step=5, key="evt_att_minutes")
        if st.form_submit_button("保存出勤", key="evt_att_submit"):
            with domain_errors("未能保存："):
                saved = record_attendance(detail["occurrence_id"], {k: int(v) for k, v in counts.items()},
                                          int(minutes), session=session)
                flash_and_rerun(FLASH, f"已记录出勤：共 {saved.total} 人，{saved.duration_minutes} 分钟。")
