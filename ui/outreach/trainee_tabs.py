"""师资培训 page tabs about people: 学员报名, 考勤 and 结业情况 of the selected batch.

Enrolling is all or nothing (``curriculum.outreach.trainees``); a refusal is
shown in Chinese (``domain_errors``) and saves nothing.
"""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum.charts.outreach import build_training_completion_figure
from curriculum.outreach import attendance, trainees, training
from curriculum.outreach.training import BatchSummary
from curriculum.outreach.training_views import (
    completion_display_frame,
    completion_frame,
    trainee_label,
    trainees_frame,
)
from ui.widgets import chart, domain_errors


def _new_trainee_form(batch_id: int, *, session: Session) -> None:
    with st.form("trn_trainee_form", clear_on_submit=True):
        st.markdown("**新学员并报名本期**")
        name = st.text_input("姓名", key="trn_trainee_name")
        organisation = st.text_input("单位", key="trn_trainee_org")
        phone = st.text_input("手机（可选，只显示部分号码）", key="trn_trainee_phone")
        if st.form_submit_button("添加并报名", key="trn_trainee_submit"):
            with domain_errors("未能添加："):
                data = trainees.trainee_input(name=name, organisation=organisation, phone=phone or None)
                new = trainees.create_and_enrol(data, batch_id, session=session)
                st.success(f"“{new.name}”已报名本期培训。")


def _enrol_form(batch_id: int, *, session: Session) -> None:
    others = {t.id: t for t in trainees.list_unenrolled(batch_id, session=session)}
    with st.form("trn_enrol_form"):
        st.markdown("**已有学员报名本期**")
        chosen = st.multiselect(
            "选择学员", list(others), format_func=lambda i: trainee_label(others[i]), key="trn_enrol_existing"
        )
        if st.form_submit_button("报名", key="trn_enrol_submit"):
            with domain_errors("未能报名（本次没有报名任何人）："):
                added = trainees.enrol_many(batch_id, chosen, session=session)
                if added:
                    st.success(f"已报名 {len(added)} 人。")


def render_trainees(batch: BatchSummary, *, session: Session) -> None:
    """The 学员报名 tab: a new trainee, existing trainees, then who is enrolled."""
    cols = st.columns(2)
    with cols[0]:
        _new_trainee_form(batch.id, session=session)
    with cols[1]:
        _enrol_form(batch.id, session=session)
    enrolled = trainees.list_enrolled(batch.id, session=session)
    st.markdown(f"**本期学员（{len(enrolled)} 人，计划 {batch.planned_participants} 人）**")
    st.dataframe(trainees_frame(enrolled), hide_index=True, width="stretch")


def _attendance_form(session_id: int, *, session: Session) -> None:
    sheet = attendance.attendance_sheet(session_id, session=session)
    if not sheet:
        st.info("本期还没有学员报名。")
        return
    if any(line.present is None for line in sheet):
        st.caption("本课次尚未记录考勤：勾选到课的学员后保存。")
    # Keys carry the session id, so switching sessions shows that session's marks, not the last ones ticked.
    with st.form(f"trn_att_form_{session_id}"):
        marks = {
            line.trainee_id: st.checkbox(
                f"{line.name}（{line.organisation}）",
                value=bool(line.present),
                key=f"trn_att_{session_id}_{line.trainee_id}",
            )
            for line in sheet
        }
        if st.form_submit_button("保存考勤", key="trn_att_submit"):
            with domain_errors("未能保存考勤："):
                present = [i for i, ticked in marks.items() if ticked]
                data = attendance.attendance_input(session_id=session_id, present_ids=present)
                count = attendance.record_attendance(data, session=session)
                st.success(f"已保存：到课 {count} 人，缺课 {len(marks) - count} 人。")


def render_attendance(batch_id: int, *, session: Session) -> None:
    """The 考勤 tab: pick a session, tick who came."""
    sessions = training.list_sessions(batch_id, session=session)
    if not sessions:
        st.info("请先在“课程安排”中添加课次。")
        return
    labels = {s.id: training.session_label(s) for s in sessions}
    session_id = st.selectbox("课次", list(labels), format_func=labels.get, key="trn_att_session")
    _attendance_form(session_id, session=session)


def render_completion(batch_id: int, *, session: Session) -> None:
    """The 结业情况 tab: counts, the report table and the attendance chart."""
    report = attendance.completion_report(batch_id, session=session)
    if not report:
        st.info("本期还没有学员报名。")
        return
    cols = st.columns(3)
    cols[0].metric("报名", len(report))
    cols[1].metric("结业", sum(r.completed for r in report))
    cols[2].metric("课次", report[0].total)
    st.dataframe(completion_display_frame(report), hide_index=True, width="stretch")
    chart(build_training_completion_figure(completion_frame(report)), key="trn_completion_chart")
