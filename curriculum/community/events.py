"""Community events: a rule plus materialised occurrences, sign-ups with a waitlist, shifts.

An event (``CommunityEvent``) is one-off (``rrule`` empty) or recurring
(``rrule`` is an RRULE string, see ``recurrence``). Its dated occurrences are
rows of ``EventOccurrence`` keyed by ``slot`` (the rule's start for that
occurrence). Editing one occurrence turns it into an exception (moved,
renamed or cancelled); editing the whole series regenerates future
occurrences and keeps edited exceptions.

Every save checks conflicts first (``check_*``) and refuses with
``ConflictError`` carrying all of them, saving nothing, unless only soft
conflicts remain and the caller passes ``override=True``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from curriculum.clock import wall_clock
from curriculum.community.conflicts import (
    CommunityError,
    Conflict,
    fmt_dt,
    fmt_span,
    overlaps,
    raise_if_blocked,
)
from curriculum.community.people import is_available
from curriculum.community.points import VENUE_TYPES, point_hours, within_hours
from curriculum.community.recurrence import expand
from curriculum.models.community import (
    Attendance,
    CommunityEvent,
    EventOccurrence,
    Person,
    ReadingPoint,
    ShiftAssignment,
    SignUp,
    VolunteerShift,
)
from curriculum.stages import STAGE_KEYS
from curriculum.textlists import join_list, split_list
from curriculum.vocab import EVENT_STATUSES as STATUSES
from curriculum.vocab import INTEGRATIONS, SPHERES, WEEKDAY_LABELS

# Events that occupy their venue and their volunteers; suggestions do not yet.
ACTIVE = "confirmed"


@dataclass(frozen=True)
class ShiftSpec:
    """A shift every occurrence gets: a task and how many people it needs."""

    task: str
    needed: int = 1


@dataclass(frozen=True)
class EventDraft:
    """What a leader fills in to create or edit an event (or a series)."""

    title: str
    start: datetime
    duration_minutes: int = 60
    point_id: int | None = None
    district: str = ""
    rrule: str | None = None
    texts: tuple[str, ...] = ()
    integration: str = "urban_rural"
    sphere: str = "society"
    stages: tuple[str, ...] = ()
    capacity: int = 0
    description: str = ""
    status: str = ACTIVE
    festival_key: str | None = None
    pairing_id: int | None = None
    shifts: tuple[ShiftSpec, ...] = field(default=())

    def validate(self) -> None:
        if not self.title.strip():
            raise CommunityError("活动名称：不能为空")
        if self.duration_minutes <= 0:
            raise CommunityError("时长：应大于 0 分钟")
        if self.integration not in INTEGRATIONS:
            raise CommunityError(f"融合方向：未知“{self.integration}”，可选：{'、'.join(INTEGRATIONS.values())}")
        if self.sphere not in SPHERES:
            raise CommunityError(f"领域：未知“{self.sphere}”，可选：{'、'.join(SPHERES.values())}")
        unknown = [s for s in self.stages if s not in STAGE_KEYS]
        if unknown:
            raise CommunityError(f"面向学段：未知“{'、'.join(unknown)}”")
        if self.capacity < 0:
            raise CommunityError("名额：不能为负数")
        if self.status not in STATUSES:
            raise CommunityError(f"状态：未知“{self.status}”")
        for spec in self.shifts:
            if spec.needed < 1 or not spec.task.strip():
                raise CommunityError(f"志愿岗位“{spec.task}”：需要人数应至少为 1")

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.duration_minutes)

    def slots(self, *, horizon: datetime | None = None) -> list[datetime]:
        return expand(self.rrule, self.start, horizon=horizon)

    @classmethod
    def from_event(cls, event: CommunityEvent, **changes) -> EventDraft:
        draft = cls(
            title=event.title, start=event.start, duration_minutes=event.duration_minutes,
            point_id=event.point_id, district=event.district, rrule=event.rrule,
            texts=tuple(split_list(event.texts)), integration=event.integration, sphere=event.sphere,
            stages=tuple(split_list(event.stages)), capacity=event.capacity, description=event.description,
            status=event.status, festival_key=event.festival_key, pairing_id=event.pairing_id,
        )
        return replace(draft, **changes)


def at(day: date, start_time: time) -> datetime:
    """The naive local datetime of ``start_time`` on ``day`` (forms give them separately)."""
    return wall_clock(day, start_time)


# --------------------------------------------------------------------------- conflicts


def _point(point_id: int | None, session: Session) -> ReadingPoint | None:
    if point_id is None:
        return None
    point = session.get(ReadingPoint, point_id)
    if point is None:
        raise CommunityError(f"诵读点 #{point_id} 不存在")
    return point


def venue_conflicts(point: ReadingPoint | None, spans: list[tuple[datetime, datetime]], *, session: Session,
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
    result = []
    for start, end in spans:
        for occ, ev in others:
            if overlaps(start, end, occ.start, occ.end):
                result.append(Conflict(
                    "venue_double_booked",
                    f"场地重复预约：{point.name} 在 {fmt_span(start, end)} 已有活动“{occ.title or ev.title}”"
                    f"（{occ.start:%H:%M}–{occ.end:%H:%M}），请换时间或换诵读点。",
                    "error", start=start, other_event_id=ev.id, point_id=point.id,
                ))
    return result


def hours_conflicts(point: ReadingPoint | None, spans: list[tuple[datetime, datetime]]) -> list[Conflict]:
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


def _day_hours_text(hours, dt: datetime) -> str:

    spans = hours.get(dt.weekday(), [])
    if not spans:
        return f"{WEEKDAY_LABELS[dt.weekday()]}不开放"
    return f"{WEEKDAY_LABELS[dt.weekday()]} " + "、".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in spans)


def person_conflicts(person: Person, start: datetime, end: datetime, *, session: Session,
                     exclude_shift_ids: set[int] = frozenset(), backup: bool = False) -> list[Conflict]:
    """Hard: the person already holds an overlapping (non-backup) shift; soft: outside their availability.

    A backup is on standby, not on site, so backups neither cause nor suffer double booking.
    """
    result: list[Conflict] = []
    if not backup:
        stmt = (
            select(VolunteerShift, EventOccurrence, CommunityEvent)
            .join(ShiftAssignment, ShiftAssignment.shift_id == VolunteerShift.id)
            .join(EventOccurrence, VolunteerShift.occurrence_id == EventOccurrence.id)
            .join(CommunityEvent, EventOccurrence.event_id == CommunityEvent.id)
            .where(ShiftAssignment.person_id == person.id, ShiftAssignment.backup == False,  # noqa: E712
                   EventOccurrence.cancelled == False, CommunityEvent.status == ACTIVE,  # noqa: E712
                   VolunteerShift.start < end, VolunteerShift.end > start)
        )
        for shift, occ, ev in session.exec(stmt):
            if shift.id in exclude_shift_ids or not overlaps(start, end, shift.start, shift.end):
                continue
            place = _point_name(ev.point_id, session)
            result.append(Conflict(
                "person_double_booked",
                f"人员时间冲突：{person.name} 在 {fmt_span(shift.start, shift.end)} 已安排在"
                f"“{occ.title or ev.title}”{('（' + place + '）') if place else ''}担任{shift.task}，不能同时到两个地方。",
                "error", start=start, other_event_id=ev.id, person_id=person.id,
            ))
    if not is_available(person, start, end):
        result.append(Conflict(
            "outside_availability",
            f"超出可服务时间：{person.name} 登记的可服务时间不含 {fmt_span(start, end)}，请先与本人确认。",
            "warning", start=start, person_id=person.id,
        ))
    return result


def _point_name(point_id: int | None, session: Session) -> str:
    point = session.get(ReadingPoint, point_id) if point_id is not None else None
    return point.name if point else ""


def check_event(draft: EventDraft, *, session: Session, exclude_event_id: int | None = None,
                from_time: datetime | None = None) -> list[Conflict]:
    """All conflicts creating (or re-saving) ``draft`` would cause, before anything is written."""
    draft.validate()
    if draft.status != ACTIVE:
        return []  # suggestions and dropped events occupy nothing
    point = _point(draft.point_id, session)
    spans = [(s, s + draft.duration) for s in draft.slots() if from_time is None or s >= from_time]
    return (venue_conflicts(point, spans, session=session, exclude_event_id=exclude_event_id)
            + hours_conflicts(point, spans) + capacity_over_venue(draft, point))


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


# --------------------------------------------------------------------------- create / edit


def _event_fields(draft: EventDraft, session: Session) -> dict:
    point = _point(draft.point_id, session)
    return dict(
        title=draft.title.strip(), point_id=draft.point_id,
        district=(point.district if point and point.district else draft.district),
        description=draft.description, texts=join_list(draft.texts), integration=draft.integration,
        sphere=draft.sphere, stages=join_list(draft.stages), capacity=draft.capacity, start=draft.start,
        duration_minutes=draft.duration_minutes, rrule=draft.rrule or None, status=draft.status,
        festival_key=draft.festival_key, pairing_id=draft.pairing_id,
    )


def _add_occurrence(event: CommunityEvent, slot: datetime, shifts: tuple[ShiftSpec, ...] | list,
                    session: Session) -> EventOccurrence:
    occ = EventOccurrence(event_id=event.id, slot=slot, start=slot,
                          end=slot + timedelta(minutes=event.duration_minutes))
    session.add(occ)
    session.flush()
    for spec in shifts:
        session.add(VolunteerShift(occurrence_id=occ.id, task=spec.task, start=occ.start, end=occ.end,
                                   needed=spec.needed))
    return occ


def create_event(draft: EventDraft, *, session: Session, override: bool = False) -> CommunityEvent:
    """Check, then save the event and all its occurrences (with the draft's shifts) in one commit."""
    raise_if_blocked(check_event(draft, session=session), override=override)
    event = CommunityEvent(**_event_fields(draft, session))
    session.add(event)
    session.flush()
    for slot in draft.slots():
        _add_occurrence(event, slot, draft.shifts, session)
    session.commit()
    session.refresh(event)
    return event


def get_event(event_id: int, *, session: Session) -> CommunityEvent:
    event = session.get(CommunityEvent, event_id)
    if event is None:
        raise CommunityError(f"活动 #{event_id} 不存在")
    return event


def get_occurrence(occurrence_id: int, *, session: Session) -> EventOccurrence:
    occ = session.get(EventOccurrence, occurrence_id)
    if occ is None:
        raise CommunityError(f"活动场次 #{occurrence_id} 不存在")
    return occ


def occurrences_of(event_id: int, *, session: Session) -> list[EventOccurrence]:
    return list(session.exec(
        select(EventOccurrence).where(EventOccurrence.event_id == event_id).order_by(EventOccurrence.slot)
    ))


def _shifts_of(occurrence_id: int, session: Session) -> list[VolunteerShift]:
    return list(session.exec(
        select(VolunteerShift).where(VolunteerShift.occurrence_id == occurrence_id).order_by(VolunteerShift.start, VolunteerShift.id)
    ))


def _assignments_of(shift_id: int, session: Session) -> list[ShiftAssignment]:
    return list(session.exec(
        select(ShiftAssignment).where(ShiftAssignment.shift_id == shift_id).order_by(ShiftAssignment.id)
    ))


def _shift_moves(occ: EventOccurrence, new_start: datetime, new_end: datetime,
                 session: Session) -> list[tuple[VolunteerShift, datetime, datetime]]:
    """Where each shift of ``occ`` goes when the occurrence becomes ``[new_start, new_end)``.

    A shift covering the whole occurrence covers the whole new span (it is
    stretched or shortened with it); any other shift keeps its length and moves
    with the start. The checks and the save both use this one rule.
    """
    delta = new_start - occ.start
    moves = []
    for shift in _shifts_of(occ.id, session):
        if (shift.start, shift.end) == (occ.start, occ.end):
            moves.append((shift, new_start, new_end))
        else:
            moves.append((shift, shift.start + delta, shift.end + delta))
    return moves


def _changed(moves: list[tuple[VolunteerShift, datetime, datetime]]) -> list[tuple[VolunteerShift, datetime, datetime]]:
    return [(shift, s, e) for shift, s, e in moves if (s, e) != (shift.start, shift.end)]


def _moved_shift_conflicts(moves: list[tuple[VolunteerShift, datetime, datetime]], session: Session,
                           exclude_shift_ids: set[int]) -> list[Conflict]:
    result = []
    for shift, start, end in moves:
        for a in _assignments_of(shift.id, session):
            if a.backup:
                continue
            person = session.get(Person, a.person_id)
            result += [c for c in person_conflicts(person, start, end, session=session,
                                                   exclude_shift_ids=exclude_shift_ids)
                       if c.code == "person_double_booked"]
    return result


def edit_occurrence(occurrence_id: int, *, session: Session, start: datetime | None = None,
                    end: datetime | None = None, title: str | None = None, cancelled: bool | None = None,
                    day: date | None = None, start_time: time | None = None,
                    override: bool = False) -> EventOccurrence:
    """Edit one occurrence; it becomes an exception that series edits leave alone.

    The new start is ``start``, or ``day`` and/or ``start_time`` (what a form
    offers; the other part is kept). Moving it moves its shifts by the same
    amount (the volunteers come along);
    shifts covering the whole occurrence also follow a new end. Their
    volunteers are checked for the new times whenever the start or end changes.
    """
    occ = get_occurrence(occurrence_id, session=session)
    event = get_event(occ.event_id, session=session)
    if start is None and (day is not None or start_time is not None):
        start = at(day or occ.start.date(), start_time or occ.start.time())
    new_start = start or occ.start
    new_end = end or (new_start + (occ.end - occ.start))
    if new_end <= new_start:
        raise CommunityError("结束时间：应晚于开始时间")
    will_cancel = occ.cancelled if cancelled is None else cancelled
    conflicts: list[Conflict] = []
    moves = _changed(_shift_moves(occ, new_start, new_end, session))
    if not will_cancel and event.status == ACTIVE:
        point = _point(event.point_id, session)
        spans = [(new_start, new_end)]
        conflicts += venue_conflicts(point, spans, session=session, exclude_occurrence_ids={occ.id})
        conflicts += hours_conflicts(point, spans)
        # moved or stretched shifts: their volunteers must be free for the new times
        conflicts += _moved_shift_conflicts(moves, session, {shift.id for shift, _, _ in moves})
    raise_if_blocked(conflicts, override=override)
    occ.start, occ.end = new_start, new_end
    if title is not None:
        occ.title = title.strip() or None
    occ.cancelled = will_cancel
    occ.is_exception = True
    occ.revision += 1  # calendar apps take the higher SEQUENCE as the newer version
    for shift, s, e in moves:
        shift.start, shift.end = s, e
        session.add(shift)
    session.add(occ)
    session.commit()
    session.refresh(occ)
    return occ


def _delete_occurrence(occ: EventOccurrence, session: Session) -> None:
    for shift in _shifts_of(occ.id, session):
        for a in _assignments_of(shift.id, session):
            session.delete(a)
        session.delete(shift)
    for model in (SignUp, Attendance):
        for row in session.exec(select(model).where(model.occurrence_id == occ.id)):
            session.delete(row)
    session.flush()
    session.delete(occ)


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
        signups = len([s for s in _signups(occ.id, session) if s.status != "cancelled"])
        staffed = sum(len(_assignments_of(shift.id, session)) for shift in _shifts_of(occ.id, session))
        if signups or staffed:
            lost = "、".join(t for t in (f"报名 {signups} 人" if signups else "",
                                          f"志愿排班 {staffed} 人次" if staffed else "") if t)
            result.append(Conflict(
                "occurrence_deleted",
                f"将删除场次：{when}“{title}”不在新的安排中，保存后这一场连同{lost}都会删除。",
                "warning", start=occ.start, event_id=occ.event_id,
            ))
    return result


def edit_series(event_id: int, draft: EventDraft, *, session: Session, from_time: datetime,
                override: bool = False) -> CommunityEvent:
    """Apply ``draft`` to the whole series from ``from_time`` on.

    Past occurrences stay as they were. Future occurrences that were not
    edited are regenerated from the new rule: an occurrence on a date the new
    rule still has is updated in place (sign-ups and shifts kept, shifts moved
    with it), dates the rule no longer has are removed, new dates are added
    with the shifts of the series' first occurrence. Edited exceptions are
    kept exactly as they are.

    Removing a date is checked like any conflict (``deletion_conflicts``): one
    with sign-ups or volunteers needs ``override``; one with attendance is
    refused.
    """
    event = get_event(event_id, session=session)
    draft.validate()
    existing = occurrences_of(event.id, session=session)
    future = [o for o in existing if o.slot >= from_time]
    exceptions = [o for o in future if o.is_exception]
    regular = {o.slot.date(): o for o in future if not o.is_exception}
    exception_dates = {o.slot.date() for o in exceptions}
    new_slots = [s for s in draft.slots() if s >= from_time and s.date() not in exception_dates]

    conflicts: list[Conflict] = []
    if draft.status == ACTIVE:
        point = _point(draft.point_id, session)
        spans = [(s, s + draft.duration) for s in new_slots]
        conflicts += venue_conflicts(point, spans, session=session, exclude_event_id=event.id)
        conflicts += hours_conflicts(point, spans)
        conflicts += capacity_over_venue(draft, point)
    # The shift moves the save below applies, built by the same rule (start moves, whole-event shifts
    # follow the new end); their volunteers are checked whenever the start or the end changes.
    moves = []
    for slot in new_slots:
        occ = regular.get(slot.date())
        if occ is not None:
            moves += _changed(_shift_moves(occ, slot, slot + draft.duration, session))
    if draft.status == ACTIVE:
        conflicts += _moved_shift_conflicts(moves, session, {shift.id for shift, _, _ in moves})
    new_dates = {slot.date() for slot in new_slots}
    conflicts += deletion_conflicts([o for day, o in regular.items() if day not in new_dates], session=session)
    raise_if_blocked(conflicts, override=override)

    template = [ShiftSpec(s.task, s.needed) for s in _shifts_of(existing[0].id, session)] if existing else []
    template = list(draft.shifts) or template
    for key, value in _event_fields(draft, session).items():
        setattr(event, key, value)
    session.add(event)
    keep_dates = set()
    for slot in new_slots:
        occ = regular.get(slot.date())
        if occ is None:
            _add_occurrence(event, slot, template, session)
            continue
        keep_dates.add(slot.date())
        occ.slot, occ.start, occ.end = slot, slot, slot + draft.duration
        session.add(occ)
    for shift, start, end in moves:
        shift.start, shift.end = start, end
        session.add(shift)
    for day, occ in regular.items():
        if day not in keep_dates:
            _delete_occurrence(occ, session)
    session.flush()
    for occ in occurrences_of(event.id, session=session):
        if occ.slot >= from_time:
            occ.revision += 1  # the series' fields (title, texts, place …) may have changed for every one
            session.add(occ)
            if not occ.cancelled:
                promote_waitlist(occ, event.capacity, session=session)  # more places: the queue moves up in order
    session.commit()
    session.refresh(event)
    return event


def set_status(event_id: int, status: str, *, session: Session) -> CommunityEvent:
    """Set a status that occupies nothing (``suggested`` or ``dropped``).

    Confirming is not done here: it must go through the conflict checks of
    ``festival_events.accept_suggestion`` (or ``create_event`` / ``edit_series``).
    """
    event = get_event(event_id, session=session)
    if status not in STATUSES:
        raise CommunityError(f"状态：未知“{status}”")
    if status == ACTIVE and event.status != ACTIVE:
        raise CommunityError(f"状态：活动“{event.title}”须经冲突检查后确认（请使用“确认”或“修改并确认”）")
    event.status = status
    session.add(event)
    session.commit()
    session.refresh(event)
    return event


# --------------------------------------------------------------------------- listing


@dataclass(frozen=True)
class OccurrenceRow:
    """Plain data for calendars and lists (safe to cache)."""

    id: int
    event_id: int
    title: str
    start: datetime
    end: datetime
    point_id: int | None
    point_name: str
    district: str
    integration: str
    sphere: str
    status: str
    cancelled: bool
    is_exception: bool
    recurring: bool
    capacity: int
    confirmed: int
    waitlist: int


def list_occurrences(*, session: Session, start: datetime, end: datetime, point_id: int | None = None,
                     district: str | None = None, integration: str | None = None,
                     statuses: tuple[str, ...] = (ACTIVE,), include_cancelled: bool = False) -> list[OccurrenceRow]:
    """Occurrences overlapping ``[start, end)``, filtered, in time order."""
    stmt = (
        select(EventOccurrence, CommunityEvent)
        .join(CommunityEvent, EventOccurrence.event_id == CommunityEvent.id)
        .where(EventOccurrence.start < end, EventOccurrence.end > start,
               col(CommunityEvent.status).in_(statuses))
        .order_by(EventOccurrence.start, EventOccurrence.id)
    )
    if point_id is not None:
        stmt = stmt.where(CommunityEvent.point_id == point_id)
    if district:
        stmt = stmt.where(CommunityEvent.district == district)
    if integration:
        stmt = stmt.where(CommunityEvent.integration == integration)
    if not include_cancelled:
        stmt = stmt.where(EventOccurrence.cancelled == False)  # noqa: E712
    rows = list(session.exec(stmt))
    ids = [o.id for o, _ in rows]
    counts: dict[tuple[int, str], int] = defaultdict(int)
    if ids:
        for occ_id, status, n in session.exec(
            select(SignUp.occurrence_id, SignUp.status, func.count()).where(col(SignUp.occurrence_id).in_(ids))
            .group_by(SignUp.occurrence_id, SignUp.status)
        ):
            counts[(occ_id, status)] = n
    points = {p.id: p.name for p in session.exec(select(ReadingPoint))}
    return [
        OccurrenceRow(
            id=o.id, event_id=e.id, title=o.title or e.title, start=o.start, end=o.end, point_id=e.point_id,
            point_name=points.get(e.point_id, ""), district=e.district, integration=e.integration,
            sphere=e.sphere, status=e.status, cancelled=o.cancelled, is_exception=o.is_exception,
            recurring=bool(e.rrule), capacity=e.capacity, confirmed=counts[(o.id, "confirmed")],
            waitlist=counts[(o.id, "waitlist")],
        )
        for o, e in rows
    ]


# --------------------------------------------------------------------------- sign-ups


def _signups(occurrence_id: int, session: Session, status: str | None = None) -> list[SignUp]:
    stmt = select(SignUp).where(SignUp.occurrence_id == occurrence_id)
    if status:
        stmt = stmt.where(SignUp.status == status)
    return list(session.exec(stmt.order_by(SignUp.seq, SignUp.id)))


def capacity_conflict(occurrence_id: int, *, session: Session, adding: int = 1) -> Conflict | None:
    """Info: ``adding`` more sign-ups would exceed the places; they will go on the waitlist."""
    occ = get_occurrence(occurrence_id, session=session)
    event = get_event(occ.event_id, session=session)
    confirmed = len(_signups(occ.id, session, "confirmed"))
    if event.capacity and confirmed + adding > event.capacity:
        waiting = len(_signups(occ.id, session, "waitlist"))
        return Conflict(
            "over_capacity",
            f"报名超过名额：“{occ.title or event.title}”{fmt_dt(occ.start)} 名额 {event.capacity} 人已满"
            f"（已报名 {confirmed} 人），新报名将进入候补（目前候补 {waiting} 人）。",
            "info", start=occ.start, event_id=event.id,
        )
    return None


def _same_person(row: SignUp, name: str, phone: str | None) -> bool:
    """Same name, and the same phone when both gave one (two 王芳 with different phones are two people)."""
    return row.name == name and (not phone or not row.phone or row.phone == phone)


def sign_up(occurrence_id: int, name: str, *, session: Session, role: str = "resident",
            phone: str | None = None) -> SignUp:
    """Sign ``name`` up; beyond the event's capacity (0 = unlimited) they join the waitlist.

    While anyone is waiting, a new sign-up queues behind them even if a place
    looks free (nobody jumps the queue). The same person (name, plus phone if
    given) cannot sign up twice for one occurrence.
    """
    from curriculum.community.attendance import ATTENDANCE_ROLES
    from curriculum.community.people import normalize_phone

    name = name.strip()
    if not name:
        raise CommunityError("报名姓名：不能为空")
    if role not in ATTENDANCE_ROLES:
        raise CommunityError(f"报名身份：未知“{role}”")
    phone = normalize_phone(phone, field="报名手机号")
    occ = get_occurrence(occurrence_id, session=session)
    if occ.cancelled:
        raise CommunityError(f"{fmt_dt(occ.start)} 这一场已取消，不能报名")
    for row in _signups(occ.id, session):
        if row.status != "cancelled" and _same_person(row, name, phone):
            where = "候补名单中" if row.status == "waitlist" else "已报名"
            raise CommunityError(f"报名姓名：“{name}”{fmt_dt(occ.start)} 这一场{where}，不能重复报名")
    full = (capacity_conflict(occurrence_id, session=session) is not None
            or bool(_signups(occ.id, session, "waitlist")))
    seq = (session.exec(select(func.max(SignUp.seq)).where(SignUp.occurrence_id == occ.id)).one() or 0) + 1
    row = SignUp(occurrence_id=occ.id, name=name, phone=phone, role=role,
                 status="waitlist" if full else "confirmed", seq=seq)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def cancel_signup(signup_id: int, *, session: Session) -> SignUp | None:
    """Cancel a sign-up; if it held a place, the first on the waitlist is promoted (and returned)."""
    row = session.get(SignUp, signup_id)
    if row is None:
        raise CommunityError(f"报名 #{signup_id} 不存在")
    held_place = row.status == "confirmed"
    row.status = "cancelled"
    session.add(row)
    session.flush()
    promoted = None
    if held_place:
        occ = get_occurrence(row.occurrence_id, session=session)
        moved = promote_waitlist(occ, get_event(occ.event_id, session=session).capacity, session=session)
        promoted = moved[0] if moved else None
    session.commit()
    if promoted is not None:
        session.refresh(promoted)
    return promoted


def promote_waitlist(occ: EventOccurrence, capacity: int, *, session: Session) -> list[SignUp]:
    """Move people from the waitlist, in queue order, into the free places (``capacity`` 0 = unlimited).

    Flushes, does not commit (callers commit with their own change).
    """
    confirmed = len(_signups(occ.id, session, "confirmed"))
    promoted = []
    for row in _signups(occ.id, session, "waitlist"):
        if capacity and confirmed >= capacity:
            break
        row.status = "confirmed"
        session.add(row)
        confirmed += 1
        promoted.append(row)
    session.flush()
    return promoted


def signup_lists(occurrence_id: int, *, session: Session) -> tuple[list[SignUp], list[SignUp]]:
    """(confirmed in sign-up order, waitlist in queue order)."""
    return _signups(occurrence_id, session, "confirmed"), _signups(occurrence_id, session, "waitlist")


# --------------------------------------------------------------------------- shifts


def add_shift(occurrence_id: int, task: str, needed: int = 1, *, session: Session,
              start: datetime | None = None, end: datetime | None = None) -> VolunteerShift:
    occ = get_occurrence(occurrence_id, session=session)
    if not task.strip():
        raise CommunityError("岗位名称：不能为空")
    if needed < 1:
        raise CommunityError("需要人数：应至少为 1")
    shift = VolunteerShift(occurrence_id=occ.id, task=task.strip(), needed=needed,
                           start=start or occ.start, end=end or occ.end)
    if shift.end <= shift.start:
        raise CommunityError("岗位结束时间：应晚于开始时间")
    session.add(shift)
    session.commit()
    session.refresh(shift)
    return shift


def check_assignment(shift_id: int, person_id: int, *, session: Session, backup: bool = False) -> list[Conflict]:
    shift = session.get(VolunteerShift, shift_id)
    if shift is None:
        raise CommunityError(f"志愿岗位 #{shift_id} 不存在")
    person = session.get(Person, person_id)
    if person is None:
        raise CommunityError(f"人员 #{person_id} 不存在")
    occ = get_occurrence(shift.occurrence_id, session=session)
    if occ.cancelled:
        raise CommunityError(f"{fmt_dt(occ.start)} 这一场已取消，不能安排志愿岗位")
    return person_conflicts(person, shift.start, shift.end, session=session,
                            exclude_shift_ids={shift.id}, backup=backup)


def assign_person(shift_id: int, person_id: int, *, session: Session, backup: bool = False,
                  override: bool = False) -> ShiftAssignment:
    """Put a person on a shift (or on its backup list) after checking they are not elsewhere."""
    conflicts = check_assignment(shift_id, person_id, session=session, backup=backup)
    raise_if_blocked(conflicts, override=override)
    existing = session.exec(select(ShiftAssignment).where(
        ShiftAssignment.shift_id == shift_id, ShiftAssignment.person_id == person_id)).first()
    if existing is not None:
        existing.backup = backup
        row = existing
    else:
        row = ShiftAssignment(shift_id=shift_id, person_id=person_id, backup=backup)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def unassign(assignment_id: int, *, session: Session) -> ShiftAssignment | None:
    """Remove an assignment; when an on-site person leaves, the first backup steps up (returned)."""
    row = session.get(ShiftAssignment, assignment_id)
    if row is None:
        raise CommunityError(f"排班 #{assignment_id} 不存在")
    was_main = not row.backup
    shift_id = row.shift_id
    session.delete(row)
    session.flush()
    promoted = None
    if was_main:
        for cand in _assignments_of(shift_id, session):
            if cand.backup:
                shift = session.get(VolunteerShift, shift_id)
                person = session.get(Person, cand.person_id)
                hard = [c for c in person_conflicts(person, shift.start, shift.end, session=session,
                                                    exclude_shift_ids={shift_id}) if c.severity == "error"]
                if not hard:
                    cand.backup = False
                    session.add(cand)
                    promoted = cand
                    break
    session.commit()
    if promoted is not None:
        session.refresh(promoted)
    return promoted


def mark_served(assignment_id: int, served: bool = True, *, session: Session,
                now: datetime | None = None) -> ShiftAssignment:
    """Record that the person actually served (volunteer hours follow); not before the shift starts.

    ``now`` defaults to the local community clock (``reminders.local_now``).
    """
    from curriculum.community import reminders

    row = session.get(ShiftAssignment, assignment_id)
    if row is None:
        raise CommunityError(f"排班 #{assignment_id} 不存在")
    shift = session.get(VolunteerShift, row.shift_id)
    if served and shift.start > (now or reminders.local_now()):
        raise CommunityError(f"登记到岗：{shift.task}岗位 {fmt_span(shift.start, shift.end)} 还没有开始，不能提前登记")
    row.served = served
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


@dataclass(frozen=True)
class AssignmentView:
    id: int
    person_id: int
    name: str
    backup: bool
    served: bool


@dataclass(frozen=True)
class ShiftView:
    id: int
    task: str
    start: datetime
    end: datetime
    needed: int
    assigned: tuple[AssignmentView, ...]
    backups: tuple[AssignmentView, ...]

    @property
    def missing(self) -> int:
        return max(0, self.needed - len(self.assigned))


def shift_views(occurrence_id: int, *, session: Session) -> list[ShiftView]:
    result = []
    for shift in _shifts_of(occurrence_id, session):
        views = []
        for a in _assignments_of(shift.id, session):
            person = session.get(Person, a.person_id)
            views.append(AssignmentView(a.id, a.person_id, person.name if person else f"#{a.person_id}", a.backup, a.served))
        result.append(ShiftView(shift.id, shift.task, shift.start, shift.end, shift.needed,
                                tuple(v for v in views if not v.backup), tuple(v for v in views if v.backup)))
    return result


def occurrence_detail(occurrence_id: int, *, session: Session) -> dict:
    """Everything the event detail panel shows, as plain data."""
    from curriculum.community.attendance import attendance_of
    from curriculum.community.recurrence import describe_rule

    occ = get_occurrence(occurrence_id, session=session)
    event = get_event(occ.event_id, session=session)
    point = _point(event.point_id, session)
    confirmed, waitlist = signup_lists(occ.id, session=session)
    return {
        "occurrence_id": occ.id,
        "event_id": event.id,
        "title": occ.title or event.title,
        "series_title": event.title,
        "start": occ.start,
        "end": occ.end,
        "when": fmt_span(occ.start, occ.end),
        "duration_minutes": int((occ.end - occ.start).total_seconds() // 60),
        "rule": describe_rule(event.rrule, event.start, event.duration_minutes),
        "recurring": bool(event.rrule),
        "is_exception": occ.is_exception,
        "cancelled": occ.cancelled,
        "status": event.status,
        "point": point.name if point else "",
        "venue_type": VENUE_TYPES.get(point.venue_type, "") if point else "",
        "district": event.district,
        "texts": split_list(event.texts),
        "integration": event.integration,
        "sphere": event.sphere,
        "stages": split_list(event.stages),
        "capacity": event.capacity,
        "confirmed": [(s.id, s.name, s.role) for s in confirmed],
        "waitlist": [(s.id, s.name, s.role) for s in waitlist],
        "shifts": shift_views(occ.id, session=session),
        "attendance": attendance_of(occ.id, session=session),
    }


# --------------------------------------------------------------------------- form helpers


def make_draft(title: str, *, day: date, start_time: time, duration_minutes: int, point_id: int | None = None,
               repeat_days: tuple[int, ...] | list[int] = (), until: date | None = None, shifts=(),
               **fields) -> EventDraft:
    """Build a draft from what a form offers: a date and a time, and optionally weekdays to repeat on until a date.

    Repeating requires an end date, so a series never runs on unnoticed.
    """
    from curriculum.community.recurrence import weekly_rule

    rule = None
    if repeat_days:
        if until is None:
            raise CommunityError("重复活动：请填写结束日期")
        if until < day:
            raise CommunityError("重复活动：结束日期应不早于开始日期")
        rule = weekly_rule(list(repeat_days), until=until)
    return EventDraft(title=title, start=at(day, start_time), duration_minutes=duration_minutes,
                      point_id=point_id, rrule=rule, shifts=tuple(shifts), **fields)


def series_form(event_id: int, *, session: Session) -> dict:
    """What the 修改整个系列 form starts from: every field ``edit_series_from_form`` takes, as plain data."""
    from curriculum.community.recurrence import rule_until, rule_weekdays

    event = get_event(event_id, session=session)
    return {
        "title": event.title, "start_time": event.start.time(), "duration_minutes": event.duration_minutes,
        "repeat_days": rule_weekdays(event.rrule, event.start), "until": rule_until(event.rrule),
        "point_id": event.point_id, "capacity": event.capacity, "texts": split_list(event.texts),
        "stages": split_list(event.stages), "integration": event.integration, "sphere": event.sphere,
        "description": event.description,
    }


def edit_series_from_form(event_id: int, *, session: Session, from_time: datetime, title: str, start_time: time,
                          duration_minutes: int, repeat_days: tuple[int, ...] | list[int], until: date | None,
                          point_id: int | None, capacity: int, texts=(), stages=(), integration: str = "urban_rural",
                          sphere: str = "society", description: str = "", override: bool = False) -> CommunityEvent:
    """Edit a whole series from the form's fields (weekdays, end date, place, places, texts …) from ``from_time`` on.

    The series keeps its first day, status, festival and pairing; what the
    change would cost (dropped dates with people, conflicts) is checked by
    ``edit_series``.
    """
    event = get_event(event_id, session=session)
    built = make_draft(title, day=event.start.date(), start_time=start_time, duration_minutes=duration_minutes,
                       point_id=point_id, repeat_days=tuple(repeat_days), until=until, capacity=capacity,
                       texts=tuple(texts), stages=tuple(stages), integration=integration, sphere=sphere,
                       description=description, status=event.status, festival_key=event.festival_key,
                       pairing_id=event.pairing_id, district=event.district)
    if not built.rrule:
        raise CommunityError("重复活动：请至少选择一个星期几（要停止系列，请用“停止此系列”）")
    return edit_series(event_id, built, session=session, from_time=from_time, override=override)


def stop_series(event_id: int, from_day: date, *, session: Session) -> int:
    """Cancel every occurrence of the series from ``from_day`` on (停止此系列); returns how many.

    Occurrences are cancelled, not deleted: sign-ups, shifts and any attendance
    stay on record and calendar subscribers get ``STATUS:CANCELLED``. The rule
    now ends the day before, so the series reads as ended.
    """
    from curriculum.community.recurrence import rule_parts, rule_weekdays, weekly_rule

    event = get_event(event_id, session=session)
    if not event.rrule:
        raise CommunityError("停止系列：这是单次活动，请用“取消这一场”")
    stopped = 0
    for occ in occurrences_of(event.id, session=session):
        if occ.slot.date() >= from_day and not occ.cancelled:
            occ.cancelled = occ.is_exception = True
            occ.revision += 1
            session.add(occ)
            stopped += 1
    if not stopped:
        raise CommunityError(f"停止系列：{from_day.year}年{from_day.month}月{from_day.day}日起没有未取消的场次")
    last = from_day - timedelta(days=1)
    parts = rule_parts(event.rrule)
    if last >= event.start.date() and parts.get("FREQ") == "WEEKLY":
        event.rrule = weekly_rule(rule_weekdays(event.rrule, event.start), until=last,
                                  interval=int(parts.get("INTERVAL", "1")))
        session.add(event)
    session.commit()
    return stopped


def occurrence_label(row: OccurrenceRow) -> str:
    """``9月5日 周六 09:00 周末公益诵读 · 老街社区诵读点`` for pickers."""

    where = row.point_name or row.district
    return (f"{row.start.month}月{row.start.day}日 {WEEKDAY_LABELS[row.start.weekday()]} {row.start:%H:%M} "
            f"{row.title}" + (f" · {where}" if where else "") + ("（已取消）" if row.cancelled else ""))
