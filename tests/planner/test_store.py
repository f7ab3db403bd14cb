"""Plans in the database: create, bump, lock, extra session, reorder, mark done, regenerate, undo."""

from __future__ import annotations

from datetime import date, time

import pytest

from curriculum.demo import planner as demo_planner
from curriculum.planner import classes, edits, history, plans
from curriculum.planner import sessions as stored
from curriculum.planner.sessions import PlanStoreError
from curriculum.schoolcal.terms import TermInputs
from tests.planner.conftest import weekdays
from tests.utils.planner import make_class, make_plan

START = date(2026, 9, 7)  # a Monday


def _term(n: int = 20) -> TermInputs:
    days = weekdays(START, n)
    return TermInputs(days[0], days[-1], days)


@pytest.fixture
def plan(session, catalog):
    klass = make_class(session, name="一年级（2）班", stage="primary_lower", grade="一年级",
                               size=45, reading_time=time(7, 40))
    term = _term()
    plan, _ = make_plan(session, catalog, klass.id, start=term.start,
                                end=term.end, text_ids=["dizigui", "sanzijing"], term=term)
    return plan


def _dates(session, plan_id):
    return [s.date for s in stored.list_sessions(plan_id, session=session)]


def _contents(session, plan_id):
    return [(s.date, tuple(s.items)) for s in stored.list_sessions(plan_id, session=session)]


def test_created_plan_has_one_exact_session_per_school_day(session, plan):
    sessions = stored.list_sessions(plan.id, session=session)
    assert [s.date for s in sessions] == weekdays(START, 20)
    assert all(sum(i.minutes for i in s.items) == 30 == s.minutes for s in sessions)
    assert plans.get_plan(plan.id, session=session).text_ids == ["dizigui", "sanzijing"]


def test_class_validation_speaks_chinese(session):
    with pytest.raises(PlanStoreError, match="班级名称"):
        make_class(session, name=" ", stage="primary_lower")
    with pytest.raises(PlanStoreError, match="未知学段"):
        make_class(session, name="x", stage="nursery")


def test_bump_pushes_that_day_and_later_sessions_one_school_day_and_lists_what_fell_off(session, plan, catalog):
    days = weekdays(START, 20)
    before = _contents(session, plan.id)
    result = edits.bump(plan.id, days[3], session=session, catalog=catalog)
    after = _contents(session, plan.id)
    assert result.moved == 17 and result.unscheduled == [days[19]]
    # Days before the lost day unchanged; the lost day empty; every later session one day later.
    assert after[:3] == before[:3]
    assert days[3] not in [d for d, _ in after]
    assert [items for _, items in after[3:]] == [items for _, items in before[3:19]]
    assert [d for d, _ in after[3:]] == days[4:]
    # What fell off the end was a review-only day (everything had been introduced): no passage is lost.
    assert not [i for i in before[19][1] if i.kind == "new"]
    assert plans.unscheduled_ranges(plans.get_plan(plan.id, session=session)) == []


def _new(items):
    return [i for i in items if i.kind == "new"]


def test_bump_skips_locked_sessions_which_stay_on_their_date(session, plan, catalog):
    days = weekdays(START, 20)
    before = dict(_contents(session, plan.id))
    edits.lock(plan.id, days[5], session=session)
    edits.bump(plan.id, days[3], session=session, catalog=catalog)
    after = dict(_contents(session, plan.id))
    assert after[days[5]] == before[days[5]]  # the locked session did not move
    assert after[days[4]] == before[days[3]]
    # Jumped over the locked day: the material moves on (reviews are re-planned around the locked day).
    assert _new(after[days[6]]) == _new(before[days[4]])
    with pytest.raises(PlanStoreError, match="锁定"):
        edits.bump(plan.id, days[5], session=session, catalog=catalog)


def test_bump_on_a_day_without_session_is_refused(session, plan, catalog):
    with pytest.raises(PlanStoreError, match="没有安排"):
        edits.bump(plan.id, date(2026, 9, 12), session=session, catalog=catalog)


