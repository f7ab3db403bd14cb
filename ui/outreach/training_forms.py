"""师资培训 page sections for the schedule: the new-batch form and the 课程安排 tab.

Every change goes through ``curriculum.outreach.training``; a refusal is shown
in Chinese (``domain_errors``) and saves nothing.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlmodel import Session

from curriculum import clock
from curriculum.outreach import training
from curriculum.outreach.training import BatchSummary
from curriculum.outreach.training_views import sessions_frame
from curriculum.vocab import COHORTS, SPEAKER_KINDS, TRAINING_MODES
from ui.state import text_titles
from ui.widgets import domain_errors, texts_picker


def render_new_batch(*, session: Session) -> None:
    """The 新建培训批次 form; a created batch becomes the selected one (``trn_batch``)."""
    with st.form("trn_batch_form"):
        name = st.text_input("培训名称", key="trn_batch_name", placeholder="如：2026年第三期教师经典诵读培训班")
        cohort = st.selectbox("培训对象", list(COHORTS), format_func=COHORTS.get, key="trn_batch_cohort")
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
            value=training.DEFAULT_COMPLETION_PERCENT,
            key="trn_batch_percent",
        )
        if st.form_submit_button("创建培训批次", key="trn_batch_submit"):
            with domain_errors("未能创建："):
                data = training.batch_input(
                    name=name,
                    cohort=cohort,
                    start_date=start,
                    end_date=end,
                    organiser=organiser,
                    location=location,
                    planned_participants=int(planned),
                    completion_percent=int(percent),
                )
                created = training.create_batch(data, session=session)
                # The picker below is drawn later in this run, so it can still be pointed at the new batch.
                st.session_state["trn_batch"] = created.id
                st.success(f"已创建“{created.name}”。")


def _session_form(batch: BatchSummary, *, session: Session) -> None:
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
            ["", *SPEAKER_KINDS],
            format_func=lambda k: SPEAKER_KINDS.get(k, "未指定"),
            key="trn_session_kind",
        )
        affiliation = cols[2].text_input("主讲人单位", key="trn_session_affiliation")
        mode = st.radio(
            "授课方式", list(TRAINING_MODES), format_func=TRAINING_MODES.get, horizontal=True, key="trn_session_mode"
        )
        texts = texts_picker("经典篇目（可选）", key="trn_session_texts")
        if st.form_submit_button("添加课次", key="trn_session_submit"):
            with domain_errors("未能添加课次："):
                data = training.session_input(
                    batch_id=batch.id,
                    date=day,
                    start_time=start_time,
                    end_time=end_time,
                    topic=topic,
                    speaker_name=speaker,
                    speaker_kind=kind,
                    speaker_affiliation=affiliation,
                    mode=mode,
                    texts=texts,
                )
                added = training.create_session(data, session=session)
                st.success(f"已添加课次：{training.session_label(added)}")


def render_sessions(batch: BatchSummary, *, session: Session) -> None:
    """The 课程安排 tab: add a session, then the batch's sessions in order."""
    _session_form(batch, session=session)
    sessions = training.list_sessions(batch.id, session=session)
    if sessions:
        st.dataframe(sessions_frame(sessions, text_titles()), hide_index=True, width="stretch")
    else:
        st.info("本期还没有课次。")
