"""Every conflict rule, checked before saving, with its Chinese message and its boundaries."""

from datetime import date, datetime, time, timedelta

import pytest
from sqlmodel import select

from curriculum.community.conflicts import ConflictError, overlaps
from curriculum.community.events import (
    EventDraft,
    ShiftSpec,
    assign_person,
    capacity_conflict,
    check_assignment,
    check_event,
    create_event,
    create_shift,
    occurrences_of,
    shift_input,
    shift_views,
    sign_up,
    sign_up_input,
    update_occurrence,
    update_series,
)
from curriculum.community.recurrence import weekly_rule
from curriculum.community.reminders import shifts_needing_people
from curriculum.models.community import CommunityEvent, EventOccurrence
from tests.utils.community import SAT, draft


def codes(conflicts):
    return [c.code for c in conflicts]


def test_overlap_is_half_open():
    nine, ten, eleven = (datetime(2026, 9, 5, h) for h in (9, 10, 11))
    assert not overlaps(nine, ten, ten, eleven)
    assert overlaps(nine, ten + timedelta(minutes=1), ten, eleven)


# --- venue booked twice ---------------------------------------------------------------


def test_venue_double_booked_is_refused_and_nothing_saved(session, point):
    create_event(draft(point.id), session=session)
    clash = draft(point.id, title="书法体验", start=SAT + timedelta(minutes=30))
    found = check_event(clash, session=session)
    assert codes(found) == ["venue_double_booked"]
    assert "场地重复预约" in found[0].message and "周末公益诵读" in found[0].message
    with pytest.raises(ConflictError) as err:
        create_event(clash, session=session, override=True)  # hard: override does not help
    assert not err.value.overridable
    assert len(session.exec(select(CommunityEvent)).all()) == 1


def test_back_to_back_events_touching_at_ten_do_not_conflict(session, point):
    create_event(draft(point.id), session=session)  # 09:00–10:00
    assert check_event(draft(point.id, title="书法体验", start=SAT.replace(hour=10)), session=session) == []
    assert check_event(draft(point.id, title="早场", start=SAT.replace(hour=8)), session=session) == []


def test_recurring_series_clashing_on_one_saturday_names_that_date(session, point):
    create_event(draft(point.id, title="中秋诗会", start=datetime(2026, 9, 26, 9, 30)), session=session)
    series = draft(point.id, rrule=weekly_rule([5], until=date(2026, 10, 31)))
    found = check_event(series, session=session)
    assert codes(found) == ["venue_double_booked"]
    assert found[0].start == datetime(2026, 9, 26, 9, 0)
    assert "2026年9月26日（周六）" in found[0].message


def test_other_points_online_points_suggestions_and_cancelled_occurrences_do_not_block(session, make_point):
    a, b = make_point("甲"), make_point("乙")
    online = make_point("云上诵读", venue_type="online", days=())
    create_event(draft(a.id), session=session)
    assert check_event(draft(b.id), session=session) == []
    create_event(draft(online.id), session=session)
    assert check_event(draft(online.id, title="另一场线上"), session=session) == []
    create_event(draft(b.id, title="节日建议", start=SAT.replace(hour=14), status="suggested"), session=session)
    assert check_event(draft(b.id, title="下午场", start=SAT.replace(hour=14)), session=session) == []
    occ = occurrences_of(create_event(draft(b.id, title="晚场", start=SAT.replace(hour=16)),
                                      session=session).id, session=session)[0]
    update_occurrence(occ.id, cancelled=True, session=session)
    assert check_event(draft(b.id, title="改期", start=SAT.replace(hour=16)), session=session) == []


# --- outside opening hours --------------------------------------------------------------


def test_outside_opening_hours_is_soft(session, make_point):
    library = make_point("图书馆", days=(1, 2, 3, 4, 5, 6), open_=time(9, 0), close=time(17, 0))
    early = draft(library.id, start=SAT.replace(hour=8, minute=30))
    found = check_event(early, session=session)
    assert codes(found) == ["outside_hours"]
    assert found[0].severity == "warning"
    assert "周六 09:00–17:00" in found[0].message
    with pytest.raises(ConflictError) as err:
        create_event(early, session=session)
    assert err.value.overridable
    create_event(early, session=session, override=True)
    assert len(session.exec(select(CommunityEvent)).all()) == 1


def test_opening_hours_boundaries_and_closed_days(session, make_point):
    library = make_point("图书馆", days=(1, 2, 3, 4, 5, 6), open_=time(9, 0), close=time(17, 0))
    assert check_event(draft(library.id, start=SAT.replace(hour=16)), session=session) == []  # ends 17:00
    late = draft(library.id, start=SAT.replace(hour=16, minute=1))
    assert codes(check_event(late, session=session)) == ["outside_hours"]
    monday = draft(library.id, start=datetime(2026, 9, 7, 10, 0))
    found = check_event(monday, session=session)
    assert codes(found) == ["outside_hours"] and "周一不开放" in found[0].message


