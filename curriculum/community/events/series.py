"""A whole event (a one-off or a series): create it, edit the series from a date on, stop it, set its status.

``create_event`` checks every conflict first and saves the event with all its
occurrences in one commit. ``update_series`` regenerates the future from the new
rule (past occurrences and edited exceptions stay as they are); what that
would cost — dropped dates with people, conflicts — is checked before
anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlmodel import Session

from curriculum.community.conflicts import CommunityError, Conflict, raise_if_blocked
from curriculum.community.events.checks import (
    ShiftMove,
    check_event,
    deletion_conflicts,
    moved_shift_conflicts,
    place_conflicts,
    shift_moves,
)
from curriculum.community.events.drafts import ACTIVE, EventDraft, ShiftSpec, make_draft
from curriculum.community.events.occurrences import add_occurrence, apply_moves, delete_occurrence
from curriculum.community.events.records import get_event, occurrences_of, point_of, shifts_of
from curriculum.community.events.signups import promote_waitlist
from curriculum.community.recurrence import rule_parts, rule_weekdays, weekly_rule
from curriculum.districts import require_district
from curriculum.models.community import CommunityEvent, EventOccurrence
from curriculum.textlists import join_list
from curriculum.vocab import EVENT_STATUSES


def event_fields(draft: EventDraft, *, session: Session) -> dict:
    """The ``CommunityEvent`` columns ``draft`` sets; the district is the point's when it has one."""
    point = point_of(draft.point_id, session=session)
    return dict(
        title=draft.title.strip(), point_id=draft.point_id,
        district=(point.district if point and point.district
                  else require_district(draft.district, session=session)),
        description=draft.description, texts=join_list(draft.texts), integration=draft.integration,
        sphere=draft.sphere, stages=join_list(draft.stages), capacity=draft.capacity, start=draft.start,
        duration_minutes=draft.duration_minutes, rrule=draft.rrule or None, status=draft.status,
        festival_key=draft.festival_key, pairing_id=draft.pairing_id,
    )


def create_event(draft: EventDraft, *, session: Session, override: bool = False) -> CommunityEvent:
    """Check, then save the event and all its occurrences (with the draft's shifts) in one commit."""
    raise_if_blocked(check_event(draft, session=session), override=override)
    event = CommunityEvent(**event_fields(draft, session=session))
    session.add(event)
    session.flush()
    for slot in draft.slots():
        add_occurrence(event, slot, draft.shifts, session=session)
    session.commit()
    session.refresh(event)
    return event


@dataclass
class SeriesEdit:
    """What applying a draft from ``from_time`` on would do, worked out before anything is written."""

    regular: dict[date, EventOccurrence]  # future occurrences not edited on their own, by date
    new_slots: list[datetime]  # the new rule's future slots, minus the dates of edited exceptions
    moves: list[ShiftMove]  # shifts of kept occurrences that move with them
    dropped: list[EventOccurrence]  # regular occurrences the new rule no longer has


def _plan_series_edit(event: CommunityEvent, draft: EventDraft, from_time: datetime,
                      session: Session) -> SeriesEdit:
    future = [o for o in occurrences_of(event.id, session=session) if o.slot >= from_time]
    regular = {o.slot.date(): o for o in future if not o.is_exception}
    exception_dates = {o.slot.date() for o in future if o.is_exception}
    new_slots = [s for s in draft.slots() if s >= from_time and s.date() not in exception_dates]
    # The same shift rule the save applies: the start moves, whole-event shifts follow the new end.
    moves = [move for slot in new_slots if (occ := regular.get(slot.date())) is not None
             for move in shift_moves(occ, slot, slot + draft.duration, session=session)]
    new_dates = {slot.date() for slot in new_slots}
    dropped = [occ for day, occ in regular.items() if day not in new_dates]
    return SeriesEdit(regular, new_slots, moves, dropped)


def _series_edit_conflicts(event: CommunityEvent, draft: EventDraft, plan: SeriesEdit,
                           session: Session) -> list[Conflict]:
    spans = [(s, s + draft.duration) for s in plan.new_slots]
    conflicts = place_conflicts(draft, spans, session=session, exclude_event_id=event.id)
    if draft.status == ACTIVE:
        conflicts += moved_shift_conflicts(plan.moves, session=session)
    return conflicts + deletion_conflicts(plan.dropped, session=session)


def _shift_template(event: CommunityEvent, draft: EventDraft, session: Session) -> list[ShiftSpec]:
    """The shifts a newly added date gets: the draft's, else those of the series' first occurrence."""
    if draft.shifts:
        return list(draft.shifts)
    existing = occurrences_of(event.id, session=session)
    return [ShiftSpec(s.task, s.needed) for s in shifts_of(existing[0].id, session=session)] if existing else []


