"""The 出勤 panel of one occurrence: check-in from the sign-up list, or the counts by role typed in.

Adults who signed up are ticked off by name; pupils come with their class and
are counted at the door, so they are one head count. The typed form stays for
walk-ins and for correcting a record.
"""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum.community.attendance import adult_signups, attendance_input, counts_from_checkin, record_attendance
from curriculum.vocab import ATTENDANCE_ROLES
from ui.events import FLASH
from ui.widgets import domain_errors, flash_and_rerun


def _save(occurrence_id: int, counts: dict[str, int], minutes: int, session: Session) -> None:
    with domain_errors("未能保存："):
        data = attendance_input(occurrence_id=occurrence_id, counts=counts, duration_minutes=minutes)
        saved = record_attendance(data, session=session)
        flash_and_rerun(FLASH, f"已记录出勤：共 {saved.total} 人，{saved.duration_minutes} 分钟。")


def _checkin_form(detail: dict, session: Session) -> None:
    adults = adult_signups(detail["confirmed"])
    with st.form("evt_checkin_form"):
        st.markdown("**按报名名单签到**：勾选到场的成人，学生按人数填写")
        present = [signup_id for signup_id, name, role in adults
                   if st.checkbox(f"{name}（{ATTENDANCE_ROLES.get(role, role)}）", key=f"evt_checkin_{signup_id}")]
        if not adults:
            st.caption("本场没有成人报名，只需填写学生人数。")
        pupils = st.number_input("到场学生人数", min_value=0, step=1, key="evt_checkin_pupils")
        if st.form_submit_button("按签到保存出勤", key="evt_checkin_submit"):
            with domain_errors("未能保存："):
                counts = counts_from_checkin(detail["confirmed"], present, int(pupils))
                _save(detail["occurrence_id"], counts, detail["duration_minutes"], session)


def render(detail: dict, *, session: Session) -> None:
    record = detail["attendance"]
    if record is not None:
        st.markdown(f"**已记录出勤：共 {record.total} 人，{record.duration_minutes} 分钟**")
    _checkin_form(detail, session)
    with st.form("evt_att_form"):
        st.markdown("**按人数填写或更正**（含未报名到场的人）")
        cols = st.columns(len(ATTENDANCE_ROLES))
        counts = {
            role: cols[i].number_input(label, min_value=0, step=1, key=f"evt_att_{role}")
            for i, (role, label) in enumerate(ATTENDANCE_ROLES.items())
        }
        minutes = st.number_input("实际时长（分钟）", min_value=1, step=5, key="evt_att_minutes")
        if st.form_submit_button("保存出勤", key="evt_att_submit"):
            _save(detail["occurrence_id"], {k: int(v) for k, v in counts.items()}, int(minutes), session)
