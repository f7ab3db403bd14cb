"""Slot arithmetic, pure: which places a re-plan may fill, and how far a lost day pushes the plan.

A *slot* is ``(date, n)``: slot 0 is the day's regular session, higher
numbers are extra sessions on that day. Both edits that move material — a
re-plan from a day (``edits.regenerate_from`` and everything built on it) and a
lost day (``edits.bump``) — ask the same question: from a day on, which school
days are still free? This module answers it once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import TypeVar

SlotKey = tuple[date, int]
T = TypeVar("T")


def free_days(school_days: Iterable[date], *, since: date, taken: Collection[date]) -> list[date]:
    """The school days on or after ``since`` that are not ``taken``, in calendar order."""
    return [d for d in school_days if d >= since and d not in taken]


def open_slots(school_days: Iterable[date], *, since: date, kept: Collection[SlotKey],
               cancelled: Collection[date], extras: Iterable[SlotKey]) -> list[SlotKey]:
    """The places a re-plan from ``since`` fills, in order.

    Every free school day's regular slot — not cancelled (a lost day keeps its
    marker) and not held by a ``kept`` session (done, locked or before
    ``since``) — plus every extra session's slot from ``since`` on that is not kept.
    """
    taken = set(cancelled) | {day for day, slot in kept if slot == 0}
    regular = {(day, 0) for day in free_days(school_days, since=since, taken=taken)}
    extra = {key for key in extras if key[0] >= since and key not in kept}
    return sorted(regular | extra)


def overflow(movable: Sequence[T], free: Sequence[date]) -> list[T]:
    """The sessions of ``movable`` that find no day in ``free``: pushed past the term end."""
    return list(movable[len(free):])


def edit_days(session_dates: Iterable[date], school_days: Iterable[date], *, today: date,
              cancelled: Collection[date] = ()) -> list[date]:
    """The days the 调整 tab offers: every day with a session (past ones, to mark done) and every
    school day of the plan from ``today`` on that is not already lost — so a known future trip
    can be marked as 停课 whatever is planned there."""
    future = {d for d in school_days if d >= today and d not in cancelled}
    return sorted(set(session_dates) | future)


def next_free_day(taken: Collection[date], *, since: date, until: date) -> date | None:
    """The first day from ``since`` to ``until`` without a regular session (the 加课 date's default)."""
    day = since
    while day <= until:
        if day not in taken:
            return day
        day = date.fromordinal(day.toordinal() + 1)
    return None
