"""数据看板 — the education bureau's view: six integrations, four connections, daily 30 minutes, volunteers, festivals.

Thin page over ``curriculum.metrics`` (every number) and
``curriculum.charts.dashboard`` (every figure). The date range defaults to the
current school year; the district filter appears when the data has districts.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from curriculum import metrics
from curriculum.charts.dashboard import (
    build_compliance_figure,
    build_coverage_heatmap_figure,
    build_festival_reach_figure,
    build_integration_figure,
    build_volunteer_hours_figure,
)
from ui.state import database_url, db_session, get_catalog
from ui.widgets import chart, domain_errors

ALL_DISTRICTS = "全市"


@st.cache_data(ttl=60, show_spinner="正在统计…")
def _dashboard(url: str, start: dt.date, end: dt.date, district: str | None, weekly_by: str,
               categories: dict[str, str]) -> metrics.Dashboard:
    # ``url`` is only the cache key: another database is another dashboard.
    with db_session() as session:
        return metrics.build_dashboard(start, end, session=session, categories=categories, district=district,
                                       weekly_by=weekly_by)


@st.cache_data(ttl=60)
def _districts(url: str) -> list[str]:
    with db_session() as session:
        return metrics.district_options(session=session)


def _table(df, key: str) -> None:
    """A read-only table; counts with thousands separators."""
    numbers = {c: st.column_config.NumberColumn(format="localized") for c in df.columns
               if str(df[c].dtype).startswith(("int", "float"))}
    st.dataframe(df, hide_index=True, key=key, column_config=numbers)


st.title("数据看板")
st.caption("按“四个打通”“六个融合”统计全市经典诵读：参与情况、学段与内容覆盖、每日诵读半小时、志愿服务和“我们的节日”。")

url = database_url()
catalog, _catalog_errors = get_catalog()
if catalog is None:
    st.warning("书目文件暂时无法读取：内容覆盖图中的篇目将归入“其他”。")

default_start, default_end = metrics.school_year_bounds()
districts = _districts(url)
cols = st.columns([1, 1, 1] if districts else [1, 1])
start = cols[0].date_input("开始日期", value=default_start, key="dash_start")
end = cols[1].date_input("结束日期", value=default_end, key="dash_end")
district = None
if districts:
    chosen = cols[2].selectbox("区县", [ALL_DISTRICTS, *districts], key="dash_district")
    district = None if chosen == ALL_DISTRICTS else chosen

weekly_by = st.session_state.get("dash_group", "stage")
board = None
with domain_errors("无法统计："):
    board = _dashboard(url, start, end, district, weekly_by, metrics.categories_of(catalog))
if board is None:
    st.stop()

kpis = board.kpis
if kpis.through < kpis.start:
    st.info(f"所选时间段（{kpis.start} 至 {kpis.end}）还没有开始，暂无数据。")
else:
    st.caption(f"统计区间：{kpis.start} 至 {kpis.through}（只统计已经过去的日子，不含今天）"
               + (f" · 区县：{district}（师资培训与线上节目为全市数据）" if district else ""))

row = st.columns(4)
row[0].metric(metrics.KPI_LABELS["compliance_rate"], metrics.format_rate(kpis.compliance_rate),
              help=f"{kpis.classes} 个班级共 {kpis.school_days} 个应诵读班级日，其中 {kpis.compliant_days} 个完成了 "
                   f"{metrics.DAILY_MINUTES} 分钟以上的诵读。")
row[1].metric(metrics.KPI_LABELS["class_sessions_done"], f"{kpis.class_sessions_done:,}")
row[2].metric(metrics.KPI_LABELS["community_activities"], f"{kpis.community_activities:,}")
row[3].metric(metrics.KPI_LABELS["community_attendance"], f"{kpis.community_attendance:,}")
row = st.columns(4)
row[0].metric(metrics.KPI_LABELS["volunteer_hours"], f"{kpis.volunteer_hours:,.1f}",
              help=f"{kpis.volunteers} 名志愿者实际到岗的服务时长。")
row[1].metric(metrics.KPI_LABELS["festival_attendance"], f"{kpis.festival_attendance:,}",
              help=f"{kpis.festival_events} 场节日活动的到场人次。")
row[2].metric(metrics.KPI_LABELS["training_attendance"], f"{kpis.training_attendance:,}",
              help=f"{kpis.training_sessions} 次培训课的学员出勤人次（全市）。")
row[3].metric(metrics.KPI_LABELS["online_views"], f"{kpis.online_views:,}",
              help=f"{kpis.online_items} 个线上节目的最新浏览量（全市）。")

tab_integrations, tab_coverage, tab_compliance, tab_volunteers, tab_festivals = st.tabs(
    ["六个融合", "四个打通", "每日诵读半小时", "志愿服务", "我们的节日"]
)

with tab_integrations:
    chart(build_integration_figure(board.integrations), key="dash_fig_integrations")
    _table(metrics.display_frame(board.integrations, "integrations"), "dash_tbl_integrations")

with tab_coverage:
    chart(build_coverage_heatmap_figure(board.coverage), key="dash_fig_coverage")
    st.caption("格中数字为所选时间段内各班教学计划安排的诵读分钟数（悬停可见已完成分钟数）；空格表示该学段没有安排这类内容。")
    st.markdown("**学校 · 家庭 · 社会**（领域覆盖）")
    _table(metrics.display_frame(board.spheres, "spheres"), "dash_tbl_spheres")
    covered = metrics.display_frame(board.coverage, "coverage")
    if len(covered):
        _table(covered, "dash_tbl_coverage")

with tab_compliance:
    st.radio("按何分组", list(metrics.GROUP_BY_LABELS)[:2], format_func=metrics.GROUP_BY_LABELS.get,
             horizontal=True, key="dash_group")
    if board.compliance.empty:
        st.info("所选范围内还没有班级。")
    else:
        chart(build_compliance_figure(board.weekly), key="dash_fig_compliance")
        summary = metrics.compliance_summary(board.compliance, by=weekly_by)
        _table(metrics.display_frame(summary, "summary"), "dash_tbl_summary")
        with st.expander("各班明细"):
            _table(metrics.display_frame(board.compliance, "compliance"), "dash_tbl_classes")

with tab_volunteers:
    if board.volunteer_hours.empty:
        st.info("所选时间段内没有已确认到岗的志愿服务。")
    else:
        chart(build_volunteer_hours_figure(board.volunteer_hours), key="dash_fig_volunteers")
        _table(metrics.display_frame(board.volunteer_hours, "volunteer_hours"), "dash_tbl_volunteers")

with tab_festivals:
    if board.festivals.empty:
        st.info("所选时间段内没有节日活动或班级节日诵读。")
    else:
        chart(build_festival_reach_figure(board.festivals), key="dash_fig_festivals")
        _table(metrics.display_frame(board.festivals, "festivals"), "dash_tbl_festivals")
