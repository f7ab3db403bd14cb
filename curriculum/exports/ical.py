"""iCalendar export shared by term plans and community events.

Every calendar carries the Asia/Shanghai VTIMEZONE and every event a stable
UID chosen by the caller (derived from database ids, never random), so a
calendar app that re-imports an updated file updates its events instead of
duplicating them. ``SEQUENCE`` lets the caller signal a changed event and
``STATUS:CANCELLED`` (same UID) a cancelled one.

References:
    RFC 5545 §3.8.4.7 (UID), §3.6.5 (VTIMEZONE), §3.8.1.11 (STATUS), §3.8.7.4 (SEQUENCE).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

# The export is always Beijing time: naive event times are Asia/Shanghai wall
# clock and the VTIMEZONE written below must describe the same zone. This is
# deliberately not ``Settings.timezone`` — the programme is one city in China,
# and a per-deployment zone would make the same plan export different files.
# If the setting ever diverges, convert naive times before building events.
TZID = "Asia/Shanghai"
TZ = ZoneInfo(TZID)
PRODID = "-//classics-planner//经典诵读 planner//ZH"


@dataclass(frozen=True)
class CalendarEvent:
    """One event to export. ``start``/``end`` are naive local times in Asia/Shanghai or aware datetimes."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    description: str = ""
    location: str = ""
    sequence: int = 0
    categories: tuple[str, ...] = field(default=())
    status: str = ""  # RFC 5545 STATUS, e.g. "CANCELLED" (same UID) so calendar apps remove the event


def _local(dt: datetime) -> datetime:
    return dt.replace(tzinfo=TZ) if dt.tzinfo is None else dt.astimezone(TZ)


def build_calendar(events: list[CalendarEvent], name: str, *, stamp: datetime | None = None) -> bytes:
    """Serialise ``events`` to an ``.ics`` file (bytes, UTF-8).

    ``stamp`` fixes DTSTAMP for reproducible output (golden files, tests).
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    dtstamp = stamp or datetime.now(UTC).replace(microsecond=0)
    for ev in events:
        vevent = Event()
        vevent.add("uid", ev.uid)
        vevent.add("dtstamp", dtstamp)
        vevent.add("dtstart", _local(ev.start))
        vevent.add("dtend", _local(ev.end))
        vevent.add("summary", ev.summary)
        if ev.description:
            vevent.add("description", ev.description)
        if ev.location:
            vevent.add("location", ev.location)
        if ev.categories:
            vevent.add("categories", list(ev.categories))
        vevent.add("sequence", ev.sequence)
        if ev.status:
            vevent.add("status", ev.status)
        cal.add_component(vevent)
    cal.add_missing_timezones()
    return cal.to_ical()
