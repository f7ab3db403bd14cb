"""校历 page: the school's own closures and make-up days for the chosen term (add, list, delete)."""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum.models.calendar import Term
from curriculum.schoolcal import store
from curriculum.schoolcal.views import describe_adjustment
from curriculum.vocab import WEEKDAY_LABELS
from ui.widgets import domain_errors


def _closure_form(session: Session, term: Term) -> None:
    with st.form("cal_closure_form"):
        st.markdown("**添加停课**（考试、运动会等）")
        cols = st.columns(2)
        closure_start = cols[0].date_input("开始", value=term.start, key="cal_closure_start")
        closure_end = cols[1].date_input("结束", value=term.start, key="cal_closure_end")
        closure_reason = st.text_input("原因", key="cal_closure_reason", placeholder="如：期中考试")
        if st.form_submit_button("添加停课", key="cal_closure_submit"):
            with domain_errors("未能添加停课："):
                data = store.closure_input(term_id=term.id, start=closure_start, end=closure_end, reason=closure_reason)
                store.create_closure(data, session=session)
                st.success("已添加停课。")


def _makeup_form(session: Session, term: Term) -> None:
    with st.form("cal_makeup_form"):
        st.markdown("**添加补课日**（通常是周六）")
        cols = st.columns(2)
        makeup_day = cols[0].date_input("日期", value=term.start, key="cal_makeup_date")
        timetable = cols[1].selectbox(
            "按哪天的课表", list(range(5)), format_func=lambda i: WEEKDAY_LABELS[i], key="cal_makeup_timetable"
        )
        makeup_reason = st.text_input("说明", key="cal_makeup_reason", placeholder="如：运动会补课")
        if st.form_submit_button("添加补课日", key="cal_makeup_submit"):
            with domain_errors("未能添加补课日："):
                data = store.makeup_day_input(term_id=term.id, day=makeup_day, timetable_weekday=timetable,
                                              reason=makeup_reason)
                store.create_makeup_day(data, session=session)
                st.success("已添加补课日。")


def render(session: Session, term: Term) -> None:
    """Shown before the calendar, so a change appears in it at once."""
    with st.expander("学校停课与补课", expanded=True):
        add_closure_col, add_makeup_col = st.columns(2)
        with add_closure_col:
            _closure_form(session, term)
        with add_makeup_col:
            _makeup_form(session, term)

        adjustments = store.list_adjustments(term.id, session=session)
        if not adjustments:
            st.caption("本学期还没有学校自己的停课或补课。")
        for row in adjustments:
            line, button = st.columns([5, 1])
            line.write(describe_adjustment(row))
            if button.button("删除", key=f"cal_delete_{row.id}"):
                with domain_errors("未能删除："):
                    store.delete_adjustment(row.id, session=session)
                    st.rerun()
