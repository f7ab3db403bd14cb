"""Training batches and sessions: validation in Chinese, listing with counts, dashboard counts."""

import datetime as dt

import pytest
from sqlmodel import select

from curriculum import vocab
from curriculum.errors import NotFound
from curriculum.models.outreach import TrainingBatch, TrainingSession
from curriculum.outreach import OutreachError, attendance, trainees, training, training_views
from tests.utils.outreach import FIRST_SESSION_DAY, make_batch, make_session, make_trainee

D = dt.date


def _typed_batch(session, **overrides):
    """A batch as the form submits it: through ``batch_input`` (the model's rules), then ``create_batch``."""
    fields = dict(name="第一期校长培训班", cohort="principals", start_date=FIRST_SESSION_DAY, end_date=D(2026, 3, 13))
    return training.create_batch(training.batch_input(**{**fields, **overrides}), session=session)


def _typed_session(session, batch_id, **overrides):
    """A session as the form submits it: through ``session_input`` (the model's rules), then ``create_session``."""
    fields = dict(batch_id=batch_id, date=FIRST_SESSION_DAY, start_time=dt.time(9), end_time=dt.time(11),
                  topic="《论语》导读")
    return training.create_session(training.session_input(**{**fields, **overrides}), session=session)


def test_cohorts_are_the_five_audiences_of_the_programme():
    assert vocab.COHORTS == {
        "cadres": "党政机关干部",
        "backbone": "企事业理论骨干",
        "principals": "中小学校长",
        "kindergarten_directors": "幼儿园园长",
        "teachers": "教师",
    }
    assert training.INTEGRATION == "teachers"


def test_batch_is_created_with_the_teachers_integration_and_listed_with_counts(session):
    batch = make_batch(session)
    assert batch.integration == "teachers"
    make_session(session, batch.id)
    trainees.enrol(batch.id, make_trainee(session).id, session=session)
    (summary,) = training.list_batches(session=session)
    assert (summary.cohort_label, summary.sessions, summary.enrolled) == ("中小学校长", 1, 1)
    assert training.list_batches(session=session, cohort="cadres") == []


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
        _typed_batch(session, **overrides)
    assert err.value.field == field and words in str(err.value)
    assert session.exec(select(TrainingBatch)).all() == []


def test_session_outside_the_batch_dates_is_refused_and_not_saved(session):
    batch = make_batch(session)
    with pytest.raises(OutreachError, match=r"上课日期 2026-03-14 不在本期培训时间（2026-03-09 至 2026-03-13）内"):
        make_session(session, batch.id, day=D(2026, 3, 14))
    with pytest.raises(OutreachError, match="结束时间（09:00）应晚于开始时间（09:00）"):
        _typed_session(session, batch.id, end_time=dt.time(9))
    assert session.exec(select(TrainingSession)).all() == []


def test_session_keeps_speaker_mode_and_texts(session):
    batch = make_batch(session)
    s = make_session(
        session,
        batch.id,
        speaker_name="王教授",
        speaker_kind="cultural_expert",
        speaker_affiliation="省社科院",
        mode="online",
        texts=["lunyu", "daxue", "lunyu"],
    )
    (stored,) = training.list_sessions(batch.id, session=session)
    assert (stored.speaker_name, stored.speaker_affiliation, stored.mode) == ("王教授", "省社科院", "online")
    assert stored.texts == ["lunyu", "daxue"]
    assert training.session_label(s) == "2026-03-09 09:00–11:00 《论语》导读（王教授）"
    assert vocab.SPEAKER_KINDS["cultural_expert"] == "省内外文化名家"


def test_unknown_speaker_kind_and_bad_text_ids_are_named(session):
    batch = make_batch(session)
    with pytest.raises(OutreachError) as err:
        _typed_session(session, batch.id, speaker_name="某", speaker_kind="celebrity", texts=["论语"])
    assert "未知主讲人类别" in str(err.value) and "论语" in str(err.value)


def test_session_for_a_missing_batch_is_an_error(session):
    with pytest.raises(NotFound, match="培训批次（编号 999）不存在"):
        make_session(session, 999)


def test_activity_counts_are_sessions_held_under_the_teachers_key(session):
    batch = make_batch(session)
    make_session(session, batch.id, day=D(2026, 3, 9))
    make_session(session, batch.id, day=D(2026, 3, 12))
    assert training.activity_counts(session=session) == {"teachers": 2}
    assert training.activity_counts(D(2026, 3, 10), D(2026, 3, 31), session=session) == {"teachers": 1}


def test_batch_label_and_caption_name_audience_dates_and_completion_rule(session):
    make_batch(session, location="")
    (batch,) = training.list_batches(session=session)
    assert training_views.batch_label(batch) == "第一期校长培训班（中小学校长）"
    assert training_views.batch_caption(batch) == "2026-03-09 至 2026-03-13 · 地点未填 · 出勤达到 80% 的课次即可结业"


def test_a_missing_session_is_not_found(session):
    with pytest.raises(NotFound, match="课次（编号 7）不存在"):
        attendance.attendance_sheet(7, session=session)


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"planned_participants": -1}, "planned_participants", "计划人数不能为负数"),
        ({"name": "", "cohort": "students"}, "name", "培训名称不能为空；未知培训对象：students"),
        ({"start_date": "三月"}, "start_date", "开始日期：日期格式不对"),
    ],
)
def test_the_batch_model_names_every_problem_and_its_field(session, overrides, field, message):
    with pytest.raises(OutreachError) as err:
        _typed_batch(session, **overrides)
    assert str(err.value).startswith(message) and err.value.field == field


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"topic": " "}, "topic", "课程主题不能为空"),
        ({"mode": "radio"}, "mode", "未知授课方式：radio（可选：线下、线上）"),
        ({"speaker_affiliation": "省社科院"}, "speaker_name", "填写了主讲人单位或类别时，请同时填写主讲人姓名"),
    ],
)
def test_the_session_model_names_the_problem_and_its_field(session, overrides, field, message):
    batch = make_batch(session)
    with pytest.raises(OutreachError) as err:
        _typed_session(session, batch.id, **overrides)
    assert str(err.value) == message and err.value.field == field
    assert session.exec(select(TrainingSession)).all() == []
