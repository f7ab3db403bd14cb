"""Leaders' first hour: festival times and confirm-all, month paging and marks, staffing gaps, check-in, copying."""

from __future__ import annotations

from datetime import date, datetime, time

from curriculum.community import festival_events as fe
from curriculum.community import month_grid as grid
from curriculum.community import views
from curriculum.community.attendance import adult_signups, counts_from_checkin
from curriculum.community.events.listing import list_occurrences
from curriculum.community.events.series import create_event
from curriculum.community.events.shifts import assign_person, missing_people
from curriculum.community.recurrence import weekly_rule
from curriculum.models.community import CommunityEvent
from tests.utils.community import draft


def test_festival_start_times():
    assert fe.festival_start("zhongqiu", date(2027, 9, 15)) == time(19, 0)  # a Wednesday, but the moon is at night
    assert fe.festival_start("chuxi", date(2027, 2, 6)) == time(19, 0)
    assert fe.festival_start("chongyang", date(2027, 10, 9)) == time(9, 0)  # a Saturday
    assert fe.festival_start("teachers_day", date(2027, 9, 10)) == time(19, 0)  # a Friday: after work
    assert fe.festival_start("duanwu", date(2027, 6, 9), {date(2027, 6, 9)}) == time(9, 0)  # a day off


def test_when_label_has_year_and_weekday():
    assert fe.when_label(datetime(2027, 2, 6, 19, 0)) == "2027年2月6日 周六 19:00"


def test_suggestions_use_local_times_and_confirm_all(session, point):
    made = fe.suggest_festival_events(2027, point_id=point.id, session=session)
    by_key = {e.festival_key: e for e in made}
    assert by_key["zhongqiu"].start.time() == time(19, 0)
    weekend = [e for e in made if e.start.weekday() >= 5 and e.festival_key not in fe.EVENING_FESTIVALS]
    assert weekend and all(e.start.time() == time(9, 0) for e in weekend)
    assert not any(e.start.weekday() < 5 and e.start.time() == time(9, 0) and e.festival_key != "national_day"
                   and e.festival_key not in ("qingming", "duanwu", "chunjie") for e in made)
    rows = fe.festival_event_rows(2027, point_id=point.id, session=session)
    assert all(r["when"].startswith("2027年") and " 周" in r["when"] for r in rows)

    # The point closes at 18:00: evening suggestions need the leader's override, the others go through.
    confirmed, refused = fe.accept_all([e.id for e in made], session=session)
    assert confirmed and refused
    assert all("开放时间" in why for why in refused.values())
    assert session.get(CommunityEvent, by_key["zhongqiu"].id).status == "suggested"
    confirmed, refused = fe.accept_all(list(refused), session=session, override=True)
    assert not refused
    statuses = {r["status"] for r in fe.festival_event_rows(2027, point_id=point.id, session=session)}
    assert statuses == {"confirmed"}


def test_shift_month_and_month_grid_marks():
    assert grid.shift_month(2026, 12, 1) == (2027, 1)
    assert grid.shift_month(2026, 1, -1) == (2025, 12)
    assert grid.shift_month(2026, 5, -13) == (2025, 4)


def test_month_grid_marks_today_and_short_staffed(session, point, make_person):
    event = create_event(draft(point.id), session=session)
    rows = list_occurrences(session=session, start=datetime(2026, 9, 1), end=datetime(2026, 10, 1))
    missing = missing_people([r.id for r in rows], session=session)
    assert missing == {rows[0].id: 1}
    table = grid.month_grid(2026, 9, rows, today=date(2026, 9, 3), missing=missing)
    cells = [c for c in table.to_numpy().ravel() if c]
    assert "3（今天）" in cells
    assert any(c.startswith("5\n09:00 周末公益诵读 ⚠缺1人") for c in cells)
    assert "background:#fdf1d6" in grid.grid_html(table) and "⚠缺1人" in grid.grid_html(table)

    shift = views.occurrence_detail(rows[0].id, session=session)["shifts"][0]
    assign_person(shift.id, make_person().id, session=session)
    assert missing_people([r.id for r in rows], session=session) == {}
    assert event.id


def test_check_in_counts_ticked_adults_and_pupils_by_head():
    signups = [(1, "王妈妈", "parent"), (2, "李老师", "teacher"), (3, "小明", "student"), (4, "赵大爷", "resident")]
    assert [s[1] for s in adult_signups(signups)] == ["王妈妈", "李老师", "赵大爷"]
    counts = counts_from_checkin(signups, {1, 4, 3}, pupils=24)
    assert counts["parent"] == 1 and counts["resident"] == 1 and counts["teacher"] == 0
    assert counts["student"] == 24  # pupils are a head count, not ticked


def test_copy_form_moves_to_the_next_same_weekday(session, point):
    rule = weekly_rule([5], until=date(2026, 9, 26))
    event = create_event(draft(point.id, rrule=rule, capacity=20, texts=("lunyu",)), session=session)
    assert list(views.copyable_events(session=session).values()) == ["2026年9月5日 周六 周末公益诵读"]
    form = views.copy_form(event.id, date(2026, 10, 7), session=session)  # a Wednesday
    assert form["day"] == date(2026, 10, 10) and form["time"] == time(9, 0)
    assert (form["title"], form["capacity"], form["repeat"], form["leaders"], form["helpers"]) == (
        "周末公益诵读", 20, [5], 1, 0)
    assert form["texts"] == ["lunyu"] and form["until"] is None


def test_step_day_pages_months_and_weeks():
    assert grid.step_day(date(2026, 12, 20), "month", 1) == date(2027, 1, 1)
    assert grid.step_day(date(2026, 3, 31), "month", -1) == date(2026, 2, 1)
    assert grid.step_day(date(2026, 9, 5), "week", -1) == date(2026, 8, 29)
