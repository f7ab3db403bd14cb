"""Class-session records: bad rows named by row and column, nothing written unless all valid, re-import idle."""

import datetime as dt

import pytest
from sqlalchemy import select

from curriculum.imports import ImportFileError
from curriculum.imports.sessions import import_sessions
from curriculum.imports.templates import template_csv, template_xlsx
from curriculum.models.plan import PlanSession
from tests.imports.conftest import TODAY, plan_class

HEADER = "学校,班级,日期,是否完成,诵读分钟数,背诵通过率\n"
SCHOOL, CLASS = "源汇区实验小学", "三年级（2）班"


def _rows(session, plan_id):
    stmt = select(PlanSession.date, PlanSession.slot, PlanSession.done, PlanSession.minutes, PlanSession.pass_rate)
    return {(d, s): (done, m, r) for d, s, done, m, r in
            session.execute(stmt.where(PlanSession.plan_id == plan_id, PlanSession.status == "scheduled"))}


def _import(session, text, encoding="utf-8", **kw):
    return import_sessions(text.encode(encoding), session=session, today=TODAY, **kw)


def test_valid_file_updates_sessions_and_the_same_file_again_changes_nothing(session, planned):
    d1, d2, d3 = planned.days[:3]
    text = HEADER + (f"{SCHOOL},三年级(2)班,{d1},是,35,85%\n"  # half-width brackets as Excel users type them
                     f"{SCHOOL},{CLASS},{d2:%Y/%m/%d},,30,92\n"  # blank 是否完成 = done
                     f"{SCHOOL},{CLASS},{d3},否,,\n")
    report = _import(session, text, "gbk")
    assert report.ok and report.written and (report.updated, report.unchanged) == (2, 1)
    assert report.summary() == "共 3 行：已更新 2 行，1 行与已有数据相同（未改动）。"
    rows = _rows(session, planned.plan_id)
    assert rows[d1, 0] == (True, 35, pytest.approx(0.85))
    assert rows[d2, 0] == (True, 30, pytest.approx(0.92))
    assert rows[d3, 0][0] is False
    again = _import(session, text, "utf-8-sig")
    assert (again.updated, again.unchanged) == (0, 3)


def test_a_corrected_file_overwrites_and_no_sets_a_session_back(session, planned):
    d1 = planned.days[0]
    _import(session, HEADER + f"{SCHOOL},{CLASS},{d1},是,35,85\n")
    report = _import(session, HEADER + f"{SCHOOL},{CLASS},{d1},否,0,\n")
    assert report.updated == 1
    assert _rows(session, planned.plan_id)[d1, 0] == (False, 35, None)
    # Blank minutes and rate keep what is on record.
    _import(session, "学校,班级,日期,背诵通过率\n" + f"{SCHOOL},{CLASS},{d1},70\n")
    assert _rows(session, planned.plan_id)[d1, 0] == (True, 35, pytest.approx(0.7))


