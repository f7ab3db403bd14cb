"""Daily 30 minutes (每日诵读半小时): the share of a class's past school days with ≥ 30 done minutes.

``compliance_by_class`` gives one row per class, ``compliance_summary`` pools
them per stage or school, ``compliance_weekly`` the same by ISO week. Rates
are pooled (total compliant days / total school days), so a class with more
days weighs more.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping

import pandas as pd
from sqlmodel import Session

from curriculum.metrics.classes import ClassDays, ClassInfo, load_class_days, load_classes
from curriculum.metrics.period import MetricsError, make_period, rate, week_start
from curriculum.stages import STAGE_KEYS, STAGE_LABELS

GROUP_BY_LABELS: dict[str, str] = {"stage": "学段", "school": "学校", "class": "班级"}

COMPLIANCE_COLUMNS = ["class_id", "class_name", "school", "district", "stage", "stage_label", "school_days",
                      "compliant_days", "lost_days", "done_sessions", "rate"]
WEEKLY_COLUMNS = ["week", "group", "label", "school_days", "compliant_days", "rate"]


def compliance_by_class(start: dt.date, end: dt.date, *, session: Session, district: str | None = None,
                        today: dt.date | None = None) -> pd.DataFrame:
    """One row per class: past school days, days with ≥ 30 done minutes, lost days, and the rate (None if no days)."""
    period = make_period(start, end, today)
    classes = load_classes(session=session, district=district)
    return compliance_rows(classes, load_class_days(period, classes, session=session))


def compliance_rows(classes: Mapping[int, ClassInfo], days: Mapping[int, ClassDays]) -> pd.DataFrame:
    """The per-class table (``COMPLIANCE_COLUMNS``) from already loaded classes and days."""
    rows = []
    for cid, info in classes.items():
        d = days[cid]
        counted, ok = len(d.counted_days), len(d.compliant_days)
        rows.append({
            "class_id": cid, "class_name": info.name, "school": info.school, "district": info.district,
            "stage": info.stage, "stage_label": STAGE_LABELS.get(info.stage, info.stage), "school_days": counted,
            "compliant_days": ok, "lost_days": len(d.lost_days & d.school_days), "done_sessions": d.done_sessions,
            "rate": rate(ok, counted),
        })
    return pd.DataFrame(rows, columns=COMPLIANCE_COLUMNS)


def group_columns(by: str) -> tuple[str, str]:
    """``(key column, label column)`` of a grouping; ``MetricsError`` for an unknown one."""
    if by == "stage":
        return "stage", "stage_label"
    if by == "school":
        return "school", "school"
    if by == "class":
        return "class_id", "class_name"
    raise MetricsError(f"分组方式：未知“{by}”，可选：{'、'.join(GROUP_BY_LABELS)}", field="by")


def _stage_rank(stage: object) -> int:
    """Position of a stage key in stage order (unknown keys last)."""
    order = {k: i for i, k in enumerate(STAGE_KEYS)}
    return order.get(stage, len(order))


def compliance_summary(by_class: pd.DataFrame, by: str = "stage") -> pd.DataFrame:
    """Pooled rate per stage or school (or class).

    Columns ``group``, ``label``, ``classes``, ``school_days``, ``compliant_days``, ``rate``.

    Pooled (total compliant days / total school days), so a class with more
    days weighs more; stages come in stage order, schools by name.
    """
    key, label = group_columns(by)
    columns = ["group", "label", "classes", "school_days", "compliant_days", "rate"]
    if by_class.empty:
        return pd.DataFrame(columns=columns)
    keys = [key] if key == label else [key, label]
    grouped = by_class.groupby(keys, sort=False).agg(
        classes=("school_days", "size"), school_days=("school_days", "sum"), compliant_days=("compliant_days", "sum"),
    ).reset_index()
    grouped.insert(0, "group", grouped[key])
    grouped["label"] = grouped[label]
    grouped["rate"] = [rate(int(a), int(b)) for a, b in zip(grouped["compliant_days"], grouped["school_days"])]
    if by == "stage":
        grouped = grouped.sort_values("group", key=lambda s: s.map(_stage_rank))
    else:
        grouped = grouped.sort_values("label")
    return grouped.reset_index(drop=True)[columns]


def compliance_weekly(start: dt.date, end: dt.date, *, session: Session, by: str = "stage",
                      district: str | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """Pooled rate per ISO week (``week`` = its Monday) and stage/school; weeks without school days are left out."""
    period = make_period(start, end, today)
    classes = load_classes(session=session, district=district)
    return weekly_rows(classes, load_class_days(period, classes, session=session), by)


def weekly_rows(classes: Mapping[int, ClassInfo], days: Mapping[int, ClassDays], by: str) -> pd.DataFrame:
    """The weekly table (``WEEKLY_COLUMNS``) from already loaded classes and days."""
    key, _label = group_columns(by)
    counts: dict[tuple[dt.date, object, str], list[int]] = defaultdict(lambda: [0, 0])
    for cid, info in classes.items():
        d = days[cid]
        group = {"stage": info.stage, "school": info.school, "class_id": cid}[key]
        label = {"stage": STAGE_LABELS.get(info.stage, info.stage), "school": info.school,
                 "class_id": info.name}[key]
        ok = d.compliant_days
        for day in d.counted_days:
            bucket = counts[(week_start(day), group, label)]
            bucket[0] += 1
            bucket[1] += day in ok
    rows = [
        {"week": week, "group": group, "label": label, "school_days": n, "compliant_days": ok, "rate": ok / n}
        for (week, group, label), (n, ok) in counts.items()
    ]
    rows.sort(key=lambda r: (r["week"], _stage_rank(r["group"]) if by == "stage" else 0, str(r["label"])))
    return pd.DataFrame(rows, columns=WEEKLY_COLUMNS)
