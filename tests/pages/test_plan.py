"""教学计划 page: create a class and a plan, see the agenda, bump a day, mark one done, undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

PROJECT_DIR = Path(__file__).resolve().parents[2]
START = dt.date(2026, 9, 7)  # a Monday


def _page() -> AppTest:
    at = AppTest.from_file(str(PROJECT_DIR / "pages" / "plan.py"), default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    return at


def _table_dates(at: AppTest) -> list[dt.date]:
    df = _table(at)
    return [d if isinstance(d, dt.date) else d.date() for d in df["日期"]]


def _table(at: AppTest):
    # The session table is the page's only dataframe (AppTest does not expose a dataframe's key).
    assert len(at.dataframe) == 1
    return at.dataframe[0].value


def _create_class_and_plan(at: AppTest, end: dt.date = dt.date(2026, 10, 30), *, friday: bool = True) -> AppTest:
    assert any("还没有班级" in i.value for i in at.info)
    at.text_input(key="plan_class_name").input("一年级（3）班")
    at.selectbox(key="plan_class_stage").select("primary_lower")
    at.text_input(key="plan_class_new_school").input("漯河市第一实验小学")
    at.button(key="plan_class_submit").click().run()
    assert not at.exception, at.exception
    assert any("已创建班级" in s.value for s in at.success)
    at.date_input(key="plan_new_start").set_value(START)
    at.date_input(key="plan_new_end").set_value(end)
    at.checkbox(key="plan_new_friday").set_value(friday)
    at.button(key="plan_new_submit").click().run()
    assert not at.exception, at.exception
    assert any("已生成计划" in s.value for s in at.success), [e.value for e in at.error]
    return at


def test_create_plan_bump_a_day_and_mark_one_done(app_env):
    at = _create_class_and_plan(_page())
    before = _table(at)
    dates = _table_dates(at)
    # 9/7 … 10/30 without the National Day holiday week.
    assert dates[0] == START and dt.date(2026, 10, 1) not in dates
    assert (before["分钟"] == 30).all()
    assert "弟子规" in before["安排"].iloc[0]

    # Bump the second day: it disappears, its content moves one school day on.
    bump_day = dates[1]
    at.selectbox(key="plan_edit_day").set_value(bump_day)
    at.button(key="plan_bump").click().run()
    assert not at.exception, at.exception
    assert any("顺延" in s.value for s in [*at.success, *at.warning])
    after = _table(at)
    after_dates = _table_dates(at)
    assert bump_day not in after_dates
    assert after_dates[1] == dates[2]
    assert after["安排"].iloc[1] == before["安排"].iloc[1]  # 9/8's session now on 9/9
    # 教师节 (9/10): its only text, 《师说》, is for senior high, so a 一年级 class reads its own material
    # that day (issue 9: festival texts by stage; tests/planner/test_store.py checks the festival stays put).
    teachers = list(after["安排"])[after_dates.index(dt.date(2026, 9, 10))]
    assert "节日诵读" not in teachers and "师说" not in teachers
    # The last session fell off the term end and is listed.
    assert any("未能排入" in w.value for w in at.warning)

    # Mark the first day done with 60 %: shown as done, extra reviews planned.
    at.selectbox(key="plan_edit_day").set_value(START)
    at.number_input(key="plan_pass_rate").set_value(60)
    at.button(key="plan_done").click().run()
    assert not at.exception, at.exception
    assert any("已完成" in s.value and "加排复习" in s.value for s in at.success)
    assert _table(at)["状态"].iloc[0] == "已完成"

    # Undo the mark: back to planned.
    at.button(key="plan_undo").click().run()
    assert not at.exception, at.exception
    assert _table(at)["状态"].iloc[0] != "已完成"


def test_agenda_shows_what_to_read_and_short_sessions_are_refused(app_env):
    at = _create_class_and_plan(_page())
    at.date_input(key="plan_agenda_day").set_value(START).run()
    assert any("9月7日" in h.value or "09月07日" in h.value for h in at.subheader)
    assert any("弟子规" in m.value and "分钟" in m.value for m in at.markdown)
    assert any("弟子规，圣人训" in t.value for t in at.text)
    # A 20-minute plan is refused in Chinese, nothing crashes.
    at.number_input(key="plan_new_minutes").set_value(20)
    at.button(key="plan_new_submit").click().run()
    assert not at.exception
    assert any("半小时" in e.value for e in at.error)


def _seed_school_calendar(app_env, *, plan_today: dt.date | None = None) -> None:
    from sqlmodel import Session

    from curriculum.db import make_engine
    from curriculum.demo import planner as demo_planner
    from curriculum.demo import schools as demo_schools

    engine = make_engine(app_env)
    with Session(engine) as s:
        demo_schools.seed(session=s)
        s.commit()
        if plan_today is not None:
            demo_planner.seed(session=s, today=plan_today)
    engine.dispose()


def test_demo_button_creates_the_demo_class_with_a_plan(app_env):
    _seed_school_calendar(app_env)
    at = _page()
    at.button(key="plan_seed_demo").click().run()
    assert not at.exception, at.exception
    assert any(c.value.startswith("小学低段 · 一年级 · 45 人 · 每日 07:40") for c in at.caption)
    assert (_table(at)["分钟"] == 30).all()


def test_demo_class_uses_the_school_term_and_extra_session_and_reorder_work(app_env):
    # The demo plan is seeded for a fixed day (the first day of term, so nothing is done yet and
    # the reorder below may re-plan from 9/14); the test means the same whenever it runs.
    _seed_school_calendar(app_env, plan_today=dt.date(2026, 9, 1))
    at = _page()
    dates = _table_dates(at)
    # The demo school's autumn term: its own closure for the sports meet (10/29–30) is not a reading day.
    assert dates[0] == dt.date(2026, 9, 1)
    assert dt.date(2026, 10, 29) not in dates and dt.date(2026, 10, 1) not in dates
    assert dt.date(2026, 10, 31) in dates  # the school's make-up Saturday

    # An extra Saturday session appears in the table.
    at.date_input(key="plan_extra_day").set_value(dt.date(2026, 9, 5))
    at.button(key="plan_extra").click().run()
    assert not at.exception, at.exception
    assert dt.date(2026, 9, 5) in _table_dates(at)

    # Reorder: 千字文 first from 9/14 on — from then on the first new passage is 千字文's.
    def first_new_from(day: dt.date) -> str:
        table = _table(at)
        rows = [text for d, text in zip(_table_dates(at), table["安排"]) if d >= day]
        return next(part for text in rows for part in text.split("；") if part.startswith("新授"))

    reorder_day = dt.date(2026, 9, 14)
    assert not first_new_from(reorder_day).startswith("新授 《千字文》")
    at.multiselect(key="plan_order").set_value(["qianziwen", "dizigui", "sanzijing", "baijiaxing"])
    at.date_input(key="plan_order_day").set_value(reorder_day)
    at.button(key="plan_reorder").click().run()
    assert not at.exception, at.exception
    assert any("新顺序" in s.value for s in at.success)
    assert (_table(at)["分钟"] == 30).all()
    assert first_new_from(reorder_day).startswith("新授 《千字文》")


def test_unpublished_official_arrangement_is_noted_on_the_plan(app_env, monkeypatch):
    from curriculum.schoolcal import official

    monkeypatch.setattr(official, "published_years", lambda: frozenset({2025, 2027}))
    at = _create_class_and_plan(_page())
    notes = [i.value for i in at.info if "尚未收录" in i.value]
    assert notes and "2026 年的国务院放假安排尚未收录" in notes[0]
    # Still there on the next rerun, not a one-off message.
    at.run()
    assert any("2026 年的国务院放假安排尚未收录" in i.value for i in at.info)
    monkeypatch.setattr(official, "published_years", lambda: frozenset({2025, 2026, 2027}))
    at.run()
    assert not any("尚未收录" in i.value for i in at.info)


def test_plan_form_sets_review_intervals_and_pass_threshold(app_env):
    at = _page()
    at.text_input(key="plan_class_name").input("一年级（3）班")
    at.button(key="plan_class_submit").click().run()
    # Every class belongs to a school: without one nothing is saved and the form says why.
    assert any("所属学校：请选择学校，或填写新学校的名称" in e.value for e in at.error)
    assert any("还没有班级" in i.value for i in at.info)
    at.text_input(key="plan_class_new_school").input("漯河市第一实验小学")
    at.button(key="plan_class_submit").click().run()
    at.date_input(key="plan_new_start").set_value(START)
    at.date_input(key="plan_new_end").set_value(dt.date(2026, 10, 30))
    at.text_input(key="plan_new_intervals").input("1,2,x")
    at.button(key="plan_new_submit").click().run()
    assert not at.exception, at.exception
    assert any("复习间隔" in e.value and "不是正整数" in e.value for e in at.error)
    assert any("还没有教学计划" in i.value for i in at.info)  # nothing was saved
    at.text_input(key="plan_new_intervals").input("1，3，9")
    at.slider(key="plan_new_threshold").set_value(90)
    at.button(key="plan_new_submit").click().run()
    assert not at.exception, at.exception
    assert any("已生成计划" in s.value for s in at.success)
    assert any("复习间隔 +1、+3、+9 · 达标线 90%" in c.value for c in at.caption)
    # Marking a day done at 85 % is now under the line: extra reviews.
    at.selectbox(key="plan_edit_day").set_value(START)
    at.number_input(key="plan_pass_rate").set_value(85)
    at.button(key="plan_done").click().run()
    assert any("加排复习" in s.value for s in at.success)


def test_what_does_not_fit_stays_listed_through_bump_and_regenerate(app_env):
    # Two weeks are not enough for the four featured texts.
    at = _create_class_and_plan(_page(), end=dt.date(2026, 9, 18), friday=False)

    def left_over() -> list[str]:
        return [w.value for w in at.warning if w.value.startswith("未能排入本学期的内容")]

    def count(text: str) -> int:
        return int(text.split("共 ")[1].split(" 句")[0])

    assert len(left_over()) == 1 and "《" in left_over()[0]
    at.run()
    assert len(left_over()) == 1  # persistent, not a one-off message
    at.selectbox(key="plan_edit_day").set_value(dt.date(2026, 9, 8))
    at.button(key="plan_bump").click().run()
    assert not at.exception, at.exception
    assert len(left_over()) == 1 and count(left_over()[0]) > 200
    at.date_input(key="plan_regen_day").set_value(START)
    at.button(key="plan_regen").click().run()
    assert not at.exception, at.exception
    # Re-planned with one day fewer: still more than fits, still listed.
    assert len(left_over()) == 1 and count(left_over()[0]) > 200


def test_class_name_and_grade_are_limited_to_what_is_stored(app_env):
    at = _page()
    # models.plan: SchoolClass.name max 60, grade max 30 — longer input would fail on save.
    assert at.text_input(key="plan_class_name").max_chars == 60
    assert at.text_input(key="plan_class_grade").max_chars == 30


def test_undo_refused_by_the_store_shows_an_error(app_env, monkeypatch):
    from curriculum.planner import history
    from curriculum.planner.sessions import PlanStoreError

    at = _create_class_and_plan(_page())
    at.selectbox(key="plan_edit_day").set_value(START)
    at.button(key="plan_done").click().run()
    assert not at.exception, at.exception

    def gone(plan_id, **kwargs):
        raise PlanStoreError(f"教学计划：找不到编号为 {plan_id} 的计划")

    # e.g. the plan was deleted from another browser between render and click
    monkeypatch.setattr(history, "undo_last", gone)
    at.button(key="plan_undo").click().run()
    assert not at.exception, at.exception
    assert any(e.value.startswith("未能撤销：教学计划：找不到编号为") for e in at.error)
    assert _table(at)["状态"].iloc[0] == "已完成"


def test_downloads_are_named_after_the_class_and_the_plan(app_env, download_names):
    at = _create_class_and_plan(_page())
    download_names.clear()
    at.run()
    assert not at.exception, at.exception
    stem = "一年级（3）班-2026-09-07–2026-10-30"
    assert download_names == [f"{stem}.{suffix}" for suffix in ("ics", "json", "xlsx")]
    # The printable version is built on request (it takes seconds for a term), then offered as both files.
    download_names.clear()
    at.button(key="plan_print_prepare").click().run()
    assert not at.exception, at.exception
    assert download_names == [f"{stem}.{suffix}" for suffix in ("ics", "json", "xlsx", "html", "pdf")]


def _download_payloads(monkeypatch) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every file a download button is given, in render order."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    files: list[tuple[str, bytes]] = []
    original = MediaFileManager.add

    def spy(self, path_or_data, *args, **kwargs):
        files.append((kwargs.get("file_name"), path_or_data))
        return original(self, path_or_data, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", spy)
    return files


def test_downloads_work_one_after_another_and_files_are_built_once(app_env, monkeypatch):
    from curriculum.exports import plan_exports as px

    at = _create_class_and_plan(_page())
    built = []
    original = px.plan_printables
    monkeypatch.setattr(px, "plan_printables", lambda *a, **k: built.append(1) or original(*a, **k))
    files = _download_payloads(monkeypatch)
    at.button(key="plan_print_prepare").click().run()
    assert not at.exception, at.exception
    for _ in range(2):  # the button's run, then any later run (another click, another widget)
        buttons = at.get("download_button")
        assert [b.proto.label for b in buttons][-2:] == ["下载打印版（.html）", "下载打印版（.pdf）"]
        # Real files with a URL: nothing is left to a deferred callable, which a second click cannot find.
        assert all(b.proto.url and not b.proto.HasField("deferred_file_id") for b in buttons)
        payloads = dict(files)
        assert payloads["一年级（3）班-2026-09-07–2026-10-30.pdf"].startswith(b"%PDF-")
        assert b"<ruby>" in payloads["一年级（3）班-2026-09-07–2026-10-30.html"]
        assert payloads["一年级（3）班-2026-09-07–2026-10-30.ics"].startswith(b"BEGIN:VCALENDAR")
        files.clear()
        at.run()
        assert not at.exception, at.exception
    assert built == [1]  # kept in the session, not rebuilt on every run
    # A new print range is a new file: the download is offered again only after building it.
    at.date_input(key="plan_print_end").set_value(dt.date(2026, 9, 30)).run()
    assert "下载打印版（.pdf）" not in [b.proto.label for b in at.get("download_button")]
    at.button(key="plan_print_prepare").click().run()
    assert built == [1, 1]


def test_a_plan_that_cannot_be_read_shows_an_error(app_env, monkeypatch):
    from curriculum.planner import document as plan_document
    from curriculum.planner.sessions import PlanStoreError

    at = _create_class_and_plan(_page())

    def gone(plan_id, **kwargs):
        raise PlanStoreError(f"教学计划：找不到编号为 {plan_id} 的计划")

    monkeypatch.setattr(plan_document, "document_for_plan", gone)
    at.run()
    assert not at.exception, at.exception
    assert any(e.value.startswith("未能读取教学计划：") for e in at.error)
    assert not at.dataframe


def test_demo_that_fails_shows_an_error(app_env, monkeypatch):
    from curriculum.demo import planner as demo_planner
    from curriculum.schoolcal.terms import TermError

    def refuse(**kwargs):
        raise TermError("学期：结束日期早于开始日期")

    monkeypatch.setattr(demo_planner, "seed", refuse)
    at = _page()
    at.button(key="plan_seed_demo").click().run()
    assert not at.exception, at.exception
    assert any(e.value == "未能载入演示班级：学期：结束日期早于开始日期" for e in at.error)


def test_texts_that_run_out_are_flagged_with_the_date_and_the_next_texts_can_be_added(app_env):
    at = _page()
    assert any("还没有班级" in i.value for i in at.info)
    at.text_input(key="plan_class_name").input("一年级（5）班")
    at.text_input(key="plan_class_new_school").input("漯河市第一实验小学")
    at.button(key="plan_class_submit").click().run()
    at.date_input(key="plan_new_start").set_value(START)
    at.date_input(key="plan_new_end").set_value(dt.date(2026, 10, 30))
    at.multiselect(key="plan_new_texts").set_value(["jingyesi"])
    at.button(key="plan_new_submit").click().run()
    assert not at.exception, at.exception
    warning = next(w.value for w in at.warning if "全部学完" in w.value)
    assert "2026年09月" in warning and "可以接着学" in warning
    at.button(key="plan_add_next_texts").click().run()
    assert not at.exception, at.exception
    assert any(s.value.startswith("已添加：") for s in at.success)
    assert not any("全部学完" in w.value for w in at.warning)
