"""Trainees and enrolment: masked phones, no double enrolment, all-or-nothing saves."""

import datetime as dt

import pytest
from sqlmodel import select

from curriculum.errors import NotFound
from curriculum.models.outreach import Trainee, TraineeCreate, TrainingEnrolment
from curriculum.outreach import OutreachError, trainees, training
from curriculum.phones import mask_phone
from tests.utils.outreach import make_batch, make_trainee

D = dt.date


def test_phone_is_optional_validated_and_only_shown_masked(session):
    assert make_trainee(session, "李四").phone_masked == ""
    shown = make_trainee(session, "王五", phone="138 1234 0000")
    assert shown.phone_masked == "138****0000"
    assert "13812340000" not in shown.model_dump_json()
    with pytest.raises(OutreachError, match="手机号“\\*+”应为以 1 开头的 11 位数字"):
        make_trainee(session, "赵六", phone="12345")
    assert [t.name for t in trainees.list_trainees(session=session)] == sorted(["李四", "王五"])


def test_mask_phone():
    assert mask_phone("13800000000") == "138****0000"
    assert mask_phone(None) == ""
    assert mask_phone("123") == "***"


def test_duplicate_enrolment_is_refused_and_changes_nothing(session):
    batch = make_batch(session)
    trainee = make_trainee(session)
    trainees.enrol(batch.id, trainee.id, session=session)
    with pytest.raises(OutreachError, match="学员“张三”已报名本期培训，不能重复报名"):
        trainees.enrol(batch.id, trainee.id, session=session)
    assert len(session.exec(select(TrainingEnrolment)).all()) == 1


# --- all-or-nothing enrolment ----------------------------------------------------------


def _names(session):
    return sorted(t.name for t in session.exec(select(Trainee)).all())


def _enrolled_names(session, batch_id):
    return sorted(t.name for t in trainees.list_enrolled(batch_id, session=session))


def test_create_and_enrol_adds_the_trainee_to_the_batch(session):
    batch = make_batch(session)
    new = trainees.create_and_enrol(
        TraineeCreate(name=" 张老师 ", organisation="市实验小学", phone="138-1234-0000"), batch.id, session=session
    )
    assert (new.name, new.phone_masked) == ("张老师", "138****0000")
    assert _enrolled_names(session, batch.id) == ["张老师"]


def test_create_and_enrol_names_every_problem_and_saves_no_trainee(session):
    with pytest.raises(OutreachError) as err:
        trainees.create_and_enrol(TraineeCreate(name="张老师", phone="12345"), 999, session=session)
    assert "培训批次（编号 999）不存在" in str(err.value)  # the NotFound message of get_or_raise
    assert "手机号“*****”应为以 1 开头的 11 位数字" in str(err.value)  # masked even in the error
    assert _names(session) == []


def test_create_and_enrol_refused_by_the_database_leaves_no_stray_trainee(session, monkeypatch):
    # The batch passes the check but is gone when saving (deleted meanwhile):
    # the foreign key refuses the enrolment, and the trainee must go with it.
    monkeypatch.setattr(trainees, "get_batch", lambda batch_id, *, session: None)
    with pytest.raises(OutreachError, match="学员和报名都没有保存"):
        trainees.create_and_enrol(TraineeCreate(name="张老师"), 999, session=session)
    assert _names(session) == []
    assert session.exec(select(TrainingEnrolment)).all() == []


def test_enrol_many_enrols_everyone_once_in_the_order_given(session):
    batch = make_batch(session)
    a, b, c = (make_trainee(session, n) for n in ("甲", "乙", "丙"))
    added = trainees.enrol_many(batch.id, [c.id, a.id, c.id], session=session)
    assert [t.name for t in added] == ["丙", "甲"]
    assert _enrolled_names(session, batch.id) == ["丙", "甲"]
    assert trainees.enrol_many(batch.id, [], session=session) == []
    assert training.list_batches(session=session)[0].enrolled == 2


def test_enrol_many_names_every_problem_and_enrols_nobody(session):
    batch = make_batch(session)
    a, b, c = (make_trainee(session, n) for n in ("甲", "乙", "丙"))
    trainees.enrol(batch.id, b.id, session=session)
    with pytest.raises(OutreachError) as err:
        trainees.enrol_many(batch.id, [a.id, b.id, 999, c.id], session=session)
    assert "找不到编号为 999 的学员" in str(err.value)
    assert "学员“乙”已报名本期培训，不能重复报名" in str(err.value)
    assert _enrolled_names(session, batch.id) == ["乙"]


def test_enrol_many_in_a_missing_batch_is_an_error(session):
    a = make_trainee(session, "甲")
    with pytest.raises(NotFound, match="培训批次（编号 999）不存在"):
        trainees.enrol_many(999, [a.id], session=session)
    assert session.exec(select(TrainingEnrolment)).all() == []


def test_enrol_many_refused_by_the_database_midway_keeps_none_of_the_earlier_ones(session, monkeypatch):
    batch = make_batch(session)
    a, b, c = (make_trainee(session, n) for n in ("甲", "乙", "丙"))
    trainees.enrol(batch.id, b.id, session=session)
    # Someone else enrolled 乙 after the check: the unique constraint refuses the
    # second row, and 甲 (first) and 丙 (third) must not be kept either.
    monkeypatch.setattr(trainees, "_enrolment_problems", lambda *args, **kwargs: [])
    with pytest.raises(OutreachError, match="本次没有报名任何人"):
        trainees.enrol_many(batch.id, [a.id, b.id, c.id], session=session)
    assert _enrolled_names(session, batch.id) == ["乙"]
    # The session is usable again after the rollback.
    assert [t.name for t in trainees.enrol_many(batch.id, [a.id], session=session)] == ["甲"]


def test_list_unenrolled_offers_only_people_not_yet_in_the_batch(session):
    batch, other = make_batch(session), make_batch(session, name="第二期")
    a, b, _c = make_trainee(session, "丙"), make_trainee(session, "甲"), make_trainee(session, "乙")
    trainees.enrol(batch.id, b.id, session=session)
    trainees.enrol(other.id, a.id, session=session)  # enrolled elsewhere: still offered here
    assert [t.name for t in trainees.list_unenrolled(batch.id, session=session)] == ["丙", "乙"]
    assert [t.name for t in trainees.list_unenrolled(other.id, session=session)] == ["乙", "甲"]
