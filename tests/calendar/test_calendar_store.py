"""Schools, terms, closures and make-up days in the database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from curriculum.demo.schools import DEMO_SCHOOL
from curriculum.demo.schools import seed as seed_demo
from curriculum.errors import NotFound
from curriculum.models.calendar import CalendarAdjustment, School, Term, TermCreate
from curriculum.schoolcal.days import CalendarError
from curriculum.schoolcal.store import (
    closure_input,
    create_closure,
    create_makeup_day,
    delete_adjustment,
    get_or_create_school,
    list_adjustments,
    list_schools,
    list_terms,
    makeup_day_input,
    school_input,
    term_calendar,
)
from curriculum.schoolcal.views import describe_adjustment
from tests.utils.planner import make_school, make_term

D = date.fromisoformat


@pytest.fixture
def term(session):
    school = make_school(session, "漯河市实验小学", "郾城区")
    return make_term(session, school.id, "2026–2027 学年第一学期", D("2026-09-01"), D("2027-01-22"))


def _count(session, model) -> int:
    return len(session.exec(select(model)).all())


def test_schools_unique_by_name(session):
    first = make_school(session, "甲小学")
    assert get_or_create_school(school_input("甲小学"), session=session).id == first.id
    with pytest.raises(CalendarError, match="已存在"):
        make_school(session, "甲小学")
    with pytest.raises(CalendarError, match="不能为空"):
        make_school(session, "  ")
    make_school(session, "乙小学")
    assert [s.name for s in list_schools(session=session)] == ["乙小学", "甲小学"]


def test_term_end_before_start_is_rejected_and_nothing_saved(session):
    school = make_school(session, "甲小学")
    with pytest.raises(CalendarError, match="早于开始日期"):
        make_term(session, school.id, "坏学期", D("2027-01-22"), D("2026-09-01"))
    assert _count(session, Term) == 0
    with pytest.raises(ValueError, match="早于开始日期"):
        TermCreate(school_id=school.id, name="x", start=D("2027-01-22"), end=D("2026-09-01"))


def test_terms_listed_by_start(session):
    school = make_school(session, "甲小学")
    make_term(session, school.id, "第二学期", D("2027-02-22"), D("2027-07-02"))
    make_term(session, school.id, "第一学期", D("2026-09-01"), D("2027-01-22"))
    assert [t.name for t in list_terms(school.id, session=session)] == ["第一学期", "第二学期"]
    with pytest.raises(CalendarError, match="已有名为"):
        make_term(session, school.id, "第一学期", D("2026-09-01"), D("2027-01-22"))


def test_term_calendar_reflects_closures_and_makeup_days(session, term):
    base = len(term_calendar(term.id, session=session).days)
    closure = create_closure(closure_input(term_id=term.id, start=D("2026-11-12"), end=D("2026-11-13"),
                                           reason="期中考试"), session=session)
    assert len(term_calendar(term.id, session=session).days) == base - 2
    makeup = create_makeup_day(makeup_day_input(term_id=term.id, day=D("2026-11-14"), timetable_weekday=0,
                                                reason="期中考试补课"), session=session)
    cal = term_calendar(term.id, session=session)
    assert len(cal.days) == base - 1
    assert cal.day_on(D("2026-11-14")).timetable_weekday == 0
    assert "学校停课：期中考试" in {s.reason for s in cal.skipped}
    assert [a.kind for a in list_adjustments(term.id, session=session)] == ["closure", "makeup"]
    assert describe_adjustment(closure) == "停课 2026-11-12 至 2026-11-13：期中考试"
    assert describe_adjustment(makeup) == "补课 2026-11-14（周六，按周一课表）：期中考试补课"
    delete_adjustment(closure.id, session=session)
    assert len(term_calendar(term.id, session=session).days) == base + 1
    # The term spans into 2027, whose official arrangement is not installed.
    assert any("2027 年" in n for n in cal.notes)


def test_deleting_a_missing_adjustment_says_it_does_not_exist(session):
    # The one "no such record" error (``get_or_raise``): a DomainError like CalendarError, shown the same way.
    with pytest.raises(NotFound, match="停课或补课记录（编号 999）不存在"):
        delete_adjustment(999, session=session)


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda s, t: create_makeup_day(makeup_day_input(term_id=t.id, day=D("2026-11-16"), timetable_weekday=0,
                                                         reason="补课"), session=s), "本来就要上课"),
        (lambda s, t: create_makeup_day(makeup_day_input(term_id=t.id, day=D("2026-10-10"), timetable_weekday=0,
                                                         reason="补课"), session=s), "本来就要上课"),
        (lambda s, t: create_makeup_day(makeup_day_input(term_id=t.id, day=D("2027-02-06"), timetable_weekday=0,
                                                         reason="补课"), session=s), "不在学期"),
        (lambda s, t: create_makeup_day(makeup_day_input(term_id=t.id, day=D("2026-11-14"), timetable_weekday=6,
                                                         reason="补课"), session=s), "周一到周五"),
        (lambda s, t: create_closure(closure_input(term_id=t.id, start=D("2026-08-31"), end=D("2026-09-02"),
                                                   reason="军训"), session=s), "不在学期"),
        (lambda s, t: create_closure(closure_input(term_id=t.id, start=D("2026-11-13"), end=D("2026-11-12"),
                                                   reason="考试"), session=s), "早于开始日期"),
        (lambda s, t: create_closure(closure_input(term_id=t.id, start=D("2026-11-12"), end=D("2026-11-13"),
                                                   reason=" "), session=s), "停课原因"),
        (lambda s, t: create_closure(closure_input(term_id=t.id, start=D("2026-10-01"), end=D("2026-10-04"),
                                                   reason="国庆"), session=s), "本来就没有要上课"),
    ],
)
def test_invalid_changes_raise_chinese_error_and_save_nothing(session, term, action, message):
    create_closure(closure_input(term_id=term.id, start=D("2026-12-01"), end=D("2026-12-01"), reason="教研活动"),
                   session=session)
    with pytest.raises(CalendarError, match=message):
        action(session, term)
    assert _count(session, CalendarAdjustment) == 1


def test_makeup_inside_closure_and_closure_over_makeup_are_rejected(session, term):
    create_closure(closure_input(term_id=term.id, start=D("2026-11-12"), end=D("2026-11-13"), reason="期中考试"),
                   session=session)
    create_makeup_day(makeup_day_input(term_id=term.id, day=D("2026-11-21"), timetable_weekday=4, reason="补课"),
                      session=session)
    with pytest.raises(CalendarError, match="停课期间"):
        create_makeup_day(makeup_day_input(term_id=term.id, day=D("2026-11-13"), timetable_weekday=0, reason="补课"),
                          session=session)
    with pytest.raises(CalendarError, match="已设为补课日"):
        create_closure(closure_input(term_id=term.id, start=D("2026-11-20"), end=D("2026-11-23"), reason="流感停课"),
                       session=session)
    assert _count(session, CalendarAdjustment) == 2


def test_adjustments_belong_to_the_school_and_show_in_every_term_covering_them(session):
    school = make_school(session, "甲小学")
    other = make_school(session, "乙小学")
    t1 = make_term(session, school.id, "秋季", D("2026-09-01"), D("2027-01-22"))
    t_other = make_term(session, other.id, "秋季", D("2026-09-01"), D("2027-01-22"))
    create_closure(closure_input(term_id=t1.id, start=D("2026-11-12"), end=D("2026-11-13"), reason="期中考试"),
                   session=session)
    assert len(list_adjustments(t1.id, session=session)) == 1
    assert list_adjustments(t_other.id, session=session) == []


def test_seed_demo_is_idempotent(session):
    assert seed_demo(session=session) == {"学校": 1, "学期": 2, "停课与补课": 4}
    assert seed_demo(session=session) == {"学校": 0, "学期": 0, "停课与补课": 0}
    schools = list_schools(session=session)
    assert [s.name for s in schools] == [DEMO_SCHOOL]
    terms = list_terms(schools[0].id, session=session)
    assert [t.name for t in terms] == ["2026–2027 学年第一学期", "2026–2027 学年第二学期"]
    reasons = {a.reason for a in list_adjustments(terms[0].id, session=session)}
    assert {"期中考试", "秋季运动会", "运动会补课"} <= reasons
    cal = term_calendar(terms[0].id, session=session)
    assert cal.day_on(D("2026-10-31")).timetable_weekday == 4
    assert cal.day_on(D("2026-11-12")) is None
    assert _count(session, School) == 1
