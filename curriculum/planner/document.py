"""A plan as a teacher reads it: one ``PlanDocument`` and the rows every view and export shows.

The plan page, the home page's "today" panel, the CLI and every file export
(JSON, iCalendar, Excel, HTML, PDF in ``curriculum.exports.plan_exports``)
read the same document, so what a teacher sees and what they print agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from curriculum.catalog.schema import Catalog
from curriculum.planner.plan_types import passage_text
from curriculum.vocab import FESTIVALS, ITEM_KINDS, WEEKDAY_LABELS


@dataclass
class PlanDocument:
    """What every export needs. ``sessions`` are engine ``PlannedSession`` or store ``StoredSession`` objects."""

    title: str
    stage: str
    sessions: Sequence[Any]
    uid_prefix: str
    reading_time: time = time(7, 40)
    location: str = ""
    sequence: int = 0
    unscheduled: Sequence[Any] = field(default_factory=list)
    # Days lost to a bump: exported as "停课" events under the day's UID, so a
    # calendar that re-imports the file replaces the reading it had there.
    cancelled: Sequence[date] = field(default_factory=list)
    # Places (date, slot) that had a session in an earlier export and have none now (an
    # undone extra session, …): exported as STATUS:CANCELLED under their old UID.
    withdrawn: Sequence[tuple[date, int]] = field(default_factory=list)


def stored_uid_prefix(plan_id: int) -> str:
    return f"plan-{plan_id}"


def title_of(catalog: Catalog, text_id: str | None) -> str:
    if not text_id:
        return ""
    return catalog.get(text_id).title if text_id in catalog else text_id


def describe_item(item: Any, catalog: Catalog) -> str:
    """One line in Chinese, e.g. ``新授 《弟子规》入则孝 第 3–5 句``."""
    if item.kind == "activity" and not item.text_id:
        return item.label or ITEM_KINDS["activity"]
    head = item.label or ITEM_KINDS.get(item.kind, item.kind)
    where = f"《{title_of(catalog, item.text_id)}》"
    if item.section:
        where += item.section
    if item.passage_start is not None:
        if item.passage_end and item.passage_end != item.passage_start:
            where += f" 第 {item.passage_start}–{item.passage_end} 句"
        else:
            where += f" 第 {item.passage_start} 句"
    return f"{head} {where}"


def festival_label(session: Any) -> str:
    """The festival of a session by name (中秋节), not by key; an unknown key is shown as it is."""
    name = getattr(session, "festival_name", None)
    key = getattr(session, "festival_key", None)
    return name or (FESTIVALS.get(key, key) if key else "")


def weekday_label(day: date) -> str:
    return WEEKDAY_LABELS[day.weekday()]


def plan_rows(doc: PlanDocument, catalog: Catalog) -> list[dict[str, Any]]:
    """One row per item (the table on the page and the Excel sheet)."""
    rows = []
    for s in doc.sessions:
        for pos, it in enumerate(s.items, start=1):
            rows.append({
                "日期": s.date, "星期": weekday_label(s.date), "节次": getattr(s, "slot", 0) + 1, "序号": pos,
                "类型": ITEM_KINDS.get(it.kind, it.kind), "内容": describe_item(it, catalog),
                "篇目": title_of(catalog, it.text_id), "章节": it.section or "",
                "起句": it.passage_start, "止句": it.passage_end, "分钟": it.minutes,
                "节日": festival_label(s),
                "已完成": "是" if getattr(s, "done", False) else "",
                "通过率": getattr(s, "pass_rate", None),
            })
    return rows


def session_frame_rows(doc: PlanDocument, catalog: Catalog) -> list[dict[str, Any]]:
    """One row per session (input of ``curriculum.charts.plan.build_plan_calendar_figure``)."""
    out = []
    for s in doc.sessions:
        new = sum(it.minutes for it in s.items if it.kind == "new")
        review = sum(it.minutes for it in s.items if it.kind == "review")
        activity = sum(it.minutes for it in s.items if it.kind == "activity")
        texts = [title_of(catalog, it.text_id) for it in s.items if it.kind == "new" and it.text_id]
        status = "已完成" if getattr(s, "done", False) else ("已锁定" if getattr(s, "locked", False) else "计划中")
        if getattr(s, "festival_key", None):
            status = "节日" if status == "计划中" else status
        out.append({
            "date": s.date, "slot": getattr(s, "slot", 0), "minutes": s.minutes, "new": new, "review": review,
            "activity": activity, "status": status, "festival": getattr(s, "festival_key", None) or "",
            "summary": "；".join(describe_item(it, catalog) + f"（{it.minutes} 分）" for it in s.items),
            "texts": "、".join(dict.fromkeys(texts)),
        })
    return out


def unscheduled_rows(doc: PlanDocument, catalog: Catalog) -> list[dict[str, Any]]:
    """One row per passage range that did not fit the term (Excel sheet 未排入, the page's list)."""
    rows = []
    for u in doc.unscheduled:
        if hasattr(u, "items"):  # an engine/store session rather than a passage range
            for it in u.items:
                if it.kind == "new" and it.text_id:
                    rows.append(_range_row(catalog, it.text_id, it.section, it.passage_start, it.passage_end))
            continue
        rows.append(_range_row(catalog, u.text_id, u.section, u.passage_start, u.passage_end))
    return rows


def _range_row(catalog: Catalog, text_id: str, section: str | None, a: int, b: int | None) -> dict[str, Any]:
    b = b or a
    where = f"《{title_of(catalog, text_id)}》{section or ''} " + (f"第 {a}–{b} 句" if b != a else f"第 {a} 句")
    return {"篇目": title_of(catalog, text_id), "编号": text_id, "章节": section or "", "起句": a, "止句": b,
            "句数": b - a + 1, "内容": where}


def document_for_plan(plan_id: int, *, session) -> PlanDocument:
    """The ``PlanDocument`` of a stored plan: its class, reading time, sessions and the passages that did not fit."""
    from curriculum.planner.classes import get_class
    from curriculum.planner.plans import get_plan, unscheduled_ranges
    from curriculum.planner.sessions import list_sessions

    plan = get_plan(plan_id, session=session)
    klass = get_class(plan.class_id, session=session)
    sessions = list_sessions(plan_id, session=session)
    cancelled = [s.date for s in list_sessions(plan_id, session=session, status="cancelled")]
    current = {(s.date, s.slot) for s in sessions}
    issued = set()
    for key in plan.issued_slots or []:
        day, _, slot = key.partition("/")
        issued.add((date.fromisoformat(day), int(slot or 0)))
    return PlanDocument(
        title=plan.name or f"{klass.name} 经典诵读计划",
        stage=klass.stage,
        sessions=sessions,
        uid_prefix=stored_uid_prefix(plan_id),
        reading_time=klass.reading_time,
        location=klass.name,
        sequence=plan.revision or 0,
        unscheduled=unscheduled_ranges(plan),
        cancelled=cancelled,
        withdrawn=sorted(place for place in issued if place not in current),
    )


def session_table(doc: PlanDocument, catalog: Catalog) -> list[dict[str, Any]]:
    """One row per session for the page's table (Chinese column names)."""
    return [
        {"日期": r["date"], "星期": weekday_label(r["date"]), "节次": r["slot"] + 1, "分钟": r["minutes"],
         "新授": r["new"], "复习": r["review"], "活动": r["activity"], "状态": r["status"], "安排": r["summary"]}
        for r in session_frame_rows(doc, catalog)
    ]


def day_agenda(doc: PlanDocument, catalog: Catalog, day: date) -> dict[str, Any] | None:
    """What to read on ``day`` (or the next day with a session): items with minutes and passage text."""
    later = [s for s in doc.sessions if s.date >= day]
    if not later:
        return None
    first = min(later, key=lambda s: (s.date, getattr(s, "slot", 0)))
    sessions = [s for s in later if s.date == first.date]
    return {
        "date": first.date,
        "exact": first.date == day,
        "weekday": weekday_label(first.date),
        "sessions": [
            {
                "slot": getattr(s, "slot", 0), "minutes": s.minutes, "done": getattr(s, "done", False),
                "locked": getattr(s, "locked", False), "pass_rate": getattr(s, "pass_rate", None),
                "items": [{"minutes": it.minutes, "kind": ITEM_KINDS.get(it.kind, it.kind),
                           "title": describe_item(it, catalog), "text": passage_text(catalog, it)}
                          for it in s.items],
            }
            for s in sessions
        ],
    }


def document_fingerprint(doc: PlanDocument) -> str:
    """A digest of everything an export shows: a file built for it is reused until the plan changes."""
    import hashlib

    parts = [doc.title, doc.stage, str(doc.reading_time), doc.location, str(doc.sequence),
             repr(list(doc.cancelled)), repr(list(doc.withdrawn))]
    for s in doc.sessions:
        parts.append("|".join(map(str, (
            s.date, getattr(s, "slot", 0), s.minutes, getattr(s, "done", False), getattr(s, "locked", False),
            getattr(s, "pass_rate", None), getattr(s, "festival_key", None)))))
        parts.extend("|".join(map(str, (it.kind, it.label, it.text_id, it.section, it.passage_start,
                                        it.passage_end, it.minutes))) for it in s.items)
    parts.extend(repr(u) for u in doc.unscheduled)
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()
