"""师资培训 page: create a batch and a session, enrol, mark attendance, see completion; bad input → Chinese error."""

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "training.py")


def _run():
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _create_batch(at, name="2026年第三期教师经典诵读培训班", start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 3)):
    at.text_input(key="trn_batch_name").input(name)
    at.selectbox(key="trn_batch_cohort").set_value("teachers")
    at.date_input(key="trn_batch_start").set_value(start)
    at.date_input(key="trn_batch_end").set_value(end)
    at.text_input(key="trn_batch_location").input("市教育局培训中心")
    at.button(key="trn_batch_submit").click().run()
    assert not at.exception
    return at


def test_empty_page_invites_creating_a_batch(app_env):
    at = _run()
    assert at.title[0].value == "师资培训"
    assert any("还没有培训批次" in i.value for i in at.info)


def test_create_batch_add_session_enrol_mark_attendance_and_see_completion(app_env):
    at = _create_batch(_run())
    assert any("已创建" in s.value for s in at.success)
    assert "2026年第三期教师经典诵读培训班" in at.dataframe[0].value["培训名称"].tolist()

    # A session with an invited speaker.
    at.date_input(key="trn_session_date").set_value(dt.date(2026, 12, 2))
    at.text_input(key="trn_session_topic").input("《论语》导读")
    at.text_input(key="trn_session_speaker").input("王教授")
    at.selectbox(key="trn_session_kind").set_value("cultural_expert")
    at.text_input(key="trn_session_affiliation").input("省社会科学院")
    at.button(key="trn_session_submit").click().run()
    assert not at.exception and not at.error
    assert any("已添加课次" in s.value for s in at.success)

    # Two trainees, one with a phone that must only appear masked.
    for name, phone in (("张老师", "13812340000"), ("李老师", "")):
        at.text_input(key="trn_trainee_name").input(name)
        at.text_input(key="trn_trainee_org").input("市实验小学")
        at.text_input(key="trn_trainee_phone").input(phone)
        at.button(key="trn_trainee_submit").click().run()
        assert not at.exception and not at.error
    tables = [df.value for df in at.dataframe]
    trainees = next(t for t in tables if "手机" in t.columns)
    assert set(trainees["姓名"]) == {"张老师", "李老师"}
    assert "138****0000" in trainees["手机"].tolist()
    assert "13812340000" not in str(trainees.values)

    # Attendance: only 张老师 comes to the one session.
    session_id = at.selectbox(key="trn_att_session").value
    boxes = {c.label.split("（")[0]: c for c in at.checkbox if c.key.startswith(f"trn_att_{session_id}_")}
    boxes["张老师"].check()
    at.button(key="trn_att_submit").click().run()
    assert not at.exception
    assert any("到课 1 人，缺课 1 人" in s.value for s in at.success)

    completion = next(df.value for df in at.dataframe if "结业" in df.value.columns)
    by_name = dict(zip(completion["姓名"], completion["结业"]))
    assert by_name == {"张老师": "是", "李老师": "否"}
    assert len(at.get("plotly_chart")) == 1


def test_session_outside_the_batch_shows_a_chinese_error_and_saves_nothing(app_env):
    at = _create_batch(_run())
    at.date_input(key="trn_session_date").set_value(dt.date(2026, 12, 20))
    at.text_input(key="trn_session_topic").input("超出日期的课")
    at.button(key="trn_session_submit").click().run()
    assert not at.exception
    assert any("不在本期培训时间" in e.value for e in at.error)
    assert any("本期还没有课次" in i.value for i in at.info)


def test_batch_ending_before_it_starts_is_refused_in_chinese(app_env):
    at = _create_batch(_run(), start=dt.date(2026, 12, 5), end=dt.date(2026, 12, 1))
    assert any("早于开始日期" in e.value for e in at.error)
    assert any("还没有培训批次" in i.value for i in at.info)


