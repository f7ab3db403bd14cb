"""Issue 9, plans: a mid-term start, every future school day editable, texts that run out, festival texts
by stage, the Excel 节日/通过率 columns and Chinese chart formats."""

from __future__ import annotations

import io
from datetime import date, time

import pytest

from curriculum.catalog.schema import Catalog, TextEntry
from curriculum.charts.plan import build_plan_calendar_figure, build_plan_minutes_figure
from curriculum.charts.school_calendar import build_month_figure, month_frame
from curriculum.exports.plan_exports import plan_xlsx
from curriculum.planner import coverage, edits, plans, slots
from curriculum.planner import sessions as stored
from curriculum.planner.document import PlanDocument, document_for_plan, session_frame_rows
from curriculum.planner.engine import generate_plan
from curriculum.planner.spec import PlanSpec
from curriculum.schoolcal.days import build_term_calendar
from curriculum.schoolcal.terms import TermInputs
from tests.planner.conftest import DIZIGUI, QINGMING, SANZIJING, Fest, weekdays
from tests.utils.planner import make_class, make_plan

START = date(2026, 9, 7)  # a Monday


def _entry(text_id: str, title: str, stages: list[str], passages: list[str]) -> TextEntry:
    return TextEntry.model_validate({
        "id": text_id, "title": title, "author": "韩愈", "era": "唐", "category": "traditional",
        "stages": stages, "source": {"file": "fixture"}, "file": f"texts/{text_id}.yaml",
        "sections": [{"title": title, "passages": passages}],
    })


SHISHUO = _entry("shishuo", "师说", ["senior"], ["古之学者必有师师者所以传道受业解惑也"])
JINGYESI = _entry("jingyesi", "静夜思", ["kindergarten", "primary_lower"], ["床前明月光", "疑是地上霜"])


# ------------------------------------------------------------------ a plan made mid-term


def test_a_plan_made_mid_term_starts_on_the_next_school_day():
    term_start, term_end = plans.current_term(date(2026, 11, 10))
    assert term_start < date(2026, 11, 10) < term_end
    assert plans.default_plan_dates(date(2026, 11, 10)) == (date(2026, 11, 11), term_end)  # Tue → Wed
    assert plans.default_plan_dates(date(2026, 11, 13))[0] == date(2026, 11, 16)  # Fri → Mon
    # On the first day, or before the term, the whole term.
    assert plans.default_plan_dates(term_start) == (term_start, term_end)
    summer = plans.current_term(date(2026, 8, 10))
    assert plans.default_plan_dates(date(2026, 8, 10)) == summer


def test_a_stored_term_keeps_the_forms_later_start():
    assert plans.start_in_term(date(2026, 11, 11), date(2026, 9, 1), date(2027, 1, 22)) == date(2026, 11, 11)
    assert plans.start_in_term(date(2026, 8, 20), date(2026, 9, 1), date(2027, 1, 22)) == date(2026, 9, 1)
    assert plans.start_in_term(date(2027, 3, 1), date(2026, 9, 1), date(2027, 1, 22)) == date(2026, 9, 1)


def test_plan_from_a_stored_term_mid_term_has_no_past_sessions(session, catalog):
    days = weekdays(START, 30)
    term = TermInputs(days[0], days[-1], days, festivals={days[2]: "x"}, timetable={days[3]: 4})
    klass = make_class(session)
    plan, result = make_plan(session, catalog, klass.id, start=days[10], end=days[-1], term=term,
                             text_ids=["dizigui"])
    assert [s.date for s in stored.list_sessions(plan.id, session=session)] == days[10:]
    assert plans.school_days(plan) == days[10:]  # the days before are not counted as missed
    assert result.sessions[0].date == days[10]
    cut = plans.within(term, days[10], days[-1])
    assert cut.festivals == {} and cut.timetable == {} and cut.start == days[10]


# ------------------------------------------------------------------ edit days, 加课 default


def test_every_future_school_day_is_offered_and_past_ones_only_with_a_session():
    school = weekdays(START, 15)
    sessions = school[:5]  # the plan's sessions end early
    today = school[3]
    days = slots.edit_days(sessions, school, today=today, cancelled={school[7]})
    assert days == school[:7] + school[8:]
    assert slots.edit_days([], school, today=school[-1]) == [school[-1]]


def test_extra_day_default_is_the_next_free_day_not_a_past_one():
    school = weekdays(START, 10)
    assert slots.next_free_day(set(school), since=school[2], until=school[-1]) == date(2026, 9, 12)  # Saturday
    assert slots.next_free_day(set(school), since=school[-1], until=school[-1]) is None


def test_a_future_school_day_without_a_session_can_be_marked_lost(session, catalog):
    days = weekdays(START, 10)
    klass = make_class(session)
    plan, _ = make_plan(session, catalog, klass.id, start=days[0], end=days[-1],
                        term=TermInputs(days[0], days[-1], days), text_ids=["dizigui"])
    edits.bump(plan.id, days[4], session=session, catalog=catalog)
    # The day now has no session; bumping it again is refused in Chinese, not a crash.
    with pytest.raises(stored.PlanStoreError, match="已经停课"):
        edits.bump(plan.id, days[4], session=session, catalog=catalog)
    # A school day the plan has with nothing on it (its session removed) can still be lost.
    target = stored.find_session(stored.list_sessions(plan.id, session=session), days[8], 0)
    stored.delete_sessions(plan.id, [target.id], session=session)
    session.commit()
    edits.bump(plan.id, days[8], session=session, catalog=catalog)
    doc = document_for_plan(plan.id, session=session)
    assert days[8] in doc.cancelled and days[8] not in [s.date for s in doc.sessions]


