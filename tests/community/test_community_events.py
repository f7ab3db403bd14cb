"""Events as rule + occurrences: edit one occurrence vs the series; sign-ups with waitlist; shifts with backups."""

from datetime import date, datetime, time, timedelta

import pytest
from sqlmodel import select

from curriculum.community.conflicts import CommunityError
from curriculum.community.events import (
    EventDraft,
    assign_person,
    cancel_signup,
    create_event,
    create_shift,
    list_occurrences,
    occurrences_of,
    shift_input,
    shift_views,
    sign_up,
    sign_up_input,
    signup_lists,
    unassign,
    update_occurrence,
    update_series,
)
from curriculum.community.recurrence import weekly_rule
from curriculum.community.views import occurrence_detail
from curriculum.models.community import EventOccurrence
from tests.utils.community import draft


def saturdays(point_id, **kw):
    return draft(point_id, rrule=weekly_rule([5], until=date(2026, 10, 31)), **kw)


def starts(event_id, session):
    return [o.start for o in occurrences_of(event_id, session=session) if not o.cancelled]


def test_recurring_event_materialises_every_saturday_with_its_shifts(session, point):
    ev = create_event(saturdays(point.id), session=session)
    occs = occurrences_of(ev.id, session=session)
    assert [o.start.date() for o in occs][:3] == [date(2026, 9, 5), date(2026, 9, 12), date(2026, 9, 19)]
    assert len(occs) == 9  # 5 Sep – 31 Oct
    assert all(o.end - o.start == timedelta(hours=1) for o in occs)
    assert all(len(shift_views(o.id, session=session)) == 1 for o in occs)
    assert ev.rrule == "FREQ=WEEKLY;UNTIL=20261031T235959;BYDAY=SA"
    assert ev.district == "源汇区"  # taken from the point


def test_summer_mornings_series(session, make_point):
    point = make_point("晨读点", open_=time(6, 30))
    ev = create_event(draft(point.id, title="暑期公益晨读", start=datetime(2026, 7, 6, 7, 0), minutes=40,
                            rrule=weekly_rule([0, 1, 2, 3, 4], until=date(2026, 8, 31))), session=session)
    occs = occurrences_of(ev.id, session=session)
    assert len(occs) == 41
    assert {o.start.weekday() for o in occs} == {0, 1, 2, 3, 4}
    assert {(o.start.time().isoformat(), o.end.time().isoformat()) for o in occs} == {("07:00:00", "07:40:00")}


def test_edit_one_occurrence_becomes_an_exception(session, point):
    ev = create_event(saturdays(point.id), session=session)
    second = occurrences_of(ev.id, session=session)[1]
    update_occurrence(second.id, start=datetime(2026, 9, 12, 14, 0), title="周末诵读·书法专场", session=session)
    occs = occurrences_of(ev.id, session=session)
    assert occs[1].is_exception and occs[1].start == datetime(2026, 9, 12, 14, 0)
    assert occs[1].end == datetime(2026, 9, 12, 15, 0)
    assert occs[1].title == "周末诵读·书法专场"
    (shift,) = shift_views(occs[1].id, session=session)
    assert shift.start == datetime(2026, 9, 12, 14, 0)  # the volunteers' shift moved with it
    assert [o.start.hour for o in occs if o.id != second.id] == [9] * 8  # the others are untouched


