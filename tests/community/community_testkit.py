"""Shared helpers for the community tests (a unique module name: tests are not packages)."""

from __future__ import annotations

from datetime import datetime

from curriculum.community.events import EventDraft, ShiftSpec

SAT = datetime(2026, 9, 5, 9, 0)  # a Saturday


def draft(point_id, *, title="周末公益诵读", start=SAT, minutes=60, rrule=None, shifts=(ShiftSpec("领读", 1),),
          **kw) -> EventDraft:
    return EventDraft(title=title, start=start, duration_minutes=minutes, point_id=point_id, rrule=rrule,
                      shifts=shifts, **kw)
