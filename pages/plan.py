"""教学计划 — a class's term plan: create it, see it as a calendar and a table, run the day, edit, export.

Thin page over ``curriculum.planner`` (classes, plans and the undoable edits;
``views`` for the text and tables shown), ``curriculum.planner.document``
(the plan document and downloads) and ``curriculum.charts.plan`` (the
calendar); its sections are in ``ui.plan``. Every edit reruns the page so the
calendar, the table and the agenda always show what is stored; domain errors
come back as Chinese messages shown with ``st.error``.
"""

from __future__ import annotations

import streamlit as st

from curriculum import clock
from curriculum.charts.plan import build_plan_calendar_figure, build_plan_minutes_figure
from curriculum.planner import document as plan_document
from curriculum.planner import views
from curriculum.schoolcal.terms import calendar_notes
from ui.plan import agenda, downloads, edits, setup
from ui.state import db_session, require_catalog
from ui.widgets import chart, domain_errors, show_flash

st.title("教学计划")
st.caption("每个上课日一次诵读（默认 30 分钟，每日至少诵读半小时）：新授按学段诵读速度安排整句，"
           "已学内容按复习间隔（默认 +1、+2、+4、+7、+15 个上课日）复习；遇节日诵读节日篇目。")

catalog = require_catalog()
titles = {t.id: t.title for t in catalog.texts}
show_flash("plan")

with db_session() as session:
    klass = setup.pick_class(session)
    plan = setup.pick_plan(session, catalog, klass)
    doc = None
    with domain_errors("未能读取教学计划："):
        doc = plan_document.document_for_plan(plan.id, session=session)
    if doc is None:
        st.stop()
    st.caption(views.plan_caption(plan, titles))
    # The calendar's own notes (e.g. a year whose official 放假安排 is not out yet) stay on view
    # as long as the plan is shown, not only once after it was generated.
    for note in calendar_notes(plan.term_start, plan.term_end):
        st.info(f"校历提示：{note}")
    # Shown for as long as anything is left over (not only right after the edit that caused it).
    left_over = views.leftover_warning(doc, catalog)
    if left_over:
        st.warning(left_over)
    edits.run_out_notice(session, plan, doc, catalog, titles, klass.stage, clock.local_today())

    today = clock.local_today()
    tab_agenda, tab_calendar, tab_table, tab_edit, tab_export = st.tabs(["当日安排", "日历", "列表", "调整", "导出"])
    with tab_agenda:
        agenda.render(plan, doc, catalog, today)
    with tab_calendar:
        frame = views.calendar_frame(doc, catalog)
        chart(build_plan_calendar_figure(frame, title=f"{klass.name} 诵读日历"), key="plan_calendar_chart")
        chart(build_plan_minutes_figure(frame), key="plan_minutes_chart")
    with tab_table:
        st.dataframe(views.table_frame(doc, catalog), hide_index=True, key="plan_table")
    with tab_edit:
        edits.render(session, plan, doc, catalog, titles, today)
    with tab_export:
        downloads.render(klass, plan, doc, catalog)