def test_undo_restores_the_plan_before_each_operation(session, plan, catalog):
    days = weekdays(START, 20)
    original = _contents(session, plan.id)
    edits.bump(plan.id, days[2], session=session, catalog=catalog)
    bumped = _contents(session, plan.id)
    edits.reorder_texts(plan.id, ["sanzijing", "dizigui"], session=session, catalog=catalog, from_day=days[1])
    assert _contents(session, plan.id) != bumped
    assert [o.kind for o in history.list_operations(plan.id, session=session)] == ["bump", "reorder"]
    history.undo_last(plan.id, session=session)
    assert _contents(session, plan.id) == bumped
    assert plans.get_plan(plan.id, session=session).text_ids == ["dizigui", "sanzijing"]
    history.undo_last(plan.id, session=session)
    assert _contents(session, plan.id) == original
    assert stored.unscheduled_sessions(plan.id, session=session) == []
    assert history.undo_last(plan.id, session=session) is None


def test_reorder_replans_only_from_the_given_day(session, plan, catalog):
    days = weekdays(START, 20)
    before = _contents(session, plan.id)
    edits.reorder_texts(plan.id, ["sanzijing", "dizigui"], session=session, catalog=catalog, from_day=days[0])
    after = stored.list_sessions(plan.id, session=session)
    first_new = next(i for i in after[0].items if i.kind == "new")
    assert first_new.text_id == "sanzijing"
    history.undo_last(plan.id, session=session)
    edits.set_locked(plan.id, days[0], session=session)
    edits.reorder_texts(plan.id, ["sanzijing", "dizigui"], session=session, catalog=catalog, from_day=days[0])
    after = _contents(session, plan.id)
    assert after[0] == before[0]  # locked day kept
    assert all(sum(i.minutes for i in items) == 30 for _, items in after)
    with pytest.raises(PlanStoreError, match="没有“nope”"):
        edits.reorder_texts(plan.id, ["nope"], session=session, catalog=catalog)


def test_mark_done_low_pass_rate_adds_extra_reviews(session, plan, catalog):
    days = weekdays(START, 20)
    first = stored.list_sessions(plan.id, session=session)[0]
    key = next((i.text_id, i.passage_start) for i in first.items if i.kind == "new")

    def reviews():
        return sum(1 for s in stored.list_sessions(plan.id, session=session) for i in s.items
                   if i.kind == "review" and i.label == "" and (i.text_id, i.passage_start) == key)

    base = reviews()
    assert edits.mark_done(plan.id, days[0], 0.95, session=session, catalog=catalog) is False
    assert reviews() == base
    history.undo_last(plan.id, session=session)
    assert edits.mark_done(plan.id, days[0], 0.5, session=session, catalog=catalog) is True
    assert reviews() >= base + 1
    done = stored.list_sessions(plan.id, session=session)[0]
    assert done.done and done.pass_rate == 0.5 and tuple(done.items) == tuple(first.items)
    with pytest.raises(PlanStoreError, match="通过率"):
        edits.mark_done(plan.id, days[1], 1.5, session=session, catalog=catalog)


def test_regenerate_keeps_done_and_locked_sessions(session, plan, catalog):
    days = weekdays(START, 20)
    edits.mark_done(plan.id, days[0], 0.9, session=session, catalog=catalog)
    edits.set_locked(plan.id, days[8], session=session)
    before = dict(_contents(session, plan.id))
    edits.bump(plan.id, days[4], session=session, catalog=catalog)
    edits.regenerate_from(plan.id, days[1], session=session, catalog=catalog)
    after = dict(_contents(session, plan.id))
    assert after[days[0]] == before[days[0]] and after[days[8]] == before[days[8]]
    assert days[4] not in after  # the lost day stays lost
    _assert_every_passage_planned_or_listed(session, plan.id, catalog)
    # Nothing taught twice: new passages are disjoint across the plan.
    seen = set()
    for items in after.values():
        for i in items:
            if i.kind == "new":
                span = {(i.text_id, k) for k in range(i.passage_start, i.passage_end + 1)}
                assert not span & seen
                seen |= span