# --- person in two places at once -------------------------------------------------------


def test_person_in_two_places_at_once(session, make_point, make_person):
    a, b = make_point("甲"), make_point("乙")
    zhang = make_person("张明")
    ev_a = create_event(draft(a.id), session=session)
    ev_b = create_event(draft(b.id, start=SAT + timedelta(minutes=30)), session=session)
    shift_a = _only_shift(ev_a, session)
    shift_b = _only_shift(ev_b, session)
    assign_person(shift_a, zhang.id, session=session)
    found = check_assignment(shift_b, zhang.id, session=session)
    assert codes(found) == ["person_double_booked"]
    assert "张明" in found[0].message and "不能同时到两个地方" in found[0].message
    with pytest.raises(ConflictError):
        assign_person(shift_b, zhang.id, session=session, override=True)
    # as a backup (on standby) it is allowed
    assert check_assignment(shift_b, zhang.id, session=session, backup=True) == []


def test_back_to_back_shifts_are_fine(session, make_point, make_person):
    a, b = make_point("甲"), make_point("乙")
    zhang = make_person("张明")
    assign_person(_only_shift(create_event(draft(a.id), session=session), session), zhang.id, session=session)
    later = create_event(draft(b.id, start=SAT.replace(hour=10)), session=session)
    assert check_assignment(_only_shift(later, session), zhang.id, session=session) == []


def test_moving_an_occurrence_onto_a_volunteers_other_shift_is_refused(session, make_point, make_person):
    a, b = make_point("甲"), make_point("乙")
    zhang = make_person("张明")
    ev_a = create_event(draft(a.id), session=session)
    ev_b = create_event(draft(b.id, start=SAT.replace(hour=14)), session=session)
    assign_person(_only_shift(ev_a, session), zhang.id, session=session)
    assign_person(_only_shift(ev_b, session), zhang.id, session=session)
    occ_b = occurrences_of(ev_b.id, session=session)[0]
    with pytest.raises(ConflictError) as err:
        update_occurrence(occ_b.id, start=SAT.replace(hour=9, minute=30), session=session)
    assert codes(err.value.conflicts) == ["person_double_booked"]
    session.refresh(occ_b)
    assert occ_b.start == SAT.replace(hour=14) and not occ_b.is_exception


def test_outside_availability_is_soft(session, point, make_person):
    weekday_only = make_person("刘芳", availability='{"0": [["18:00", "21:00"]]}')
    shift = _only_shift(create_event(draft(point.id), session=session), session)
    found = check_assignment(shift, weekday_only.id, session=session)
    assert codes(found) == ["outside_availability"] and found[0].severity == "warning"
    with pytest.raises(ConflictError):
        assign_person(shift, weekday_only.id, session=session)
    assert assign_person(shift, weekday_only.id, session=session, override=True).id


# --- capacity -----------------------------------------------------------------------------


