"""The 志愿岗位 panel of one occurrence: shifts and who is on them, assigning people, served, a new shift.

Every change here alters the 48-hour reminder count, so it clears the
sidebar's cached number before rerunning.
"""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum.community import views
from curriculum.community.events import shifts as sh
from curriculum.community.events.shifts import ShiftView
from ui.events import FLASH
from ui.state import clear_reminders
from ui.widgets import domain_errors, flash_and_rerun


def _saved(message: str) -> None:
    clear_reminders()
    flash_and_rerun(FLASH, message)


def _assign_form(shifts: list[ShiftView], person_names: dict[int, str], session: Session) -> None:
    by_id = {s.id: s for s in shifts}
    labels = {s.id: f"{s.task} {s.start:%H:%M}" for s in shifts}
    with st.form("evt_assign_form"):
        cols = st.columns(2)
        shift_id = cols[0].selectbox("岗位", list(by_id), format_func=lambda i: labels.get(i, f"#{i}"),
                                     key="evt_assign_shift")
        person_id = cols[1].selectbox("人员", list(person_names), format_func=person_names.get,
                                      key="evt_assign_person")
        cols = st.columns(2)
        backup = cols[0].checkbox("作为候补", key="evt_assign_backup")
        override = cols[1].checkbox("仍然保存（忽略提醒事项）", key="evt_assign_override")
        if st.form_submit_button("安排到岗位", key="evt_assign_submit"):
            with domain_errors("未能安排："):
                sh.assign_person(shift_id, person_id, backup=backup, override=override, session=session)
                _saved(f"已安排{person_names[person_id]}{'作为候补' if backup else ''}担任{by_id[shift_id].task}。")


def _served(shifts: list[ShiftView], session: Session) -> None:
    on_site = {a.id: f"{s.task}：{a.name}" for s in shifts for a in s.assigned}
    if not on_site:
        return
    cols = st.columns([3, 1])
    served_id = cols[0].selectbox("登记实际到岗", list(on_site), format_func=lambda i: on_site.get(i, f"#{i}"),
                                  key="evt_served_pick")
    if cols[1].button("已到岗", key="evt_served_submit"):
        with domain_errors("未能登记："):
            sh.mark_served(served_id, session=session)
            _saved(f"已登记到岗：{on_site[served_id]}。")


def _new_shift_form(occ_id: int, session: Session) -> None:
    with st.form("evt_shift_form"):
        cols = st.columns(2)
        task = cols[0].text_input("新增岗位", key="evt_shift_task", placeholder="如：摄影、签到引导")
        needed = cols[1].number_input("需要人数", min_value=1, value=1, step=1, key="evt_shift_needed")
        if st.form_submit_button("新增岗位", key="evt_shift_submit"):
            with domain_errors("未能新增："):
                sh.create_shift(sh.shift_input(occurrence_id=occ_id, task=task, needed=int(needed)), session=session)
                _saved(f"已新增岗位“{task}”。")


def render(detail: dict, person_names: dict[int, str], *, session: Session) -> None:
    shifts = detail["shifts"]
    if not shifts:
        st.info("本场还没有志愿岗位。")
    for shift in shifts:
        st.markdown(views.shift_line(shift))
    if shifts and person_names:
        _assign_form(shifts, person_names, session)
        _served(shifts, session)
    _new_shift_form(detail["occurrence_id"], session)