def test_extra_saturday_session_is_planned_and_undoable(session, plan, catalog):
    saturday = date(2026, 9, 12)
    edits.insert_extra_session(plan.id, saturday, session=session, catalog=catalog)
    sessions = stored.list_sessions(plan.id, session=session)
    sat = [s for s in sessions if s.date == saturday]
    assert len(sat) == 1 and sat[0].extra and sum(i.minutes for i in sat[0].items) == 30
    edits.insert_extra_session(plan.id, saturday, session=session, catalog=catalog)
    assert [s.slot for s in stored.list_sessions(plan.id, session=session) if s.date == saturday] == [0, 1]
    history.undo_last(plan.id, session=session)
    history.undo_last(plan.id, session=session)
    assert saturday not in _dates(session, plan.id)
    with pytest.raises(PlanStoreError, match="不在本学期"):
        edits.insert_extra_session(plan.id, date(2027, 9, 1), session=session, catalog=catalog)


def test_short_sessions_are_refused_when_creating_a_plan(session, catalog):
    klass = make_class(session, name="二班", stage="primary_lower")
    term = _term(5)
    with pytest.raises(Exception, match="半小时"):
        make_plan(session, catalog, klass.id, start=term.start, end=term.end,
                          text_ids=["dizigui"], minutes=20, term=term)


def test_seed_demo_is_idempotent_and_uses_the_demo_school_term(session):
    from curriculum.demo import schools as demo_schools

    demo_schools.seed(session=session)
    session.commit()
    today = date(2026, 11, 28)
    first = demo_planner.seed(session=session, today=today)
    assert (first["班级"], first["教学计划"], first["学校"]) == (4, 4, 1)  # the junior school is new
    assert set(demo_planner.seed(session=session, today=today).values()) == {0}
    klass = next(c for c in classes.list_classes(session=session) if c.name == "一年级（2）班")
    assert klass.stage == "primary_lower" and klass.school_id is not None
    plan = plans.list_plans(session=session, class_id=klass.id)[0]
    sessions = stored.list_sessions(plan.id, session=session)
    assert sessions and all(sum(i.minutes for i in s.items) == 30 for s in sessions)
    # The school's own closures (运动会 2026-10-29/30) are not reading days.
    assert plan.term_start == date(2026, 9, 1)  # the demo school's autumn term around 2026-11-28
    assert date(2026, 10, 29) not in {s.date for s in sessions}
    assert date(2026, 10, 28) in {s.date for s in sessions}


def test_stored_plan_calendar_keeps_uids_across_a_bump(session, plan, catalog):
    from icalendar import Calendar

    from curriculum.exports.plan_exports import plan_ics
    from curriculum.planner.document import document_for_plan

    days = weekdays(START, 20)

    def events():
        doc = document_for_plan(plan.id, session=session)
        return {str(e["UID"]): e for e in Calendar.from_ical(plan_ics(doc, catalog)).walk("VEVENT")}

    before = events()
    assert f"plan-{plan.id}-20260907@classics-planner" in before
    assert all(int(e.get("SEQUENCE", 0)) == 0 for e in before.values())
    edits.bump(plan.id, days[2], session=session, catalog=catalog)
    after = events()
    # Same UIDs: the lost day becomes a 停课 event, later days carry the pushed sessions.
    assert set(after) == set(before)
    lost = after[f"plan-{plan.id}-{days[2]:%Y%m%d}@classics-planner"]
    assert "停课" in str(lost["SUMMARY"])
    moved = after[f"plan-{plan.id}-{days[3]:%Y%m%d}@classics-planner"]
    assert str(moved["DESCRIPTION"]) == str(before[f"plan-{plan.id}-{days[2]:%Y%m%d}@classics-planner"]["DESCRIPTION"])
    assert all(int(e["SEQUENCE"]) > 0 for e in after.values())


def test_bumping_an_extra_session_is_refused(session, plan, catalog):
    saturday = date(2026, 9, 12)
    edits.insert_extra_session(plan.id, saturday, session=session, catalog=catalog)
    with pytest.raises(PlanStoreError, match="加课"):
        edits.bump(plan.id, saturday, session=session, catalog=catalog)


def test_unlock_lets_a_session_move_again(session, plan, catalog):
    days = weekdays(START, 20)
    edits.lock(plan.id, days[5], session=session)
    edits.unlock(plan.id, days[5], session=session)
    before = dict(_contents(session, plan.id))
    edits.bump(plan.id, days[3], session=session, catalog=catalog)
    after = dict(_contents(session, plan.id))
    assert after[days[6]] == before[days[5]]
    assert [o.kind for o in history.list_operations(plan.id, session=session)] == ["lock", "unlock", "bump"]


