"""Plan exports: JSON, iCalendar, Excel and the printable plan (HTML and PDF).

All exports read one ``PlanDocument`` — the sessions of a stored plan or of a
plan generated on the fly by ``classics plan`` — so the file a teacher prints
and the calendar they import always agree.

* iCalendar through ``curriculum.exports.ical.build_calendar``: one event per
  session at the class's reading time, Asia/Shanghai. UIDs are stable:
  ``plan-<plan id>-<YYYYMMDD>@classics-planner`` for a stored plan,
  ``plan-<stage>-<term start YYYYMMDD>-<YYYYMMDD>@classics-planner`` for a CLI
  plan (``-s<slot>`` is appended for a second session on one day), so
  re-importing an updated plan updates its events. A place that had a session
  before and has none now — a day lost to a bump (停课), an extra session that
  was undone — is exported as an event with ``STATUS:CANCELLED`` under its old
  UID, so the calendar app removes the reading it had there. ``SEQUENCE`` is the plan's
  ``revision``, which grows with every edit *and* every undo, so a calendar app
  never sees it go back (an undone edit is a newer version, not an older one).
* Excel (openpyxl): sheet 计划 (one row per item), sheet 篇目进度 (per text:
  passages, first introduced, review count, share of passages done) and sheet
  未排入 (the passages that did not fit the term).
* Printable plan: each day with its items and the passage text read that day,
  with pinyin over the characters for kindergarten and primary stages.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from curriculum.catalog.schema import Catalog
from curriculum.exports.ical import CalendarEvent, build_calendar
from curriculum.planner.document import (
    PlanDocument,
    describe_item,
    plan_rows,
    title_of,
    unscheduled_rows,
    weekday_label,
)
from curriculum.planner.plan_types import passage_text
from curriculum.stages import STAGE_LABELS

UID_DOMAIN = "classics-planner"
PINYIN_STAGES = frozenset({"kindergarten", "primary_lower", "primary_middle", "primary_upper"})


def cli_uid_prefix(stage: str, start: date) -> str:
    return f"plan-{stage}-{start:%Y%m%d}"


def session_uid(prefix: str, session: Any) -> str:
    slot = getattr(session, "slot", 0) or 0
    suffix = f"-s{slot}" if slot else ""
    return f"{prefix}-{session.date:%Y%m%d}{suffix}@{UID_DOMAIN}"


def plan_json(doc: PlanDocument, catalog: Catalog, *, school_days: Sequence[date] = (),
              skipped: Sequence[tuple[date, str]] = (), notes: Sequence[str] = ()) -> dict[str, Any]:
    """The ``classics plan --format json`` document."""
    return {
        "title": doc.title,
        "stage": doc.stage,
        "sessions": [
            {
                "date": s.date.isoformat(),
                "minutes": s.minutes,
                "festival": getattr(s, "festival_key", None),
                "items": [
                    {
                        "kind": it.kind, "label": it.label, "text_id": it.text_id, "minutes": it.minutes,
                        "section": it.section, "passage_start": it.passage_start, "passage_end": it.passage_end,
                        "text": passage_text(catalog, it),
                    }
                    for it in s.items
                ],
            }
            for s in doc.sessions
        ],
        "school_days": [d.isoformat() for d in school_days],
        "skipped": [{"date": d.isoformat(), "reason": r} for d, r in skipped],
        "unscheduled": [
            {"text_id": u.text_id, "section": u.section, "passage_start": u.passage_start,
             "passage_end": u.passage_end}
            if hasattr(u, "passage_start") and not hasattr(u, "items")
            else {"date": u.date.isoformat(), "minutes": u.minutes,
                  "items": [describe_item(it, catalog) for it in u.items]}
            for u in doc.unscheduled
        ],
        "notes": list(notes),
    }


def plan_json_bytes(doc: PlanDocument, catalog: Catalog, **kwargs: Any) -> bytes:
    """``plan_json`` as a UTF-8 file (Chinese kept readable)."""
    import json

    return json.dumps(plan_json(doc, catalog, **kwargs), ensure_ascii=False, indent=2, default=str).encode("utf-8")


# --- iCalendar ---------------------------------------------------------------------

def plan_ics(doc: PlanDocument, catalog: Catalog, *, stamp: datetime | None = None) -> bytes:
    events = []
    for s in doc.sessions:
        start = datetime.combine(s.date, doc.reading_time) + timedelta(minutes=45 * (getattr(s, "slot", 0) or 0))
        texts = [title_of(catalog, it.text_id) for it in s.items if it.text_id]
        summary = "经典诵读：" + ("、".join(dict.fromkeys(texts)) or "齐读")
        description = "\n".join(f"{it.minutes} 分钟 · {describe_item(it, catalog)}" for it in s.items)
        events.append(CalendarEvent(
            uid=session_uid(doc.uid_prefix, s), start=start, end=start + timedelta(minutes=s.minutes),
            summary=summary, description=description, location=doc.location, sequence=doc.sequence,
            categories=("经典诵读",),
        ))
    scheduled = {(s.date, getattr(s, "slot", 0) or 0) for s in doc.sessions}
    minutes = doc.sessions[0].minutes if doc.sessions else 30
    for day in doc.cancelled:
        if (day, 0) in scheduled:
            continue
        start = datetime.combine(day, doc.reading_time)
        uid = f"{doc.uid_prefix}-{day:%Y%m%d}@{UID_DOMAIN}"
        events.append(CalendarEvent(
            uid=uid, start=start, end=start + timedelta(minutes=minutes),
            summary="经典诵读：停课（已顺延）", description="本日停课，诵读内容已顺延到下一个上课日。",
            location=doc.location, sequence=doc.sequence, categories=("经典诵读",), status="CANCELLED",
        ))
    for day, slot in doc.withdrawn:
        if (day, slot) in scheduled or (slot == 0 and day in doc.cancelled):
            continue
        start = datetime.combine(day, doc.reading_time) + timedelta(minutes=45 * slot)
        uid = session_uid(doc.uid_prefix, _Place(day, slot))
        events.append(CalendarEvent(
            uid=uid, start=start, end=start + timedelta(minutes=minutes), summary="经典诵读：已取消",
            description="这次诵读已从计划中取消。", location=doc.location, sequence=doc.sequence,
            categories=("经典诵读",), status="CANCELLED",
        ))
    return build_calendar(events, doc.title, stamp=stamp)


@dataclass(frozen=True)
class _Place:
    date: date
    slot: int


# --- Excel -------------------------------------------------------------------------

def coverage_rows(doc: PlanDocument, catalog: Catalog, text_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Per text: passages, passages planned, first introduced, review count, share of passages done."""
    out = []
    for tid in text_ids:
        total = len(catalog.get(tid).passages) if tid in catalog else 0
        planned: set[int] = set()
        done: set[int] = set()
        first: date | None = None
        reviews = 0
        for s in doc.sessions:
            for it in s.items:
                if it.text_id != tid or it.passage_start is None:
                    continue
                span = range(it.passage_start, (it.passage_end or it.passage_start) + 1)
                if it.kind == "new":
                    planned.update(span)
                    first = first or s.date
                    if getattr(s, "done", False):
                        done.update(span)
                elif it.kind == "review":
                    reviews += 1
        out.append({
            "篇目": title_of(catalog, tid), "编号": tid, "句数": total, "已排入": len(planned),
            "首次新授": first, "复习次数": reviews, "完成比例": round(len(done) / total, 3) if total else 0.0,
        })
    return out


