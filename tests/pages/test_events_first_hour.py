"""活动日历 first hour: confirm all suggestions, copy an event, page the month, keep the sub-tab, check in."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from curriculum.community.events import EventDraft, ShiftSpec, create_event
from curriculum.community.events.records import occurrences_of
from curriculum.community.events.signups import sign_up, sign_up_input
from curriculum.db import make_engine
from tests.pages.test_events import _run, _seed, _week_of_5_sept


def _event_with_signups(url):
    point_id, person_id = _seed(url)
    engine = make_engine(url)
    with Session(engine) as session:
        event = create_event(EventDraft(title="周末公益诵读", start=dt.datetime(2026, 9, 5, 9, 0), point_id=point_id,
                                        capacity=0, shifts=(ShiftSpec("领读", 1),)), session=session)
        occ_id = occurrences_of(event.id, session=session)[0].id
        event_id = event.id
        ids = [sign_up(sign_up_input(occurrence_id=occ_id, name=n, role=r), session=session).id
               for n, r in (("王妈妈", "parent"), ("赵大爷", "resident"), ("小明", "student"))]
    engine.dispose()
    return point_id, person_id, event_id, ids


def test_confirm_all_festival_suggestions_stays_on_the_festival_tab(app_env):
    point_id, _ = _seed(app_env)
    at = _run()
    at.session_state["evt_tab"] = "节日活动"
    at.number_input(key="evt_fest_year").set_value(2027)
    at.selectbox(key="evt_fest_point").set_value(point_id)
    at.button(key="evt_fest_generate").click().run()
    assert at.session_state["evt_tab"] == "节日活动"
    assert any("2027年" in m.value and " 周" in m.value for m in at.markdown)  # year and weekday on each row
    at.checkbox(key="evt_fest_override").check()
    at.button(key="evt_fest_confirm_all").click().run()
    assert not at.exception
    assert any(s.value.startswith("已确认") and "条节日活动" in s.value for s in at.success)
    assert not any(b.key == "evt_fest_confirm_all" for b in at.button)  # nothing left to confirm
    assert at.session_state["evt_tab"] == "节日活动"


def test_assigning_a_volunteer_keeps_the_shift_sub_tab(app_env):
    point_id, person_id, _event, _ids = _event_with_signups(app_env)
    at = _run()
    _week_of_5_sept(at)
    at.session_state["evt_detail_tab"] = "志愿岗位"
    at.selectbox(key="evt_assign_person").set_value(person_id)
    at.button(key="evt_assign_submit").click().run()
    assert any("已安排张明" in s.value for s in at.success)
    assert at.session_state["evt_detail_tab"] == "志愿岗位"


def test_check_in_ticks_adults_and_counts_pupils(app_env):
    _point, _person, _event, ids = _event_with_signups(app_env)
    at = _run()
    _week_of_5_sept(at)
    assert at.number_input(key="evt_checkin_pupils").value == 1  # the pupils who signed up
    assert not any(c.key == f"evt_checkin_{ids[2]}" for c in at.checkbox)  # pupils are not ticked by name
    at.checkbox(key=f"evt_checkin_{ids[0]}").check()
    at.number_input(key="evt_checkin_pupils").set_value(20)
    at.button(key="evt_checkin_submit").click().run()
    assert not at.exception and not at.error
    assert any("已记录出勤：共 21 人，60 分钟" in s.value for s in at.success)


def test_month_paging_today_and_short_staffed_marks(app_env, monkeypatch):
    from curriculum import clock

    monkeypatch.setattr(clock, "local_today", lambda: dt.date(2026, 9, 3))
    _event_with_signups(app_env)
    at = _run()
    assert any("3（今天）" in m.value and "⚠缺1人" in m.value for m in at.markdown)
    at.button(key="evt_next").click().run()
    assert any(m.value == "**2026年10月**" for m in at.markdown)
    at.button(key="evt_prev").click().run()
    at.button(key="evt_prev").click().run()
    assert any(m.value == "**2026年8月**" for m in at.markdown)
    at.button(key="evt_today").click().run()
    assert at.date_input(key="evt_day").value == dt.date(2026, 9, 3)


def test_copy_an_event_into_the_new_event_form(app_env, monkeypatch):
    from curriculum import clock

    monkeypatch.setattr(clock, "local_today", lambda: dt.date(2026, 9, 9))
    _event_with_signups(app_env)
    at = _run()
    at.button(key="evt_copy_submit").click().run()
    assert not at.exception
    assert any("已复制“周末公益诵读”" in i.value for i in at.info)
    assert at.text_input(key="evt_new_title").value == "周末公益诵读"
    assert at.date_input(key="evt_new_day").value == dt.date(2026, 9, 12)
    assert at.number_input(key="evt_new_capacity").value == 0
    at.checkbox(key="evt_new_override").check()
    at.button(key="evt_new_submit").click().run()
    assert any("已创建活动“周末公益诵读”，共 1 场" in s.value for s in at.success)