def test_undo_a_regenerate_restores_the_sessions_before_it(session, plan, catalog):
    days = weekdays(START, 20)
    edits.reorder_texts(plan.id, ["sanzijing", "dizigui"], session=session, catalog=catalog, from_day=days[5])
    history.undo_last(plan.id, session=session)  # text order back, sessions back
    before = _contents(session, plan.id)
    edits.set_locked(plan.id, days[2], session=session)
    plan_row = plans.get_plan(plan.id, session=session)
    plan_row.text_ids = ["sanzijing", "dizigui"]  # a changed order the regenerate picks up
    session.add(plan_row)
    session.commit()
    edits.regenerate_from(plan.id, days[1], session=session, catalog=catalog)
    regenerated = _contents(session, plan.id)
    assert regenerated != before
    assert regenerated[2] == before[2]  # the locked day kept
    assert history.undo_last(plan.id, session=session).kind == "regenerate"
    assert _contents(session, plan.id) == before


def test_undo_a_lock_lets_the_session_move_again(session, plan, catalog):
    days = weekdays(START, 20)
    before = dict(_contents(session, plan.id))
    edits.lock(plan.id, days[5], session=session)
    assert next(s for s in stored.list_sessions(plan.id, session=session) if s.date == days[5]).locked
    assert history.undo_last(plan.id, session=session).kind == "lock"
    assert not any(s.locked for s in stored.list_sessions(plan.id, session=session))
    edits.bump(plan.id, days[3], session=session, catalog=catalog)
    after = dict(_contents(session, plan.id))
    assert [i for i in after[days[6]] if i.kind == "new"] == [i for i in before[days[5]] if i.kind == "new"]


def test_calendar_sequence_only_grows_across_edits_and_undos(session, plan, catalog):
    from icalendar import Calendar

    from curriculum.exports.plan_exports import plan_ics
    from curriculum.planner.document import document_for_plan

    days = weekdays(START, 20)

    def sequence(day):
        doc = document_for_plan(plan.id, session=session)
        events = {str(e["UID"]): e for e in Calendar.from_ical(plan_ics(doc, catalog)).walk("VEVENT")}
        return int(events[f"plan-{plan.id}-{day:%Y%m%d}@classics-planner"]["SEQUENCE"])

    seen = [sequence(days[4])]
    edits.lock(plan.id, days[1], session=session)
    seen.append(sequence(days[4]))
    edits.bump(plan.id, days[3], session=session, catalog=catalog)
    seen.append(sequence(days[4]))
    history.undo_last(plan.id, session=session)  # the bump is undone: a newer version, not an older one
    seen.append(sequence(days[4]))
    history.undo_last(plan.id, session=session)
    seen.append(sequence(days[4]))
    assert seen == sorted(set(seen)) and seen[0] == 0 and len(seen) == 5
    assert plans.get_plan(plan.id, session=session).revision == 4


def _assert_every_passage_planned_or_listed(session, plan_id, catalog):
    """Each passage of the plan's texts is new material in exactly one session or listed as unscheduled."""
    plan_row = plans.get_plan(plan_id, session=session)
    planned = [(i.text_id, k) for s in stored.list_sessions(plan_id, session=session) for i in s.items
               if i.kind == "new" for k in range(i.passage_start, i.passage_end + 1)]
    listed = [(r.text_id, k) for r in plans.unscheduled_ranges(plan_row)
              for k in range(r.passage_start, r.passage_end + 1)]
    everything = [(t, k) for t in plan_row.text_ids for k in range(1, len(catalog.get(t).passages) + 1)]
    assert sorted(planned + listed) == sorted(everything)
    return listed


@pytest.fixture
def tight_plan(session, catalog):
    """Five school days: exactly enough for 弟子规 and 三字经 (三字经 25–30 on the last day)."""
    klass = make_class(session, name="一年级（5）班", stage="primary_lower")
    term = _term(5)
    plan, result = make_plan(session, catalog, klass.id, start=term.start,
                                     end=term.end, text_ids=["dizigui", "sanzijing"], term=term)
    assert result.unscheduled == [] and plans.unscheduled_ranges(plan) == []
    return plan


