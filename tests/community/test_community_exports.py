"""iCalendar per point and per person (two parsers, stable UIDs, VTIMEZONE) and the weekly roster."""

from datetime import date, datetime

import ics
from icalendar import Calendar

from curriculum.community.events import assign_person, create_event, occurrences_of, shift_views, update_occurrence
from curriculum.community.recurrence import weekly_rule
from curriculum.exports.community_exports import (
    person_calendar,
    point_calendar,
    roster_html,
    roster_pdf,
    weekly_roster,
)
from tests.utils.community import SAT, draft

STAMP = datetime(2026, 1, 1)


def _setup(session, point, make_person):
    ev = create_event(draft(point.id, rrule=weekly_rule([5], until=date(2026, 9, 26))), session=session)
    occs = occurrences_of(ev.id, session=session)
    zhang, liu = make_person("张明"), make_person("刘芳")
    for occ in occs[:2]:
        (shift,) = shift_views(occ.id, session=session)
        assign_person(shift.id, zhang.id, session=session)
    (shift,) = shift_views(occs[0].id, session=session)
    assign_person(shift.id, liu.id, session=session, backup=True)
    update_occurrence(occs[2].id, cancelled=True, session=session)
    return ev, occs, zhang, liu


def test_point_calendar_parses_with_two_parsers(session, point, make_person):
    ev, occs, *_ = _setup(session, point, make_person)
    data = point_calendar(point.id, session=session, stamp=STAMP)
    cal = Calendar.from_ical(data)
    assert [str(t["TZID"]) for t in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    vevents = cal.walk("VEVENT")
    assert [str(v["UID"]) for v in vevents] == [f"community-occ-{o.id}@classics" for o in occs]
    # the cancelled 19 Sep stays, under its UID, marked cancelled, so subscribers drop it
    assert [str(v["STATUS"]) for v in vevents] == ["CONFIRMED", "CONFIRMED", "CANCELLED", "CONFIRMED"]
    assert vevents[0].decoded("DTSTART").utcoffset().total_seconds() == 8 * 3600
    assert vevents[0].decoded("DTSTART").replace(tzinfo=None) == SAT
    assert str(vevents[0]["LOCATION"]) == "老街社区诵读点"
    parsed = ics.Calendar(data.decode("utf-8"))
    assert sorted(e.uid for e in parsed.events) == sorted(str(v["UID"]) for v in vevents)
    assert {e.name for e in parsed.events} == {"周末公益诵读"}
    # stable: the same export twice is identical
    assert point_calendar(point.id, session=session, stamp=STAMP) == data


def test_sequence_counts_every_edit_of_an_occurrence(session, point, make_person):
    from curriculum.community.events import EventDraft, update_series

    ev, occs, *_ = _setup(session, point, make_person)  # occs[2] cancelled once

    def sequences():
        cal = Calendar.from_ical(point_calendar(point.id, session=session, stamp=STAMP))
        return [int(v["SEQUENCE"]) for v in cal.walk("VEVENT")]

    assert sequences() == [0, 0, 1, 0]
    update_occurrence(occs[1].id, title="书法专场", session=session)
    update_occurrence(occs[1].id, start=datetime(2026, 9, 12, 14, 0), session=session)
    assert sequences() == [0, 2, 1, 0]
    # a series edit from 15 Sep on is a new version of every occurrence it touches
    update_series(ev.id, EventDraft.from_event(ev, title="周末公益诵读（新）"), session=session,
                from_time=datetime(2026, 9, 15))
    assert sequences() == [0, 2, 2, 1]
    parsed = {e.uid: e for e in ics.Calendar(point_calendar(point.id, session=session).decode("utf-8")).events}
    assert parsed[f"community-occ-{occs[2].id}@classics"].status == "CANCELLED"


def test_person_calendar_marks_shifts_of_a_cancelled_occurrence(session, point, make_person):
    _, occs, zhang, _ = _setup(session, point, make_person)
    update_occurrence(occs[1].id, cancelled=True, session=session)
    vevents = Calendar.from_ical(person_calendar(zhang.id, session=session, stamp=STAMP)).walk("VEVENT")
    assert [(str(v["STATUS"]), int(v["SEQUENCE"])) for v in vevents] == [("CONFIRMED", 0), ("CANCELLED", 1)]


def test_person_calendar_lists_duties_and_backups(session, point, make_person):
    _, occs, zhang, liu = _setup(session, point, make_person)
    zhang_cal = Calendar.from_ical(person_calendar(zhang.id, session=session, stamp=STAMP))
    assert [str(v["SUMMARY"]) for v in zhang_cal.walk("VEVENT")] == ["领读：周末公益诵读"] * 2
    liu_data = person_calendar(liu.id, session=session, stamp=STAMP)
    (event,) = ics.Calendar(liu_data.decode("utf-8")).events
    assert event.name == "领读（候补）：周末公益诵读"
    assert event.uid.startswith("community-shift-") and event.uid.endswith(f"-p{liu.id}@classics")


def test_weekly_roster_html_and_pdf(session, point, make_person):
    _setup(session, point, make_person)
    roster = weekly_roster(date(2026, 9, 3), session=session)  # Thursday → week of 31 Aug
    assert roster.week_start == date(2026, 8, 31)
    (row,) = roster.rows
    assert row.on_duty == ("张明",) and row.backups == ("刘芳",) and row.missing == 0
    page = roster_html(roster)
    assert "志愿排班表（2026-08-31 至 2026-09-06）" in page and "<td>张明</td>" in page
    # 19 Sep is cancelled (no duty); 26 Sep has a shift with nobody on it
    assert weekly_roster(date(2026, 9, 14), session=session).rows == ()
    short = weekly_roster(date(2026, 9, 21), session=session)
    assert [r.cells()[-1] for r in short.rows] == ["缺 1 人"]
    pdf = roster_pdf(roster)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
