"""云上读经典 — online items by channel, their metrics, CSV import and the per-channel summary.

Thin page over ``curriculum.outreach.online``. Tabs are filled in the order
that changes come before reads (add item → record metrics → import → list and
summary), so whatever was just saved shows in the same run.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlmodel import Session

from curriculum import clock
from curriculum.charts.outreach import build_online_channel_figure
from curriculum.models.outreach import OnlineItemCreate, OnlineMetricCreate
from curriculum.outreach import OutreachError
from curriculum.outreach import online as on
from curriculum.textlists import split_list
from ui.state import get_catalog, get_engine

st.title("云上读经典")
st.caption("“云上读经典，百姓齐参与”：公众号、视频号、电台、电视台、小程序和网站上的经典诵读节目（六个融合 · 线上线下融合）。")

catalog, _catalog_errors = get_catalog()
text_titles = {t.id: t.title for t in catalog.texts} if catalog else {}

tab_summary, tab_items, tab_add, tab_metrics, tab_import = st.tabs(
    ["渠道汇总", "节目列表", "新增节目", "记录数据", "批量导入"]
)

with Session(get_engine()) as session:
    with tab_add:
        with st.form("onl_item_form", clear_on_submit=True):
            title = st.text_input("节目标题", key="onl_item_title", placeholder="如：中秋诗会 · 但愿人长久")
            cols = st.columns(2)
            channel = cols[0].selectbox("渠道", list(on.CHANNELS), format_func=on.CHANNELS.get, key="onl_item_channel")
            published = cols[1].date_input("发布日期", value=clock.local_today(), key="onl_item_date")
            if text_titles:
                texts = st.multiselect(
                    "经典篇目（可选）", list(text_titles), format_func=text_titles.get, key="onl_item_texts"
                )
            else:
                typed = st.text_input("经典篇目编号（可选，用逗号分隔）", key="onl_item_texts")
                texts = split_list(typed)
            url = st.text_input("链接（可选）", key="onl_item_url")
            if st.form_submit_button("添加节目", key="onl_item_submit"):
                try:
                    item = on.create_item(
                        OnlineItemCreate(title=title, channel=channel, publish_date=published, texts=texts, url=url),
                        session=session,
                    )
                except OutreachError as err:
                    st.error(f"未能添加：{err}")
                else:
                    st.success(f"已添加“{item.title}”（{on.CHANNELS[item.channel]}）。")

    all_items = on.list_items(session=session)
    with tab_metrics:
        if not all_items:
            st.info("还没有节目，请先在“新增节目”中添加。")
        else:
            labels = {r.id: f"{r.title}（{r.channel_label}，{r.publish_date}）" for r in all_items}
            with st.form("onl_metric_form"):
                item_id = st.selectbox("节目", list(labels), format_func=labels.get, key="onl_metric_item")
                cols = st.columns(2)
                day = cols[0].date_input("统计日期", value=clock.local_today(), key="onl_metric_date")
                moment = cols[1].time_input("统计时间", value=dt.time(18, 0), key="onl_metric_time")
                cols = st.columns(4)
                values = {
                    name: cols[i].number_input(label, min_value=0, step=1, key=f"onl_metric_{name}")
                    for i, (name, label) in enumerate(on.METRICS.items())
                }
                if st.form_submit_button("保存数据", key="onl_metric_submit"):
                    try:
                        on.record_metrics(
                            OnlineMetricCreate(
                                item_id=item_id,
                                recorded_at=on.local_moment(day, moment),
                                **{k: int(v) for k, v in values.items()},
                            ),
                            session=session,
                        )
                    except OutreachError as err:
                        st.error(f"未能保存：{err}")
                    else:
                        st.success("已保存。节目的数据以最近一次统计为准。")

    with tab_import:
        st.markdown(
            "上传 CSV 文件（UTF-8 或 GBK 编码），列名可用中文或英文："
            "标题/title、渠道/channel、发布日期/publish_date、浏览量/views、点赞/likes、"
            "评论/comments、转发/shares、统计时间/recorded_at；也可以用 编号/id 指定已有节目。"
            "先检查每一行，确认后只导入没有错误的行；文件中新出现的节目（需填发布日期）会自动新建。"
        )
        upload = st.file_uploader("选择 CSV 文件", type=["csv"], key="onl_csv")
        if upload is not None:
            try:
                checked = on.parse_metrics_csv(
                    upload.getvalue(), session=session, default_recorded_at=clock.local_now()
                )
            except OutreachError as err:
                st.error(f"{upload.name}：{err}")
            else:
                if checked.ignored_columns:
                    st.info(f"已忽略不认识的列：{'、'.join(checked.ignored_columns)}")
                if checked.errors:
                    st.error(
                        f"{checked.bad_rows} 行有错误，不会导入：\n\n"
                        + "\n".join(f"- {e}" for e in checked.errors[:100])
                    )
                if checked.valid:
                    st.write(f"共 {checked.total} 行，其中 {len(checked.valid)} 行可以导入。")
                    label = (
                        f"跳过错误行，导入 {len(checked.valid)} 行有效数据"
                        if checked.errors
                        else f"导入 {len(checked.valid)} 行数据"
                    )
                    if st.button(label, key="onl_csv_confirm", type="primary"):
                        try:
                            result = on.apply_metrics_import(checked, session=session)
                        except OutreachError as err:
                            st.error(str(err))
                        else:
                            st.success(
                                f"已导入 {result.snapshots_saved} 条统计数据，新建节目 {result.items_created} 个。"
                            )
                else:
                    st.warning("没有可以导入的行。")

    with tab_items:
        cols = st.columns(3)
        channels = cols[0].multiselect(
            "渠道", list(on.CHANNELS), format_func=on.CHANNELS.get, key="onl_filter_channels", placeholder="全部渠道"
        )
        start = cols[1].date_input("发布日期从", value=None, key="onl_filter_start")
        end = cols[2].date_input("发布日期到", value=None, key="onl_filter_end")
        rows = on.list_items(session=session, channels=channels, start=start, end=end)
        if rows:
            st.dataframe(on.items_frame(rows), hide_index=True, width="stretch")
        else:
            st.info("没有符合条件的节目。")

    with tab_summary:
        cols = st.columns(2)
        sum_start = cols[0].date_input("发布日期从", value=None, key="onl_summary_start")
        sum_end = cols[1].date_input("发布日期到", value=None, key="onl_summary_end")
        try:
            totals = on.online_summary(sum_start, sum_end, session=session)
        except OutreachError as err:
            st.error(f"{err}，请重新选择。")
        else:
            frame = on.summary_frame(totals)
            cols = st.columns(5)
            cols[0].metric("节目", int(frame["items"].sum()))
            for col, (name, label) in zip(cols[1:], on.METRICS.items()):
                col.metric(label, f"{int(frame[name].sum()):,}")
            st.plotly_chart(build_online_channel_figure(frame), key="onl_summary_chart")
            st.dataframe(
                on.summary_display_frame(totals), hide_index=True, width="stretch"
            )
