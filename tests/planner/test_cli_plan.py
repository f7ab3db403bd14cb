"""``classics plan`` with the real catalog and school calendar (no database)."""

from __future__ import annotations

import io
import json
from datetime import date

import openpyxl
from click.testing import CliRunner
from icalendar import Calendar

from curriculum.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_plan_json_for_an_autumn_term():
    result = run("plan", "--stage", "primary_lower", "--start", "2026-09-01", "--end", "2027-01-22")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"sessions", "school_days", "skipped", "unscheduled", "notes"}
    days = data["school_days"]
    # National Day week and 中秋 are not school days; every school day has one session.
    assert "2026-10-01" not in days and "2026-09-25" not in days
    assert {s["date"] for s in data["sessions"]} == set(days)
    assert {"date": "2026-10-01", "reason": "国庆节"} in data["skipped"]
    for s in data["sessions"]:
        assert sum(i["minutes"] for i in s["items"]) == s["minutes"] == 30
    first = data["sessions"][0]["items"][0]
    assert first["kind"] == "new" and first["text_id"] == "dizigui"
    assert first["text"].startswith("弟子规，圣人训")
    # 教师节 (9/10, a Thursday): its text 《师说》 is for senior high, so 小学低段 reads its own material (issue 9).
    teachers = next(s for s in data["sessions"] if s["date"] == "2026-09-10")
    assert teachers["festival"] is None
    assert all(i["text_id"] != "shishuo" for s in data["sessions"] for i in s["items"])
    senior = json.loads(run("plan", "--stage", "senior", "--start", "2026-09-01", "--end", "2026-09-30").output)
    teachers = next(s for s in senior["sessions"] if s["date"] == "2026-09-10")
    assert teachers["festival"] == "teachers_day"
    assert teachers["items"][0]["text_id"] == "shishuo"


def test_plan_rejects_bad_stage_text_and_short_sessions_in_chinese():
    bad = run("plan", "--stage", "nursery", "--start", "2026-09-01", "--end", "2026-12-31")
    assert bad.exit_code == 1 and "未知学段" in bad.output
    bad = run("plan", "--stage", "junior", "--texts", "lunyu,nope", "--start", "2026-09-01", "--end", "2026-12-31")
    assert bad.exit_code == 1 and "nope" in bad.output
    bad = run("plan", "--stage", "junior", "--minutes", "20", "--start", "2026-09-01", "--end", "2026-12-31")
    assert bad.exit_code == 1 and "半小时" in bad.output
    bad = run("plan", "--stage", "junior", "--start", "2026-13-01", "--end", "2026-12-31")
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output


def test_plan_ics_and_xlsx_files(tmp_path):
    ics_path = tmp_path / "plan.ics"
    result = run("plan", "--stage", "junior", "--start", "2026-09-01", "--end", "2026-09-30", "--format", "ics",
                 "--out", str(ics_path), "--reading-time", "08:00")
    assert result.exit_code == 0, result.output
    events = Calendar.from_ical(ics_path.read_bytes()).walk("VEVENT")
    assert events and str(events[0]["UID"]) == "plan-junior-20260901-20260901@classics-planner"
    assert events[0].decoded("DTSTART").hour == 8
    xlsx_path = tmp_path / "plan.xlsx"
    result = run("plan", "--stage", "junior", "--texts", "lunyu", "--start", "2026-09-01", "--end", "2026-09-30",
                 "--format", "xlsx", "--out", str(xlsx_path))
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_path.read_bytes()))
    assert wb.sheetnames == ["计划", "篇目进度", "未排入"]
    assert wb["篇目进度"]["B2"].value == "lunyu"


def test_plan_friday_recitation_check_pattern():
    result = run("plan", "--stage", "primary_middle", "--start", "2026-09-07", "--end", "2026-09-18",
                 "--pattern", "周五=recitation_check")
    data = json.loads(result.output)
    fridays = [s for s in data["sessions"] if date.fromisoformat(s["date"]).weekday() == 4]
    assert fridays
    for s in fridays:
        assert not [i for i in s["items"] if i["kind"] == "new"]
        assert any(i["label"] == "背诵检查" for i in s["items"])


def test_plan_term_end_before_start_is_refused():
    bad = run("plan", "--stage", "junior", "--start", "2026-12-31", "--end", "2026-09-01")
    assert bad.exit_code == 1 and "早于开始日期" in bad.output


def test_plan_pdf_and_html_printouts_have_pinyin_for_primary(tmp_path):
    html_path = tmp_path / "plan.html"
    result = run("plan", "--stage", "primary_lower", "--start", "2026-09-01", "--end", "2026-09-04",
                 "--format", "html", "--out", str(html_path))
    assert result.exit_code == 0, result.output
    html = html_path.read_text(encoding="utf-8")
    assert "<ruby>" in html and "2026年09月01日 周二 · 30 分钟" in html
    pdf_path = tmp_path / "plan.pdf"
    result = run("plan", "--stage", "senior", "--start", "2026-09-01", "--end", "2026-09-04",
                 "--format", "pdf", "--out", str(pdf_path))
    assert result.exit_code == 0, result.output
    assert pdf_path.read_bytes().startswith(b"%PDF")


