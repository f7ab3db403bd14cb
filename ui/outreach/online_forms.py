"""云上读经典 page sections that change data: add an item, record its counts, import a metrics CSV.

Every change goes through ``curriculum.outreach``; a refusal is shown in
Chinese (``domain_errors``) and saves nothing.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlmodel import Session
from streamlit.runtime.uploaded_file_manager import UploadedFile

from curriculum import clock
from curriculum.outreach import online as on
from curriculum.outreach import online_import
from curriculum.outreach.online import ItemRow
from curriculum.outreach.online_views import item_label
from curriculum.vocab import CHANNELS, ONLINE_METRICS
from ui.widgets import domain_errors, texts_picker

IMPORT_HELP = (
    "上传 CSV 文件（UTF-8 或 GBK 编码），列名可用中文或英文："
    "标题/title、渠道/channel、发布日期/publish_date、浏览量/views、点赞/likes、"
    "评论/comments、转发/shares、统计时间/recorded_at；也可以用 编号/id 指定已有节目。"
    "先检查每一行，确认后只导入没有错误的行；文件中新出现的节目（需填发布日期）会自动新建。"
)


def render_add_item(*, session: Session) -> None:
    """The 新增节目 form."""
    with st.form("onl_item_form", clear_on_submit=True):
        title = st.text_input("节目标题", key="onl_item_title", placeholder="如：中秋诗会 · 但愿人长久")
        cols = st.columns(2)
        channel = cols[0].selectbox("渠道", list(CHANNELS), format_func=CHANNELS.get, key="onl_item_channel")
        published = cols[1].date_input("发布日期", value=clock.local_today(), key="onl_item_date")
        texts = texts_picker("经典篇目（可选）", key="onl_item_texts")
        url = st.text_input("链接（可选）", key="onl_item_url")
        if st.form_submit_button("添加节目", key="onl_item_submit"):
            with domain_errors("未能添加："):
                data = on.item_input(title=title, channel=channel, publish_date=published, texts=texts, url=url)
                item = on.create_item(data, session=session)
                st.success(f"已添加“{item.title}”（{CHANNELS[item.channel]}）。")


def render_record_metrics(items: list[ItemRow], *, session: Session) -> None:
    """The 记录数据 form: one snapshot of one item's counts at a local date and time."""
    if not items:
        st.info("还没有节目，请先在“新增节目”中添加。")
        return
    labels = {r.id: item_label(r) for r in items}
    with st.form("onl_metric_form"):
        item_id = st.selectbox("节目", list(labels), format_func=labels.get, key="onl_metric_item")
        cols = st.columns(2)
        day = cols[0].date_input("统计日期", value=clock.local_today(), key="onl_metric_date")
        moment = cols[1].time_input("统计时间", value=dt.time(18, 0), key="onl_metric_time")
        cols = st.columns(4)
        values = {
            name: cols[i].number_input(label, min_value=0, step=1, key=f"onl_metric_{name}")
            for i, (name, label) in enumerate(ONLINE_METRICS.items())
        }
        if st.form_submit_button("保存数据", key="onl_metric_submit"):
            with domain_errors("未能保存："):
                data = on.metric_input(
                    item_id=item_id, recorded_at=on.local_moment(day, moment), **{k: int(v) for k, v in values.items()}
                )
                on.create_metric(data, session=session)
                st.success("已保存。节目的数据以最近一次统计为准。")


def _show_checked(checked: online_import.MetricsImport) -> None:
    """What the check found: ignored columns, every bad row, and how many rows can be imported."""
    if checked.ignored_columns:
        st.info(f"已忽略不认识的列：{'、'.join(checked.ignored_columns)}")
    if checked.errors:
        st.error(f"{checked.bad_rows} 行有错误，不会导入：\n\n" + "\n".join(f"- {e}" for e in checked.errors[:100]))
    if checked.valid:
        st.write(f"共 {checked.total} 行，其中 {len(checked.valid)} 行可以导入。")
    else:
        st.warning("没有可以导入的行。")


def _check(upload: UploadedFile, *, session: Session) -> online_import.MetricsImport | None:
    """The checked file, or ``None`` (with the reason shown) when the file as a whole cannot be read."""
    with domain_errors(f"{upload.name}："):
        return online_import.parse_metrics_csv(
            upload.getvalue(), session=session, default_recorded_at=clock.local_now()
        )
    return None


def render_import(*, session: Session) -> None:
    """The 批量导入 tab: upload, see every row error, then confirm importing the valid rows."""
    st.markdown(IMPORT_HELP)
    upload = st.file_uploader("选择 CSV 文件", type=["csv"], key="onl_csv")
    checked = _check(upload, session=session) if upload is not None else None
    if checked is None:
        return
    _show_checked(checked)
    if not checked.valid:
        return
    count = len(checked.valid)
    label = f"跳过错误行，导入 {count} 行有效数据" if checked.errors else f"导入 {count} 行数据"
    if st.button(label, key="onl_csv_confirm", type="primary"):
        with domain_errors():
            result = online_import.apply_metrics_import(checked, session=session)
            st.success(f"已导入 {result.snapshots_saved} 条统计数据，新建节目 {result.items_created} 个。")