def test_edit_series_regenerates_future_and_keeps_exceptions_and_past(session, point, make_person):
    ev = create_event(saturdays(point.id), session=session)
    occs = occurrences_of(ev.id, session=session)
    moved = occs[3]  # 26 Sep, edited by hand
    update_occurrence(moved.id, start=datetime(2026, 9, 26, 15, 0), session=session)
    keeper = occs[4]  # 3 Oct: has a sign-up and a volunteer that must survive the time change
    su = sign_up(sign_up_input(occurrence_id=keeper.id, name="王小明", role="student"), session=session)
    (shift,) = shift_views(keeper.id, session=session)
    assign_person(shift.id, make_person("张明").id, session=session)

    cut = datetime(2026, 9, 20)
    new = EventDraft.from_event(ev, start=datetime(2026, 9, 5, 10, 0), duration_minutes=90,
                                rrule=weekly_rule([5], until=date(2026, 11, 14)), shifts=())
    update_series(ev.id, new, session=session, from_time=cut)

    after = occurrences_of(ev.id, session=session)
    by_date = {o.start.date(): o for o in after}
    # past occurrences unchanged
    assert [by_date[date(2026, 9, d)].start.hour for d in (5, 12, 19)] == [9, 9, 9]
    # the exception kept exactly as edited
    assert by_date[date(2026, 9, 26)].start == datetime(2026, 9, 26, 15, 0)
    assert by_date[date(2026, 9, 26)].is_exception
    # future regular occurrences regenerated at 10:00 for 90 minutes, and the series extended to 14 Nov
    future = [o for o in after if o.start >= cut and not o.is_exception]
    assert {(o.start.hour, (o.end - o.start).seconds // 60) for o in future} == {(10, 90)}
    assert max(o.start.date() for o in after) == date(2026, 11, 14)
    assert len(after) == 11
    # the 3 Oct occurrence kept its sign-up and volunteer, and the shift follows the new time
    oct3 = by_date[date(2026, 10, 3)]
    assert oct3.id == keeper.id
    assert [s.id for s in signup_lists(oct3.id, session=session)[0]] == [su.id]
    (shift,) = shift_views(oct3.id, session=session)
    assert [a.name for a in shift.assigned] == ["张明"]
    assert (shift.start, shift.end) == (datetime(2026, 10, 3, 10, 0), datetime(2026, 10, 3, 11, 30))
    # new dates got the series' shifts
    assert [s.task for s in shift_views(by_date[date(2026, 11, 14)].id, session=session)] == ["领读"]


def test_edit_series_shortening_removes_future_dates(session, point):
    ev = create_event(saturdays(point.id), session=session)
    new = EventDraft.from_event(ev, rrule=weekly_rule([5], until=date(2026, 9, 30)))
    update_series(ev.id, new, session=session, from_time=datetime(2026, 9, 1))
    assert [s.day for s in starts(ev.id, session)] == [5, 12, 19, 26]


def _october_with_people(session, point, make_person):
    """The Saturday series; 10 Oct has a sign-up and a volunteer, 17 Oct has attendance recorded."""
    from curriculum.community.attendance import attendance_input, record_attendance

    ev = create_event(saturdays(point.id), session=session)
    by_date = {o.start.date(): o for o in occurrences_of(ev.id, session=session)}
    sign_up(sign_up_input(occurrence_id=by_date[date(2026, 10, 10)].id, name="王小明"), session=session)
    (shift,) = shift_views(by_date[date(2026, 10, 10)].id, session=session)
    assign_person(shift.id, make_person("张明").id, session=session)
    record_attendance(attendance_input(occurrence_id=by_date[date(2026, 10, 17)].id, counts={"resident": 12},
                                       duration_minutes=60), session=session)
    return ev, by_date


def test_shortening_a_series_warns_before_deleting_sign_ups_and_volunteers(session, point, make_person):
    from curriculum.community.conflicts import ConflictError

    ev, by_date = _october_with_people(session, point, make_person)
    shorter = EventDraft.from_event(ev, rrule=weekly_rule([5], until=date(2026, 10, 10)))
    before = len(occurrences_of(ev.id, session=session))
    with pytest.raises(ConflictError) as err:
        update_series(ev.id, shorter, session=session, from_time=datetime(2026, 10, 1), override=True)
    assert not err.value.overridable  # 17 Oct has attendance: never deleted
    (hard,) = [c for c in err.value.conflicts if c.severity == "error"]
    assert hard.code == "occurrence_has_attendance" and "2026年10月17日" in hard.message
    assert "单独取消" in hard.message
    assert len(occurrences_of(ev.id, session=session)) == before  # nothing deleted

    # cancelled on its own, the 17 Oct occurrence and its record stay; 24 and 31 Oct hold nobody
    update_occurrence(by_date[date(2026, 10, 17)].id, cancelled=True, session=session)
    shorter = EventDraft.from_event(ev, rrule=weekly_rule([5], until=date(2026, 10, 3)))
    with pytest.raises(ConflictError) as err:
        update_series(ev.id, shorter, session=session, from_time=datetime(2026, 10, 1))
    assert err.value.overridable
    assert [c.code for c in err.value.conflicts] == ["occurrence_deleted"]
    assert "2026年10月10日" in err.value.conflicts[0].message
    assert "报名 1 人、志愿排班 1 人次" in err.value.conflicts[0].message
    assert len(occurrences_of(ev.id, session=session)) == before

    update_series(ev.id, shorter, session=session, from_time=datetime(2026, 10, 1), override=True)
    left = {o.start.date(): o for o in occurrences_of(ev.id, session=session)}
    assert date(2026, 10, 10) not in left and date(2026, 10, 24) not in left
    assert left[date(2026, 10, 17)].cancelled


def test_changing_weekdays_warns_before_deleting_a_staffed_saturday(session, point, make_person):
    from curriculum.community.conflicts import ConflictError

    ev, _ = _october_with_people(session, point, make_person)
    sundays = EventDraft.from_event(ev, start=datetime(2026, 9, 6, 9, 0),
                                    rrule=weekly_rule([6], until=date(2026, 10, 31)))
    with pytest.raises(ConflictError) as err:
        update_series(ev.id, sundays, session=session, from_time=datetime(2026, 10, 5), override=True)
    assert sorted(c.code for c in err.value.conflicts) == ["occurrence_deleted", "occurrence_has_attendance"]


def test_cancel_one_occurrence(session, point):
    ev = create_event(saturdays(point.id), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    update_occurrence(occ.id, cancelled=True, session=session)
    rows = list_occurrences(session=session, start=datetime(2026, 9, 1), end=datetime(2026, 9, 30))
    assert [r.start.day for r in rows] == [12, 19, 26]
    with pytest.raises(CommunityError, match="已取消"):
        sign_up(sign_up_input(occurrence_id=occ.id, name="甲"), session=session)


def test_waitlist_promotion_in_order(session, point):
    ev = create_event(draft(point.id, capacity=2), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    a, b, c, d = (sign_up(sign_up_input(occurrence_id=occ.id, name=n),
                          session=session) for n in ("甲", "乙", "丙", "丁"))
    assert [x.status for x in (a, b, c, d)] == ["confirmed", "confirmed", "waitlist", "waitlist"]
    promoted = cancel_signup(b.id, session=session)
    assert promoted.id == c.id and promoted.status == "confirmed"
    confirmed, waiting = signup_lists(occ.id, session=session)
    assert [s.name for s in confirmed] == ["甲", "丙"] and [s.name for s in waiting] == ["丁"]
    # cancelling someone on the waitlist promotes nobody
    assert cancel_signup(d.id, session=session) is None
    assert [s.name for s in signup_lists(occ.id, session=session)[0]] == ["甲", "丙"]


def test_raising_capacity_promotes_the_waitlist_in_order(session, point):
    ev = create_event(draft(point.id, capacity=1, rrule=weekly_rule([5], until=date(2026, 9, 12))), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    for name in ("甲", "乙", "丙", "丁"):
        sign_up(sign_up_input(occurrence_id=occ.id, name=name), session=session)
    update_series(ev.id, EventDraft.from_event(ev, capacity=3), session=session, from_time=datetime(2026, 9, 1))
    confirmed, waiting = signup_lists(occ.id, session=session)
    assert [s.name for s in confirmed] == ["甲", "乙", "丙"] and [s.name for s in waiting] == ["丁"]


def test_nobody_jumps_the_waitlist(session, point):
    ev = create_event(draft(point.id, capacity=2), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    first, _, third = (sign_up(sign_up_input(occurrence_id=occ.id, name=n),
                               session=session) for n in ("甲", "乙", "丙"))
    assert third.status == "waitlist"
    # a place is free again, but 丙 was promoted into it; while someone waits, newcomers queue
    cancel_signup(first.id, session=session)
    fourth = sign_up(sign_up_input(occurrence_id=occ.id, name="丁"), session=session)
    sign_up(sign_up_input(occurrence_id=occ.id, name="戊"), session=session)
    confirmed, waiting = signup_lists(occ.id, session=session)
    assert [s.name for s in confirmed] == ["乙", "丙"] and [s.name for s in waiting] == ["丁", "戊"]
    assert fourth.status == "waitlist"


def test_waitlist_non_empty_sends_new_sign_ups_to_it_even_with_a_free_place(session, point):
    from curriculum.models.community import SignUp

    ev = create_event(draft(point.id, capacity=2), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    sign_up(sign_up_input(occurrence_id=occ.id, name="甲"), session=session)
    # a queue left over (e.g. from before a place was freed by hand)
    session.add(SignUp(occurrence_id=occ.id, name="乙", status="waitlist", seq=5))
    session.commit()
    assert sign_up(sign_up_input(occurrence_id=occ.id, name="丙"), session=session).status == "waitlist"


def test_the_same_person_cannot_sign_up_twice(session, point):
    ev = create_event(draft(point.id, capacity=1), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    sign_up(sign_up_input(occurrence_id=occ.id, name="王芳", phone="138-1234-0000"), session=session)
    with pytest.raises(CommunityError, match="“王芳”.*已报名，不能重复报名"):
        sign_up(sign_up_input(occurrence_id=occ.id, name=" 王芳 "), session=session)
    with pytest.raises(CommunityError, match="不能重复报名"):
        sign_up(sign_up_input(occurrence_id=occ.id, name="王芳", phone="13812340000"), session=session)
    # another 王芳 with another phone is another person (and waits)
    assert sign_up(sign_up_input(occurrence_id=occ.id, name="王芳", phone="13900001111"),
                   session=session).status == "waitlist"
    with pytest.raises(CommunityError, match="候补名单中，不能重复报名"):
        sign_up(sign_up_input(occurrence_id=occ.id, name="王芳", phone="13900001111"), session=session)
    with pytest.raises(CommunityError, match="报名手机号"):
        sign_up(sign_up_input(occurrence_id=occ.id, name="李雷", phone="12345"), session=session)
    # after cancelling, signing up again is fine
    (wang, _) = signup_lists(occ.id, session=session)[0] + signup_lists(occ.id, session=session)[1]
    cancel_signup(wang.id, session=session)
    assert sign_up(sign_up_input(occurrence_id=occ.id, name="王芳", phone="13812340000"),
                   session=session).status == "waitlist"


def test_unlimited_capacity_never_waitlists(session, point):
    ev = create_event(draft(point.id, capacity=0), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    assert {sign_up(sign_up_input(occurrence_id=occ.id, name=f"人{i}"),
                    session=session).status for i in range(40)} == {"confirmed"}


def test_backup_steps_up_when_volunteer_leaves(session, point, make_person):
    ev = create_event(draft(point.id, shifts=()), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    shift = create_shift(shift_input(occurrence_id=occ.id, task="签到引导", needed=1), session=session)
    main = assign_person(shift.id, make_person("张明").id, session=session)
    assign_person(shift.id, make_person("刘芳").id, session=session, backup=True)
    promoted = unassign(main.id, session=session)
    (view,) = shift_views(occ.id, session=session)
    assert promoted is not None and [a.name for a in view.assigned] == ["刘芳"] and view.backups == ()


def test_bad_input_names_the_field(session, point):
    with pytest.raises(CommunityError, match="融合方向"):
        create_event(draft(point.id, integration="sports"), session=session)
    with pytest.raises(CommunityError, match="面向学段"):
        create_event(draft(point.id, stages=("grade9",)), session=session)
    with pytest.raises(CommunityError, match="活动名称"):
        create_event(draft(point.id, title=" "), session=session)
    assert session.exec(select(EventOccurrence)).all() == []


def test_detail_is_plain_data(session, point):
    ev = create_event(saturdays(point.id, texts=("dizigui",), stages=("primary_lower",)), session=session)
    detail = occurrence_detail(occurrences_of(ev.id, session=session)[0].id, session=session)
    assert detail["rule"] == "每周六 09:00–10:00，至2026年10月31日"
    assert detail["texts"] == ["dizigui"] and detail["point"] == "老街社区诵读点"
    assert detail["when"] == "2026年9月5日（周六）09:00–10:00"


def test_one_occurrence_moves_by_date_and_time_given_separately(session, point):
    from datetime import time as clock

    ev = create_event(saturdays(point.id), session=session)
    occ = occurrences_of(ev.id, session=session)[1]
    update_occurrence(occ.id, start_time=clock(14, 0), session=session)
    assert (occ.start, occ.end) == (datetime(2026, 9, 12, 14, 0), datetime(2026, 9, 12, 15, 0))
    update_occurrence(occ.id, day=date(2026, 9, 13), session=session)  # the time is kept
    assert occ.start == datetime(2026, 9, 13, 14, 0)


def test_pages_leave_date_arithmetic_to_the_domain():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    files = [root / "pages" / "events.py", root / "pages" / "reading_points.py",
             *sorted((root / "ui" / "events").glob("*.py")), *sorted((root / "ui" / "community").glob("*.py"))]
    for path in files:
        source = path.read_text(encoding="utf-8")
        assert "combine(" not in source and "timedelta" not in source, path.name


def test_stop_series_cancels_from_a_day_and_keeps_the_record(session, point):
    from curriculum.community.events import stop_series

    ev = create_event(saturdays(point.id), session=session)
    occ = occurrences_of(ev.id, session=session)[4]  # 3 Oct
    sign_up(sign_up_input(occurrence_id=occ.id, name="王小明"), session=session)
    assert stop_series(ev.id, date(2026, 10, 1), session=session) == 5  # 3, 10, 17, 24, 31 Oct
    assert [s.day for s in starts(ev.id, session)] == [5, 12, 19, 26]
    assert [s.name for s in signup_lists(occ.id, session=session)[0]] == ["王小明"]  # kept, not deleted
    assert ev.rrule == "FREQ=WEEKLY;UNTIL=20260930T235959;BYDAY=SA"
    with pytest.raises(CommunityError, match="没有未取消的场次"):
        stop_series(ev.id, date(2026, 10, 1), session=session)
    # a later series edit keeps the cancelled ones as they are
    update_series(ev.id, EventDraft.from_event(ev, title="周末诵读"), session=session, from_time=datetime(2026, 9, 1))
    assert sum(o.cancelled for o in occurrences_of(ev.id, session=session)) == 5


def test_series_form_round_trip(session, point):
    from curriculum.community.events import edit_series_from_form
    from curriculum.community.views import series_form

    ev = create_event(saturdays(point.id, capacity=20, texts=("lunyu",)), session=session)
    form = series_form(ev.id, session=session)
    assert (form["repeat_days"], form["until"], form["capacity"], form["texts"]) == (
        [5], date(2026, 10, 31), 20, ["lunyu"])
    form.update(repeat_days=[5, 6], until=date(2026, 9, 13), capacity=25, sphere="family")
    edit_series_from_form(ev.id, session=session, from_time=datetime(2026, 9, 1), **form)
    assert [(s.month, s.day) for s in starts(ev.id, session)] == [(9, 5), (9, 6), (9, 12), (9, 13)]
    assert (ev.capacity, ev.sphere) == (25, "family")
    with pytest.raises(CommunityError, match="星期几"):
        edit_series_from_form(ev.id, session=session, from_time=datetime(2026, 9, 1), **{**form, "repeat_days": []})
