"""师资培训 — training batches by audience, sessions with invited speakers, enrolment, attendance, completion.

Thin page over ``curriculum.outreach.training``: every change goes through a
domain function, which refuses invalid input with a Chinese message (shown
with ``st.error``) and saves nothing in that case.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlmodel import Session

from curriculum import clock
from curriculum.charts.outreach import build_training_completion_figure
from curriculum.models.outreach import TraineeCreate, TrainingBatchCreate, TrainingSessionCreate
from curriculum.outreach import OutreachError
from curriculum.outreach import training as tr
from curriculum.textlists import split_list
from ui.state import get_catalog, get_engine

st.title("师资培训")
st.caption(
    "对党政机关干部、企事业理论骨干、中小学校长、幼儿园园长和教师分期分批培训，"
    "邀请省内外文化名家、有实践经验的校长或教师授课交流（六个融合 · 与师资队伍建设融合）。"
)

catalog, _catalog_errors = get_catalog()
text_titles = {t.id: t.title for t in catalog.texts} if catalog else {}


def _texts_input(key: str) -> list[str]:
    """Catalog texts for a session: a picker when the catalog loads, else ids typed by hand."""
    if text_titles:
        return st.multiselect("经典篇目（可选）", list(text_titles), format_func=text_titles.get, key=key)
    typed = st.text_input("经典篇目编号（可选，用逗号分隔）", key=key)
    return split_list(typed)


with Session(get_engine()) as session:
    # --- create a batch (before the list, so the new batch shows at once) ---
    with st.expander("新建培训批次", expanded=False):
        with st.form("trn_batch_form"):
            name = st.text_input("培训名称", key="trn_batch_name", placeholder="如：2026年第三期教师经典诵读培训班")
            cohort = st.selectbox("培训对象", list(tr.COHORTS), format_func=tr.COHORTS.get, key="trn_batch_cohort")
            cols = st.columns(2)
            start = cols[0].date_input("开始日期", value=clock.local_today(), key="trn_batch_start")
            end = cols[1].date_input("结束日期", value=clock.local_today(), key="trn_batch_end")
            cols = st.columns(2)
            organiser = cols[0].text_input("主办单位", key="trn_batch_organiser")
            location = cols[1].text_input("地点", key="trn_batch_location")
            cols = st.columns(2)
            planned = cols[0].number_input("计划人数", min_value=0, step=1, value=40, key="trn_batch_planned")
            percent = cols[1].number_input(
                "结业要求：出勤比例（%）",
                min_value=1,
                max_value=100,
                step=5,
                value=tr.DEFAULT_COMPLETION_PERCENT,
                key="trn_batch_percent",
            )
            if st.form_submit_button("创建培训批次", key="trn_batch_submit"):
                try:
                    created = tr.create_batch(
                        TrainingBatchCreate(
                            name=name,
                            cohort=cohort,
                            start_date=start,
                            end_date=end,
                            organiser=organiser,
                            location=location,
                            planned_participants=int(planned),
                            completion_percent=int(percent),
                        ),
                        session=session,
                    )
                except OutreachError as err:
                    st.error(f"未能创建：{err}")
                else:
                    st.session_state["trn_batch"] = created.id
                    st.success(f"已创建“{created.name}”。")

    # --- batch list ---
    st.subheader("培训批次")
    cohort_filter = st.selectbox(
        "按培训对象筛选",
        ["", *tr.COHORTS],
        format_func=lambda k: tr.COHORTS.get(k, "全部"),
        key="trn_cohort_filter",
    )
    batches = tr.list_batches(session=session, cohort=cohort_filter or None)
    if not batches:
        st.info("还没有培训批次，请先在上方“新建培训批次”。")
        st.stop()
    st.dataframe(tr.batches_frame(batches), hide_index=True, width="stretch")

    by_id = {b.id: b for b in batches}
    if st.session_state.get("trn_batch") not in by_id:
        st.session_state["trn_batch"] = batches[0].id
    batch_id = st.selectbox(
        "选择培训批次",
        list(by_id),
        format_func=lambda i: f"{by_id[i].name}（{by_id[i].cohort_label}）",
        key="trn_batch",
    )
    batch = by_id[batch_id]
    st.caption(
        f"{batch.start_date} 至 {batch.end_date} · {batch.location or '地点未填'} · "
        f"出勤达到 {batch.completion_percent}% 的课次即可结业"
    )

    tab_sessions, tab_trainees, tab_attendance, tab_completion = st.tabs(["课程安排", "学员报名", "考勤", "结业情况"])

    with tab_sessions:
        with st.form("trn_session_form"):
            st.markdown("**添加课次**")
            cols = st.columns(3)
            day = cols[0].date_input("上课日期", value=batch.start_date, key="trn_session_date")
            start_time = cols[1].time_input("开始时间", value=dt.time(9, 0), key="trn_session_start")
            end_time = cols[2].time_input("结束时间", value=dt.time(11, 0), key="trn_session_end")
            topic = st.text_input("课程主题", key="trn_session_topic", placeholder="如：《论语》导读")
            cols = st.columns(3)
            speaker = cols[0].text_input("主讲人", key="trn_session_speaker")
            kind = cols[1].selectbox(
                "主讲人类别",
                ["", *tr.SPEAKER_KINDS],
                format_func=lambda k: tr.SPEAKER_KINDS.get(k, "未指定"),
                key="trn_session_kind",
            )
            affiliation = cols[2].text_input("主讲人单位", key="trn_session_affiliation")
            mode = st.radio("授课方式", list(tr.MODES), format_func=tr.MODES.get, horizontal=True, key="trn_session_mode")
            texts = _texts_input("trn_session_texts")
            if st.form_submit_button("添加课次", key="trn_session_submit"):
                try:
                    added = tr.add_session(
                        TrainingSessionCreate(
                            batch_id=batch_id,
                            date=day,
                            start_time=start_time,
                            end_time=end_time,
                            topic=topic,
                            speaker_name=speaker,
                            speaker_kind=kind,
                            speaker_affiliation=affiliation,
                            mode=mode,
                            texts=texts,
                        ),
                        session=session,
                    )
                except OutreachError as err:
                    st.error(f"未能添加课次：{err}")
                else:
                    st.success(f"已添加课次：{tr.session_label(added)}")
        sessions = tr.list_sessions(batch_id, session=session)
        if sessions:
            st.dataframe(tr.sessions_frame(sessions, text_titles), hide_index=True, width="stretch")
        else:
            st.info("本期还没有课次。")

    with tab_trainees:
        cols = st.columns(2)
        with cols[0].form("trn_trainee_form", clear_on_submit=True):
            st.markdown("**新学员并报名本期**")
            trainee_name = st.text_input("姓名", key="trn_trainee_name")
            trainee_org = st.text_input("单位", key="trn_trainee_org")
            trainee_phone = st.text_input("手机（可选，只显示部分号码）", key="trn_trainee_phone")
            if st.form_submit_button("添加并报名", key="trn_trainee_submit"):
                try:
                    new = tr.create_and_enrol(
                        TraineeCreate(name=trainee_name, organisation=trainee_org, phone=trainee_phone or None),
                        batch_id,
                        session=session,
                    )
                except OutreachError as err:
                    st.error(f"未能添加：{err}")
                else:
                    st.success(f"“{new.name}”已报名本期培训。")
        enrolled = tr.list_enrolled(batch_id, session=session)
        others = {t.id: t for t in tr.list_unenrolled(batch_id, session=session)}
        with cols[1].form("trn_enrol_form"):
            st.markdown("**已有学员报名本期**")
            chosen = st.multiselect(
                "选择学员",
                list(others),
                format_func=lambda i: f"{others[i].name}（{others[i].organisation}）",
                key="trn_enrol_existing",
            )
            if st.form_submit_button("报名", key="trn_enrol_submit"):
                try:
                    added = tr.enrol_many(batch_id, chosen, session=session)
                except OutreachError as err:
                    st.error(f"未能报名（本次没有报名任何人）：{err}")
                else:
                    if added:
                        st.success(f"已报名 {len(added)} 人。")
                enrolled = tr.list_enrolled(batch_id, session=session)
        st.markdown(f"**本期学员（{len(enrolled)} 人，计划 {batch.planned_participants} 人）**")
        st.dataframe(tr.trainees_frame(enrolled), hide_index=True, width="stretch")

    with tab_attendance:
        sessions = tr.list_sessions(batch_id, session=session)
        if not sessions:
            st.info("请先在“课程安排”中添加课次。")
        else:
            labels = {s.id: tr.session_label(s) for s in sessions}
            session_id = st.selectbox("课次", list(labels), format_func=labels.get, key="trn_att_session")
            sheet = tr.attendance_sheet(session_id, session=session)
            if not sheet:
                st.info("本期还没有学员报名。")
            else:
                if any(line.present is None for line in sheet):
                    st.caption("本课次尚未记录考勤：勾选到课的学员后保存。")
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
                        try:
                            count = tr.record_attendance(
                                session_id, [i for i, on in marks.items() if on], session=session
                            )
                        except OutreachError as err:
                            st.error(f"未能保存考勤：{err}")
                        else:
                            st.success(f"已保存：到课 {count} 人，缺课 {len(marks) - count} 人。")

    with tab_completion:
        report = tr.completion_report(batch_id, session=session)
        if not report:
            st.info("本期还没有学员报名。")
        else:
            done = sum(r.completed for r in report)
            cols = st.columns(3)
            cols[0].metric("报名", len(report))
            cols[1].metric("结业", done)
            cols[2].metric("课次", report[0].total)
            st.dataframe(tr.completion_display_frame(report), hide_index=True, width="stretch")
            st.plotly_chart(build_training_completion_figure(tr.completion_frame(report)), key="trn_completion_chart")
