"""Attendance marks per session and the completion (结业) rule per batch."""

import datetime as dt

import pytest

from curriculum.outreach import OutreachError, attendance, trainees, training_views
from tests.utils.outreach import make_batch, make_session, make_trainee

D = dt.date


def _marks(session, session_id):
    return {line.name: line.present for line in attendance.attendance_sheet(session_id, session=session)}


def test_attendance_sheet_starts_unrecorded_and_keeps_marks(session):
    batch = make_batch(session)
    s = make_session(session, batch.id)
    a, b = make_trainee(session, "甲"), make_trainee(session, "乙")
    for t in (a, b):
        trainees.enrol(batch.id, t.id, session=session)
    assert _marks(session, s.id) == {"甲": None, "乙": None}
    attendance.record_attendance(attendance.attendance_input(session_id=s.id, present_ids=[a.id]), session=session)
    assert _marks(session, s.id) == {"甲": True, "乙": False}
    # Re-marking replaces the marks rather than adding rows.
    attendance.record_attendance(attendance.attendance_input(session_id=s.id, present_ids=[b.id]), session=session)
    assert _marks(session, s.id) == {"甲": False, "乙": True}


def test_attendance_for_someone_not_enrolled_is_refused_and_nothing_saved(session):
    batch = make_batch(session)
    s = make_session(session, batch.id)
    enrolled, stranger = make_trainee(session, "甲"), make_trainee(session, "外人")
    trainees.enrol(batch.id, enrolled.id, session=session)
    with pytest.raises(OutreachError, match=f"学员编号 {stranger.id} 未报名本期培训"):
        attendance.record_attendance(attendance.attendance_input(session_id=s.id,
                                                                 present_ids=[enrolled.id, stranger.id]),
                                     session=session)
    assert [line.present for line in attendance.attendance_sheet(s.id, session=session)] == [None]


def _report(session, percent, attended_by_name, sessions=5):
    batch = make_batch(session, completion_percent=percent)
    ids = [make_session(session, batch.id, day=D(2026, 3, 9 + i)).id for i in range(sessions)]
    people = {name: make_trainee(session, name) for name in attended_by_name}
    for t in people.values():
        trainees.enrol(batch.id, t.id, session=session)
    for index, sid in enumerate(ids):
        present = [people[n].id for n, count in attended_by_name.items() if index < count]
        attendance.record_attendance(attendance.attendance_input(session_id=sid, present_ids=present), session=session)
    return {row.name: row for row in attendance.completion_report(batch.id, session=session)}


def test_completion_needs_80_percent_of_the_batch_sessions_by_default(session):
    report = _report(session, 80, {"全勤": 5, "四次": 4, "三次": 3})
    assert {n: (r.attended, r.total, r.completed) for n, r in report.items()} == {
        "全勤": (5, 5, True),
        "四次": (4, 5, True),
        "三次": (3, 5, False),
    }
    assert report["四次"].required == 4


def test_completion_rule_is_configurable_per_batch(session):
    report = _report(session, 60, {"三次": 3, "两次": 2})
    assert report["三次"].completed and not report["两次"].completed


def test_batch_without_sessions_completes_nobody(session):
    batch = make_batch(session)
    trainees.enrol(batch.id, make_trainee(session).id, session=session)
    (row,) = attendance.completion_report(batch.id, session=session)
    assert (row.attended, row.total, row.completed) == (0, 0, False)


def test_required_sessions_rounds_up():
    assert attendance.required_sessions(5, 80) == 4
    assert attendance.required_sessions(3, 80) == 3
    assert attendance.required_sessions(4, 50) == 2


def test_completion_frame_has_display_columns(session):
    report = _report(session, 80, {"甲": 5}, sessions=2)
    frame = training_views.completion_frame(report.values())
    assert list(frame.columns) == ["trainee_id", *training_views.COMPLETION_COLUMNS_ZH]
    assert frame.loc[0, "rate"] == 1.0
