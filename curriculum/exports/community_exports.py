"""Community exports: iCalendar per reading point and per person, and the weekly duty roster (排班表).

Calendars go through ``curriculum.exports.ical.build_calendar`` (Asia/Shanghai
VTIMEZONE). UIDs come from database ids, so re-importing an updated file
updates events instead of duplicating them: ``community-occ-<occurrence
id>@classics`` for a point's events, ``community-shift-<shift id>-p<person
id>@classics`` for a person's duties. ``SEQUENCE`` is the occurrence's
revision counter (bumped on every edit), and a cancelled occurrence stays in the
file with ``STATUS:CANCELLED`` under the same UID, so subscribers' calendars
drop it instead of keeping a stale event.

The roster is one row per shift of the week: date, time, point, event, task,
who is on duty, backups and how many are still missing. It is printed as
HTML (``roster_html``) or as an A4 landscape PDF (``roster_pdf``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from curriculum.community.conflicts import CommunityError
from curriculum.community.events.drafts import ACTIVE
from curriculum.community.events.listing import list_occurrences
from curriculum.community.events.shifts import shift_views
from curriculum.community.month_grid import week_bounds
from curriculum.errors import get_or_raise
from curriculum.exports.ical import CalendarEvent, build_calendar
from curriculum.models.community import (
    CommunityEvent,
    EventOccurrence,
    Person,
    ReadingPoint,
    ShiftAssignment,
    VolunteerShift,
)
from curriculum.vocab import INTEGRATIONS, WEEKDAY_LABELS

UID_DOMAIN = "classics"


def occurrence_uid(occurrence_id: int) -> str:
    return f"community-occ-{occurrence_id}@{UID_DOMAIN}"


def shift_uid(shift_id: int, person_id: int) -> str:
    return f"community-shift-{shift_id}-p{person_id}@{UID_DOMAIN}"


def _status(occ: EventOccurrence) -> str:
    return "CANCELLED" if occ.cancelled else "CONFIRMED"


def point_calendar(point_id: int, *, session: Session, stamp: datetime | None = None) -> bytes:
    """All confirmed occurrences at a point as an ``.ics`` file (cancelled ones as ``STATUS:CANCELLED``)."""
    point = get_or_raise(session, ReadingPoint, point_id, what="诵读点", field="point_id")
    stmt = (
        select(EventOccurrence, CommunityEvent)
        .join(CommunityEvent, EventOccurrence.event_id == CommunityEvent.id)
        .where(CommunityEvent.point_id == point.id, CommunityEvent.status == ACTIVE)
        .order_by(EventOccurrence.start, EventOccurrence.id)
    )
    events = [
        CalendarEvent(
            uid=occurrence_uid(occ.id), start=occ.start, end=occ.end, summary=occ.title or ev.title,
            description=ev.description, location=point.name, sequence=occ.revision,
            categories=(INTEGRATIONS.get(ev.integration, ev.integration),), status=_status(occ),
        )
        for occ, ev in session.exec(stmt)
    ]
    return build_calendar(events, f"{point.name} 诵读活动", stamp=stamp)


def person_calendar(person_id: int, *, session: Session, stamp: datetime | None = None) -> bytes:
    """A person's shifts (on duty and backup) on confirmed occurrences (cancelled ones as ``STATUS:CANCELLED``)."""
    person = get_or_raise(session, Person, person_id, what="人员", field="person_id")
    stmt = (
        select(ShiftAssignment, VolunteerShift, EventOccurrence, CommunityEvent)
        .join(VolunteerShift, ShiftAssignment.shift_id == VolunteerShift.id)
        .join(EventOccurrence, VolunteerShift.occurrence_id == EventOccurrence.id)
        .join(CommunityEvent, EventOccurrence.event_id == CommunityEvent.id)
        .where(ShiftAssignment.person_id == person.id, CommunityEvent.status == ACTIVE)
        .order_by(VolunteerShift.start, VolunteerShift.id)
    )
    points = {p.id: p.name for p in session.exec(select(ReadingPoint))}
    events = []
    for a, shift, occ, ev in session.exec(stmt):
        role = f"{shift.task}（候补）" if a.backup else shift.task
        events.append(CalendarEvent(
            uid=shift_uid(shift.id, person.id), start=shift.start, end=shift.end,
            summary=f"{role}：{occ.title or ev.title}", location=points.get(ev.point_id, ""),
            description=f"{person.name} 的志愿岗位", sequence=occ.revision, status=_status(occ),
        ))
    return build_calendar(events, f"{person.name} 的志愿排班", stamp=stamp)


