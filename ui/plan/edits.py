"""教学计划 page, 调整 tab: bump a day, lock, mark done, extra session, regenerate, reorder, undo.

Every edit reruns the page (``flash_and_rerun``) so the calendar, the table and
the agenda always show what is stored.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlmodel import Session

from curriculum.catalog.schema import Catalog
from curriculum.models.plan import Plan
from curriculum.planner import document as plan_document
from curriculum.planner import edits, history
from curriculum.planner.plans import day_in_term
from curriculum.planner.views import day_items_caption, operation_label, operation_name, operations_caption
from ui.widgets import domain_errors, flash_and_rerun


def _day_actions(session: Session, plan: Plan, doc: plan_document.PlanDocument, catalog: Catalog,
                 today: dt.date) -> None:
    unique_dates = list(dict.fromkeys(s.date for s in doc.sessions))
    default_index = next((i for i, d in enumerate(unique_dates) if d >= today), 0)
    day = st.selectbox("选择日期", unique_dates, index=default_index, key="plan_edit_day",
                       format_func=lambda d: f"{d:%Y-%m-%d} {plan_document.weekday_label(d)}")
    current = next(s for s in doc.sessions if s.date == day)
    st.caption(day_items_caption(current, catalog))
    cols = st.columns(3)
    if cols[0].button("这天停课，顺延", key="plan_bump",
                      help="这一天及之后所有未锁定的诵读顺延到下一个上课日；超出学期的会列出来"):
        with domain_errors("未能顺延："):
            result = edits.bump(plan.id, day, session=session, catalog=catalog)
            message = f"{day:%m月%d日} 停课，{result.moved} 次诵读已顺延。"
            if result.unscheduled:
                flash_and_rerun("plan", message + f" {len(result.unscheduled)} 次超出学期，未能排入。", "warning")
            flash_and_rerun("plan", message)
    lock_label = "解锁" if current.locked else "锁定在这天"
    if cols[1].button(lock_label, key="plan_lock"):
        with domain_errors(f"未能{lock_label}："):
            edits.set_locked(plan.id, day, not current.locked, session=session)
            flash_and_rerun("plan", f"{day:%m月%d日} 已{'解锁' if current.locked else '锁定'}。")
    with cols[2]:
        pass_rate = st.number_input("背诵通过率（%）", min_value=0, max_value=100, value=90, step=5,
                                    key="plan_pass_rate")
        if st.button("标记完成", key="plan_done"):
            with domain_errors("未能标记："):
                low = edits.mark_done(plan.id, day, pass_rate / 100, session=session, catalog=catalog)
                extra = "，低于达标线，已为这些句子加排复习" if low else ""
                flash_and_rerun("plan", f"{day:%m月%d日} 已完成（通过率 {pass_rate}%）{extra}。")


def _replans(session: Session, plan: Plan, catalog: Catalog, titles: dict[str, str], today: dt.date) -> None:
    cols = st.columns(2)
    with cols[0]:
        extra_day = st.date_input("加课日期（如周六诵读）", value=plan.term_start, min_value=plan.term_start,
                                  max_value=plan.term_end, key="plan_extra_day")
        if st.button("加一次诵读", key="plan_extra"):
            with domain_errors("未能加课："):
                edits.insert_extra_session(plan.id, extra_day, session=session, catalog=catalog)
                flash_and_rerun("plan", f"已在 {extra_day:%m月%d日} 加一次诵读，之后的安排已重新排课。")
    with cols[1]:
        regen_day = st.date_input("从这天起重新排课", value=day_in_term(plan, today),
                                  min_value=plan.term_start, max_value=plan.term_end, key="plan_regen_day")
        if st.button("重新排课（保留已完成和已锁定的）", key="plan_regen"):
            with domain_errors("未能重新排课："):
                edits.regenerate_from(plan.id, regen_day, session=session, catalog=catalog)
                flash_and_rerun("plan", f"已从 {regen_day:%m月%d日} 起重新排课。")

    cols = st.columns([3, 1])
    order = cols[0].multiselect("篇目顺序（按选择的先后排列）", plan.text_ids, default=plan.text_ids,
                                format_func=lambda t: titles.get(t, t), key="plan_order")
    order_day = cols[1].date_input("从这天起按新顺序", value=day_in_term(plan, today),
                                   min_value=plan.term_start, max_value=plan.term_end, key="plan_order_day")
    if st.button("按新顺序重新排课", key="plan_reorder"):
        with domain_errors("未能调整顺序："):
            edits.reorder_texts(plan.id, order, session=session, catalog=catalog, from_day=order_day)
            flash_and_rerun("plan", "已按新顺序重新排课（已完成和已锁定的不变）。")


def _undo(session: Session, plan: Plan) -> None:
    ops = history.list_operations(plan.id, session=session)
    if not ops:
        st.caption("还没有修改记录。")
        return
    st.caption(operations_caption(ops))
    if st.button(f"撤销上一步（{operation_name(ops[-1])}）", key="plan_undo"):
        with domain_errors("未能撤销："):
            undone = history.undo_last(plan.id, session=session)
            if undone is None:  # someone else undid it first
                flash_and_rerun("plan", "没有可撤销的修改。", "warning")
            flash_and_rerun("plan", f"已撤销：{operation_label(undone)}")


def render(session: Session, plan: Plan, doc: plan_document.PlanDocument, catalog: Catalog, titles: dict[str, str],
           today: dt.date) -> None:
    if not doc.sessions:
        st.info("计划中没有可调整的诵读。")
    else:
        _day_actions(session, plan, doc, catalog, today)
    st.divider()
    _replans(session, plan, catalog, titles, today)
    _undo(session, plan)