def test_demo_batches_show_who_falls_short_of_completion(app_env):
    from sqlmodel import Session

    from curriculum.db import make_engine
    from curriculum.demo import training as demo_training
    from curriculum.outreach import training

    engine = make_engine(app_env)
    with Session(engine) as session:
        demo_training.seed(session=session)
        cadres = training.list_batches(session=session, cohort="cadres")[0].id
    engine.dispose()
    at = _run()
    at.selectbox(key="trn_batch").set_value(cadres).run()
    assert not at.exception
    completion = next(df.value for df in at.dataframe if "结业" in df.value.columns)
    assert dict(zip(completion["姓名"], completion["结业"]))["黄丽"] == "否"
    assert (completion["结业"] == "是").sum() == 3


def _refuse_enrolments(url, when="1"):
    """A database trigger that refuses matching enrolment rows, as a constraint would."""
    from sqlalchemy import text

    from curriculum.db import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TRIGGER refuse_enrolment BEFORE INSERT ON training_enrolment "
                f"WHEN {when} BEGIN SELECT RAISE(ABORT, 'enrolment refused'); END"
            )
        )
    engine.dispose()


def _saved(url):
    from sqlmodel import Session, select

    from curriculum.db import make_engine
    from curriculum.models.outreach import Trainee, TrainingEnrolment

    engine = make_engine(url)
    with Session(engine) as session:
        trainees = sorted(t.name for t in session.exec(select(Trainee)).all())
        enrolments = len(session.exec(select(TrainingEnrolment)).all())
    engine.dispose()
    return trainees, enrolments


def test_refused_enrolment_of_a_new_trainee_shows_a_chinese_error_and_keeps_no_trainee(app_env):
    at = _create_batch(_run())
    _refuse_enrolments(app_env)
    at.text_input(key="trn_trainee_name").input("张老师")
    at.text_input(key="trn_trainee_org").input("市实验小学")
    at.button(key="trn_trainee_submit").click().run()
    assert not at.exception
    assert any("未能添加" in e.value and "学员和报名都没有保存" in e.value for e in at.error)
    assert not any("已报名本期培训" in s.value for s in at.success)
    assert _saved(app_env) == ([], 0)
    # Nobody shows up as a trainee to pick either.
    assert at.multiselect(key="trn_enrol_existing").options == []


def test_enrolling_several_trainees_is_all_or_nothing(app_env):
    at = _create_batch(_run())
    at = _create_batch(at, name="第四期")  # the three trainees are added here, then enrolled in the first
    assert at.selectbox(key="trn_batch").value == 2
    for name in ("甲老师", "乙老师", "丙老师"):
        at.text_input(key="trn_trainee_name").input(name)
        at.button(key="trn_trainee_submit").click().run()
        assert not at.exception and not at.error
    at.selectbox(key="trn_batch").set_value(1).run()
    assert not at.exception
    picker = at.multiselect(key="trn_enrol_existing")
    assert len(picker.options) == 3
    for option in picker.options:
        picker.select(option)
    # The database refuses 乙老师's row (the second of three).
    _refuse_enrolments(app_env, "NEW.trainee_id = (SELECT id FROM trainee WHERE name = '乙老师')")
    at.button(key="trn_enrol_submit").click().run()
    assert not at.exception
    assert any("未能报名" in e.value and "本次没有报名任何人" in e.value for e in at.error)
    assert _saved(app_env) == (["丙老师", "乙老师", "甲老师"], 3)  # only their enrolments in 第四期
    assert any("本期学员（0 人" in m.value for m in at.markdown)


def test_the_picker_offers_only_trainees_not_yet_in_this_batch(app_env):
    at = _create_batch(_run())
    at = _create_batch(at, name="第四期")
    at.text_input(key="trn_trainee_name").input("甲老师")
    at.button(key="trn_trainee_submit").click().run()
    assert not at.exception and not at.error
    assert at.multiselect(key="trn_enrol_existing").options == []  # already in 第四期
    at.selectbox(key="trn_batch").set_value(1).run()
    assert [o.split("（")[0] for o in at.multiselect(key="trn_enrol_existing").options] == ["甲老师"]