def _apply_series_edit(event: CommunityEvent, draft: EventDraft, plan: SeriesEdit, session: Session) -> None:
    template = _shift_template(event, draft, session)
    for key, value in event_fields(draft, session=session).items():
        setattr(event, key, value)
    session.add(event)
    for slot in plan.new_slots:
        occ = plan.regular.get(slot.date())
        if occ is None:
            add_occurrence(event, slot, template, session=session)
        else:
            occ.slot, occ.start, occ.end = slot, slot, slot + draft.duration
            session.add(occ)
    apply_moves(plan.moves, session=session)
    for occ in plan.dropped:
        delete_occurrence(occ, session=session)
    session.flush()


def _touch_future(event: CommunityEvent, from_time: datetime, session: Session) -> None:
    """Bump every future occurrence's revision and let waitlists move up into any new places."""
    for occ in occurrences_of(event.id, session=session):
        if occ.slot >= from_time:
            occ.revision += 1  # the series' fields (title, texts, place …) may have changed for every one
            session.add(occ)
            if not occ.cancelled:
                promote_waitlist(occ, event.capacity, session=session)  # more places: the queue moves up in order


def update_series(event_id: int, draft: EventDraft, *, session: Session, from_time: datetime,
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
    plan = _plan_series_edit(event, draft, from_time, session)
    raise_if_blocked(_series_edit_conflicts(event, draft, plan, session), override=override)
    _apply_series_edit(event, draft, plan, session)
    _touch_future(event, from_time, session)
    session.commit()
    session.refresh(event)
    return event


def edit_series_from_form(event_id: int, *, session: Session, from_time: datetime, title: str, start_time: time,
                          duration_minutes: int, repeat_days: tuple[int, ...] | list[int], until: date | None,
                          point_id: int | None, capacity: int, texts=(), stages=(), integration: str = "urban_rural",
                          sphere: str = "society", description: str = "", override: bool = False) -> CommunityEvent:
    """Edit a whole series from the form's fields (weekdays, end date, place, places, texts …) from ``from_time`` on.

    The series keeps its first day, status, festival and pairing; what the
    change would cost (dropped dates with people, conflicts) is checked by
    ``update_series``. ``views.series_form`` gives the form's starting values.
    """
    event = get_event(event_id, session=session)
    built = make_draft(title, day=event.start.date(), start_time=start_time, duration_minutes=duration_minutes,
                       point_id=point_id, repeat_days=tuple(repeat_days), until=until, capacity=capacity,
                       texts=tuple(texts), stages=tuple(stages), integration=integration, sphere=sphere,
                       description=description, status=event.status, festival_key=event.festival_key,
                       pairing_id=event.pairing_id, district=event.district)
    if not built.rrule:
        raise CommunityError("重复活动：请至少选择一个星期几（要停止系列，请用“停止此系列”）", field="repeat_days")
    return update_series(event_id, built, session=session, from_time=from_time, override=override)


def stop_series(event_id: int, from_day: date, *, session: Session) -> int:
    """Cancel every occurrence of the series from ``from_day`` on (停止此系列); returns how many.

    Occurrences are cancelled, not deleted: sign-ups, shifts and any attendance
    stay on record and calendar subscribers get ``STATUS:CANCELLED``. The rule
    now ends the day before, so the series reads as ended.
    """
    event = get_event(event_id, session=session)
    if not event.rrule:
        raise CommunityError("停止系列：这是单次活动，请用“取消这一场”", field="event_id")
    stopped = 0
    for occ in occurrences_of(event.id, session=session):
        if occ.slot.date() >= from_day and not occ.cancelled:
            occ.cancelled = occ.is_exception = True
            occ.revision += 1
            session.add(occ)
            stopped += 1
    if not stopped:
        raise CommunityError(f"停止系列：{from_day.year}年{from_day.month}月{from_day.day}日起没有未取消的场次",
                             field="from_day")
    _end_rule_before(event, from_day)
    session.add(event)
    session.commit()
    return stopped


def _end_rule_before(event: CommunityEvent, from_day: date) -> None:
    """Make a weekly rule end the day before ``from_day`` (kept as is when that is before the first day)."""
    last = from_day - timedelta(days=1)
    parts = rule_parts(event.rrule)
    if last >= event.start.date() and parts.get("FREQ") == "WEEKLY":
        event.rrule = weekly_rule(rule_weekdays(event.rrule, event.start), until=last,
                                  interval=int(parts.get("INTERVAL", "1")))


def set_status(event_id: int, status: str, *, session: Session) -> CommunityEvent:
    """Set a status that occupies nothing (``suggested`` or ``dropped``).

    Confirming is not done here: it must go through the conflict checks of
    ``festival_events.accept_suggestion`` (or ``create_event`` / ``update_series``).
    """
    event = get_event(event_id, session=session)
    if status not in EVENT_STATUSES:
        raise CommunityError(f"状态：未知“{status}”", field="status")
    if status == ACTIVE and event.status != ACTIVE:
        raise CommunityError(f"状态：活动“{event.title}”须经冲突检查后确认（请使用“确认”或“修改并确认”）",
                             field="status")
    event.status = status
    session.add(event)
    session.commit()
    session.refresh(event)
    return event
