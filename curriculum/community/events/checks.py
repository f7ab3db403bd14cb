"""The conflict rules checked before an event, an occurrence or a shift is saved (nothing here writes).

Each ``*_conflicts`` function returns ``Conflict`` rows with a Chinese message:
a venue booked twice and a person in two places are errors; outside opening
hours or availability, more places than the venue holds and a date that would
lose its sign-ups are warnings. ``conflicts.raise_if_blocked`` decides.

``shift_moves`` is the one rule for where an occurrence's shifts go when the
occurrence moves; the checks and the saves both use it.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from curriculum.community.conflicts import Conflict, fmt_span, overlaps
from curriculum.community.events.drafts import ACTIVE, EventDraft
from curriculum.community.events.records import (
    assignments_of,
    get_event,
    point_name,
    point_of,
    shifts_of,
    signups_of,
)
from curriculum.community.people import is_available
from curriculum.community.points import Hours, point_hours, within_hours
from curriculum.models.community import (
    Attendance,
    CommunityEvent,
    EventOccurrence,
    Person,
    ReadingPoint,
    ShiftAssignment,
    VolunteerShift,
)
from curriculum.vocab import WEEKDAY_LABELS

Span = tuple[datetime, datetime]
ShiftMove = tuple[VolunteerShift, datetime, datetime]


def venue_conflicts(point: ReadingPoint | None, spans: list[Span], *, session: Session,
                    exclude_event_id: int | None = None,
                    exclude_occurrence_ids: set[int] = frozenset()) -> list[Conflict]:
    """Hard: another confirmed, not cancelled occurrence at the same point overlaps one of ``spans``.

    Online points (线上) hold any number of events at once.
    """
    if point is None or not spans or point.venue_type == "online":
        return []
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    stmt = (
        select(EventOccurrence, CommunityEvent)
        .join(CommunityEvent, EventOccurrence.event_id == CommunityEvent.id)
        .where(CommunityEvent.point_id == point.id, CommunityEvent.status == ACTIVE,
               EventOccurrence.cancelled == False,  # noqa: E712
               EventOccurrence.start < hi, EventOccurrence.end > lo)
    )
    if exclude_event_id is not None:
        stmt = stmt.where(CommunityEvent.id != exclude_event_id)
    others = [(o, e) for o, e in session.exec(stmt) if o.id not in exclude_occurrence_ids]
    return [
        Conflict(
            "venue_double_booked",
            f"场地重复预约：{point.name} 在 {fmt_span(start, end)} 已有活动“{occ.title or ev.title}”"
            f"（{occ.start:%H:%M}–{occ.end:%H:%M}），请换时间或换诵读点。",
            "error", start=start, other_event_id=ev.id, point_id=point.id,
        )
        for start, end in spans
        for occ, ev in others
        if overlaps(start, end, occ.start, occ.end)
    ]


def hours_conflicts(point: ReadingPoint | None, spans: list[Span]) -> list[Conflict]:
    """Soft: an occurrence outside the point's opening hours for that weekday."""
    if point is None:
        return []
    hours = point_hours(point)
    return [
        Conflict("outside_hours",
                 f"超出开放时间：{fmt_span(s, e)} 不在{point.name}的开放时间内"
                 f"（{_day_hours_text(hours, s)}）。",
                 "warning", start=s, point_id=point.id)
        for s, e in spans if not within_hours(hours, s, e)
    ]


def _day_hours_text(hours: Hours, dt: datetime) -> str:
    spans = hours.get(dt.weekday(), [])
    if not spans:
        return f"{WEEKDAY_LABELS[dt.weekday()]}不开放"
    return f"{WEEKDAY_LABELS[dt.weekday()]} " + "、".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in spans)


def capacity_over_venue(draft: EventDraft, point: ReadingPoint | None) -> list[Conflict]:
    """Soft: the event takes more sign-ups than the venue holds (0 on either side = not limited)."""
    if point is None or not point.capacity or not draft.capacity or draft.capacity <= point.capacity:
        return []
    return [Conflict(
        "over_venue_capacity",
        f"名额超过场地容量：“{draft.title.strip()}”名额 {draft.capacity} 人，{point.name}只能容纳 {point.capacity} 人，"
        f"请减少名额或换诵读点。",
        "warning", start=draft.start, point_id=point.id,
    )]


def place_conflicts(draft: EventDraft, spans: list[Span], *, session: Session,
                    exclude_event_id: int | None = None) -> list[Conflict]:
    """Venue, opening hours and venue capacity for ``spans`` of ``draft`` (nothing for an inactive draft)."""
    if draft.status != ACTIVE:
        return []  # suggestions and dropped events occupy nothing
    point = point_of(draft.point_id, session=session)
    return (venue_conflicts(point, spans, session=session, exclude_event_id=exclude_event_id)
            + hours_conflicts(point, spans) + capacity_over_venue(draft, point))


def check_event(draft: EventDraft, *, session: Session, exclude_event_id: int | None = None,
                from_time: datetime | None = None) -> list[Conflict]:
    """All conflicts creating (or re-saving) ``draft`` would cause, before anything is written."""
    draft.validate()
    if draft.status != ACTIVE:
        return []
    return place_conflicts(draft, draft.spans(from_time=from_time), session=session,
                           exclude_event_id=exclude_event_id)


