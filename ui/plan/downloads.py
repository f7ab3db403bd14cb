"""教学计划 page, 导出 tab: the plan as .ics, JSON, Excel and a printable HTML/PDF for a date range.

Every file is built before its button and kept in the session until the plan
(its fingerprint) or the print range changes, so buttons work click after
click. The printable version takes seconds for a whole term, so it is built
when the teacher asks for it (生成打印版, with a spinner) and both files come
from one set of pages.
"""

from __future__ import annotations

import streamlit as st

from curriculum.catalog.schema import Catalog
from curriculum.exports import plan_exports as px
from curriculum.models.plan import Plan, SchoolClass
from curriculum.planner import document as plan_document
from ui.widgets import download, prepared

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render(klass: SchoolClass, plan: Plan, doc: plan_document.PlanDocument, catalog: Catalog) -> None:
    def name(suffix: str) -> str:
        return px.plan_file_name(klass.name, plan.name, suffix=suffix)

    version = (plan.id, plan_document.document_fingerprint(doc))
    download("下载日历（.ics）", lambda: px.plan_ics(doc, catalog), name("ics"), "text/calendar", key="plan_dl_ics",
             inputs=version)
    download("下载 JSON", lambda: px.plan_json_bytes(doc, catalog), name("json"), "application/json",
             key="plan_dl_json", inputs=version)
    download("下载 Excel（.xlsx）", lambda: px.plan_xlsx(doc, catalog, plan.text_ids), name("xlsx"), XLSX_MIME,
             key="plan_dl_xlsx", inputs=(*version, tuple(plan.text_ids)))
    cols = st.columns(2)
    print_start = cols[0].date_input("打印起始日期", value=plan.term_start, min_value=plan.term_start,
                                     max_value=plan.term_end, key="plan_print_start")
    print_end = cols[1].date_input("打印结束日期", value=plan.term_end, min_value=plan.term_start,
                                   max_value=plan.term_end, key="plan_print_end")
    printable = prepared(
        "plan_print", (*version, print_start, print_end), "生成打印版（HTML 和 PDF）",
        lambda: px.plan_printables(doc, catalog, start=print_start, end=print_end),
        icon=":material/print:", spinner="正在生成打印版（整学期约需几秒）…",
    )
    if printable is not None:
        html, pdf = printable
        download("下载打印版（.html）", html, name("html"), "text/html", key="plan_dl_html")
        download("下载打印版（.pdf）", pdf, name("pdf"), "application/pdf", key="plan_dl_pdf")
    st.caption("幼儿园和小学的打印版在汉字上方标注拼音。日历文件重新导入时会更新原有日程，不会重复。")