def test_unpublished_official_arrangement_is_told_on_stderr_for_file_formats_on_stdout(monkeypatch):
    from curriculum.schoolcal import official

    # Whatever the installed holidays release holds: 2026 counts as not yet published.
    monkeypatch.setattr(official, "published_years", lambda: frozenset({2025}))
    result = run("plan", "--stage", "junior", "--start", "2026-09-01", "--end", "2026-09-30", "--format", "ics")
    assert result.exit_code == 0, result.output
    assert "2026 年的国务院放假安排尚未收录" in result.stderr
    assert Calendar.from_ical(result.stdout_bytes).walk("VEVENT")  # stdout is still a clean calendar
    assert "尚未收录".encode() not in result.stdout_bytes
    result = run("plan", "--stage", "junior", "--start", "2026-09-01", "--end", "2026-09-30", "--format", "xlsx")
    assert result.exit_code == 0 and "尚未收录" in result.stderr
    assert openpyxl.load_workbook(io.BytesIO(result.stdout_bytes)).sheetnames[0] == "计划"
    monkeypatch.setattr(official, "published_years", lambda: frozenset({2025, 2026}))
    result = run("plan", "--stage", "junior", "--start", "2026-09-01", "--end", "2026-09-30", "--format", "ics")
    assert result.exit_code == 0 and "尚未收录" not in result.stderr


def test_plan_intervals_and_pass_threshold_options():
    args = ("plan", "--stage", "primary_middle", "--start", "2026-09-07", "--end", "2026-09-30")
    default = json.loads(run(*args).output)
    custom = run(*args, "--intervals", "1,3,9", "--pass-threshold", "90%")
    assert custom.exit_code == 0, custom.output
    data = json.loads(custom.output)
    assert (data["review_intervals"], data["pass_threshold"]) == ([1, 3, 9], 0.9)
    assert (default["review_intervals"], default["pass_threshold"]) == ([1, 2, 4, 7, 15], 0.8)
    # Day 1's first passage comes back on days 2 and 4 with 1,3,9 (days 2 and 3 by default).
    def returns(doc):
        first = next(i for i in doc["sessions"][0]["items"] if i["kind"] == "new")
        key = (first["text_id"], first["passage_start"])
        return [k for k, s in enumerate(doc["sessions"]) for i in s["items"]
                if i["kind"] == "review" and (i["text_id"], i["passage_start"]) == key]

    assert returns(data)[:2] == [1, 3] and returns(default)[:2] == [1, 2]
    bad = run(*args, "--intervals", "1,2,二")
    assert bad.exit_code == 1 and "--intervals" in bad.output and "不是正整数" in bad.output
    bad = run(*args, "--intervals", "4,2")
    assert bad.exit_code == 1 and "从小到大" in bad.output
    bad = run(*args, "--pass-threshold", "120%")
    assert bad.exit_code == 1 and "--pass-threshold" in bad.output and "达标线" in bad.output


def test_weekday_pattern_follows_the_official_make_up_day_timetable():
    # 2026-01-04 (a Sunday) is worked on the Friday timetable (元旦 调休): it is a recitation check day.
    result = run("plan", "--stage", "primary_middle", "--start", "2025-12-29", "--end", "2026-01-09",
                 "--pattern", "周五=recitation_check")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    sunday = next(s for s in data["sessions"] if s["date"] == "2026-01-04")
    assert any(i["label"] == "背诵检查" for i in sunday["items"])
    assert not [i for i in sunday["items"] if i["kind"] == "new"]
    # 2026-10-10 (a Saturday) follows Wednesday's timetable (国庆 调休): Wednesday's story, not Saturday's nothing.
    result = run("plan", "--stage", "primary_middle", "--start", "2026-10-08", "--end", "2026-10-16",
                 "--pattern", "3=story")
    data = json.loads(result.output)
    by_date = {s["date"]: s for s in data["sessions"]}
    assert by_date["2026-10-10"]["items"][-1]["label"] == "讲故事"
    assert by_date["2026-10-14"]["items"][-1]["label"] == "讲故事"  # the real Wednesday too
    assert by_date["2026-10-09"]["items"][-1]["label"] == "齐读"


def test_pattern_weekdays_are_named_the_way_teachers_say_them():
    bad = run("plan", "--stage", "primary_middle", "--start", "2026-09-01", "--end", "2026-09-30",
              "--pattern", "周六=recitation_check")
    assert bad.exit_code == 1
    assert "周一…周五" in bad.output
    ok = run("plan", "--stage", "primary_middle", "--start", "2026-09-01", "--end", "2026-09-30",
             "--pattern", "5=recitation_check")
    fridays = [s for s in json.loads(ok.output)["sessions"] if s["date"] == "2026-09-04"]
    assert any(i["label"] == "背诵检查" for i in fridays[0]["items"])