def test_more_sign_ups_than_capacity_is_information_not_an_error(session, point):
    ev = create_event(draft(point.id, capacity=2), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    assert capacity_conflict(occ.id, session=session) is None
    sign_up(sign_up_input(occurrence_id=occ.id, name="甲"), session=session)
    assert capacity_conflict(occ.id, session=session) is None
    sign_up(sign_up_input(occurrence_id=occ.id, name="乙"), session=session)
    c = capacity_conflict(occ.id, session=session)
    assert c.code == "over_capacity" and c.severity == "info" and not c.blocking
    assert "候补" in c.message
    assert sign_up(sign_up_input(occurrence_id=occ.id, name="丙"), session=session).status == "waitlist"


# --- shift short within 48 hours --------------------------------------------------------


def test_shift_short_within_48_hours_is_on_the_reminder_list(session, point, make_person):
    ev = create_event(draft(point.id, shifts=()), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    shift = create_shift(shift_input(occurrence_id=occ.id, task="签到引导", needed=2), session=session)
    assign_person(shift.id, make_person("张明").id, session=session)
    assign_person(shift.id, make_person("刘芳").id, session=session, backup=True)
    now = SAT - timedelta(hours=47)
    reminders = shifts_needing_people(now, session=session)
    assert [(r.shift_id, r.missing, r.backups) for r in reminders] == [(shift.id, 1, 1)]
    assert reminders[0].message == ("2026年9月5日（周六）09:00–10:00“周末公益诵读”（老街社区诵读点）的签到引导岗位还缺 "
                                    "1 人（需要 2 人，已安排 1 人，另有候补 1 人可顶岗）。")
    # 49 hours ahead is not yet on the list; once it has started it is gone
    assert shifts_needing_people(SAT - timedelta(hours=49), session=session) == []
    assert shifts_needing_people(SAT + timedelta(minutes=1), session=session) == []
    assign_person(shift.id, make_person("陈静").id, session=session)
    assert shifts_needing_people(now, session=session) == []


def test_cancelled_and_suggested_events_need_nobody(session, point):
    ev = create_event(draft(point.id), session=session)
    create_event(draft(point.id, title="建议", start=SAT.replace(hour=14), status="suggested",
                       shifts=(ShiftSpec("领读", 1),)),
                 session=session)
    now = SAT - timedelta(hours=2)
    assert len(shifts_needing_people(now, session=session)) == 1
    update_occurrence(occurrences_of(ev.id, session=session)[0].id, cancelled=True, session=session)
    assert shifts_needing_people(now, session=session) == []


def _only_shift(event, session) -> int:
    from curriculum.community.events import shift_views

    occ = session.exec(select(EventOccurrence).where(EventOccurrence.event_id == event.id)).one()
    (shift,) = shift_views(occ.id, session=session)
    return shift.id


def test_many_conflicts_are_summarised_per_kind(session, make_point):
    from curriculum.community.conflicts import summarize

    library = make_point("图书馆", open_=time(9, 0), close=time(17, 0))
    found = check_event(draft(library.id, start=datetime(2026, 7, 6, 7, 0), minutes=40,
                              rrule=weekly_rule([0, 1, 2, 3, 4], until=date(2026, 8, 31))), session=session)
    assert len(found) == 41
    lines = summarize(found)
    assert len(lines) == 4
    assert lines[-1] == ("warning", "另有 38 处“超出开放时间”，未逐条列出。")


# --- lengthening moves the volunteers' whole-event shifts too --------------------------------


def _zhang_busy_at_half_past_ten(session, make_point, make_person, *, rrule=None):
    """张明 leads 09:00–10:00 at 甲 (a series or a one-off) and 10:30–11:30 at 乙 the same Saturday."""
    a, b = make_point("甲"), make_point("乙")
    zhang = make_person("张明")
    ev_a = create_event(draft(a.id, rrule=rrule), session=session)
    ev_b = create_event(draft(b.id, start=SAT.replace(hour=10, minute=30)), session=session)
    first_a = occurrences_of(ev_a.id, session=session)[0]
    assign_person(shift_views(first_a.id, session=session)[0].id, zhang.id, session=session)
    assign_person(_only_shift(ev_b, session), zhang.id, session=session)
    return ev_a, first_a


def test_lengthening_a_series_onto_a_volunteers_other_shift_is_refused(session, make_point, make_person):
    ev_a, first = _zhang_busy_at_half_past_ten(session, make_point, make_person,
                                               rrule=weekly_rule([5], until=date(2026, 9, 26)))
    longer = EventDraft.from_event(ev_a, duration_minutes=120)  # same start, ends 11:00
    with pytest.raises(ConflictError) as err:
        update_series(ev_a.id, longer, session=session, from_time=SAT)
    assert codes(err.value.conflicts) == ["person_double_booked"]
    assert "张明" in err.value.conflicts[0].message
    session.refresh(first)
    assert first.end == SAT.replace(hour=10)
    assert shift_views(first.id, session=session)[0].end == SAT.replace(hour=10)


def test_lengthening_a_series_stretches_whole_event_shifts(session, point):
    ev = create_event(draft(point.id, rrule=weekly_rule([5], until=date(2026, 9, 26))), session=session)
    update_series(ev.id, EventDraft.from_event(ev, duration_minutes=90), session=session, from_time=SAT)
    for occ in occurrences_of(ev.id, session=session):
        (shift,) = shift_views(occ.id, session=session)
        assert (shift.start, shift.end) == (occ.start, occ.start + timedelta(minutes=90))


def test_moving_only_the_end_of_one_occurrence_checks_and_stretches_its_shifts(session, make_point, make_person):
    ev_a, first = _zhang_busy_at_half_past_ten(session, make_point, make_person)
    with pytest.raises(ConflictError) as err:
        update_occurrence(first.id, end=SAT.replace(hour=11), session=session)
    assert codes(err.value.conflicts) == ["person_double_booked"]
    session.refresh(first)
    assert first.end == SAT.replace(hour=10) and not first.is_exception
    update_occurrence(first.id, end=SAT.replace(hour=10, minute=30), session=session)  # touching is fine
    assert shift_views(first.id, session=session)[0].end == SAT.replace(hour=10, minute=30)


# --- every save path runs the venue and person checks ------------------------------------------


def test_moving_one_occurrence_onto_another_event_at_the_point_is_refused(session, point):
    series = create_event(draft(point.id, rrule=weekly_rule([5], until=date(2026, 9, 26))), session=session)
    create_event(draft(point.id, title="书法体验", start=SAT.replace(hour=14)), session=session)
    first = occurrences_of(series.id, session=session)[0]
    with pytest.raises(ConflictError) as err:
        update_occurrence(first.id, start=SAT.replace(hour=14, minute=30), session=session)
    assert codes(err.value.conflicts) == ["venue_double_booked"]
    assert "书法体验" in err.value.conflicts[0].message
    session.refresh(first)
    assert first.start == SAT and not first.is_exception
    # overlapping its own old time is no clash with itself
    assert update_occurrence(first.id, start=SAT.replace(minute=30), session=session).start == SAT.replace(minute=30)


def test_retiming_a_series_onto_another_event_at_the_point_is_refused(session, point):
    series = create_event(draft(point.id, rrule=weekly_rule([5], until=date(2026, 9, 26))), session=session)
    create_event(draft(point.id, title="书法体验", start=datetime(2026, 9, 19, 10, 30)), session=session)
    later = EventDraft.from_event(series, start=SAT.replace(hour=10))
    with pytest.raises(ConflictError) as err:
        update_series(series.id, later, session=session, from_time=SAT)
    assert codes(err.value.conflicts) == ["venue_double_booked"]
    assert err.value.conflicts[0].start == datetime(2026, 9, 19, 10, 0)
    assert [o.start.hour for o in occurrences_of(series.id, session=session)] == [9, 9, 9, 9]


def test_moving_a_series_onto_a_volunteers_other_shift_is_refused(session, make_point, make_person):
    a, b = make_point("甲"), make_point("乙")
    zhang = make_person("张明")
    series = create_event(draft(a.id, rrule=weekly_rule([5], until=date(2026, 9, 26))), session=session)
    first = occurrences_of(series.id, session=session)[0]
    assign_person(shift_views(first.id, session=session)[0].id, zhang.id, session=session)
    assign_person(_only_shift(create_event(draft(b.id, start=SAT.replace(hour=14)), session=session), session),
                  zhang.id, session=session)
    with pytest.raises(ConflictError) as err:
        update_series(series.id, EventDraft.from_event(series, start=SAT.replace(hour=14)), session=session,
                    from_time=SAT)
    assert codes(err.value.conflicts) == ["person_double_booked"]
    assert update_series(series.id, EventDraft.from_event(series, start=SAT.replace(hour=15)), session=session,
                       from_time=SAT).start == SAT.replace(hour=15)


def test_set_status_cannot_confirm_without_the_checked_accept_path(session, point):
    from curriculum.community.conflicts import CommunityError
    from curriculum.community.events import set_status

    create_event(draft(point.id), session=session)
    suggestion = create_event(draft(point.id, title="节日建议", status="suggested"), session=session)
    with pytest.raises(CommunityError, match="确认"):
        set_status(suggestion.id, "confirmed", session=session)
    session.refresh(suggestion)
    assert suggestion.status == "suggested"
    assert set_status(suggestion.id, "dropped", session=session).status == "dropped"


# --- smaller rules ---------------------------------------------------------------------------


def test_nobody_is_assigned_to_a_cancelled_occurrence(session, point, make_person):
    from curriculum.community.conflicts import CommunityError

    ev = create_event(draft(point.id), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    update_occurrence(occ.id, cancelled=True, session=session)
    with pytest.raises(CommunityError, match="已取消，不能安排"):
        assign_person(_only_shift(ev, session), make_person("张明").id, session=session)
    assert shift_views(occ.id, session=session)[0].assigned == ()


def test_served_cannot_be_recorded_before_the_shift_starts(session, point, make_person):
    from curriculum.community.attendance import volunteer_hours
    from curriculum.community.conflicts import CommunityError
    from curriculum.community.events import mark_served

    zhang = make_person("张明")
    row = assign_person(_only_shift(create_event(draft(point.id), session=session), session), zhang.id,
                        session=session)
    with pytest.raises(CommunityError, match="还没有开始"):
        mark_served(row.id, session=session, now=SAT - timedelta(minutes=1))
    assert volunteer_hours(session=session) == {}
    mark_served(row.id, session=session, now=SAT)  # from the start it may be recorded
    assert volunteer_hours(session=session) == {zhang.id: 1.0}


def test_more_places_than_the_venue_holds_is_soft(session, point):  # the point holds 30
    assert check_event(draft(point.id, capacity=30), session=session) == []
    found = check_event(draft(point.id, capacity=40), session=session)
    assert codes(found) == ["over_venue_capacity"] and found[0].severity == "warning"
    assert "名额 40 人" in found[0].message and "只能容纳 30 人" in found[0].message
    with pytest.raises(ConflictError) as err:
        create_event(draft(point.id, capacity=40), session=session)
    assert err.value.overridable
    assert create_event(draft(point.id, capacity=40), session=session, override=True).capacity == 40
