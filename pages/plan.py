"""教学计划 — a class's term plan: create it, see it as a calendar and a table, run the day, edit, export.

Thin page over ``curriculum.planner.store`` (classes, plans and the undoable
edits), ``curriculum.exports.plan_exports`` (views and downloads) and
``curriculum.charts.plan`` (the calendar). Every edit reruns the page so the
calendar, the table and the agenda always show what is stored; domain errors
come back as Chinese messages shown with ``st.error``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from sqlmodel import Session

from curriculum import calendar_store, clock
from curriculum.charts.plan import build_plan_calendar_figure, build_plan_minutes_figure
from curriculum.exports import plan_exports as px
from curriculum.planner import store
from curriculum.planner.engine import (
    DEFAULT_INTERVALS,
    DEFAULT_MINUTES,
    DEFAULT_PASS_THRESHOLD,
    PlanError,
    default_text_ids,
    parse_intervals,
)
from curriculum.planner.store import PlanStoreError
from curriculum.planner.terms import TermError, calendar_notes, stored_term_inputs
from curriculum.schoolcal import CalendarError
from curriculum.stages import STAGE_KEYS, STAGE_LABELS
from curriculum.vocab import PLAN_OPERATIONS
from ui.state import get_engine, require_catalog

ERRORS = (PlanError, PlanStoreError, TermError, CalendarError)

st.title("教学计划")
st.caption("每个上课日一次诵读（默认 30 分钟，每日至少诵读半小时）：新授按学段诵读速度安排整句，"
           "已学内容按复习间隔（默认 +1、+2、+4、+7、+15 个上课日）复习；遇节日诵读节日篇目。")

catalog = require_catalog()
titles = {t.id: t.title for t in catalog.texts}

flash = st.session_state.pop("plan_flash", None)
if flash:
    kind, message = flash
    (st.success if kind == "ok" else st.warning)(message)


def _done(message: str, kind: str = "ok") -> None:
    st.session_state["plan_flash"] = (kind, message)
    st.rerun()


with Session(get_engine()) as session:
    # --- class ------------------------------------------------------------------------
    schools = {s.id: s.name for s in calendar_store.list_schools(session=session)}
    with st.expander("新建班级", expanded=False):
        with st.form("plan_class_form"):
            cols = st.columns(3)
            class_name = cols[0].text_input("班级名称", key="plan_class_name", placeholder="如：一年级（2）班",
                                      max_chars=60)
            stage = cols[1].selectbox("学段", STAGE_KEYS, format_func=STAGE_LABELS.get, index=1, key="plan_class_stage")
            grade = cols[2].text_input("年级", key="plan_class_grade", placeholder="如：一年级", max_chars=30)
            cols = st.columns(3)
            size = cols[0].number_input("人数", min_value=1, max_value=200, value=45, key="plan_class_size")
            reading_time = cols[1].time_input("每日诵读时间", value=dt.time(7, 40), key="plan_class_time")
            pace = cols[2].number_input("诵读速度（字/分钟，0 = 按学段默认）", min_value=0, max_value=200, value=0,
                                        key="plan_class_pace")
            school_options = [None, *schools]
            school_id = st.selectbox("所属学校（可选）", school_options,
                                     format_func=lambda i: "（不指定）" if i is None else schools[i],
                                     key="plan_class_school")
            if st.form_submit_button("创建班级", key="plan_class_submit"):
                try:
                    klass = store.create_class(session=session, name=class_name, stage=stage, grade=grade,
                                               size=int(size), reading_time=reading_time,
                                               chars_per_minute=int(pace) or None, school_id=school_id)
                except ERRORS as err:
                    st.error(f"未能创建班级：{err}")
                else:
                    st.session_state["plan_class"] = klass.id
                    _done(f"已创建班级“{klass.name}”。")

    classes = store.list_classes(session=session)
    if not classes:
        st.info("还没有班级。请在上方“新建班级”，或载入演示班级。")
        if st.button("载入演示班级（四个学段）", key="plan_seed_demo"):
            try:
                store.seed_demo(session=session)
            except ERRORS as err:
                st.error(f"未能载入演示班级：{err}")
            else:
                st.rerun()
        st.stop()
    class_by_id = {c.id: c for c in classes}
    if st.session_state.get("plan_class") not in class_by_id:
        st.session_state["plan_class"] = classes[0].id
    class_id = st.selectbox(
        "班级", list(class_by_id), key="plan_class",
        format_func=lambda i: f"{class_by_id[i].name}（{STAGE_LABELS[class_by_id[i].stage]}）",
    )
    klass = class_by_id[class_id]
    st.caption(f"{STAGE_LABELS[klass.stage]} · {klass.grade or '—'} · {klass.size} 人 · 每日 {klass.reading_time:%H:%M} 诵读"
               + (f" · 速度 {klass.chars_per_minute} 字/分钟" if klass.chars_per_minute else ""))

    # --- new plan ------------------------------------------------------------------------
    terms = calendar_store.list_terms(klass.school_id, session=session) if klass.school_id else []
    plans = store.list_plans(session=session, class_id=class_id)
    with st.expander("新建教学计划", expanded=not plans):
        with st.form("plan_new_form"):
            term_options = [None, *[t.id for t in terms]]
            term_names = {t.id: f"{t.name}（{t.start} 至 {t.end}）" for t in terms}
            term_id = st.selectbox("学期", term_options, key="plan_new_term",
                                   format_func=lambda i: "自定日期（下方填写）" if i is None else term_names[i],
                                   index=1 if terms else 0)
            default_start, default_end = store.current_term()
            cols = st.columns(2)
            start = cols[0].date_input("开始日期", value=default_start, key="plan_new_start")
            end = cols[1].date_input("结束日期", value=default_end, key="plan_new_end")
            stage_texts = [t.id for t in catalog.for_stage(klass.stage)]
            options = list(dict.fromkeys([*default_text_ids(klass.stage, catalog), *stage_texts, *titles]))
            texts = st.multiselect("篇目（按诵读顺序）", options, default=list(default_text_ids(klass.stage, catalog)),
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
                try:
                    review_intervals = parse_intervals(intervals_text)
                    term_inputs = stored_term_inputs(term_id, session=session) if term_id else None
                    if term_inputs is not None:
                        start, end = term_inputs.start, term_inputs.end
                    plan, result = store.create_plan(
                        session=session, catalog=catalog, class_id=class_id, start=start, end=end,
                        text_ids=texts, minutes=int(minutes), term=term_inputs,
                        review_intervals=review_intervals, pass_threshold=threshold / 100,
                        weekday_pattern={4: "recitation_check"} if friday else {},
                    )
                except ERRORS as err:
                    st.error(f"未能生成计划：{err}")
                else:
                    st.session_state["plan_plan"] = plan.id
                    message = f"已生成计划：{len(result.sessions)} 次诵读。"
                    if result.notes:
                        message += " " + "；".join(result.notes)
                    _done(message)

    plans = store.list_plans(session=session, class_id=class_id)
    if not plans:
        st.info("这个班级还没有教学计划，请在上方生成。")
        st.stop()
    plan_by_id = {p.id: p for p in plans}
    if st.session_state.get("plan_plan") not in plan_by_id:
        st.session_state["plan_plan"] = plans[-1].id
    plan_id = st.selectbox("教学计划", list(plan_by_id), key="plan_plan",
                           format_func=lambda i: plan_by_id[i].name or f"计划 {i}")
    plan = plan_by_id[plan_id]
    try:
        doc = px.document_for_plan(plan_id, session=session)
    except ERRORS as err:
        st.error(f"未能读取教学计划：{err}")
        st.stop()
    st.caption(f"{plan.term_start} 至 {plan.term_end} · 每次 {plan.minutes} 分钟 · 篇目："
               + "、".join(titles.get(t, t) for t in plan.text_ids)
               + " · 复习间隔 " + "、".join(f"+{d}" for d in plan.review_intervals)
               + f" · 达标线 {plan.pass_threshold:.0%}")
    # The calendar's own notes (e.g. a year whose official 放假安排 is not out yet) stay on view
    # as long as the plan is shown, not only once after it was generated.
    for note in calendar_notes(plan.term_start, plan.term_end):
        st.info(f"校历提示：{note}")
    left_over = px.unscheduled_rows(doc, catalog)
    if left_over:
        # Shown for as long as anything is left over (not only right after the edit that caused it).
        st.warning("未能排入本学期的内容（共 {} 句）：".format(sum(r["句数"] for r in left_over))
                   + "；".join(r["内容"] for r in left_over)
                   + "。可以加课、调整篇目，或留到下学期。")

    session_dates = [s.date for s in doc.sessions]
    today = clock.local_today()
    tab_agenda, tab_calendar, tab_table, tab_edit, tab_export = st.tabs(["当日安排", "日历", "列表", "调整", "导出"])

    # --- agenda ---------------------------------------------------------------------------
    with tab_agenda:
        default_day = store.day_in_term(plan, today)
        day = st.date_input("日期", value=default_day, min_value=plan.term_start, max_value=plan.term_end,
                            key="plan_agenda_day")
        agenda = px.day_agenda(doc, catalog, day)
        if agenda is None:
            st.info("这一天之后本计划没有诵读安排。")
        else:
            if not agenda["exact"]:
                st.info(f"{day:%m月%d日} 没有诵读，下一次是 {agenda['date']:%m月%d日}（{agenda['weekday']}）。")
            for s in agenda["sessions"]:
                status = "（已完成，通过率 {:.0%}）".format(s["pass_rate"]) if s["done"] and s["pass_rate"] is not None \
                    else ("（已锁定）" if s["locked"] else "")
                st.subheader(f"{agenda['date']:%m月%d日} {agenda['weekday']} · 第 {s['slot'] + 1} 次 · {s['minutes']} 分钟{status}")
                for item in s["items"]:
                    st.markdown(f"**{item['minutes']} 分钟** · {item['title']}")
                    if item["text"]:
                        st.text(item["text"])

    # --- calendar -------------------------------------------------------------------------
    frame = pd.DataFrame(px.session_frame_rows(doc, catalog))
    with tab_calendar:
        st.plotly_chart(build_plan_calendar_figure(frame, title=f"{klass.name} 诵读日历"), key="plan_calendar_chart")
        st.plotly_chart(build_plan_minutes_figure(frame), key="plan_minutes_chart")

    # --- table ----------------------------------------------------------------------------
    with tab_table:
        table = pd.DataFrame(px.session_table(doc, catalog))
        st.dataframe(table, hide_index=True, key="plan_table")

    # --- edits ----------------------------------------------------------------------------
    with tab_edit:
        if not session_dates:
            st.info("计划中没有可调整的诵读。")
        else:
            unique_dates = list(dict.fromkeys(session_dates))
            default_index = next((i for i, d in enumerate(unique_dates) if d >= today), 0)
            edit_day = st.selectbox("选择日期", unique_dates, index=default_index, key="plan_edit_day",
                                    format_func=lambda d: f"{d:%Y-%m-%d} {px.weekday_label(d)}")
            current = next(s for s in doc.sessions if s.date == edit_day)
            st.caption("当天安排：" + "；".join(f"{px.describe_item(i, catalog)}（{i.minutes} 分）" for i in current.items))
            cols = st.columns(3)
            if cols[0].button("这天停课，顺延", key="plan_bump",
                              help="这一天及之后所有未锁定的诵读顺延到下一个上课日；超出学期的会列出来"):
                try:
                    result = store.bump(plan_id, edit_day, session=session, catalog=catalog)
                except ERRORS as err:
                    st.error(f"未能顺延：{err}")
                else:
                    message = f"{edit_day:%m月%d日} 停课，{result.moved} 次诵读已顺延。"
                    if result.unscheduled:
                        _done(message + f" {len(result.unscheduled)} 次超出学期，未能排入。", "warn")
                    _done(message)
            lock_label = "解锁" if current.locked else "锁定在这天"
            if cols[1].button(lock_label, key="plan_lock"):
                try:
                    store.set_locked(plan_id, edit_day, not current.locked, session=session)
                except ERRORS as err:
                    st.error(f"未能{lock_label}：{err}")
                else:
                    _done(f"{edit_day:%m月%d日} 已{'解锁' if current.locked else '锁定'}。")
            with cols[2]:
                pass_rate = st.number_input("背诵通过率（%）", min_value=0, max_value=100, value=90, step=5,
                                            key="plan_pass_rate")
                if st.button("标记完成", key="plan_done"):
                    try:
                        low = store.mark_done(plan_id, edit_day, pass_rate / 100, session=session, catalog=catalog)
                    except ERRORS as err:
                        st.error(f"未能标记：{err}")
                    else:
                        extra = "，低于达标线，已为这些句子加排复习" if low else ""
                        _done(f"{edit_day:%m月%d日} 已完成（通过率 {pass_rate}%）{extra}。")

        st.divider()
        cols = st.columns(2)
        with cols[0]:
            extra_day = st.date_input("加课日期（如周六诵读）", value=plan.term_start, min_value=plan.term_start,
                                      max_value=plan.term_end, key="plan_extra_day")
            if st.button("加一次诵读", key="plan_extra"):
                try:
                    store.insert_extra_session(plan_id, extra_day, session=session, catalog=catalog)
                except ERRORS as err:
                    st.error(f"未能加课：{err}")
                else:
                    _done(f"已在 {extra_day:%m月%d日} 加一次诵读，之后的安排已重新排课。")
        with cols[1]:
            regen_day = st.date_input("从这天起重新排课", value=store.day_in_term(plan, today),
                                      min_value=plan.term_start, max_value=plan.term_end, key="plan_regen_day")
            if st.button("重新排课（保留已完成和已锁定的）", key="plan_regen"):
                try:
                    store.regenerate_from(plan_id, regen_day, session=session, catalog=catalog)
                except ERRORS as err:
                    st.error(f"未能重新排课：{err}")
                else:
                    _done(f"已从 {regen_day:%m月%d日} 起重新排课。")

        cols = st.columns([3, 1])
        order = cols[0].multiselect("篇目顺序（按选择的先后排列）", plan.text_ids, default=plan.text_ids,
                                    format_func=lambda t: titles.get(t, t), key="plan_order")
        order_day = cols[1].date_input("从这天起按新顺序", value=store.day_in_term(plan, today),
                                       min_value=plan.term_start, max_value=plan.term_end, key="plan_order_day")
        if st.button("按新顺序重新排课", key="plan_reorder"):
            try:
                store.reorder_texts(plan_id, order, session=session, catalog=catalog, from_day=order_day)
            except ERRORS as err:
                st.error(f"未能调整顺序：{err}")
            else:
                _done("已按新顺序重新排课（已完成和已锁定的不变）。")

        ops = store.list_operations(plan_id, session=session)
        if ops:
            last = ops[-1]
            st.caption("修改记录：" + "；".join(f"{PLAN_OPERATIONS.get(o.kind, o.kind)} {o.detail}" for o in ops[-5:]))
            if st.button(f"撤销上一步（{PLAN_OPERATIONS.get(last.kind, last.kind)}）", key="plan_undo"):
                try:
                    undone = store.undo_last(plan_id, session=session)
                except ERRORS as err:
                    st.error(f"未能撤销：{err}")
                else:
                    if undone is None:  # someone else undid it first
                        _done("没有可撤销的修改。", "warn")
                    else:
                        _done(f"已撤销：{PLAN_OPERATIONS.get(undone.kind, undone.kind)} {undone.detail}")
        else:
            st.caption("还没有修改记录。")

    # --- exports ---------------------------------------------------------------------------
    with tab_export:
        def _name(suffix: str) -> str:
            return px.plan_file_name(klass.name, plan.name, suffix=suffix)

        st.download_button("下载日历（.ics）", px.plan_ics(doc, catalog), file_name=_name("ics"),
                           mime="text/calendar", key="plan_dl_ics")
        st.download_button("下载 JSON", lambda: px.plan_json_bytes(doc, catalog), file_name=_name("json"),
                           mime="application/json", key="plan_dl_json")
        st.download_button("下载 Excel（.xlsx）", lambda: px.plan_xlsx(doc, catalog, plan.text_ids),
                           file_name=_name("xlsx"), key="plan_dl_xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        cols = st.columns(2)
        print_start = cols[0].date_input("打印起始日期", value=plan.term_start, min_value=plan.term_start,
                                         max_value=plan.term_end, key="plan_print_start")
        print_end = cols[1].date_input("打印结束日期", value=plan.term_end, min_value=plan.term_start,
                                       max_value=plan.term_end, key="plan_print_end")
        st.download_button("下载打印版（.html）", lambda: px.plan_html(doc, catalog, start=print_start, end=print_end),
                           file_name=_name("html"), mime="text/html", key="plan_dl_html")
        st.download_button("下载打印版（.pdf）", lambda: px.plan_pdf(doc, catalog, start=print_start, end=print_end),
                           file_name=_name("pdf"), mime="application/pdf", key="plan_dl_pdf")
        st.caption("幼儿园和小学的打印版在汉字上方标注拼音。日历文件重新导入时会更新原有日程，不会重复。")