def test_every_kind_of_bad_row_is_named_and_nothing_is_written(session, planned, catalog):
    plan_class(session, catalog, school="郾城区第一小学", klass="一年级（1）班")
    d1, d2 = planned.days[:2]
    saturday = dt.date(2026, 9, 5)
    text = HEADER + "\n".join([
        f"{SCHOOL},{CLASS},{d1},是,30,80",  # row 2: valid, but must not be written
        f"{SCHOOL},{CLASS},2026-13-01,是,30,80",
        f"{SCHOOL},{CLASS},2026-12-25,是,30,80",
        f"{SCHOOL},{CLASS},{d2},也许,300,120%",
        f"{SCHOOL},{CLASS},{d2},是,十,0.85",
        "不存在的学校,一年级（1）班,2026-09-01,是,30,80",
        f"{SCHOOL},一年级（1）班,{d2},是,30,80",
        f"{SCHOOL},{CLASS},{saturday},是,30,80",
        f"{SCHOOL},{CLASS},2026-10-08,是,30,80",
        f"{SCHOOL},{CLASS},{d1},是,30,80",
        f"{SCHOOL},{CLASS},{d2},否,20,80",
        f",{CLASS},,是,30,80",
    ]) + "\n"
    before = _rows(session, planned.plan_id)
    report = _import(session, text)
    assert not report.ok and not report.written
    assert [str(e) for e in report.errors] == [
        "第 3 行“日期”列：日期格式不对，读到“2026-13-01”（例如 2026-10-09 或 2026/10/9）",
        "第 4 行“日期”列：2026-12-25 在今天（2026-11-30）之后，不能导入还没发生的记录",
        "第 5 行“是否完成”列：是否完成应填“是”或“否”，读到“也许”",
        "第 5 行“诵读分钟数”列：诵读分钟数应在 0–240 之间，读到 300",
        "第 5 行“背诵通过率”列：背诵通过率应在 0–100% 之间，读到“120%”",
        "第 6 行“诵读分钟数”列：诵读分钟数应为整数，读到“十”",
        "第 6 行“背诵通过率”列：背诵通过率“0.85”不明确：请写成百分数，例如 85 或 85%",
        "第 7 行“学校”列：找不到学校“不存在的学校”（学校名称须与系统中的完全一致）",
        f"第 8 行“班级”列：学校“{SCHOOL}”没有班级“一年级（1）班”",
        f"第 9 行“日期”列：班级“{CLASS}”的计划在 2026-09-05（星期六）没有诵读课（不是上课日，或课已移走）；"
        "如确有加课，请先在“教学计划”页加课后再导入",
        f"第 10 行“日期”列：班级“{CLASS}”没有包含 2026-10-08（星期四）的教学计划（请先在“教学计划”页为该班制定计划）",
        "第 11 行：与第 2 行是同一学校、同一班级、同一天的同一节课，重复了",
        "第 12 行“诵读分钟数”列：“是否完成”为“否”时不应填写诵读分钟数（可留空或填 0）",
        "第 12 行“背诵通过率”列：“是否完成”为“否”时不应填写背诵通过率",
        "第 13 行“学校”列：学校不能为空",
        "第 13 行“日期”列：日期不能为空",
    ]
    assert report.summary() == "共 12 行，其中 11 行有错误；整个文件未导入，请改正后重新导入。"
    assert _rows(session, planned.plan_id) == before


def test_slot_names_the_second_session_of_a_day(session, planned):
    d1 = planned.days[0]
    report = _import(session, "学校,班级,日期,节次,是否完成\n" + f"{SCHOOL},{CLASS},{d1},2,是\n")
    assert [str(e) for e in report.errors] == [
        f"第 2 行“节次”列：{d1}（星期{'一二三四五六日'[d1.weekday()]}）只有第 1 节，没有第 2 节"]
    report = _import(session, "学校,班级,日期,节次,是否完成\n" + f"{SCHOOL},{CLASS},{d1},1,是\n")
    assert report.updated == 1


@pytest.mark.parametrize("text, words", [
    ("学校,日期,是否完成\n甲,2026-09-01,是\n", "缺少“班级”列"),
    ("学校,班级,日期\n甲,乙,2026-09-01\n", "至少需要一列数据"),
])
def test_file_problems_raise_for_row_1(session, text, words):
    with pytest.raises(ImportFileError, match=words):
        _import(session, text)


def test_dry_run_checks_without_writing(session, planned):
    d1 = planned.days[0]
    report = _import(session, HEADER + f"{SCHOOL},{CLASS},{d1},是,40,90\n", dry_run=True)
    assert report.ok and not report.written and report.updated == 1
    assert report.summary() == "共 1 行：将更新 1 行，0 行与已有数据相同（未改动）。"
    assert _rows(session, planned.plan_id)[d1, 0][0] is False


def test_both_templates_read_back_through_the_import(session, planned):
    """The example rows name the fixture's school and class on days it reads, so a template imports as it is."""
    for data in (template_csv("sessions"), template_xlsx("sessions")):
        report = import_sessions(data, session=session, today=TODAY, dry_run=True)
        assert report.ok, [str(e) for e in report.errors]
        assert report.total == 2
