"""One import panel: the template downloads, the upload, the checked report, and the import button.

The upload is checked at once (a dry run: nothing written) and the report
shown — every problem with its row, column and message, also as a CSV to fix
the file by. The button imports the file only when every row is valid; it
checks the file again in the same call, so what is written is what the
database holds at that moment, not at upload time.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import streamlit as st
from sqlmodel import Session

from curriculum.imports import KINDS, import_file
from curriculum.imports.common import MAX_BYTES_TEXT, MAX_ROWS_TEXT, ImportReport
from curriculum.imports.templates import FILE_NAMES, notes, template_csv, template_xlsx
from ui.widgets import domain_errors, download, flash_and_rerun, show_flash

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def errors_frame(report: ImportReport) -> pd.DataFrame:
    return pd.DataFrame([{"行": e.row, "列": e.column or "（整行）", "问题": e.message} for e in report.errors],
                        columns=["行", "列", "问题"])


def errors_csv(report: ImportReport) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["行", "列", "问题"])
    writer.writerows([e.row, e.column, e.message] for e in report.errors)
    return out.getvalue().encode("utf-8-sig")  # with BOM: Excel opens it as UTF-8


def _templates(kind: str) -> None:
    with st.expander("列说明与模板", expanded=False):
        st.table(pd.DataFrame(notes(kind), columns=["列", "填写说明"]))
    cols = st.columns(2)
    with cols[0]:
        download("下载 Excel 模板", lambda: template_xlsx(kind), f"{FILE_NAMES[kind]}.xlsx", XLSX_MIME,
                 key=f"imp_{kind}_tpl_xlsx", icon=":material/download:")
    with cols[1]:
        download("下载 CSV 模板", lambda: template_csv(kind), f"{FILE_NAMES[kind]}.csv", "text/csv",
                 key=f"imp_{kind}_tpl_csv", icon=":material/download:")


def _show(report: ImportReport, kind: str, file_name: str) -> None:
    if report.ignored_columns:
        st.info(f"已忽略不认识的列：{'、'.join(report.ignored_columns)}")
    if report.errors:
        st.error(f"{file_name}：{report.summary()}")
        st.dataframe(errors_frame(report), hide_index=True, width="stretch", key=f"imp_{kind}_errors")
        download("下载错误报告（CSV）", errors_csv(report), f"{file_name}-错误报告.csv", "text/csv",
                 key=f"imp_{kind}_errors_csv", icon=":material/download:")
    else:
        st.success(f"{file_name}：检查通过。{report.summary()}")


def render(kind: str, *, session: Session) -> None:
    """The panel for ``kind`` ("sessions" or "attendance")."""
    show_flash(f"imp_{kind}")
    _templates(kind)
    upload = st.file_uploader(f"选择{KINDS[kind]}文件（CSV 或 XLSX，不超过 {MAX_BYTES_TEXT}、{MAX_ROWS_TEXT}）",
                              type=["csv", "xlsx"], key=f"imp_{kind}_file")
    if upload is None:
        return
    report = None
    with domain_errors(f"{upload.name}："):
        report = import_file(kind, upload.getvalue(), session=session, dry_run=True)
    if report is None:
        return
    _show(report, kind, upload.name)
    if not report.ok:
        return
    if st.button(f"导入 {report.total:,} 行", key=f"imp_{kind}_confirm", type="primary", disabled=report.changed == 0,
                 help="所有行都与已有数据相同，无需导入" if report.changed == 0 else None):
        with domain_errors("未能导入："):
            done = import_file(kind, upload.getvalue(), session=session)
            if done.ok:
                flash_and_rerun(f"imp_{kind}", f"{upload.name}：{done.summary()}")
            _show(done, kind, upload.name)