def test_bumped_off_passages_stay_listed_through_regenerate_mark_done_extra_and_reorder(session, tight_plan,
                                                                                        catalog):
    days = weekdays(START, 5)
    plan_id = tight_plan.id
    result = edits.bump(plan_id, days[1], session=session, catalog=catalog)
    assert result.unscheduled == [days[4]]
    listed = _assert_every_passage_planned_or_listed(session, plan_id, catalog)
    assert listed == [("sanzijing", k) for k in range(25, 31)]
    # Every later re-plan recomputes the list; none of them lets the passages vanish.
    edits.regenerate_from(plan_id, days[0], session=session, catalog=catalog)
    assert _assert_every_passage_planned_or_listed(session, plan_id, catalog) == listed
    # An extra (second) session on a school day makes room: the list shrinks.
    edits.insert_extra_session(plan_id, days[3], session=session, catalog=catalog)
    assert len(_assert_every_passage_planned_or_listed(session, plan_id, catalog)) < len(listed)
    edits.mark_done(plan_id, days[0], 0.5, session=session, catalog=catalog)
    _assert_every_passage_planned_or_listed(session, plan_id, catalog)
    edits.reorder_texts(plan_id, ["sanzijing", "dizigui"], session=session, catalog=catalog, from_day=days[2])
    _assert_every_passage_planned_or_listed(session, plan_id, catalog)
    # Undo walks the list back too.
    for _ in range(5):
        history.undo_last(plan_id, session=session)
    assert plans.unscheduled_ranges(plans.get_plan(plan_id, session=session)) == []


def test_passages_that_never_fit_are_saved_at_creation_and_exported(session, catalog):
    import io
    import json

    import openpyxl

    from curriculum.exports.plan_exports import plan_json_bytes, plan_xlsx
    from curriculum.planner.document import document_for_plan

    klass = make_class(session, name="一年级（6）班", stage="primary_lower")
    term = _term(3)
    plan, _ = make_plan(session, catalog, klass.id, start=term.start,
                                end=term.end, text_ids=["dizigui", "sanzijing"], term=term)
    plan = plans.get_plan(plan.id, session=session)
    assert [(r.text_id, r.passage_start, r.passage_end) for r in plans.unscheduled_ranges(plan)] == [
        ("sanzijing", 12, 30)]
    doc = document_for_plan(plan.id, session=session)
    data = json.loads(plan_json_bytes(doc, catalog))
    assert data["unscheduled"] == [{"text_id": "sanzijing", "section": "第一章", "passage_start": 12,
                                    "passage_end": 30}]
    wb = openpyxl.load_workbook(io.BytesIO(plan_xlsx(doc, catalog, plan.text_ids)))
    rows = list(wb["未排入"].iter_rows(values_only=True))
    assert rows[0][:6] == ("篇目", "编号", "章节", "起句", "止句", "句数")
    assert rows[1][:6] == ("三字经", "sanzijing", "第一章", 12, 30, 19)


def test_a_school_make_up_day_on_the_friday_timetable_keeps_its_check_through_a_regenerate(session, catalog):
    saturday = date(2026, 9, 19)
    days = sorted([*weekdays(START, 15), saturday])
    term = TermInputs(days[0], days[-1], days, timetable={saturday: 4})
    klass = make_class(session, name="三年级（1）班", stage="primary_lower")
    plan, _ = make_plan(session, catalog, klass.id, start=term.start,
                                end=term.end, text_ids=["dizigui", "sanzijing"], term=term,
                                weekday_pattern={4: "recitation_check"})

    def check_days():
        return [s.date for s in stored.list_sessions(plan.id, session=session)
                if any(i.label == "背诵检查" for i in s.items)]

    fridays = [d for d in days if d.weekday() == 4]
    assert check_days() == sorted([*fridays, saturday])
    edits.regenerate_from(plan.id, days[1], session=session, catalog=catalog)
    assert check_days() == sorted([*fridays, saturday])


