"""校历 page: the term calendar's counts and tabs (month grid, holidays, 调休 and make-up days, closures, festivals)."""

from __future__ import annotations

import streamlit as st

from curriculum.charts.school_calendar import build_month_figure, month_frame, term_months
from curriculum.schoolcal import TermCalendar
from curriculum.schoolcal.views import festival_rows, makeup_rows, skipped_rows, summary
from ui.widgets import chart


def _table(rows: list[dict[str, str]], key: str, empty: str) -> None:
    if rows:
        st.dataframe(rows, hide_index=True, key=key)
    else:
        st.caption(empty)


def render(cal: TermCalendar, titles: dict[str, str]) -> None:
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
        chart(build_month_figure(month_frame(cal, *month), title=f"{month[0]} 年 {month[1]} 月"), key="cal_month_chart")
    with tab_holidays:
        _table(skipped_rows(cal, closures=False), "cal_holidays_table", "本学期的工作日没有放假。")
    with tab_makeup:
        _table(makeup_rows(cal), "cal_makeup_table", "本学期没有调休上班日或补课日。")
    with tab_closures:
        _table(skipped_rows(cal, closures=True), "cal_closures_table", "本学期没有学校停课。")
    with tab_festivals:
        _table(festival_rows(cal, titles), "cal_festivals_table", "本学期没有节日。")
