"""教学计划 page, 当日安排 tab: what the class reads on a day, with the texts."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from curriculum.catalog.schema import Catalog
from curriculum.models.plan import Plan
from curriculum.planner import document as plan_document
from curriculum.planner.plans import day_in_term
from curriculum.planner.views import agenda_heading


def render(plan: Plan, doc: plan_document.PlanDocument, catalog: Catalog, today: dt.date) -> None:
    day = st.date_input("日期", value=day_in_term(plan, today), min_value=plan.term_start, max_value=plan.term_end,
                        key="plan_agenda_day")
    agenda = plan_document.day_agenda(doc, catalog, day)
    if agenda is None:
        st.info("这一天之后本计划没有诵读安排。")
        return
    if not agenda["exact"]:
        st.info(f"{day:%m月%d日} 没有诵读，下一次是 {agenda['date']:%m月%d日}（{agenda['weekday']}）。")
    for s in agenda["sessions"]:
        st.subheader(agenda_heading(agenda, s))
        for item in s["items"]:
            st.markdown(f"**{item['minutes']} 分钟** · {item['title']}")
            if item["text"]:
                st.text(item["text"])