def person_conflicts(person: Person, start: datetime, end: datetime, *, session: Session,
                     exclude_shift_ids: set[int] = frozenset(), backup: bool = False) -> list[Conflict]:
    """Hard: the person already holds an overlapping (non-backup) shift; soft: outside their availability.

    A backup is on standby, not on site, so backups neither cause nor suffer double booking.
    """
    result = [] if backup else _double_bookings(person, start, end, session, exclude_shift_ids)
    if not is_available(person, start, end):
        result.append(Conflict(
            "outside_availability",
            f"超出可服务时间：{person.name} 登记的可服务时间不含 {fmt_span(start, end)}，请先与本人确认。",
            "warning", start=start, person_id=person.id,
        ))
    return result


def _double_bookings(person: Person, start: datetime, end: datetime, session: Session,
                     exclude_shift_ids: set[int]) -> list[Conflict]:
    stmt = (
        select(VolunteerShift, EventOccurrence, CommunityEvent)
        .join(ShiftAssignment, ShiftAssignment.shift_id == VolunteerShift.id)
        .join(EventOccurrence, VolunteerShift.occurrence_id == EventOccurrence.id)
        .join(CommunityEvent, EventOccurrence.event_id == CommunityEvent.id)
        .where(ShiftAssignment.person_id == person.id, ShiftAssignment.backup == False,  # noqa: E712
               EventOccurrence.cancelled == False, CommunityEvent.status == ACTIVE,  # noqa: E712
               VolunteerShift.start < end, VolunteerShift.end > start)
    )
    result = []
    for shift, occ, ev in session.exec(stmt):
        if shift.id in exclude_shift_ids or not overlaps(start, end, shift.start, shift.end):
            continue
        place = point_name(ev.point_id, session=session)
        result.append(Conflict(
            "person_double_booked",
            f"人员时间冲突：{person.name} 在 {fmt_span(shift.start, shift.end)} 已安排在"
            f"“{occ.title or ev.title}”{('（' + place + '）') if place else ''}担任{shift.task}，不能同时到两个地方。",
            "error", start=start, other_event_id=ev.id, person_id=person.id,
        ))
    return result


def shift_moves(occ: EventOccurrence, new_start: datetime, new_end: datetime, *,
                session: Session) -> list[ShiftMove]:
    """Where each shift of ``occ`` goes when the occurrence becomes ``[new_start, new_end)`` (changed ones only).

    A shift covering the whole occurrence covers the whole new span (it is
    stretched or shortened with it); any other shift keeps its length and moves
    with the start. The checks and the save both use this one rule.
    """
    delta = new_start - occ.start
    moves = []
    for shift in shifts_of(occ.id, session=session):
        if (shift.start, shift.end) == (occ.start, occ.end):
            moves.append((shift, new_start, new_end))
        else:
            moves.append((shift, shift.start + delta, shift.end + delta))
    return [(shift, s, e) for shift, s, e in moves if (s, e) != (shift.start, shift.end)]


def moved_shift_conflicts(moves: list[ShiftMove], *, session: Session) -> list[Conflict]:
    """Hard: a volunteer on a moved or stretched shift is elsewhere at its new time."""
    moved_ids = {shift.id for shift, _, _ in moves}
    result = []
    for shift, start, end in moves:
        for a in assignments_of(shift.id, session=session):
            if a.backup:
                continue
            person = session.get(Person, a.person_id)
            result += [c for c in person_conflicts(person, start, end, session=session, exclude_shift_ids=moved_ids)
                       if c.code == "person_double_booked"]
    return result


def deletion_conflicts(occurrences: list[EventOccurrence], *, session: Session) -> list[Conflict]:
    """What removing ``occurrences`` from a series would lose, before anything is deleted.

    Hard: an occurrence with attendance recorded is never deleted (cancel it on
    its own instead: it then stays, marked cancelled, with its record). Soft:
    an occurrence with sign-ups or volunteers on its shifts would lose them.
    """
    result = []
    for occ in occurrences:
        title = occ.title or get_event(occ.event_id, session=session).title
        when = fmt_span(occ.start, occ.end)
        if session.exec(select(Attendance).where(Attendance.occurrence_id == occ.id)).first() is not None:
            result.append(Conflict(
                "occurrence_has_attendance",
                f"不能删除已记录出勤的场次：{when}“{title}”已记录出勤，新的安排不含这一天。"
                f"请保留这一天，或先单独取消这一场（出勤记录会保留）。",
                "error", start=occ.start, event_id=occ.event_id,
            ))
            continue
        lost = _what_deleting_loses(occ, session)
        if lost:
            result.append(Conflict(
                "occurrence_deleted",
                f"将删除场次：{when}“{title}”不在新的安排中，保存后这一场连同{lost}都会删除。",
                "warning", start=occ.start, event_id=occ.event_id,
            ))
    return result


def _what_deleting_loses(occ: EventOccurrence, session: Session) -> str:
    """``报名 2 人、志愿排班 1 人次`` — empty when the occurrence has neither."""
    signups = len([s for s in signups_of(occ.id, session=session) if s.status != "cancelled"])
    staffed = sum(len(assignments_of(shift.id, session=session)) for shift in shifts_of(occ.id, session=session))
    return "、".join(t for t in (f"报名 {signups} 人" if signups else "",
                                  f"志愿排班 {staffed} 人次" if staffed else "") if t)
