"""Occurrences in a time range as plain rows (``OccurrenceRow``) for calendars, pickers and exports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from curriculum.community.events.drafts import ACTIVE
from curriculum.models.community import CommunityEvent, EventOccurrence, ReadingPoint, SignUp


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
    district: str | None
    integration: str
    sphere: str
    status: str
    cancelled: bool
    is_exception: bool
    recurring: bool
    capacity: int
    confirmed: int
    waitlist: int


def _signup_counts(occurrence_ids: list[int], session: Session) -> dict[tuple[int, str], int]:
    """``(occurrence id, sign-up status) → count`` in one query."""
    counts: dict[tuple[int, str], int] = defaultdict(int)
    if occurrence_ids:
        for occ_id, status, n in session.exec(
            select(SignUp.occurrence_id, SignUp.status, func.count())
            .where(col(SignUp.occurrence_id).in_(occurrence_ids))
            .group_by(SignUp.occurrence_id, SignUp.status)
        ):
            counts[(occ_id, status)] = n
    return counts


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
    counts = _signup_counts([o.id for o, _ in rows], session)
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
