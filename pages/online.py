"""云上读经典 — online items by channel, their metrics, CSV import and the per-channel summary.

Thin page over ``curriculum.outreach.online`` (records), ``online_import``
(CSV) and ``online_views`` (tables); the forms are in
``ui.outreach.online_forms``. Tabs are filled in the order that changes come
before reads (add item → record metrics → import → list and summary), so
whatever was just saved shows in the same run.
"""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum.charts.outreach import build_online_channel_figure
from curriculum.outreach import online as on
from curriculum.outreach.online_views import items_frame, summary_display_frame, summary_frame
from curriculum.vocab import CHANNELS, ONLINE_METRICS
from ui.outreach.online_forms import render_add_item, render_import, render_record_metrics
from ui.state import db_session
from ui.widgets import chart, domain_errors


def _items(session: Session) -> None:
    """The 节目列表 tab: items filtered by channel and publish date, with their latest counts."""
    cols = st.columns(3)
    channels = cols[0].multiselect(
        "渠道", list(CHANNELS), format_func=CHANNELS.get, key="onl_filter_channels", placeholder="全部渠道"
    )
    start = cols[1].date_input("发布日期从", value=None, key="onl_filter_start")
    end = cols[2].date_input("发布日期到", value=None, key="onl_filter_end")
    rows = on.list_items(session=session, channels=channels, start=start, end=end)
    if rows:
        st.dataframe(items_frame(rows), hide_index=True, width="stretch")
    else:
        st.info("没有符合条件的节目。")


def _summary(session: Session) -> None:
    """The 渠道汇总 tab: totals, the channel chart and the table, for items published in the range."""
    cols = st.columns(2)
    start = cols[0].date_input("发布日期从", value=None, key="onl_summary_start")
    end = cols[1].date_input("发布日期到", value=None, key="onl_summary_end")
    with domain_errors("请重新选择日期："):
        totals = on.online_summary(start, end, session=session)
        frame = summary_frame(totals)
        cols = st.columns(5)
        cols[0].metric("节目", int(frame["items"].sum()))
        for col, (name, label) in zip(cols[1:], ONLINE_METRICS.items()):
            col.metric(label, f"{int(frame[name].sum()):,}")
        chart(build_online_channel_figure(frame), key="onl_summary_chart")
        st.dataframe(summary_display_frame(totals), hide_index=True, width="stretch")


st.title("云上读经典")
st.caption(
    "“云上读经典，百姓齐参与”：公众号、视频号、电台、电视台、小程序和网站上的经典诵读节目"
    "（六个融合 · 线上线下融合）。"
)

tab_summary, tab_items, tab_add, tab_metrics, tab_import = st.tabs(
    ["渠道汇总", "节目列表", "新增节目", "记录数据", "批量导入"]
)

with db_session() as session:
    with tab_add:
        render_add_item(session=session)
    with tab_metrics:
        render_record_metrics(on.list_items(session=session), session=session)
    with tab_import:
        render_import(session=session)
    with tab_items:
        _items(session)
    with tab_summary:
        _summary(session)
