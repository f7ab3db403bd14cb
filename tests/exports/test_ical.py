"""The shared iCalendar writer: VTIMEZONE, stable UIDs, two independent parsers."""

from datetime import datetime

import ics
from icalendar import Calendar

from curriculum.exports.ical import CalendarEvent, build_calendar


def _events():
    return [
        CalendarEvent(uid="plan-1-session-2026-09-01@classics", start=datetime(2026, 9, 1, 7, 30),
                      end=datetime(2026, 9, 1, 8, 0), summary="经典诵读：弟子规", location="一（2）班"),
        CalendarEvent(uid="plan-1-session-2026-09-02@classics", start=datetime(2026, 9, 2, 7, 30),
                      end=datetime(2026, 9, 2, 8, 0), summary="经典诵读：三字经"),
    ]


def test_calendar_has_shanghai_vtimezone_and_local_times():
    cal = Calendar.from_ical(build_calendar(_events(), "一（2）班 诵读计划"))
    tzs = list(cal.walk("VTIMEZONE"))
    assert [str(t["TZID"]) for t in tzs] == ["Asia/Shanghai"]
    first = cal.walk("VEVENT")[0]
    assert first.decoded("DTSTART").utcoffset().total_seconds() == 8 * 3600
    assert str(first["SUMMARY"]) == "经典诵读：弟子规"


def test_uids_are_stable_across_exports_and_second_parser_agrees():
    a = build_calendar(_events(), "x", stamp=datetime(2026, 1, 1))
    b = build_calendar(_events(), "x", stamp=datetime(2026, 1, 1))
    assert a == b
    parsed = ics.Calendar(a.decode("utf-8"))
    assert sorted(e.uid for e in parsed.events) == sorted(e.uid for e in _events())
    assert {e.name for e in parsed.events} == {"经典诵读：弟子规", "经典诵读：三字经"}


def test_cancelled_event_keeps_its_uid_with_status_cancelled():
    cancelled = CalendarEvent(uid="community-occ-7@classics", start=datetime(2026, 9, 5, 9, 0),
                              end=datetime(2026, 9, 5, 10, 0), summary="周末公益诵读", sequence=2, status="CANCELLED")
    data = build_calendar([*_events(), cancelled], "x", stamp=datetime(2026, 1, 1))
    by_uid = {str(v["UID"]): v for v in Calendar.from_ical(data).walk("VEVENT")}
    assert str(by_uid["community-occ-7@classics"]["STATUS"]) == "CANCELLED"
    assert int(by_uid["community-occ-7@classics"]["SEQUENCE"]) == 2
    assert "STATUS" not in by_uid["plan-1-session-2026-09-01@classics"]
    parsed = {e.uid: e for e in ics.Calendar(data.decode("utf-8")).events}
    assert parsed["community-occ-7@classics"].status == "CANCELLED"
