"""Plan exports: iCalendar (two parsers, stable UIDs), Excel sheets, printable HTML/PDF with pinyin."""

from __future__ import annotations

import io
from datetime import date, datetime, time

import ics
import openpyxl
from icalendar import Calendar

from curriculum.exports.plan_exports import cli_uid_prefix, plan_html, plan_ics, plan_json, plan_pdf, plan_xlsx
from curriculum.planner.document import PlanDocument
from curriculum.planner.engine import generate_plan
from curriculum.planner.spec import PlanSpec
from tests.planner.conftest import weekdays

START = date(2026, 9, 7)


def _doc(catalog, stage="primary_lower", n=10, texts=("dizigui", "sanzijing")):
    result = generate_plan(PlanSpec(stage, texts), weekdays(START, n), catalog)
    return PlanDocument("一年级（2）班 诵读计划", stage, result.sessions, cli_uid_prefix(stage, START),
                        reading_time=time(7, 40), location="一年级（2）班", unscheduled=result.unscheduled), result


def test_ics_one_event_per_session_at_reading_time_parsed_by_two_parsers(catalog):
    doc, result = _doc(catalog)
    data = plan_ics(doc, catalog, stamp=datetime(2026, 9, 1))
    cal = Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == len(result.sessions) == 10
    first = events[0]
    start = first.decoded("DTSTART")
    assert (start.date(), start.time(), start.utcoffset().total_seconds()) == (START, time(7, 40), 8 * 3600)
    assert (first.decoded("DTEND") - start).total_seconds() == 30 * 60
    assert str(first["UID"]) == "plan-primary_lower-20260907-20260907@classics-planner"
    assert "弟子规" in str(first["SUMMARY"])
    assert [str(t["TZID"]) for t in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    parsed = ics.Calendar(data.decode("utf-8"))
    assert sorted(e.uid for e in parsed.events) == sorted(str(e["UID"]) for e in events)


def test_ics_uids_are_stable_when_the_plan_changes(catalog):
    doc, _ = _doc(catalog)
    changed, _ = _doc(catalog, texts=("sanzijing", "dizigui"))
    uids = {str(e["UID"]) for e in Calendar.from_ical(plan_ics(doc, catalog)).walk("VEVENT")}
    uids2 = {str(e["UID"]) for e in Calendar.from_ical(plan_ics(changed, catalog)).walk("VEVENT")}
    assert uids == uids2 and len(uids) == 10
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(plan_ics(changed, catalog)).walk("VEVENT")]
    assert "三字经" in summaries[0]


def test_xlsx_has_plan_and_coverage_sheets(catalog):
    doc, result = _doc(catalog, n=20)
    wb = openpyxl.load_workbook(io.BytesIO(plan_xlsx(doc, catalog, ("dizigui", "sanzijing"))))
    assert wb.sheetnames == ["计划", "篇目进度", "未排入"]
    plan = list(wb["计划"].iter_rows(values_only=True))
    assert len(plan) - 1 == sum(len(s.items) for s in result.sessions)
    header = plan[0]
    minutes = [r[header.index("分钟")] for r in plan[1:]]
    assert sum(minutes) == 30 * 20
    cov = list(wb["篇目进度"].iter_rows(values_only=True))
    assert cov[0][:4] == ("篇目", "编号", "句数", "已排入")
    rows = {r[1]: r for r in cov[1:]}
    assert rows["dizigui"][2] == 42 and rows["dizigui"][3] == 42
    assert rows["dizigui"][5] >= 5 * 2  # every group reviewed, at least two groups
    assert rows["dizigui"][6] == 0  # nothing done yet


def test_printable_plan_shows_passages_with_pinyin_for_primary_only(catalog):
    doc, result = _doc(catalog, n=2)
    html = plan_html(doc, catalog)
    assert "<ruby>弟<rt>dì</rt></ruby>" in html.replace("<rp>(</rp>", "").replace("<rp>)</rp>", "")
    assert "2026年09月07日 周一 · 30 分钟" in html
    junior, _ = _doc(catalog, stage="junior", n=2)
    jhtml = plan_html(junior, catalog)
    assert "<ruby>" not in jhtml and "弟子规圣人训首孝悌次谨信" in jhtml
    pdf = plan_pdf(doc, catalog)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000


def test_json_items_carry_the_passage_text(catalog):
    doc, result = _doc(catalog, n=2)
    data = plan_json(doc, catalog, school_days=weekdays(START, 2), skipped=[(date(2026, 9, 12), "周末")],
                     notes=["示例"])
    first = data["sessions"][0]["items"][0]
    assert first["kind"] == "new" and first["text"].startswith("弟子规圣人训")
    assert data["skipped"] == [{"date": "2026-09-12", "reason": "周末"}]
    assert data["unscheduled"] and data["unscheduled"][0]["text_id"] in {"dizigui", "sanzijing"}