def plan_xlsx(doc: PlanDocument, catalog: Catalog, text_ids: Sequence[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "计划"
    rows = plan_rows(doc, catalog)
    headers = list(rows[0].keys()) if rows else ["日期", "内容", "分钟"]
    ws.append(headers)
    for row in rows:
        ws.append([row.get(h) for h in headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col, width in zip("ABCDEFGHIJKLMN", (12, 6, 6, 6, 6, 48, 14, 12, 6, 6, 6, 14, 8, 8)):
        ws.column_dimensions[col].width = width
    for (cell,) in ws.iter_rows(min_row=2, min_col=1, max_col=1):
        cell.number_format = "yyyy-mm-dd"
    if "通过率" in headers:
        # Stored as a share (0.85); shown as 85% like on the page.
        col = headers.index("通过率") + 1
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = "0%"
    cov = wb.create_sheet("篇目进度")
    crow = coverage_rows(doc, catalog, text_ids)
    cheaders = ["篇目", "编号", "句数", "已排入", "首次新授", "复习次数", "完成比例"]
    cov.append(cheaders)
    for row in crow:
        cov.append([row[h] for h in cheaders])
    for cell in cov[1]:
        cell.font = Font(bold=True)
    for (cell,) in cov.iter_rows(min_row=2, min_col=7, max_col=7):
        cell.number_format = "0%"
    # Always present (header only when everything fitted), so nothing that did not fit goes unnoticed.
    left = wb.create_sheet("未排入")
    lheaders = ["篇目", "编号", "章节", "起句", "止句", "句数", "内容"]
    left.append(lheaders)
    for row in unscheduled_rows(doc, catalog):
        left.append([row[h] for h in lheaders])
    for cell in left[1]:
        cell.font = Font(bold=True)
    left.column_dimensions["G"].width = 40
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- printable plan ------------------------------------------------------------------

def _annotator():
    """Pinyin per character with the project's reading rules; stock pypinyin if the rules file is unusable."""
    from curriculum import pinyin

    try:
        pinyin.readings()
    except (pinyin.PinyinRulesError, OSError):
        return lambda passage, entry, index: pinyin.plain_annotate(passage)
    return lambda passage, entry, index: pinyin.annotate(
        passage, text_id=entry.id, passage_index=index, classical=pinyin.is_classical(entry))


def print_blocks(doc: PlanDocument, catalog: Catalog, *, start: date | None = None,
                 end: date | None = None) -> list:
    """The plan as ``PrintBlock``s: a heading per day, a note per item, the passages read that day."""
    from curriculum.exports.printing import PrintBlock

    annotate = None
    if doc.stage in PINYIN_STAGES:
        annotate = _annotator()
    blocks = [PrintBlock("title", doc.title),
              PrintBlock("subtitle", f"{STAGE_LABELS.get(doc.stage, doc.stage)} · 每日诵读 {doc.reading_time:%H:%M}")]
    for s in doc.sessions:
        if (start and s.date < start) or (end and s.date > end):
            continue
        blocks.append(PrintBlock("heading", f"{s.date:%Y年%m月%d日} {weekday_label(s.date)} · {s.minutes} 分钟"))
        for it in s.items:
            blocks.append(PrintBlock("note", f"{it.minutes} 分钟 · {describe_item(it, catalog)}"))
            # New material and festival texts are printed in full; reviews are referenced.
            if it.text_id and it.passage_start is not None and (it.kind == "new" or it.kind == "activity"):
                entry = catalog.get(it.text_id) if it.text_id in catalog else None
                if entry is None:
                    continue
                for idx in range(it.passage_start, (it.passage_end or it.passage_start) + 1):
                    passage = entry.passages[idx - 1]
                    if annotate is not None:
                        pairs = annotate(passage, entry, idx - 1)
                        blocks.append(PrintBlock("text", passage, tuple(pairs)))
                    else:
                        blocks.append(PrintBlock("text", passage))
    return blocks


def plan_html(doc: PlanDocument, catalog: Catalog, *, start: date | None = None, end: date | None = None) -> str:
    from curriculum.exports.printing import render_html

    return render_html(doc.title, print_blocks(doc, catalog, start=start, end=end))


def plan_pdf(doc: PlanDocument, catalog: Catalog, *, start: date | None = None, end: date | None = None) -> bytes:
    from curriculum.exports.printing import render_pdf

    return render_pdf(doc.title, print_blocks(doc, catalog, start=start, end=end))


def plan_printables(doc: PlanDocument, catalog: Catalog, *, start: date | None = None,
                    end: date | None = None) -> tuple[bytes, bytes]:
    """The printable plan as (HTML, PDF) bytes from one set of blocks (the pinyin is looked up once)."""
    from curriculum.exports.printing import render_html, render_pdf

    blocks = print_blocks(doc, catalog, start=start, end=end)
    return render_html(doc.title, blocks).encode("utf-8"), render_pdf(doc.title, blocks)


# --- stored plans and the page's views --------------------------------------------------

def plan_file_name(class_name: str, plan_name: str, *, suffix: str) -> str:
    """``一年级（2）班-2026-2027学年第一学期.ics`` — the class, then the plan's name without the class repeated."""
    from curriculum.exports.names import plain_download_name

    rest = (plan_name or "").strip()
    if class_name and rest.startswith(class_name):
        rest = rest[len(class_name):].strip()
    return plain_download_name(class_name, rest or "经典诵读计划", suffix=suffix)
