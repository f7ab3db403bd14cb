"""Training batches, sessions, enrolment, attendance and the completion rule (SQLite and PostgreSQL)."""

import datetime as dt

import pytest
from sqlmodel import select

from curriculum.models.outreach import (
    Trainee,
    TraineeCreate,
    TrainingBatch,
    TrainingBatchCreate,
    TrainingEnrolment,
    TrainingSession,
    TrainingSessionCreate,
)
from curriculum.outreach import OutreachError
from curriculum.outreach import training as tr

D = dt.date


def _batch(session, **overrides):
    data = dict(
        name="第一期校长培训班",
        cohort="principals",
        start_date=D(2026, 3, 9),
        end_date=D(2026, 3, 13),
        organiser="市教育局",
        location="培训中心",
        planned_participants=40,
    )
    data.update(overrides)
    return tr.create_batch(TrainingBatchCreate(**data), session=session)


def _session(session, batch_id, day=D(2026, 3, 9), **overrides):
    data = dict(batch_id=batch_id, date=day, start_time=dt.time(9), end_time=dt.time(11), topic="《论语》导读")
    data.update(overrides)
    return tr.add_session(TrainingSessionCreate(**data), session=session)


def _trainee(session, name="张三", **kw):
    return tr.create_trainee(TraineeCreate(name=name, organisation="市实验小学", **kw), session=session)


def test_cohorts_are_the_five_audiences_of_the_programme():
    assert tr.COHORTS == {
        "cadres": "党政机关干部",
        "backbone": "企事业理论骨干",
        "principals": "中小学校长",
        "kindergarten_directors": "幼儿园园长",
        "teachers": "教师",
    }
    assert tr.INTEGRATION == "teachers"


def test_batch_is_created_with_the_teachers_integration_and_listed_with_counts(session):
    batch = _batch(session)
    assert batch.integration == "teachers"
    _session(session, batch.id)
    tr.enrol(batch.id, _trainee(session).id, session=session)
    (summary,) = tr.list_batches(session=session)
    assert (summary.cohort_label, summary.sessions, summary.enrolled) == ("中小学校长", 1, 1)
    assert tr.list_batches(session=session, cohort="cadres") == []


@pytest.mark.parametrize(
    "overrides, field, words",
    [
        ({"end_date": D(2026, 3, 1)}, "end_date", "早于开始日期"),
        ({"name": "  "}, "name", "培训名称不能为空"),
        ({"cohort": "students"}, "cohort", "未知培训对象"),
        ({"completion_percent": 0}, "completion_percent", "1%–100%"),
    ],
)
def test_invalid_batch_is_refused_in_chinese_and_not_saved(session, overrides, field, words):
    with pytest.raises(OutreachError) as err:
        _batch(session, **overrides)
    assert err.value.field == field and words in str(err.value)
    assert session.exec(select(TrainingBatch)).all() == []


def test_session_outside_the_batch_dates_is_refused_and_not_saved(session):
    batch = _batch(session)
    with pytest.raises(OutreachError, match=r"上课日期 2026-03-14 不在本期培训时间（2026-03-09 至 2026-03-13）内"):
        _session(session, batch.id, day=D(2026, 3, 14))
    with pytest.raises(OutreachError, match="结束时间（09:00）应晚于开始时间（09:00）"):
        _session(session, batch.id, end_time=dt.time(9))
    assert session.exec(select(TrainingSession)).all() == []


def test_session_keeps_speaker_mode_and_texts(session):
    batch = _batch(session)
    s = _session(
        session,
        batch.id,
        speaker_name="王教授",
        speaker_kind="cultural_expert",
        speaker_affiliation="省社科院",
        mode="online",
        texts=["lunyu", "daxue", "lunyu"],
    )
    (stored,) = tr.list_sessions(batch.id, session=session)
    assert (stored.speaker_name, stored.speaker_affiliation, stored.mode) == ("王教授", "省社科院", "online")
    assert stored.texts == ["lunyu", "daxue"]
    assert tr.session_label(s) == "2026-03-09 09:00–11:00 《论语》导读（王教授）"
    assert tr.SPEAKER_KINDS["cultural_expert"] == "省内外文化名家"


def test_unknown_speaker_kind_and_bad_text_ids_are_named(session):
    batch = _batch(session)
    with pytest.raises(OutreachError) as err:
        _session(session, batch.id, speaker_name="某", speaker_kind="celebrity", texts=["论语"])
    assert "未知主讲人类别" in str(err.value) and "论语" in str(err.value)


def test_session_for_a_missing_batch_is_an_error(session):
    with pytest.raises(OutreachError, match="找不到编号为 999 的培训批次"):
        _session(session, 999)


