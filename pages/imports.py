"""数据导入 — class-session records and event attendance from a spreadsheet (CSV or XLSX).

Thin page over ``curriculum.imports``: one tab per kind of file, each the
panel in ``ui.imports.panel`` (templates, upload, per-row report, import).
A file is imported whole or not at all; importing it again changes nothing.
"""

from __future__ import annotations

import streamlit as st

from curriculum.imports import KINDS
from ui.imports.panel import render
from ui.state import db_session

st.title("数据导入")
st.caption(
    "学校可以把班级诵读记录（是否完成、诵读分钟数、背诵通过率）、诵读点可以把活动到场人数从 Excel 导入。"
    "先检查每一行：任何一行有错误时整个文件都不导入，并列出行号、列名和问题；"
    "同一文件重复导入不会改动任何数据。"
)

tabs = st.tabs(list(KINDS.values()))
with db_session() as session:
    for tab, kind in zip(tabs, KINDS):
        with tab:
            render(kind, session=session)
