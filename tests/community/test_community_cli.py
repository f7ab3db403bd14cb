"""``classics community`` against a SQLite database: a copy of the demo seeded once for the module (``demo_url``)."""

import json

import ics
from click.testing import CliRunner
from icalendar import Calendar
from sqlmodel import Session, select

from curriculum.cli import main
from curriculum.db import make_engine
from curriculum.festivals import festivals_for_year
from curriculum.models.community import Person, ReadingPoint


def _ids(url):
    """Reading point and person ids by name in the demo at ``url``."""
    engine = make_engine(url)
    with Session(engine) as session:
        ids = {p.name: p.id for p in session.exec(select(ReadingPoint))}
        ids.update({p.name: p.id for p in session.exec(select(Person))})
    engine.dispose()
    return ids


def test_festivals_suggest_json(demo_url):
    ids = _ids(demo_url)
    result = CliRunner().invoke(main, ["community", "festivals-suggest", "2027", "--point",
                                       str(ids["郾城区图书馆诵读点"]), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["start"][:10] for r in rows] == sorted(f.date.isoformat() for f in festivals_for_year(2027))
    assert {r["status"] for r in rows} == {"suggested"}
    assert "读论语 拜大年" in {r["title"] for r in rows}


def test_festivals_suggest_needs_a_place(app_env):
    result = CliRunner().invoke(main, ["community", "festivals-suggest", "2027"])
    assert result.exit_code == 1 and "二选一" in result.output


def test_ics_for_point_and_person(demo_url, tmp_path):
    ids = _ids(demo_url)
    out = tmp_path / "point.ics"
    library = str(ids["郾城区图书馆诵读点"])
    result = CliRunner().invoke(main, ["community", "ics", "--point", library, "--out", str(out)])
    assert result.exit_code == 0, result.output
    cal = Calendar.from_ical(out.read_bytes())
    assert {str(v["SUMMARY"]) for v in cal.walk("VEVENT")} == {"周末公益诵读"}
    assert len(ics.Calendar(out.read_text(encoding="utf-8")).events) == len(cal.walk("VEVENT"))
    person = tmp_path / "zhang.ics"
    result = CliRunner().invoke(main, ["community", "ics", "--person", str(ids["张明"]), "--out", str(person)])
    assert result.exit_code == 0, result.output
    assert all(e.name.startswith("领读") for e in ics.Calendar(person.read_text(encoding="utf-8")).events)
    bad = CliRunner().invoke(main, ["community", "ics", "--out", str(out)])
    assert bad.exit_code == 1 and "--point" in bad.output


def test_roster_pdf_and_html(demo_url, tmp_path):
    pdf, page = tmp_path / "r.pdf", tmp_path / "r.html"
    assert CliRunner().invoke(main, ["community", "roster", "--week", "2026-11-02", "--out", str(pdf)]).exit_code == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    result = CliRunner().invoke(main, ["community", "roster", "--week", "2026-11-02", "--out", str(page)])
    assert result.exit_code == 0
    text = page.read_text(encoding="utf-8")
    assert "志愿排班表（2026-11-02 至 2026-11-08）" in text and "张明" in text
    bad = CliRunner().invoke(main, ["community", "roster", "--week", "2026-11-02", "--out", str(tmp_path / "r.doc")])
    assert bad.exit_code == 1 and ".pdf" in bad.output


def test_reminders_lists_short_shifts(demo_url):
    # demo staffing covers the three weeks after 28 Nov; the Saturday after has nobody yet
    result = CliRunner().invoke(main, ["community", "reminders", "--now", "2026-12-18 10:00", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["event"], r["task"], r["missing"]) for r in rows] == [("周末公益诵读", "领读", 1),
                                                                     ("周末公益诵读", "签到引导", 1)]
    # the Saturday of 5 Dec is fully staffed
    quiet = CliRunner().invoke(main, ["community", "reminders", "--now", "2026-12-04 10:00"])
    assert "没有缺人" in quiet.output


def test_reminders_default_to_the_local_community_clock(demo_url, monkeypatch):
    from datetime import datetime

    from curriculum.community import reminders

    monkeypatch.setattr(reminders, "local_now", lambda: datetime(2026, 12, 18, 10, 0))
    result = CliRunner().invoke(main, ["community", "reminders", "--json"])
    assert result.exit_code == 0, result.output
    assert [(r["event"], r["task"]) for r in json.loads(result.output)] == [("周末公益诵读", "领读"),
                                                                            ("周末公益诵读", "签到引导")]


def test_roster_for_an_unknown_point_fails_and_writes_nothing(demo_url, tmp_path):
    out = tmp_path / "r.html"
    args = ["community", "roster", "--week", "2026-11-02", "--point", "99", "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "诵读点 99 不存在" in result.output
    assert not out.exists()