def test_phone_is_optional_validated_and_only_shown_masked(session):
    assert _trainee(session, "李四").phone_masked == ""
    shown = _trainee(session, "王五", phone="138 1234 0000")
    assert shown.phone_masked == "138****0000"
    assert "13812340000" not in shown.model_dump_json()
    with pytest.raises(OutreachError, match="手机号“\\*+”应为以 1 开头的 11 位数字"):
        _trainee(session, "赵六", phone="12345")
    assert [t.name for t in tr.list_trainees(session=session)] == sorted(["李四", "王五"])


def test_mask_phone():
    assert tr.mask_phone("13800000000") == "138****0000"
    assert tr.mask_phone(None) == ""
    assert tr.mask_phone("123") == "***"


def test_duplicate_enrolment_is_refused_and_changes_nothing(session):
    batch = _batch(session)
    trainee = _trainee(session)
    tr.enrol(batch.id, trainee.id, session=session)
    with pytest.raises(OutreachError, match="学员“张三”已报名本期培训，不能重复报名"):
        tr.enrol(batch.id, trainee.id, session=session)
    assert len(session.exec(select(TrainingEnrolment)).all()) == 1


def test_attendance_sheet_starts_unrecorded_and_keeps_marks(session):
    batch = _batch(session)
    s = _session(session, batch.id)
    a, b = _trainee(session, "甲"), _trainee(session, "乙")
    for t in (a, b):
        tr.enrol(batch.id, t.id, session=session)
    assert {line.name: line.present for line in tr.attendance_sheet(s.id, session=session)} == {"甲": None, "乙": None}
    tr.record_attendance(s.id, [a.id], session=session)
    assert {line.name: line.present for line in tr.attendance_sheet(s.id, session=session)} == {"甲": True, "乙": False}
    # Re-marking replaces the marks rather than adding rows.
    tr.record_attendance(s.id, [b.id], session=session)
    assert {line.name: line.present for line in tr.attendance_sheet(s.id, session=session)} == {"甲": False, "乙": True}


def test_attendance_for_someone_not_enrolled_is_refused_and_nothing_saved(session):
    batch = _batch(session)
    s = _session(session, batch.id)
    enrolled, stranger = _trainee(session, "甲"), _trainee(session, "外人")
    tr.enrol(batch.id, enrolled.id, session=session)
    with pytest.raises(OutreachError, match=f"学员编号 {stranger.id} 未报名本期培训"):
        tr.record_attendance(s.id, [enrolled.id, stranger.id], session=session)
    assert [line.present for line in tr.attendance_sheet(s.id, session=session)] == [None]


def _report(session, percent, attended_by_name, sessions=5):
    batch = _batch(session, completion_percent=percent)
    ids = [_session(session, batch.id, day=D(2026, 3, 9 + i)).id for i in range(sessions)]
    trainees = {name: _trainee(session, name) for name in attended_by_name}
    for t in trainees.values():
        tr.enrol(batch.id, t.id, session=session)
    for index, sid in enumerate(ids):
        present = [trainees[n].id for n, count in attended_by_name.items() if index < count]
        tr.record_attendance(sid, present, session=session)
    return {row.name: row for row in tr.completion_report(batch.id, session=session)}


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
    batch = _batch(session)
    tr.enrol(batch.id, _trainee(session).id, session=session)
    (row,) = tr.completion_report(batch.id, session=session)
    assert (row.attended, row.total, row.completed) == (0, 0, False)


def test_required_sessions_rounds_up():
    assert tr.required_sessions(5, 80) == 4
    assert tr.required_sessions(3, 80) == 3
    assert tr.required_sessions(4, 50) == 2


def test_completion_frame_has_display_columns(session):
    report = _report(session, 80, {"甲": 5}, sessions=2)
    frame = tr.completion_frame(report.values())
    assert list(frame.columns) == ["trainee_id", *tr.COMPLETION_COLUMNS_ZH]
    assert frame.loc[0, "rate"] == 1.0


def test_activity_counts_are_sessions_held_under_the_teachers_key(session):
    batch = _batch(session)
    _session(session, batch.id, day=D(2026, 3, 9))
    _session(session, batch.id, day=D(2026, 3, 12))
    assert tr.activity_counts(session=session) == {"teachers": 2}
    assert tr.activity_counts(D(2026, 3, 10), D(2026, 3, 31), session=session) == {"teachers": 1}


def test_seed_demo_is_idempotent_and_has_one_trainee_short_of_completion(session):
    first = tr.seed_demo(session=session, today=D(2026, 11, 28))
    assert first["培训批次"] == 3 and first["课次"] >= 4 and first["学员"] >= 4
    assert tr.seed_demo(session=session, today=D(2026, 11, 28)) == {}
    assert len(session.exec(select(TrainingBatch)).all()) == 3
    assert len(session.exec(select(Trainee)).all()) == first["学员"]
    batch = tr.list_batches(session=session, cohort="cadres")[0]
    report = tr.completion_report(batch.id, session=session)
    assert any(r.completed for r in report) and any(not r.completed for r in report)


