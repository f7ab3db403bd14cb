"""教学计划 page: create and pick the class, create and pick the plan (the page stops until both exist)."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlmodel import Session

from curriculum.catalog.schema import Catalog
from curriculum.demo import planner as demo_planner
from curriculum.models.plan import Plan, SchoolClass
from curriculum.planner import classes, plans
from curriculum.planner.spec import (
    DEFAULT_INTERVALS,
    DEFAULT_MINUTES,
    DEFAULT_PASS_THRESHOLD,
    default_text_ids,
    parse_intervals,
)
from curriculum.planner.views import class_caption, class_label
from curriculum.schoolcal import store as calendar_store
from curriculum.schoolcal.terms import stored_term_inputs
from curriculum.stages import STAGE_KEYS, STAGE_LABELS
from ui.widgets import domain_errors, flash_and_rerun, keep_valid

FRIDAY_CHECK = {4: "recitation_check"}


def _class_form(session: Session) -> None:
    schools = {s.id: s.name for s in calendar_store.list_schools(session=session)}
    with st.expander("新建班级", expanded=False):
        with st.form("plan_class_form"):
            cols = st.columns(3)
            name = cols[0].text_input("班级名称", key="plan_class_name", placeholder="如：一年级（2）班", max_chars=60)
            stage = cols[1].selectbox("学段", STAGE_KEYS, format_func=STAGE_LABELS.get, index=1, key="plan_class_stage")
            grade = cols[2].text_input("年级", key="plan_class_grade", placeholder="如：一年级", max_chars=30)
            cols = st.columns(3)
            size = cols[0].number_input("人数", min_value=1, max_value=200, value=45, key="plan_class_size")
            reading_time = cols[1].time_input("每日诵读时间", value=dt.time(7, 40), key="plan_class_time")
            pace = cols[2].number_input("诵读速度（字/分钟，0 = 按学段默认）", min_value=0, max_value=200, value=0,
                                        key="plan_class_pace")
            cols = st.columns(2)
            school_id = cols[0].selectbox("所属学校", list(schools), format_func=schools.get, index=None,
                                          placeholder="请选择学校", key="plan_class_school")
            new_school = cols[1].text_input("或新学校名称（列表中没有时填写）", key="plan_class_new_school",
                                            max_chars=120)
            if st.form_submit_button("创建班级", key="plan_class_submit"):
                with domain_errors("未能创建班级："):
                    school_id = classes.school_for_class(school_id, new_school, session=session)
                    data = classes.class_input(name=name, stage=stage, grade=grade, size=int(size),
                                               reading_time=reading_time, chars_per_minute=int(pace) or None,
                                               school_id=school_id)
                    klass = classes.create_class(data, session=session)
                    st.session_state["plan_class"] = klass.id
                    flash_and_rerun("plan", f"已创建班级“{klass.name}”。")


def pick_class(session: Session) -> SchoolClass:
    """The new-class form, then the class picker (or the demo button when there is no class yet)."""
    _class_form(session)
    all_classes = classes.list_classes(session=session)
    if not all_classes:
        st.info("还没有班级。请在上方“新建班级”，或载入演示班级。")
        if st.button("载入演示班级（四个学段）", key="plan_seed_demo"):
            with domain_errors("未能载入演示班级："):
                demo_planner.seed(session=session)
                st.rerun()
        st.stop()
    class_by_id = {c.id: c for c in all_classes}
    keep_valid("plan_class", list(class_by_id))
    class_id = st.selectbox("班级", list(class_by_id), key="plan_class",
                            format_func=lambda i: class_label(class_by_id[i]))
    klass = class_by_id[class_id]
    st.caption(class_caption(klass))
    return klass


def _plan_form(session: Session, catalog: Catalog, klass: SchoolClass, *, expanded: bool) -> None:
    terms = calendar_store.list_terms(klass.school_id, session=session) if klass.school_id else []
    titles = {t.id: t.title for t in catalog.texts}
    with st.expander("新建教学计划", expanded=expanded):
        with st.form("plan_new_form"):
            term_names = {t.id: f"{t.name}（{t.start} 至 {t.end}）" for t in terms}
            term_id = st.selectbox("学期", [None, *term_names], key="plan_new_term", index=1 if terms else 0,
                                   format_func=lambda i: "自定日期（下方填写）" if i is None else term_names[i])
            default_start, default_end = plans.default_plan_dates()
            cols = st.columns(2)
            start = cols[0].date_input("开始日期", value=default_start, key="plan_new_start",
                                       help="学期已经开始时默认为下一个上课日：之前的日子不计入计划")
            end = cols[1].date_input("结束日期", value=default_end, key="plan_new_end")
            featured = list(default_text_ids(klass.stage, catalog))
            options = list(dict.fromkeys([*featured, *(t.id for t in catalog.for_stage(klass.stage)), *titles]))
            texts = st.multiselect("篇目（按诵读顺序）", options, default=featured,
                                   format_func=lambda t: titles.get(t, t), key="plan_new_texts")
            cols = st.columns(2)
            minutes = cols[0].number_input("每次分钟数", min_value=1, max_value=180, value=DEFAULT_MINUTES,
                                           key="plan_new_minutes")
            friday = cols[1].checkbox("每周五背诵检查（当天不学新内容）", value=True, key="plan_new_friday")
            cols = st.columns(2)
            intervals_text = cols[0].text_input(
                "复习间隔（上课日，逗号分隔）", value=",".join(map(str, DEFAULT_INTERVALS)), key="plan_new_intervals",
                help="每段新内容在这些上课日之后再复习，例如 1,2,4,7,15")
            threshold = cols[1].slider("背诵达标线（%）", min_value=50, max_value=100,
                                       value=round(DEFAULT_PASS_THRESHOLD * 100), step=5, key="plan_new_threshold",
                                       help="标记完成时通过率低于这条线，相关句子会加排复习")
            if st.form_submit_button("生成计划", key="plan_new_submit"):
                with domain_errors("未能生成计划："):
                    review_intervals = parse_intervals(intervals_text)
                    # A stored term brings its own dates, closures and make-up days.
                    term = stored_term_inputs(term_id, session=session) if term_id else None
                    if term is not None:
                        start, end = plans.start_in_term(start, term.start, term.end), term.end
                    data = plans.plan_input(class_id=klass.id, term_start=start, term_end=end, text_ids=texts,
                                            minutes=int(minutes), review_intervals=list(review_intervals),
                                            pass_threshold=threshold / 100,
                                            weekday_pattern=FRIDAY_CHECK if friday else {})
                    plan, result = plans.create_plan(data, session=session, catalog=catalog, term=term)
                    st.session_state["plan_plan"] = plan.id
                    flash_and_rerun("plan", " ".join([f"已生成计划：{len(result.sessions)} 次诵读。",
                                                      *(["；".join(result.notes)] if result.notes else [])]))


def pick_plan(session: Session, catalog: Catalog, klass: SchoolClass) -> Plan:
    """The new-plan form (open while the class has none), then the plan picker."""
    _plan_form(session, catalog, klass, expanded=not plans.list_plans(session=session, class_id=klass.id))
    class_plans = plans.list_plans(session=session, class_id=klass.id)
    if not class_plans:
        st.info("这个班级还没有教学计划，请在上方生成。")
        st.stop()
    plan_by_id = {p.id: p for p in class_plans}
    keep_valid("plan_plan", list(plan_by_id), default=class_plans[-1].id)
    plan_id = st.selectbox("教学计划", list(plan_by_id), key="plan_plan",
                           format_func=lambda i: plan_by_id[i].name or f"计划 {i}")
    return plan_by_id[plan_id]