@dataclass(frozen=True)
class RosterRow:
    day: date
    time: str
    point: str
    event: str
    task: str
    on_duty: tuple[str, ...]
    backups: tuple[str, ...]
    needed: int

    @property
    def missing(self) -> int:
        return max(0, self.needed - len(self.on_duty))

    def cells(self) -> list[str]:
        return [
            f"{self.day.month}月{self.day.day}日 {WEEKDAY_LABELS[self.day.weekday()]}",
            self.time, self.point, self.event, self.task,
            "、".join(self.on_duty) or "—",
            "、".join(self.backups) or "—",
            f"缺 {self.missing} 人" if self.missing else "已满",
        ]


ROSTER_HEADERS = ["日期", "时间", "诵读点", "活动", "岗位", "值班人员", "候补", "状态"]


@dataclass(frozen=True)
class Roster:
    week_start: date
    rows: tuple[RosterRow, ...]

    @property
    def title(self) -> str:
        end = week_bounds(self.week_start)[1].date()
        last = date.fromordinal(end.toordinal() - 1)
        return f"志愿排班表（{self.week_start.isoformat()} 至 {last.isoformat()}）"


def weekly_roster(day: date, *, session: Session, point_id: int | None = None) -> Roster:
    """Every shift of the confirmed occurrences in the week (Monday–Sunday) containing ``day``.

    An unknown ``point_id`` is an error, not an empty roster (a typo must not print a blank sheet).
    """
    # Not ``get_or_raise``: ``classics community roster --point`` has promised this wording.
    if point_id is not None and session.get(ReadingPoint, point_id) is None:
        raise CommunityError(f"诵读点 {point_id} 不存在", field="point_id")
    start, end = week_bounds(day)
    rows = []
    for occ in list_occurrences(session=session, start=start, end=end, point_id=point_id):
        for shift in shift_views(occ.id, session=session):
            rows.append(RosterRow(
                day=shift.start.date(), time=f"{shift.start:%H:%M}–{shift.end:%H:%M}",
                point=occ.point_name or occ.district, event=occ.title, task=shift.task,
                on_duty=tuple(a.name for a in shift.assigned), backups=tuple(a.name for a in shift.backups),
                needed=shift.needed,
            ))
    rows.sort(key=lambda r: (r.day, r.time, r.point))
    return Roster(start.date(), tuple(rows))


_ROSTER_CSS = """
table.roster { border-collapse: collapse; width: 100%; font-size: 11pt; }
table.roster th, table.roster td { border: 1px solid #999; padding: 4px 6px; text-align: left; vertical-align: top; }
table.roster th { background: #eee; }
td.short { color: #b00; font-weight: 700; }
"""


def roster_html(roster: Roster) -> str:
    """A standalone printable HTML page (A4, print CSS from ``printing``) with the roster table."""
    from curriculum.exports.printing import print_css

    head = "".join(f"<th>{html.escape(h)}</th>" for h in ROSTER_HEADERS)
    body = []
    for row in roster.rows:
        cells = row.cells()
        tds = "".join(f"<td>{html.escape(c)}</td>" for c in cells[:-1])
        cls = ' class="short"' if row.missing else ""
        body.append(f"<tr>{tds}<td{cls}>{html.escape(cells[-1])}</td></tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(ROSTER_HEADERS)}">本周没有志愿岗位。</td></tr>')
    title = html.escape(roster.title)
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n<style>\n{print_css()}\n{_ROSTER_CSS}\n"
        "body { max-width: none; font-size: 12pt; }\n@page { size: A4 landscape; }\n</style>\n</head>\n<body>\n"
        f'<h1 class="title">{title}</h1>\n<table class="roster">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(body) + "\n</tbody>\n</table>\n</body>\n</html>\n"
    )


def roster_pdf(roster: Roster) -> bytes:
    """The roster as an A4 landscape PDF with the CJK font embedded."""
    from curriculum.exports.printing import CJK_FONT_FAMILY, new_cjk_pdf

    pdf = new_cjk_pdf("L")
    pdf.set_title(roster.title)
    pdf.add_page()
    pdf.set_font(CJK_FONT_FAMILY, size=16)
    pdf.cell(0, 10, roster.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(CJK_FONT_FAMILY, size=9)
    widths = (26, 22, 38, 52, 22, 45, 35, 20)
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=6) as table:
        table.row(ROSTER_HEADERS)
        if not roster.rows:
            table.row(["本周没有志愿岗位。"] + [""] * (len(ROSTER_HEADERS) - 1))
        for row in roster.rows:
            table.row(row.cells())
    return bytes(pdf.output())
