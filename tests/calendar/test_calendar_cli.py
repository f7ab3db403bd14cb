"""``classics festivals`` and ``classics calendar`` as a user runs them."""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from curriculum.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_festivals_json_rows():
    result = run("festivals", "2026", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 14
    by_key = {r["key"]: r for r in rows}
    assert by_key["zhongqiu"] == {
        "key": "zhongqiu",
        "name": "中秋节",
        "date": "2026-09-25",
        "kind": "lunar",
        "theme": "中秋诗会",
        "texts": ["shuidiao_getou", "wangyue_huaiyuan", "jingyesi"],
    }
    assert by_key["qingming"]["kind"] == "solar_term"
    assert by_key["national_day"]["kind"] == "fixed"
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert "中秋节" in result.output  # ensure_ascii=False


def test_festivals_text_output():
    result = run("festivals", "2025")
    assert result.exit_code == 0
    assert "2025-01-28 周二  除夕" in result.output


def test_festivals_out_of_range_exits_1_with_the_range():
    result = run("festivals", "2100")
    assert result.exit_code == 1
    assert "1901–2099" in result.output
    assert "Traceback" not in result.output


def test_calendar_days_json():
    result = run("calendar", "days", "2026-09-28", "2026-10-12", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    dates = [d["date"] for d in data["school_days"]]
    assert "2026-10-10" in dates and "2026-10-01" not in dates
    assert {"date": "2026-10-06", "reason": "国庆节（调休放假）"} in data["skipped"]
    assert data["notes"] == []


def test_calendar_days_says_when_the_arrangement_is_missing(monkeypatch):
    from curriculum.schoolcal import official

    real = official.published_years()
    monkeypatch.setattr(official, "published_years", lambda: real - {2027})
    result = run("calendar", "days", "2027-01-01", "2027-01-31")
    assert result.exit_code == 0
    assert "2027 年的国务院放假安排尚未收录" in result.output
    data = json.loads(run("calendar", "days", "2027-01-01", "2027-01-31", "--json").output)
    assert data["notes"] and "2027" in data["notes"][0]


def test_calendar_days_has_no_note_for_a_published_year():
    """Real package data: 2026 is published, so the text output carries no 注意 line."""
    result = run("calendar", "days", "2026-01-01", "2026-12-31")
    assert result.exit_code == 0, result.output
    assert "注意" not in result.output and "尚未收录" not in result.output


def test_calendar_days_bad_range():
    result = run("calendar", "days", "2026-10-12", "2026-09-28")
    assert result.exit_code == 1
    assert "早于" in result.output


def test_calendar_term_from_the_database(app_env):
    from sqlmodel import Session

    from curriculum.db import make_engine
    from curriculum.demo.schools import seed as seed_demo

    engine = make_engine(app_env)
    with Session(engine) as session:
        seed_demo(session=session)
    engine.dispose()
    listing = json.loads(run("calendar", "terms", "--json").output)
    assert [r["name"] for r in listing] == ["2026–2027 学年第一学期", "2026–2027 学年第二学期"]
    result = run("calendar", "term", str(listing[0]["term_id"]), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"date": "2026-11-12", "reason": "学校停课：期中考试"} in data["skipped"]
    missing = run("calendar", "term", "999")
    assert missing.exit_code == 1 and "学期（编号 999）不存在" in missing.output  # NotFound, via get_or_raise


def test_calendar_closure_and_makeup_commands(app_env):
    from sqlmodel import Session

    from curriculum.db import make_engine
    from tests.utils.planner import make_school, make_term

    engine = make_engine(app_env)
    with Session(engine) as session:
        school = make_school(session, "甲小学")
        term_id = make_term(session, school.id, "秋季", date(2026, 9, 1), date(2027, 1, 22)).id
    engine.dispose()

    def school_days() -> int:
        return len(json.loads(run("calendar", "term", str(term_id), "--json").output)["school_days"])

    before = school_days()
    added = run("calendar", "add-closure", str(term_id), "2026-11-12", "2026-11-13", "期中考试")
    assert added.exit_code == 0, added.output
    assert "停课 2026-11-12 至 2026-11-13：期中考试" in added.output
    assert school_days() == before - 2
    makeup = run("calendar", "add-makeup", str(term_id), "2026-11-14", "--timetable", "1", "考试补课")
    assert makeup.exit_code == 0 and "按周一课表" in makeup.output
    assert school_days() == before - 1
    bad = run("calendar", "add-makeup", str(term_id), "2026-11-16")
    assert bad.exit_code == 1 and "本来就要上课" in bad.output
    friday = run("calendar", "add-makeup", str(term_id), "2026-11-21", "--timetable", "周五", "运动会补课")
    assert friday.exit_code == 0 and "按周五课表" in friday.output
    by_date = {d["date"]: d for d in json.loads(run("calendar", "term", str(term_id), "--json").output)["school_days"]}
    assert by_date["2026-11-14"]["timetable_weekday"] == 0  # "1" = 周一, stored 0-based
    assert by_date["2026-11-21"]["timetable_weekday"] == 4
    assert school_days() == before
    adjustment_id = added.output.split("编号 ")[1].split("）")[0]
    assert run("calendar", "delete-adjustment", adjustment_id).exit_code == 0
    assert school_days() == before + 2
    assert run("calendar", "delete-adjustment", adjustment_id).exit_code == 1


def test_add_makeup_timetable_help_and_bad_weekday(app_env):
    from sqlmodel import Session

    from curriculum.db import make_engine
    from tests.utils.planner import make_school, make_term

    help_text = run("calendar", "add-makeup", "--help").output
    assert "1 = 周一" in help_text and "周一…周五" in help_text
    engine = make_engine(app_env)
    with Session(engine) as session:
        school = make_school(session, "乙小学")
        term_id = make_term(session, school.id, "秋季", date(2026, 9, 1), date(2027, 1, 22)).id
    engine.dispose()
    for bad in ("周六", "6", "0"):
        result = run("calendar", "add-makeup", str(term_id), "2026-11-14", "--timetable", bad)
        assert result.exit_code == 2, bad
        assert "不是周一到周五之一" in result.output and "Traceback" not in result.output
    # Nothing was saved by the rejected calls; 三 is accepted and means 周三.
    ok = run("calendar", "add-makeup", str(term_id), "2026-11-14", "--timetable", "三")
    assert ok.exit_code == 0 and "按周三课表" in ok.output
