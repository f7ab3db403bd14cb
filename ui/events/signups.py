"""The 报名 panel of one occurrence: who signed up, the waitlist, a sign-up form and cancelling."""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum.community import views
from curriculum.community.events import signups
from curriculum.vocab import ATTENDANCE_ROLES
from ui.events import FLASH
from ui.widgets import domain_errors, flash_and_rerun


def _signup_form(occ_id: int, session: Session) -> None:
    with st.form("evt_signup_form"):
        cols = st.columns(3)
        name = cols[0].text_input("报名人姓名", key="evt_signup_name")
        phone = cols[1].text_input("手机号（选填，用于区分同名）", key="evt_signup_phone")
        role = cols[2].selectbox("身份", list(ATTENDANCE_ROLES), format_func=ATTENDANCE_ROLES.get,
                                 key="evt_signup_role")
        if st.form_submit_button("报名", key="evt_signup_submit"):
            with domain_errors("未能报名："):
                data = signups.sign_up_input(occurrence_id=occ_id, name=name, role=role, phone=phone or None)
                row = signups.sign_up(data, session=session)
                flash_and_rerun(FLASH, f"名额已满，“{row.name}”已加入候补名单。" if row.status == "waitlist"
                                else f"“{row.name}”报名成功。")


def _cancel(detail: dict, session: Session) -> None:
    everyone = {i: n for i, n, _ in detail["confirmed"] + detail["waitlist"]}
    if not everyone:
        return
    cols = st.columns([3, 1])
    cancel_id = cols[0].selectbox("取消报名", list(everyone), format_func=lambda i: everyone.get(i, f"#{i}"),
                                  key="evt_cancel_pick")
    if cols[1].button("取消报名", key="evt_cancel_submit"):
        with domain_errors("未能取消报名："):
            # Looked up on the module at call time: another leader may have removed the date meanwhile.
            promoted = signups.cancel_signup(cancel_id, session=session)
            flash_and_rerun(FLASH, f"已取消“{everyone[cancel_id]}”的报名。"
                            + (f"候补“{promoted.name}”已递补为正式报名。" if promoted else ""))


def render(detail: dict, *, session: Session) -> None:
    st.markdown(views.signup_summary(detail))
    if detail["confirmed"]:
        st.dataframe(views.confirmed_table(detail), hide_index=True, key="evt_confirmed_table")
    if detail["waitlist"]:
        st.markdown("**候补名单**（有人取消时按顺序递补）")
        st.dataframe(views.waitlist_table(detail), hide_index=True, key="evt_waitlist_table")
    _signup_form(detail["occurrence_id"], session)
    _cancel(detail, session)
