"""Event attendance: (point, event, date[, start], role) → count and duration; all rows valid or nothing written."""

import datetime as dt

import pytest

from curriculum.community.attendance import attendance_input, attendance_of, record_attendance
from curriculum.community.events import create_event, occurrences_of, update_occurrence
from curriculum.imports.attendance import import_attendance
from curriculum.imports.templates import template_csv, template_xlsx
from curriculum.models.community import EventOccurrence
from tests.utils.community import SAT, draft, make_point

NOW = dt.datetime(2026, 11, 30, 12, 0)
HEADER = "诵读点,活动,日期,开始时间,身份,人数,时长（分钟）\n"


@pytest.fixture
def occ(session):
    point = make_point(session)
    event = create_event(draft(point.id), session=session)  # 老街社区诵读点 · 周末公益诵读 · 2026-09-05 09:00
    return occurrences_of(event.id, session=session)[0]


def _import(session, text, **kw):
    return import_attendance(text.encode("gbk"), session=session, now=NOW, **kw)


def test_counts_by_role_are_written_and_the_same_file_again_changes_nothing(session, occ):
    text = (HEADER + "老街社区诵读点,周末公益诵读,2026-09-05,09:00,学生,18,75\n"
            "老街社区诵读点,周末公益诵读,2026/9/5,,家长,12,\n")
    report = _import(session, text)
    assert report.ok and (report.inserted, report.updated) == (2, 0)
    record = attendance_of(occ.id, session=session)
    assert record.counts["student"] == 18 and record.counts["parent"] == 12 and record.duration_minutes == 75
    again = _import(session, text)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)


def test_an_import_updates_what_was_recorded_and_keeps_one_duration(session, occ):
    record_attendance(attendance_input(occurrence_id=occ.id, counts={"student": 10, "teacher": 2}, duration_minutes=60),
                      session=session)
    report = _import(session, HEADER + "老街社区诵读点,周末公益诵读,2026-09-05,,学生,20,90\n")
    assert (report.updated, report.unchanged) == (1, 0)
    record = attendance_of(occ.id, session=session)
    assert record.counts["student"] == 20 and record.counts["teacher"] == 2 and record.duration_minutes == 90
    # No duration: the recorded one stays.
    assert _import(session, "诵读点,活动,日期,身份,人数\n老街社区诵读点,周末公益诵读,2026-09-05,教师,3\n").updated == 1
    assert attendance_of(occ.id, session=session).duration_minutes == 90


def test_every_kind_of_bad_row_is_named_and_nothing_is_written(session, occ):
    point = make_point(session, "新村诵读点")
    create_event(draft(point.id, title="周末公益诵读"), session=session)
    create_event(draft(point.id, title="周末公益诵读", start=SAT.replace(hour=15)), session=session)
    cancelled = create_event(draft(point.id, title="取消的诵读", start=dt.datetime(2026, 10, 10, 9)), session=session)
    update_occurrence(occurrences_of(cancelled.id, session=session)[0].id, session=session, cancelled=True)
    text = HEADER + "\n".join([
        "老街社区诵读点,周末公益诵读,2026-09-05,09:00,学生,18,60",  # row 2: valid, must not be written
        "老街社区诵读点,周末公益诵读,2026-09-05,09:00,游客,18,60",
        "老街社区诵读点,周末公益诵读,2026-09-05,9点,学生,-1,0",
        "无名诵读点,周末公益诵读,2026-09-05,,学生,1,60",
        "老街社区诵读点,中秋诗会,2026-09-05,,学生,1,60",
        "新村诵读点,周末公益诵读,2026-09-05,,学生,1,60",
        "新村诵读点,取消的诵读,2026-10-10,,学生,1,60",
        "老街社区诵读点,周末公益诵读,2026-09-05,09:00,学生,5,60",
        "老街社区诵读点,周末公益诵读,2026-09-05,09:00,家长,5,45",
        "新村诵读点,冬至诵读,2026-12-21,,学生,1,60",
    ]) + "\n"
    report = _import(session, text)
    assert [str(e) for e in report.errors] == [
        "第 3 行“身份”列：未知身份“游客”，可选：学生、家长、居民、志愿者、教师",
        "第 4 行“开始时间”列：时间格式不对，读到“9点”（例如 09:30）",
        "第 4 行“人数”列：人数应在 0–100000 之间，读到 -1",
        "第 4 行“时长（分钟）”列：时长应在 1–720 之间，读到 0",
        "第 5 行“诵读点”列：找不到诵读点“无名诵读点”（名称须与系统中的完全一致）",
        "第 6 行“活动”列：诵读点“老街社区诵读点”在 2026-09-05 没有名为“中秋诗会”的活动",
        "第 7 行“活动”列：“周末公益诵读”在 2026-09-05 有 2 场（09:00、15:00），请在“开始时间”列注明是哪一场",
        "第 8 行“日期”列：“取消的诵读” 2026-10-10 09:00 这一场已取消，不能记录到场人数",
        "第 9 行：与第 2 行是同一场活动的同一身份（学生），重复了",
        "第 10 行“时长（分钟）”列：与第 2 行是同一场活动，时长却不同（60 与 45 分钟）",
        "第 11 行“日期”列：2026-12-21 在今天（2026-11-30）之后，不能导入还没发生的记录",
    ]
    assert attendance_of(occ.id, session=session) is None


def test_templates_read_back_through_the_import(session, occ):
    for data in (template_csv("attendance"), template_xlsx("attendance")):
        report = import_attendance(data, session=session, now=NOW, dry_run=True)
        assert report.ok, [str(e) for e in report.errors]
        assert report.inserted == 2
    assert session.get(EventOccurrence, occ.id) is not None
