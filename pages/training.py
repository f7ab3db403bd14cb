"""师资培训 — training batches by audience, sessions with invited speakers, enrolment, attendance, completion.

Thin page over ``curriculum.outreach`` (``training``, ``trainees``,
``attendance``, ``training_views``); the forms and tabs are in
``ui.outreach.training_forms`` and ``ui.outreach.trainee_tabs``. Every change
goes through a domain function, which refuses invalid input with a Chinese
message and saves nothing in that case.
"""

from __future__ import annotations

import streamlit as st

from curriculum.outreach import training
from curriculum.outreach.training_views import batch_caption, batch_label, batches_frame
from curriculum.vocab import COHORTS
from ui.outreach.trainee_tabs import render_attendance, render_completion, render_trainees
from ui.outreach.training_forms import render_new_batch, render_sessions
from ui.state import db_session
from ui.widgets import keep_valid

st.title("师资培训")
st.caption(
    "对党政机关干部、企事业理论骨干、中小学校长、幼儿园园长和教师分期分批培训，"
    "邀请省内外文化名家、有实践经验的校长或教师授课交流（六个融合 · 与师资队伍建设融合）。"
)

with db_session() as session:
    # Created before the list is read, so the new batch shows (and is selected) at once.
    with st.expander("新建培训批次", expanded=False):
        render_new_batch(session=session)

    st.subheader("培训批次")
    cohort_filter = st.selectbox(
        "按培训对象筛选", ["", *COHORTS], format_func=lambda k: COHORTS.get(k, "全部"), key="trn_cohort_filter"
    )
    batches = training.list_batches(session=session, cohort=cohort_filter or None)
    if not batches:
        st.info("还没有培训批次，请先在上方“新建培训批次”。")
        st.stop()
    st.dataframe(batches_frame(batches), hide_index=True, width="stretch")

    by_id = {b.id: b for b in batches}
    keep_valid("trn_batch", list(by_id))
    batch_id = st.selectbox("选择培训批次", list(by_id), format_func=lambda i: batch_label(by_id[i]), key="trn_batch")
    batch = by_id[batch_id]
    st.caption(batch_caption(batch))

    tab_sessions, tab_trainees, tab_attendance, tab_completion = st.tabs(["课程安排", "学员报名", "考勤", "结业情况"])
    with tab_sessions:
        render_sessions(batch, session=session)
    with tab_trainees:
        render_trainees(batch, session=session)
    with tab_attendance:
        render_attendance(batch.id, session=session)
    with tab_completion:
        render_completion(batch.id, session=session)
