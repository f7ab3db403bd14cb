"""校历 — a school's terms, official holidays and 调休, its own closures and make-up days, a month view.

Thin page over ``curriculum.calendar_store`` (storage and validation),
``curriculum.schoolcal`` (the term calendar and its table rows) and
``curriculum.charts.calendar`` (the month grid). Invalid changes come back as
``CalendarError`` with a Chinese message, shown with ``st.error``; nothing is
saved in that case.
"""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum import calendar_store as store
from curriculum import clock
from curriculum.charts.calendar import build_month_figure, month_frame, term_months
from curriculum.schoolcal import (
    CalendarError,
    default_term_dates,
    festival_rows,
    makeup_rows,
    skipped_rows,
    summary,
)
from curriculum.vocab import WEEKDAY_LABELS
from ui.state import get_catalog, get_engine

st.title("校历")
st.caption(
    "上课日 = 周一至周五，去掉国务院公布的法定节假日与调休放假，加上调休上班日；"
    "再按学校自己的停课（考试、运动会等）和补课调整。官方调休上班日按它所替换的放假日的星期课表上课。"
)

catalog, _catalog_errors = get_catalog()
titles = {t.id: t.title for t in catalog.texts} if catalog else {}

with Session(get_engine()) as session:
    # --- school -------------------------------------------------------------------
    with st.expander("新建学校", expanded=False):
        with st.form("cal_school_form"):
            school_name = st.text_input("学校名称", key="cal_school_name", placeholder="如：漯河市实验小学")
            district = st.text_input("所在区县（可选）", key="cal_school_district")
            if st.form_submit_button("创建学校", key="cal_school_submit"):
                try:
                    school = store.create_school(school_name, district, session=session)
                except CalendarError as err:
                    st.error(f"未能创建学校：{err}")
                else:
                    st.session_state["cal_school"] = school.id
                    st.success(f"已创建“{school.name}”。")

    schools = store.list_schools(session=session)
    if not schools:
        st.info("还没有学校。请在上方“新建学校”，或载入演示学校。")
        if st.button("载入演示学校（漯河市第二实验小学）", key="cal_seed_demo"):
            try:
                store.seed_demo(session=session)
            except CalendarError as err:
                st.error(f"未能载入演示学校：{err}")
            else:
                st.rerun()
        st.stop()

    school_names = {s.id: s.name for s in schools}
    if st.session_state.get("cal_school") not in school_names:
        st.session_state["cal_school"] = schools[0].id
    school_id = st.selectbox("学校", list(school_names), format_func=school_names.get, key="cal_school")

    # --- term ---------------------------------------------------------------------
    with st.expander("新建学期", expanded=False):
        # The current term, or the next one during a break; the school types over it.
        suggested = default_term_dates(clock.local_today())
        with st.form("cal_term_form"):
            term_name = st.text_input("学期名称", value=suggested.name, key="cal_term_name")
            cols = st.columns(2)
            term_start = cols[0].date_input("开学日期", value=suggested.start, key="cal_term_start")
            term_end = cols[1].date_input("学期结束日期", value=suggested.end, key="cal_term_end")
            if st.form_submit_button("创建学期", key="cal_term_submit"):
                try:
                    term = store.create_term(school_id, term_name, term_start, term_end, session=session)
                except CalendarError as err:
                    st.error(f"未能创建学期：{err}")
                else:
                    st.session_state["cal_term"] = term.id
                    st.success(f"已创建“{term.name}”。")

    terms = store.list_terms(school_id, session=session)
    if not terms:
        st.info("这所学校还没有学期，请在上方“新建学期”。")
        st.stop()
    term_by_id = {t.id: t for t in terms}
    if st.session_state.get("cal_term") not in term_by_id:
        st.session_state["cal_term"] = terms[0].id
    term_id = st.selectbox(
        "学期",
        list(term_by_id),
        format_func=lambda i: f"{term_by_id[i].name}（{term_by_id[i].start} 至 {term_by_id[i].end}）",
        key="cal_term",
    )
    term = term_by_id[term_id]

    # --- the school's own changes (before the calendar, so a change shows at once) -------
    with st.expander("学校停课与补课", expanded=True):
        add_closure_col, add_makeup_col = st.columns(2)
        with add_closure_col:
            with st.form("cal_closure_form"):
                st.markdown("**添加停课**（考试、运动会等）")
                cols = st.columns(2)
                closure_start = cols[0].date_input("开始", value=term.start, key="cal_closure_start")
                closure_end = cols[1].date_input("结束", value=term.start, key="cal_closure_end")
                closure_reason = st.text_input("原因", key="cal_closure_reason", placeholder="如：期中考试")
                if st.form_submit_button("添加停课", key="cal_closure_submit"):
                    try:
                        store.add_closure(term_id, closure_start, closure_end, closure_reason, session=session)
                    except CalendarError as err:
                        st.error(f"未能添加停课：{err}")
                    else:
                        st.success("已添加停课。")
        with add_makeup_col:
            with st.form("cal_makeup_form"):
                st.markdown("**添加补课日**（通常是周六）")
                cols = st.columns(2)
                makeup_day = cols[0].date_input("日期", value=term.start, key="cal_makeup_date")
                timetable = cols[1].selectbox(
                    "按哪天的课表", list(range(5)), format_func=lambda i: WEEKDAY_LABELS[i], key="cal_makeup_timetable"
                )
                makeup_reason = st.text_input("说明", key="cal_makeup_reason", placeholder="如：运动会补课")
                if st.form_submit_button("添加补课日", key="cal_makeup_submit"):
                    try:
                        store.add_makeup_day(term_id, makeup_day, timetable, makeup_reason, session=session)
                    except CalendarError as err:
                        st.error(f"未能添加补课日：{err}")
                    else:
                        st.success("已添加补课日。")

        adjustments = store.list_adjustments(term_id, session=session)
        if not adjustments:
            st.caption("本学期还没有学校自己的停课或补课。")
        for row in adjustments:
            line, button = st.columns([5, 1])
            line.write(store.describe_adjustment(row))
            if button.button("删除", key=f"cal_delete_{row.id}"):
                try:
                    store.delete_adjustment(row.id, session=session)
                except CalendarError as err:
                    st.error(f"未能删除：{err}")
                else:
                    st.rerun()

    # --- the term calendar -------------------------------------------------------------
    try:
        cal = store.term_calendar(term_id, session=session)
    except CalendarError as err:
        st.error(f"无法计算校历：{err}")
        st.stop()

