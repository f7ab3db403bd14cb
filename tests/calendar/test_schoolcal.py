"""School calendar: official holidays and 调休 from the ``holidays`` package, plus the school's own changes.

Dates checked against the State Council notices (国务院办公厅关于2026年部分节假日安排的通知):
元旦 1/1–1/3 放假, 1/4（周日）上班; 春节 2/15–2/23 放假, 2/14（周六）、2/28（周六）上班;
清明 4/4–4/6; 劳动节 5/1–5/5, 5/9（周六）上班; 端午 6/19–6/21; 中秋 9/25–9/27;
国庆 10/1–10/7, 9/20（周日）、10/10（周六）上班.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from curriculum.schoolcal import (
    CalendarError,
    Closure,
    MakeupDay,
    build_term_calendar,
    default_term_dates,
    is_school_day,
    official,
    official_arrangement_known,
    parse_timetable_weekday,
)
from curriculum.vocab import DAY_STATUSES

D = date.fromisoformat


def term(start: str, end: str, **kwargs):
    return build_term_calendar(D(start), D(end), **kwargs)


def assert_school_day(day: str, *, timetable: int | None = None, note: str | None = None, **kwargs) -> None:
    cal = term(day, day, **kwargs)
    assert [d.date for d in cal.days] == [D(day)], f"{day} should be a school day"
    if timetable is not None:
        assert cal.days[0].timetable_weekday == timetable
    if note is not None:
        assert cal.days[0].note == note


def assert_no_school(day: str, reason: str | None = None, **kwargs) -> None:
    cal = term(day, day, **kwargs)
    assert cal.days == [], f"{day} should not be a school day"
    if reason is not None:
        assert [(s.date, s.reason) for s in cal.skipped] == [(D(day), reason)]


def test_national_day_week_2026_is_off():
    cal = term("2026-09-28", "2026-10-09")
    assert [d.date.isoformat() for d in cal.days] == [
        "2026-09-28", "2026-09-29", "2026-09-30", "2026-10-08", "2026-10-09",
    ]
    assert {s.date.isoformat(): s.reason for s in cal.skipped} == {
        "2026-10-01": "国庆节",
        "2026-10-02": "国庆节",
        "2026-10-05": "国庆节（补假）",
        "2026-10-06": "国庆节（调休放假）",
        "2026-10-07": "国庆节（调休放假）",
    }


@pytest.mark.parametrize(
    ("day", "timetable", "holiday"),
    [
        ("2026-01-04", 4, "元旦"),  # Sunday worked for Friday 1/2
        ("2026-02-14", 4, "春节"),  # Saturday worked for Friday 2/20
        ("2026-02-28", 0, "春节"),  # Saturday worked for Monday 2/23
        ("2026-05-09", 1, "劳动节"),  # Saturday worked for Tuesday 5/5
        ("2026-09-20", 1, "国庆节"),  # Sunday worked for Tuesday 10/6
        ("2026-10-10", 2, "国庆节"),  # Saturday worked for Wednesday 10/7
    ],
)
def test_official_makeup_days_2026_are_school_days(day, timetable, holiday):
    assert D(day).weekday() >= 5
    assert_school_day(day, timetable=timetable, note=f"调休上班（{holiday}）")
    assert term(day, day).days[0].makeup


def test_ordinary_weekend_is_not_a_school_day_and_not_listed_as_skipped():
    cal = term("2026-09-26", "2026-09-27")  # Sat/Sun inside 中秋 holiday and plain weekend
    assert cal.days == [] and cal.skipped == []
    assert_no_school("2026-11-28")


def test_2026_year_totals():
    cal = term("2026-01-01", "2026-12-31")
    weekdays = sum(1 for n in range(365) if date.fromordinal(D("2026-01-01").toordinal() + n).weekday() < 5)
    makeups = [d for d in cal.days if d.makeup]
    assert len(makeups) == 6
    # Every weekday is either a school day or skipped with a reason.
    assert len(cal.days) - len(makeups) + len(cal.skipped) == weekdays
    assert all(s.reason for s in cal.skipped)
    assert cal.notes == []


def test_2025_mid_autumn_and_national_day_share_a_week():
    assert_no_school("2025-10-06", "中秋节")
    assert_no_school("2025-10-08", "国庆节、中秋节（调休放假）")
    assert_school_day("2025-09-28", timetable=1, note="调休上班（国庆节、中秋节）")
    assert_school_day("2025-10-11", timetable=2)


def test_spring_festival_2026_with_chuxi():
    assert_no_school("2026-02-16", "农历除夕")
    assert_no_school("2026-02-20", "春节（调休放假）")
    assert_no_school("2026-02-23", "春节（调休放假）")
    assert_school_day("2026-02-24")


def test_a_school_closure_removes_school_days():
    plain = term("2026-11-02", "2026-11-13")
    closed = term(
        "2026-11-02", "2026-11-13", closures=[Closure(D("2026-11-11"), D("2026-11-13"), "期中考试")]
    )
    assert len(plain.days) == 10
    assert len(closed.days) == 7
    assert [(s.date.isoformat(), s.reason) for s in closed.skipped] == [
        ("2026-11-11", "学校停课：期中考试"),
        ("2026-11-12", "学校停课：期中考试"),
        ("2026-11-13", "学校停课：期中考试"),
    ]


def test_a_closure_over_an_official_makeup_day_removes_it_too():
    cal = term("2026-10-10", "2026-10-10", closures=[Closure(D("2026-10-10"), D("2026-10-10"), "运动会")])
    assert cal.days == []
    assert [s.reason for s in cal.skipped] == ["学校停课：运动会"]


def test_school_makeup_saturday_with_monday_timetable():
    makeup = MakeupDay(D("2026-11-14"), 0, "运动会补课")
    assert_no_school("2026-11-14")
    assert_school_day("2026-11-14", timetable=0, note="学校补课：运动会补课", makeup_days=[makeup])
    cal = term("2026-11-09", "2026-11-15", makeup_days=[makeup])
    assert [d.date.isoformat() for d in cal.days][-1] == "2026-11-14"
    assert len(cal.days) == 6
    assert is_school_day(D("2026-11-14"), makeup_days=[makeup])
    assert not is_school_day(D("2026-11-14"))


def test_school_makeup_on_a_day_that_already_has_lessons_is_an_error():
    with pytest.raises(CalendarError, match="本来就要上课"):
        term("2026-11-01", "2026-11-30", makeup_days=[MakeupDay(D("2026-11-16"), 0, "补课")])
    with pytest.raises(CalendarError, match="本来就要上课"):  # the official make-up Saturday
        term("2026-10-01", "2026-10-31", makeup_days=[MakeupDay(D("2026-10-10"), 0, "补课")])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"makeup_days": [MakeupDay(D("2026-12-19"), 0, "x")]}, "不在学期内"),
        ({"makeup_days": [MakeupDay(D("2026-11-14"), 5, "x")]}, "周一到周五"),
        ({"closures": [Closure(D("2026-11-13"), D("2026-11-11"), "期中考试")]}, "早于开始日期"),
    ],
)
def test_invalid_school_changes(kwargs, message):
    with pytest.raises(CalendarError, match=message):
        term("2026-11-01", "2026-11-30", **kwargs)


def test_end_before_start():
    with pytest.raises(CalendarError, match="早于"):
        term("2026-11-30", "2026-11-01")
    assert issubclass(CalendarError, ValueError)


def unpublish(monkeypatch, *years: int) -> None:
    """Treat ``years`` as not yet in the installed ``holidays`` data, whatever release is installed."""
    real = official.published_years()
    monkeypatch.setattr(official, "published_years", lambda: real - set(years))


MISSING_2027 = "2027 年的国务院放假安排尚未收录，仅按法定节假日计算（调休以官方公布为准）"


def test_installed_data_has_the_2026_arrangement():
    """Real package data, no seam: the 2026 notice is published, so no notice on the calendar."""
    assert official_arrangement_known(2026)
    assert 2026 in official.published_years()
    assert term("2026-01-01", "2026-12-31").notes == []


def test_year_without_official_arrangement_uses_statutory_days_and_says_so(monkeypatch):
    unpublish(monkeypatch, 2027)
    assert official_arrangement_known(2026)
    assert not official_arrangement_known(2027)
    cal = term("2027-01-01", "2027-10-31")
    assert cal.notes == [MISSING_2027]
    skipped = {s.date.isoformat(): s.reason for s in cal.skipped}
    # Statutory days on weekdays only: no guessed 补假, no make-up weekends.
    assert skipped == {
        "2027-01-01": "元旦",
        "2027-02-05": "农历除夕",
        "2027-02-08": "春节",
        "2027-04-05": "清明节",
        "2027-06-09": "端午节",
        "2027-09-15": "中秋节",
        "2027-10-01": "国庆节",
    }
    assert not any(d.makeup for d in cal.days)
    assert_school_day("2027-10-04")  # not a guessed 补假


def test_a_published_year_treated_as_unpublished_drops_its_moves(monkeypatch):
    """2026 has a notice; without it the calendar falls back to the statutory days and says so."""
    assert_school_day("2026-09-20", timetable=1)  # 调休上班 with the notice
    assert_no_school("2026-10-06", "国庆节（调休放假）")
    unpublish(monkeypatch, 2026)
    cal = term("2026-09-14", "2026-10-11")
    assert cal.notes == [MISSING_2027.replace("2027", "2026")]
    assert "2026-09-20" not in {d.date.isoformat() for d in cal.days}  # a plain Sunday again
    assert {s.date.isoformat(): s.reason for s in cal.skipped} == {
        "2026-09-25": "中秋节",
        "2026-10-01": "国庆节",
        "2026-10-02": "国庆节",
    }
    assert_school_day("2026-10-06")  # no longer a moved rest day
    assert_school_day("2026-10-05")  # no guessed 补假 either


def test_a_term_across_new_year_notes_only_the_missing_year(monkeypatch):
    unpublish(monkeypatch, 2027)
    cal = term("2026-09-01", "2027-01-22")
    assert cal.notes == [MISSING_2027]


def test_a_term_with_both_years_published_has_no_note(monkeypatch):
    real = official.published_years()
    monkeypatch.setattr(official, "published_years", lambda: real | {2027})
    assert term("2026-09-01", "2027-01-22").notes == []


def test_statuses_cover_every_day_with_the_five_kinds():
    cal = term("2026-10-01", "2026-10-31", closures=[Closure(D("2026-10-29"), D("2026-10-30"), "运动会")])
    statuses = {s.date.isoformat(): s.status for s in cal.statuses()}
    assert len(statuses) == 31
    assert statuses["2026-10-01"] == "holiday"
    assert statuses["2026-10-03"] == "holiday"  # a Saturday inside 国庆
    assert statuses["2026-10-10"] == "makeup"
    assert statuses["2026-10-12"] == "school"
    assert statuses["2026-10-17"] == "weekend"
    assert statuses["2026-10-29"] == "closure"
    assert set(statuses.values()) == set(DAY_STATUSES)


def test_as_dict_is_json_ready():
    data = term("2026-10-09", "2026-10-10").as_dict()
    assert data["school_days"] == [
        {"date": "2026-10-09", "timetable_weekday": 4, "makeup": False, "note": ""},
        {"date": "2026-10-10", "timetable_weekday": 2, "makeup": True, "note": "调休上班（国庆节）"},
    ]
    assert data["skipped"] == [] and data["notes"] == []


def test_summary_and_rows_for_the_page():
    from curriculum.schoolcal.views import festival_rows, makeup_rows, skipped_rows, summary

    cal = term("2026-09-28", "2026-10-31", closures=[Closure(D("2026-10-29"), D("2026-10-30"), "运动会")])
    assert summary(cal) == {"上课日": 19, "放假（工作日）": 5, "调休/补课上课": 1, "学校停课": 2}
    assert [r["原因"] for r in skipped_rows(cal, closures=True)] == ["学校停课：运动会"] * 2
    assert len(skipped_rows(cal, closures=False)) == 5
    assert makeup_rows(cal) == [{"日期": "2026-10-10", "星期": "周六", "按课表": "周三", "说明": "调休上班（国庆节）"}]
    rows = festival_rows(cal, {"shuidiao_getou": "水调歌头"})
    assert [(r["节日"], r["当天上课"]) for r in rows] == [("国庆节", "否"), ("重阳节", "否")]
    rows = festival_rows(term("2026-09-01", "2026-09-30"), {"shishuo": "师说"})
    teachers = next(r for r in rows if r["节日"] == "教师节")
    assert teachers["当天上课"] == "是" and teachers["推荐篇目"] == "《师说》"


# Official make-up working days (调休上班) from the State Council notices.
OFFICIAL_MAKEUP_DAYS = {
    2024: ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
           "2024-10-12"],
    2025: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
    2026: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
}


@pytest.mark.parametrize("year", sorted(OFFICIAL_MAKEUP_DAYS))
def test_official_makeup_days_by_year(year):
    cal = term(f"{year}-01-01", f"{year}-12-31")
    assert [d.date.isoformat() for d in cal.days if d.makeup] == OFFICIAL_MAKEUP_DAYS[year]
    assert all(d.note.startswith("调休上班（") for d in cal.days if d.makeup)


@pytest.mark.parametrize("year", [2019, 2020, 2023, 2024, 2025, 2026])
def test_school_days_are_exactly_the_official_working_days(year):
    """Without school changes, a school day is what holidays.China calls a working day."""
    import holidays

    cn = holidays.China(years=range(year - 1, year + 2), language="zh_CN")
    cal = term(f"{year}-01-01", f"{year}-12-31")
    school = set(cal.school_dates)
    for n in range(365):
        day = D(f"{year}-01-01").fromordinal(D(f"{year}-01-01").toordinal() + n)
        if day.year != year:
            break
        assert (day in school) == cn.is_working_day(day), day


def test_2024_spring_festival_week():
    cal = term("2024-02-05", "2024-02-18")
    assert [d.date.isoformat() for d in cal.days] == [
        "2024-02-05", "2024-02-06", "2024-02-07", "2024-02-08", "2024-02-09", "2024-02-18",
    ]
    # 2024-02-18 (Sunday) is worked for Friday 2-16 → Friday timetable.
    assert cal.day_on(D("2024-02-18")).timetable_weekday == 4


@pytest.mark.parametrize(
    ("text", "weekday"),
    [("周一", 0), ("星期二", 1), ("三", 2), (" 周四 ", 3), ("周五", 4), ("1", 0), ("5", 4)],
)
def test_timetable_weekday_is_read_the_chinese_way(text, weekday):
    """1 = 周一 as on a timetable; the stored value is 0-based like date.weekday()."""
    assert parse_timetable_weekday(text) == weekday


@pytest.mark.parametrize("text", ["周六", "周日", "0", "6", "Monday", ""])
def test_timetable_weekday_outside_monday_to_friday(text):
    with pytest.raises(CalendarError, match="周一到周五"):
        parse_timetable_weekday(text)


@pytest.mark.parametrize(
    ("today", "start", "end", "name"),
    [
        # During the autumn term; 春节 2027 is 2/6, so the term ends Friday 1/22.
        ("2026-11-28", "2026-09-01", "2027-01-22", "2026–2027 学年第一学期"),
        ("2027-01-22", "2026-09-01", "2027-01-22", "2026–2027 学年第一学期"),  # its last day
        # Summer break → the coming autumn term.
        ("2026-07-04", "2026-09-01", "2027-01-22", "2026–2027 学年第一学期"),
        ("2026-08-31", "2026-09-01", "2027-01-22", "2026–2027 学年第一学期"),
        # Winter break → the spring term: Monday on/after 2/20 (春节 2/6 + 10 days is earlier).
        ("2027-01-23", "2027-02-22", "2027-07-02", "2026–2027 学年第二学期"),
        # 春节 2026 is 2/17: spring starts the Monday after 2/27; ends the first Friday of July.
        ("2026-03-10", "2026-03-02", "2026-07-03", "2025–2026 学年第二学期"),
        ("2026-07-03", "2026-03-02", "2026-07-03", "2025–2026 学年第二学期"),
        # 春节 2023 is 1/22: the autumn term ends the Friday on/before 1/15.
        ("2022-10-01", "2022-09-01", "2023-01-13", "2022–2023 学年第一学期"),
    ],
)
def test_default_term_dates(today, start, end, name):
    assert default_term_dates(D(today)) == (D(start), D(end), name)


def test_default_term_dates_hold_for_every_day_of_a_decade():
    from curriculum.lunar_adapter import lunar_to_solar

    day = D("2025-01-01")
    while day <= D("2034-12-31"):
        start, end, name = default_term_dates(day)
        assert start < end and day <= end, day  # the current term or the next one
        assert end.weekday() == 4, day  # terms end on a Friday
        autumn = name.endswith("第一学期")
        spring_festival = lunar_to_solar(start.year + 1 if autumn else start.year, 1, 1)
        if autumn:
            assert start == date(start.year, 9, 1), day
            assert end <= spring_festival - timedelta(days=7), day  # home before 春节
        else:
            assert start.weekday() == 0 and start >= spring_festival + timedelta(days=10), day
            assert end.month == 7 and end.day <= 7, day
        day += timedelta(days=5)
