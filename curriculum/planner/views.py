"""What the plan page shows, as plain text and DataFrames (pure, no streamlit): captions, labels, tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from curriculum.catalog.schema import Catalog
from curriculum.models.plan import Plan, PlanOperation, SchoolClass
from curriculum.planner import document as plan_document
from curriculum.stages import STAGE_LABELS
from curriculum.vocab import PLAN_OPERATIONS


def class_label(klass: SchoolClass) -> str:
    """“一年级（2）班（小学低段）” for the class picker."""
    return f"{klass.name}（{STAGE_LABELS[klass.stage]}）"


def class_caption(klass: SchoolClass) -> str:
    pace = f" · 速度 {klass.chars_per_minute} 字/分钟" if klass.chars_per_minute else ""
    return (f"{STAGE_LABELS[klass.stage]} · {klass.grade or '—'} · {klass.size} 人 · "
            f"每日 {klass.reading_time:%H:%M} 诵读{pace}")


def plan_caption(plan: Plan, titles: Mapping[str, str]) -> str:
    return (f"{plan.term_start} 至 {plan.term_end} · 每次 {plan.minutes} 分钟 · 篇目："
            + "、".join(titles.get(t, t) for t in plan.text_ids)
            + " · 复习间隔 " + "、".join(f"+{d}" for d in plan.review_intervals)
            + f" · 达标线 {plan.pass_threshold:.0%}")


def leftover_warning(doc: plan_document.PlanDocument, catalog: Catalog) -> str:
    """The passages that did not fit the term, in one sentence; ``""`` when everything fits."""
    rows = plan_document.unscheduled_rows(doc, catalog)
    if not rows:
        return ""
    return ("未能排入本学期的内容（共 {} 句）：".format(sum(r["句数"] for r in rows))
            + "；".join(r["内容"] for r in rows)
            + "。可以加课、调整篇目，或留到下学期。")


def agenda_heading(agenda: Mapping[str, Any], session: Mapping[str, Any]) -> str:
    """“09月07日 周一 · 第 1 次 · 30 分钟（已完成，通过率 90%）” for one session of the day's agenda."""
    if session["done"] and session["pass_rate"] is not None:
        status = "（已完成，通过率 {:.0%}）".format(session["pass_rate"])
    else:
        status = "（已锁定）" if session["locked"] else ""
    return (f"{agenda['date']:%m月%d日} {agenda['weekday']} · 第 {session['slot'] + 1} 次 · "
            f"{session['minutes']} 分钟{status}")


def day_items_caption(session: Any, catalog: Catalog) -> str:
    items = (f"{plan_document.describe_item(i, catalog)}（{i.minutes} 分）" for i in session.items)
    return "当天安排：" + "；".join(items)


def operation_name(op: PlanOperation) -> str:
    """The operation's Chinese name (顺延, 锁定 …)."""
    return PLAN_OPERATIONS.get(op.kind, op.kind)


def operation_label(op: PlanOperation) -> str:
    return f"{operation_name(op)} {op.detail}"


def operations_caption(ops: Iterable[PlanOperation], last: int = 5) -> str:
    return "修改记录：" + "；".join(operation_label(o) for o in list(ops)[-last:])


def calendar_frame(doc: plan_document.PlanDocument, catalog: Catalog) -> pd.DataFrame:
    """One row per session for the plan calendar and the minutes chart."""
    return pd.DataFrame(plan_document.session_frame_rows(doc, catalog))


def table_frame(doc: plan_document.PlanDocument, catalog: Catalog) -> pd.DataFrame:
    """The plan's sessions as the Chinese table of the 列表 tab."""
    return pd.DataFrame(plan_document.session_table(doc, catalog))
