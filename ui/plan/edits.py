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
from curriculum.planner import coverage, edits, history, plans, slots
from curriculum.planner import document as plan_document
from curriculum.planner.plans import day_in_term
from curriculum.planner.views import day_items_caption, operation_label, operation_name, operations_caption
from ui.widgets import domain_errors, flash_and_rerun


def _day_actions(session: Session, plan: Plan, doc: plan_document.PlanDocument, catalog: Catalog,
                 today: dt.date) -> None:
    days = slots.edit_days((s.date for s in doc.sessions), plans.school_days(plan), today=today,
                           cancelled=doc.cancelled)
    default_index = next((i for i, d in enumerate(days) if d >= today), 0)
    day = st.selectbox("选择日期", days, index=default_index, key="plan_edit_day",
                       format_func=lambda d: f"{d:%Y-%m-%d} {plan_document.weekday_label(d)}",
                       help="已安排诵读的日子和今天以后的每个上课日")
    current = next((s for s in doc.sessions if s.date == day and s.slot == 0), None)
    st.caption(day_items_caption(current, catalog) if current is not None else "这天还没有安排诵读。")
    cols = st.columns(3)
    if cols[0].button("这天停课，顺延", key="plan_bump",
                      help="这一天及之后所有未锁定的诵读顺延到下一个上课日；超出学期的会列出来"):
        with domain_errors("未能顺延："):
            result = edits.bump(plan.id, day, session=session, catalog=catalog)
            message = f"{day:%m月%d日} 停课，{result.moved} 次诵读已顺延。"
            if result.unscheduled:
                flash_and_rerun("plan", message + f" {len(result.unscheduled)} 次超出学期，未能排入。", "warning")
            flash_and_rerun("plan", message)
    if current is None:
        return
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


def _extra_default(plan: Plan, doc: plan_document.PlanDocument, today: dt.date) -> dt.date:
    """The next day from today without a session (a Saturday, usually), inside the term."""
    taken = {s.date for s in doc.sessions if s.slot == 0} | set(doc.cancelled)
    since = day_in_term(plan, today)
    return slots.next_free_day(taken, since=since, until=plan.term_end) or since


def _replans(session: Session, plan: Plan, doc: plan_document.PlanDocument, catalog: Catalog,
             titles: dict[str, str], today: dt.date) -> None:
    cols = st.columns(2)
    with cols[0]:
        extra_day = st.date_input("加课日期（如周六诵读）", value=_extra_default(plan, doc, today),
                                  min_value=plan.term_start, max_value=plan.term_end, key="plan_extra_day")
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


def run_out_notice(session: Session, plan: Plan, doc: plan_document.PlanDocument, catalog: Catalog,
                   titles: dict[str, str], stage: str, today: dt.date) -> None:
    """Warn, with the date, when the chosen texts run out weeks before the term ends; offer the next ones."""
    run_out = coverage.texts_run_out(doc)
    if run_out is None:
        return
    proposed = coverage.propose_next_texts(catalog, stage, plan.text_ids)
    st.warning(coverage.run_out_warning(run_out, titles, proposed))
    if proposed and st.button("添加这些篇目并重新排课", key="plan_add_next_texts",
                              help="已完成和已锁定的诵读不变，从今天起按新的篇目排课"):
        with domain_errors("未能添加篇目："):
            edits.reorder_texts(plan.id, [*plan.text_ids, *proposed], session=session, catalog=catalog,
                                from_day=day_in_term(plan, today))
            added = "、".join(f"《{titles.get(t, t)}》" for t in proposed)
            flash_and_rerun("plan", f"已添加：{added}，并重新排课。")


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
    _replans(session, plan, doc, catalog, titles, today)
    _undo(session, plan)