def test_bump_keeps_the_festival_reading_on_the_festival_and_checks_on_fridays(session):
    from curriculum.catalog.loader import load_catalog
    from curriculum.schoolcal.terms import term_inputs
    from curriculum.settings import get_settings

    catalog = load_catalog(get_settings().catalog_path)
    # 《师说》, 教师节's text, is for senior high: only such a class reads it that day (issue 9).
    klass = make_class(session, name="高一（1）班", stage="senior")
    start, end = date(2026, 9, 7), date(2026, 9, 30)
    plan, _ = make_plan(session, catalog, klass.id, start=start, end=end,
                                term=term_inputs(start, end), weekday_pattern={4: "recitation_check"})
    teachers_day = date(2026, 9, 10)

    def by_date():
        return {s.date: s for s in stored.list_sessions(plan.id, session=session)}

    def festival_text(s):
        return next((i.text_id for i in s.items if i.label.startswith("节日诵读")), None)

    def check_days():
        return sorted(d for d, s in by_date().items() if any(i.label == "背诵检查" for i in s.items))

    before = by_date()
    assert before[teachers_day].festival_key == "teachers_day" and festival_text(before[teachers_day]) == "shishuo"
    fridays = sorted(d for d in before if d.weekday() == 4)
    assert fridays == [date(2026, 9, 11), date(2026, 9, 18)]  # 9/25 is 中秋节
    assert check_days() == fridays

    edits.bump(plan.id, date(2026, 9, 8), session=session, catalog=catalog)
    after = by_date()
    assert date(2026, 9, 8) not in after
    # 9/8's new material moved to 9/9; 教师节 still features 师说 on 9/10; Fridays are still checks.
    assert _new(after[date(2026, 9, 9)].items) == _new(before[date(2026, 9, 8)].items)
    assert after[teachers_day].festival_key == "teachers_day" and festival_text(after[teachers_day]) == "shishuo"
    assert festival_text(after[date(2026, 9, 11)]) is None
    assert check_days() == fridays
    assert all(sum(i.minutes for i in s.items) == 30 for s in after.values())


def _ics_events(session, plan_id, catalog):
    from icalendar import Calendar

    from curriculum.exports.plan_exports import plan_ics
    from curriculum.planner.document import document_for_plan

    data = plan_ics(document_for_plan(plan_id, session=session), catalog)
    import ics

    assert len(ics.Calendar(data.decode("utf-8")).events) == len(Calendar.from_ical(data).walk("VEVENT"))
    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def test_extra_session_on_a_bumped_off_day_takes_the_next_slot_and_both_export(session, plan, catalog):
    days = weekdays(START, 20)
    edits.bump(plan.id, days[2], session=session, catalog=catalog)
    edits.insert_extra_session(plan.id, days[2], session=session, catalog=catalog)
    on_day = [s for s in stored.list_sessions(plan.id, session=session, status=None) if s.date == days[2]]
    assert sorted((s.slot, s.status) for s in on_day) == [(0, "cancelled"), (1, "scheduled")]
    events = _ics_events(session, plan.id, catalog)
    lost = events[f"plan-{plan.id}-{days[2]:%Y%m%d}@classics-planner"]
    assert "停课" in str(lost["SUMMARY"]) and str(lost["STATUS"]) == "CANCELLED"
    extra = events[f"plan-{plan.id}-{days[2]:%Y%m%d}-s1@classics-planner"]
    assert "STATUS" not in extra and extra.decoded("DTSTART").hour == 8  # 07:40 + 45 minutes


def test_undoing_an_extra_session_cancels_its_calendar_event(session, plan, catalog):
    saturday = date(2026, 9, 12)
    uid = f"plan-{plan.id}-20260912@classics-planner"
    assert uid not in _ics_events(session, plan.id, catalog)
    edits.insert_extra_session(plan.id, saturday, session=session, catalog=catalog)
    added = _ics_events(session, plan.id, catalog)[uid]
    assert "STATUS" not in added
    history.undo_last(plan.id, session=session)
    withdrawn = _ics_events(session, plan.id, catalog)[uid]
    assert str(withdrawn["STATUS"]) == "CANCELLED"
    assert int(withdrawn["SEQUENCE"]) > int(added["SEQUENCE"])
    # A regular school day is not touched by this.
    assert all("STATUS" not in e for u, e in _ics_events(session, plan.id, catalog).items() if u != uid)
