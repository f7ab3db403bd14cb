"""校历 page: create and pick the school and the term (the page stops until both exist)."""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum import clock
from curriculum.demo import schools as demo_schools
from curriculum.models.calendar import Term
from curriculum.schoolcal import default_term_dates, store
from ui.widgets import district_picker, domain_errors, keep_valid


def _school_form(session: Session) -> None:
    with st.expander("新建学校", expanded=False):
        with st.form("cal_school_form"):
            school_name = st.text_input("学校名称", key="cal_school_name", placeholder="如：漯河市实验小学")
            district = district_picker("所在区县（可选）", key="cal_school_district")
            if st.form_submit_button("创建学校", key="cal_school_submit"):
                with domain_errors("未能创建学校："):
                    school = store.create_school(store.school_input(school_name, district), session=session)
                    st.session_state["cal_school"] = school.id
                    st.success(f"已创建“{school.name}”。")


def pick_school(session: Session) -> int:
    """The new-school form, then the school picker (or the demo button when there is no school yet)."""
    _school_form(session)
    schools = store.list_schools(session=session)
    if not schools:
        st.info("还没有学校。请在上方“新建学校”，或载入演示学校。")
        if st.button("载入演示学校（漯河市第二实验小学）", key="cal_seed_demo"):
            with domain_errors("未能载入演示学校："):
                demo_schools.seed(session=session)
                st.rerun()
        st.stop()
    school_names = {s.id: s.name for s in schools}
    keep_valid("cal_school", list(school_names))
    return st.selectbox("学校", list(school_names), format_func=school_names.get, key="cal_school")


def _term_form(session: Session, school_id: int) -> None:
    with st.expander("新建学期", expanded=False):
        # The current term, or the next one during a break; the school types over it.
        suggested = default_term_dates(clock.local_today())
        with st.form("cal_term_form"):
            term_name = st.text_input("学期名称", value=suggested.name, key="cal_term_name")
            cols = st.columns(2)
            term_start = cols[0].date_input("开学日期", value=suggested.start, key="cal_term_start")
            term_end = cols[1].date_input("学期结束日期", value=suggested.end, key="cal_term_end")
            if st.form_submit_button("创建学期", key="cal_term_submit"):
                with domain_errors("未能创建学期："):
                    data = store.term_input(school_id, term_name, term_start, term_end)
                    term = store.create_term(data, session=session)
                    st.session_state["cal_term"] = term.id
                    st.success(f"已创建“{term.name}”。")


def pick_term(session: Session, school_id: int) -> Term:
    """The new-term form, then the term picker (the page stops while the school has no term)."""
    _term_form(session, school_id)
    terms = store.list_terms(school_id, session=session)
    if not terms:
        st.info("这所学校还没有学期，请在上方“新建学期”。")
        st.stop()
    term_by_id = {t.id: t for t in terms}
    keep_valid("cal_term", list(term_by_id))
    term_id = st.selectbox(
        "学期",
        list(term_by_id),
        format_func=lambda i: f"{term_by_id[i].name}（{term_by_id[i].start} 至 {term_by_id[i].end}）",
        key="cal_term",
    )
    return term_by_id[term_id]
