"""校历 — a school's terms, official holidays and 调休, its own closures and make-up days, a month view.

Thin page over ``curriculum.schoolcal`` (``store`` for storage and validation,
``days`` and ``views`` for the term calendar and its table rows) and
``curriculum.charts.school_calendar`` (the month grid); its sections are in
``ui.school_calendar``. Invalid changes come back as a ``DomainError`` with a
Chinese message, shown with ``st.error``; nothing is saved in that case.
"""

from __future__ import annotations

import streamlit as st

from curriculum.schoolcal import store
from ui.school_calendar import adjustments, setup, tabs
from ui.state import db_session, text_titles
from ui.widgets import domain_errors

st.title("校历")
st.caption(
    "上课日 = 周一至周五，去掉国务院公布的法定节假日与调休放假，加上调休上班日；"
    "再按学校自己的停课（考试、运动会等）和补课调整。官方调休上班日按它所替换的放假日的星期课表上课。"
)

cal = None
with db_session() as session:
    school_id = setup.pick_school(session)
    term = setup.pick_term(session, school_id)
    adjustments.render(session, term)
    with domain_errors("无法计算校历："):
        cal = store.term_calendar(term.id, session=session)
if cal is None:
    st.stop()

tabs.render(cal, text_titles())
