"""Generate the year's festival events (我们的节日) for a reading point or a district.

``suggest_festival_events`` turns ``curriculum.festivals.festivals_for_year``
into one *suggested* event per festival — titled with the festival's theme
(e.g. 读论语 拜大年), carrying its texts, integration ``festivals`` — which the
leader then accepts (optionally edited) or drops. Suggestions occupy neither
venue nor volunteers until accepted; accepting checks conflicts like any save.
Running it again for the same year and place returns the same events.

A suggestion starts at a time people can come (``festival_start``): the
evening for the festivals celebrated in the evening (除夕, 元宵, 七夕, 中秋),
09:00 on a weekend or an official day off, and 19:00 on a working day, when
pupils and parents are back home — never a Wednesday morning.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlmodel import Session, select

from curriculum.community.conflicts import CommunityError, ConflictError, raise_if_blocked, summarize
from curriculum.community.events.checks import check_event
from curriculum.community.events.drafts import EventDraft, ShiftSpec, at
from curriculum.community.events.records import get_event, occurrences_of, point_of, shifts_of
from curriculum.community.events.series import create_event, event_fields, set_status
from curriculum.districts import require_district
from curriculum.errors import DomainError
from curriculum.models.community import CommunityEvent
from curriculum.textlists import split_list
from curriculum.vocab import EVENT_STATUSES, WEEKDAY_LABELS

FESTIVAL_START = time(9, 0)
EVENING_START = time(19, 0)
# Festivals whose customs belong to the evening: the reunion dinner, lanterns, the moon, the stars.
EVENING_FESTIVALS = frozenset({"chuxi", "yuanxiao", "qixi", "zhongqiu"})
FESTIVAL_MINUTES = 90
FESTIVAL_SHIFTS: tuple[ShiftSpec, ...] = (ShiftSpec("领读", 1), ShiftSpec("签到引导", 2))


def _festivals(year: int):
    # Imported here so this module loads even before the festival calendar does.
    from curriculum.festivals import festivals_for_year

    return festivals_for_year(year)


def festival_start(key: str, day: date, days_off: set[date] | frozenset[date] = frozenset()) -> time:
    """When a festival event on ``day`` should start: the evening, or a weekend / holiday morning."""
    if key in EVENING_FESTIVALS:
        return EVENING_START
    if day.weekday() >= 5 or day in days_off:
        return FESTIVAL_START
    return EVENING_START


def _days_off(year: int) -> set[date]:
    from curriculum.schoolcal.official import official_days_off

    return set(official_days_off(date(year, 1, 1), date(year, 12, 31)))


def _existing(year: int, point_id: int | None, district: str | None, session: Session) -> dict[str, CommunityEvent]:
    stmt = select(CommunityEvent).where(CommunityEvent.festival_key.is_not(None))
    if point_id is not None:
        stmt = stmt.where(CommunityEvent.point_id == point_id)
    else:
        stmt = stmt.where(CommunityEvent.point_id.is_(None), CommunityEvent.district == district)
    return {e.festival_key: e for e in session.exec(stmt) if e.start.year == year}


def suggest_festival_events(year: int, *, session: Session, point_id: int | None = None,
                            district: str | None = None) -> list[CommunityEvent]:
    """One suggested event per festival of ``year`` at a point (or district-wide), in date order.

    Festivals that already have an event here this year (suggested, accepted or
    dropped) are not suggested again; their existing event is returned.
    """
    if (point_id is None) == (not district):
        raise CommunityError("生成节日活动：请指定一个诵读点或一个区县（二选一）", field="point_id")
    point = point_of(point_id, session=session)
    place_district = point.district if point else require_district(district, session=session)
    existing = _existing(year, point_id, None if point else place_district, session)
    result = []
    days_off = _days_off(year)
    for day in _festivals(year):
        if day.key in existing:
            result.append(existing[day.key])
            continue
        draft = EventDraft(
            title=day.theme or f"{day.name}经典诵读",
            start=at(day.date, festival_start(day.key, day.date, days_off)),
            duration_minutes=FESTIVAL_MINUTES,
            point_id=point_id,
            district=place_district,
            texts=tuple(day.texts),
            integration="festivals",
            sphere="society",
            capacity=point.capacity if point else 0,
            description=f"{day.name}（{day.date.isoformat()}）经典诵读活动",
            status="suggested",
            festival_key=day.key,
            shifts=FESTIVAL_SHIFTS,
        )
        result.append(create_event(draft, session=session))
    return sorted(result, key=lambda e: e.start)


def accept_suggestion(event_id: int, *, session: Session, title: str | None = None,
                      start: datetime | None = None, day: date | None = None, start_time: time | None = None,
                      duration_minutes: int | None = None, texts: list[str] | tuple[str, ...] | None = None,
                      description: str | None = None, override: bool = False) -> CommunityEvent:
    """Accept a suggested (or previously dropped) festival event, with optional edits, after a conflict check.

    The leader may change the title, the date (``day``) and time (``start_time``)
    — or both at once as ``start`` —, the length, the texts and the description.
    """
    event = get_event(event_id, session=session)
    changes = {"status": "confirmed"}
    if title is not None and title.strip():
        changes["title"] = title
    if start is None and (day is not None or start_time is not None):
        start = at(day or event.start.date(), start_time or event.start.time())
    if start is not None:
        changes["start"] = start
    if texts is not None:
        changes["texts"] = tuple(texts)
    if description is not None:
        changes["description"] = description
    if duration_minutes is not None:
        changes["duration_minutes"] = duration_minutes
    draft = EventDraft.from_event(event, **changes)
    raise_if_blocked(check_event(draft, session=session, exclude_event_id=event.id), override=override)
    for key, value in event_fields(draft, session=session).items():
        setattr(event, key, value)
    session.add(event)
    for occ in occurrences_of(event.id, session=session):  # a festival event has one occurrence
        occ.slot = occ.start = draft.start
        occ.end = draft.start + draft.duration
        occ.revision += 1
        session.add(occ)
        for shift in shifts_of(occ.id, session=session):
            shift.start, shift.end = occ.start, occ.end
            session.add(shift)
    session.commit()
    session.refresh(event)
    return event


def drop_suggestion(event_id: int, *, session: Session) -> CommunityEvent:
    return set_status(event_id, "dropped", session=session)


def accept_all(event_ids: list[int], *, session: Session, override: bool = False) -> tuple[list[int], dict[int, str]]:
    """Confirm many suggestions at once: ``(confirmed ids, {id: why not})``; one refusal never stops the others."""
    confirmed: list[int] = []
    refused: dict[int, str] = {}
    for event_id in event_ids:
        try:
            accept_suggestion(event_id, session=session, override=override)
        except ConflictError as err:
            session.rollback()
            refused[event_id] = "；".join(message for _severity, message in summarize(err.conflicts))
        except DomainError as err:
            session.rollback()
            refused[event_id] = str(err)
        else:
            confirmed.append(event_id)
    return confirmed, refused


def festival_event_rows(year: int, *, session: Session, point_id: int | None = None,
                        district: str | None = None) -> list[dict]:
    """Plain rows of this year's festival events at the place (for the page)."""
    events = _existing(year, point_id, None if point_id is not None else (district or None), session)
    return [
        {"id": e.id, "festival": e.festival_key, "title": e.title, "start": e.start,
         "duration_minutes": e.duration_minutes, "when": when_label(e.start),
         "texts": split_list(e.texts), "status": e.status, "status_label": EVENT_STATUSES[e.status]}
        for e in sorted(events.values(), key=lambda e: e.start)
    ]



def when_label(start: datetime) -> str:
    """“2027年2月6日 周六 09:00”: the year and weekday a leader needs to judge a date."""
    return f"{start.year}年{start.month}月{start.day}日 {WEEKDAY_LABELS[start.weekday()]} {start:%H:%M}"