# ------------------------------------------------------------------ texts that run out


def _doc(result, stage="primary_lower") -> PlanDocument:
    return PlanDocument("计划", stage, result.sessions, "p", unscheduled=result.unscheduled)


def test_texts_that_run_out_early_are_reported_with_the_date():
    cat = Catalog(texts=(QINGMING, DIZIGUI, SANZIJING))
    days = weekdays(START, 30)
    result = generate_plan(PlanSpec(stage="primary_lower", text_ids=("qingming_dumu",)), days, cat)
    run_out = coverage.texts_run_out(_doc(result))
    assert run_out is not None
    assert run_out.last_new == days[0] and run_out.review_only == 29 and run_out.term_end == days[-1]
    text = coverage.run_out_warning(run_out, {"dizigui": "弟子规"}, ["dizigui"])
    assert "2026年09月07日" in text and "《弟子规》" in text
    # Enough text for the term (or too much): no warning.
    full = generate_plan(PlanSpec(stage="primary_lower", text_ids=("dizigui", "sanzijing")), days[:8], cat)
    assert coverage.texts_run_out(_doc(full)) is None


def test_next_texts_are_proposed_from_the_catalog_for_the_stage():
    cat = Catalog(texts=(QINGMING, DIZIGUI, SANZIJING, SHISHUO, JINGYESI))
    proposed = coverage.propose_next_texts(cat, "primary_lower", ["dizigui"], count=3)
    assert "dizigui" not in proposed and "shishuo" not in proposed
    assert len(proposed) == 3 and set(proposed) <= {"qingming_dumu", "sanzijing", "jingyesi"}
    assert coverage.propose_next_texts(cat, "senior", ["shishuo"]) == []


# ------------------------------------------------------------------ festivals by stage


def test_festival_days_insert_only_texts_for_the_plans_stage():
    cat = Catalog(texts=(DIZIGUI, SHISHUO, JINGYESI))
    days = weekdays(date(2026, 9, 7), 5)
    teachers_day = Fest("teachers_day", "教师节", days[3], ("shishuo", "jingyesi"))
    festivals = {teachers_day.date: teachers_day}
    lower = generate_plan(PlanSpec(stage="primary_lower", text_ids=("dizigui",)), days, cat, festivals)
    fest_items = [it for s in lower.sessions for it in s.items if it.label.startswith("节日诵读")]
    assert [it.text_id for it in fest_items] == ["jingyesi"]
    only_shishuo = {teachers_day.date: Fest("teachers_day", "教师节", days[3], ("shishuo",))}
    plain = generate_plan(PlanSpec(stage="primary_lower", text_ids=("dizigui",)), days, cat, only_shishuo)
    assert not any(it.text_id == "shishuo" for s in plain.sessions for it in s.items)
    senior = generate_plan(PlanSpec(stage="senior", text_ids=("shishuo",)), days, cat, festivals)
    assert any(it.text_id == "shishuo" and it.kind == "activity" for it in senior.sessions[3].items)


# ------------------------------------------------------------------ Excel and charts


def test_excel_shows_festival_names_and_pass_rates_as_percentages(session):
    openpyxl = pytest.importorskip("openpyxl")
    cat = Catalog(texts=(DIZIGUI, JINGYESI))
    days = weekdays(START, 5)
    fest = Fest("teachers_day", "教师节", days[3], ("jingyesi",))
    term = TermInputs(days[0], days[-1], days, festivals={fest.date: fest})
    plan, _ = make_plan(session, cat, make_class(session).id, start=days[0], end=days[-1], term=term,
                        text_ids=["dizigui"])
    edits.mark_done(plan.id, days[0], 0.85, session=session, catalog=cat)
    doc = document_for_plan(plan.id, session=session)  # stored sessions keep only the festival's key
    ws = openpyxl.load_workbook(io.BytesIO(plan_xlsx(doc, cat, ["dizigui"])))["计划"]
    headers = [c.value for c in ws[1]]
    festivals = {r[headers.index("节日")] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert "教师节" in festivals and "teachers_day" not in festivals
    rate = ws.cell(row=2, column=headers.index("通过率") + 1)
    assert rate.value == 0.85 and rate.number_format == "0%"


def test_plan_and_school_calendar_charts_use_the_chinese_locale():
    cat = Catalog(texts=(DIZIGUI,))
    result = generate_plan(PlanSpec(stage="primary_lower", text_ids=("dizigui",)), weekdays(START, 10), cat)
    import pandas as pd

    frame = pd.DataFrame(session_frame_rows(_doc(result), cat))
    calendar = build_plan_calendar_figure(frame)
    assert calendar.layout.xaxis.tickformat == "%m月%d日" and calendar.layout.separators == ".,"
    minutes = build_plan_minutes_figure(frame)
    assert "%m月%d日" in [s.value for s in minutes.layout.xaxis.tickformatstops]
    assert minutes.layout.yaxis.exponentformat == "none"
    cal = build_term_calendar(date(2026, 9, 1), date(2027, 1, 22))
    month = build_month_figure(month_frame(cal, 2026, 9))
    assert month.layout.separators == ".,"
    assert "2026年09月01日" in month.data[0].customdata[0][1]


def test_reading_time_is_kept_in_documents():
    # Guard for the fixture above: a document without a reading time still exports.
    assert PlanDocument("x", "primary_lower", [], "p").reading_time == time(7, 40)