# --- all-or-nothing enrolment ----------------------------------------------------------


def _names(session):
    return sorted(t.name for t in session.exec(select(Trainee)).all())


def _enrolled_names(session, batch_id):
    return sorted(t.name for t in tr.list_enrolled(batch_id, session=session))


def test_create_and_enrol_adds_the_trainee_to_the_batch(session):
    batch = _batch(session)
    new = tr.create_and_enrol(
        TraineeCreate(name=" 张老师 ", organisation="市实验小学", phone="138-1234-0000"), batch.id, session=session
    )
    assert (new.name, new.phone_masked) == ("张老师", "138****0000")
    assert _enrolled_names(session, batch.id) == ["张老师"]


def test_create_and_enrol_names_every_problem_and_saves_no_trainee(session):
    with pytest.raises(OutreachError) as err:
        tr.create_and_enrol(TraineeCreate(name="张老师", phone="12345"), 999, session=session)
    assert "找不到编号为 999 的培训批次" in str(err.value)
    assert "手机号“*****”应为以 1 开头的 11 位数字" in str(err.value)  # masked even in the error
    assert _names(session) == []


def test_create_and_enrol_refused_by_the_database_leaves_no_stray_trainee(session, monkeypatch):
    # The batch passes the check but is gone when saving (deleted meanwhile):
    # the foreign key refuses the enrolment, and the trainee must go with it.
    monkeypatch.setattr(tr, "get_batch", lambda batch_id, *, session: None)
    with pytest.raises(OutreachError, match="学员和报名都没有保存"):
        tr.create_and_enrol(TraineeCreate(name="张老师"), 999, session=session)
    assert _names(session) == []
    assert session.exec(select(TrainingEnrolment)).all() == []


def test_enrol_many_enrols_everyone_once_in_the_order_given(session):
    batch = _batch(session)
    a, b, c = (_trainee(session, n) for n in ("甲", "乙", "丙"))
    added = tr.enrol_many(batch.id, [c.id, a.id, c.id], session=session)
    assert [t.name for t in added] == ["丙", "甲"]
    assert _enrolled_names(session, batch.id) == ["丙", "甲"]
    assert tr.enrol_many(batch.id, [], session=session) == []
    assert tr.list_batches(session=session)[0].enrolled == 2


def test_enrol_many_names_every_problem_and_enrols_nobody(session):
    batch = _batch(session)
    a, b, c = (_trainee(session, n) for n in ("甲", "乙", "丙"))
    tr.enrol(batch.id, b.id, session=session)
    with pytest.raises(OutreachError) as err:
        tr.enrol_many(batch.id, [a.id, b.id, 999, c.id], session=session)
    assert "找不到编号为 999 的学员" in str(err.value)
    assert "学员“乙”已报名本期培训，不能重复报名" in str(err.value)
    assert _enrolled_names(session, batch.id) == ["乙"]


def test_enrol_many_in_a_missing_batch_is_an_error(session):
    a = _trainee(session, "甲")
    with pytest.raises(OutreachError, match="找不到编号为 999 的培训批次"):
        tr.enrol_many(999, [a.id], session=session)
    assert session.exec(select(TrainingEnrolment)).all() == []


def test_enrol_many_refused_by_the_database_midway_keeps_none_of_the_earlier_ones(session, monkeypatch):
    batch = _batch(session)
    a, b, c = (_trainee(session, n) for n in ("甲", "乙", "丙"))
    tr.enrol(batch.id, b.id, session=session)
    # Someone else enrolled 乙 after the check: the unique constraint refuses the
    # second row, and 甲 (first) and 丙 (third) must not be kept either.
    monkeypatch.setattr(tr, "_enrolment_problems", lambda *args, **kwargs: [])
    with pytest.raises(OutreachError, match="本次没有报名任何人"):
        tr.enrol_many(batch.id, [a.id, b.id, c.id], session=session)
    assert _enrolled_names(session, batch.id) == ["乙"]
    # The session is usable again after the rollback.
    assert [t.name for t in tr.enrol_many(batch.id, [a.id], session=session)] == ["甲"]


def test_list_unenrolled_offers_only_people_not_yet_in_the_batch(session):
    batch, other = _batch(session), _batch(session, name="第二期")
    a, b, c = _trainee(session, "丙"), _trainee(session, "甲"), _trainee(session, "乙")
    tr.enrol(batch.id, b.id, session=session)
    tr.enrol(other.id, a.id, session=session)  # enrolled elsewhere: still offered here
    assert [t.name for t in tr.list_unenrolled(batch.id, session=session)] == ["丙", "乙"]
    assert [t.name for t in tr.list_unenrolled(other.id, session=session)] == ["乙", "甲"]