for note in cal.notes:
    st.info(note)

counts = summary(cal)
for col, (label, value) in zip(st.columns(len(counts)), counts.items()):
    col.metric(label, value)

tab_month, tab_holidays, tab_makeup, tab_closures, tab_festivals = st.tabs(
    ["月历", "节假日", "调休与补课", "学校停课", "节日诵读"]
)
with tab_month:
    months = term_months(cal)
    month = st.selectbox("月份", months, format_func=lambda ym: f"{ym[0]} 年 {ym[1]} 月", key="cal_month")
    st.plotly_chart(
        build_month_figure(month_frame(cal, *month), title=f"{month[0]} 年 {month[1]} 月"),
        key="cal_month_chart",
        config={"displayModeBar": False},
    )
with tab_holidays:
    rows = skipped_rows(cal, closures=False)
    if rows:
        st.dataframe(rows, hide_index=True, key="cal_holidays_table")
    else:
        st.caption("本学期的工作日没有放假。")
with tab_makeup:
    rows = makeup_rows(cal)
    if rows:
        st.dataframe(rows, hide_index=True, key="cal_makeup_table")
    else:
        st.caption("本学期没有调休上班日或补课日。")
with tab_closures:
    rows = skipped_rows(cal, closures=True)
    if rows:
        st.dataframe(rows, hide_index=True, key="cal_closures_table")
    else:
        st.caption("本学期没有学校停课。")
with tab_festivals:
    rows = festival_rows(cal, titles)
    if rows:
        st.dataframe(rows, hide_index=True, key="cal_festivals_table")
    else:
        st.caption("本学期没有节日。")
