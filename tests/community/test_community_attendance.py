"""Attendance by role and duration; volunteer hours only from shifts actually served."""

from datetime import datetime, timedelta

import pytest

from curriculum.community.attendance import attendance_input, attendance_of, record_attendance, volunteer_hours
from curriculum.community.conflicts import CommunityError
from curriculum.community.events import (
    assign_person,
    create_event,
    create_shift,
    mark_served,
    occurrences_of,
    shift_input,
    update_occurrence,
)
from tests.utils.community import SAT, draft


def test_attendance_counts_by_role_and_replaces_on_resave(session, point):
    occ = occurrences_of(create_event(draft(point.id), session=session).id, session=session)[0]
    rec = record_attendance(attendance_input(occurrence_id=occ.id, counts={"student": 20, "parent": 12, "volunteer": 3},
                                             duration_minutes=75), session=session)
    assert rec.total == 35 and rec.duration_minutes == 75 and rec.person_hours == 43.75
    assert rec.counts == {"student": 20, "parent": 12, "resident": 0, "volunteer": 3, "teacher": 0}
    record_attendance(attendance_input(occurrence_id=occ.id, counts={"student": 18, "teacher": 2}, duration_minutes=60),
                      session=session)
    assert attendance_of(occ.id, session=session).counts == {
        "student": 18, "parent": 0, "resident": 0, "volunteer": 0, "teacher": 2}
    with pytest.raises(CommunityError, match="未知身份"):
        record_attendance(attendance_input(occurrence_id=occ.id, counts={"tourist": 1}, duration_minutes=60),
                          session=session)


def test_volunteer_hours_follow_served_shifts(session, point, make_person):
    zhang, liu = make_person("张明"), make_person("刘芳")
    ev = create_event(draft(point.id, shifts=()), session=session)
    occ = occurrences_of(ev.id, session=session)[0]
    lead = create_shift(shift_input(occurrence_id=occ.id, task="领读", needed=1), session=session)  # 09:00–10:00
    setup = create_shift(shift_input(occurrence_id=occ.id, task="布置场地", needed=1, start=SAT - timedelta(minutes=30),
                                     end=SAT), session=session)
    served = assign_person(lead.id, zhang.id, session=session)
    early = assign_person(setup.id, zhang.id, session=session)
    assign_person(lead.id, liu.id, session=session, backup=True)  # assigned but never served
    mark_served(served.id, session=session)
    mark_served(early.id, session=session)
    assert volunteer_hours(session=session) == {zhang.id: 1.5}
    mark_served(early.id, False, session=session)
    assert volunteer_hours(session=session, person_id=zhang.id) == {zhang.id: 1.0}
    update_occurrence(occ.id, cancelled=True, session=session)
    assert volunteer_hours(session=session) == {}


def test_volunteer_hours_window(session, point, make_person):
    zhang = make_person("张明")
    ev = create_event(draft(point.id, rrule="FREQ=WEEKLY;COUNT=3;BYDAY=SA"), session=session)
    for occ in occurrences_of(ev.id, session=session):
        from curriculum.community.events import shift_views

        (shift,) = shift_views(occ.id, session=session)
        mark_served(assign_person(shift.id, zhang.id, session=session).id, session=session)
    assert volunteer_hours(session=session) == {zhang.id: 3.0}
    assert volunteer_hours(session=session, start=datetime(2026, 9, 10), end=datetime(2026, 9, 30)) == {zhang.id: 2.0}


def test_attendance_frame_for_the_chart(session, point):
    from curriculum.community.attendance import attendance_frame

    ev = create_event(draft(point.id, rrule="FREQ=WEEKLY;COUNT=2;BYDAY=SA"), session=session)
    first, second = occurrences_of(ev.id, session=session)
    record_attendance(attendance_input(occurrence_id=first.id, counts={"student": 10, "parent": 4},
                                       duration_minutes=60), session=session)
    df = attendance_frame(session=session, start=datetime(2026, 9, 1), end=datetime(2026, 10, 1))
    assert df.to_dict("records") == [{"date": "2026-09-05", "title": "周末公益诵读", "student": 10, "parent": 4,
                                      "resident": 0, "volunteer": 0, "teacher": 0, "minutes": 60}]
