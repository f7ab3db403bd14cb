"""Conflicts found before saving, each with a Chinese message.

A ``Conflict`` has a severity:

* ``error`` — hard: a person in two places at once, a venue booked twice.
  Saving is always refused.
* ``warning`` — soft: an event outside the venue's opening hours, more
  places than the venue holds, a volunteer outside their registered availability. Saving is refused unless the caller
  passes ``override=True`` (the leader confirmed it on purpose).
* ``info`` — never blocks: more sign-ups than places (the rest go on the
  waitlist), a shift short of people (it goes on the reminder list).

Intervals are half-open ``[start, end)``: a reading ending at 10:00 and the
next one starting at 10:00 touch but do not overlap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from curriculum.errors import DomainError
from curriculum.vocab import WEEKDAY_LABELS

Severity = Literal["error", "warning", "info"]

CODE_LABELS: dict[str, str] = {
    "person_double_booked": "人员时间冲突",
    "venue_double_booked": "场地重复预约",
    "outside_hours": "超出开放时间",
    "outside_availability": "超出志愿者可服务时间",
    "over_capacity": "报名超过名额",
    "over_venue_capacity": "名额超过场地容量",
    "shift_short": "岗位缺人",
    "occurrence_deleted": "将删除场次",
    "occurrence_has_attendance": "已记录出勤的场次",
}


class CommunityError(DomainError):
    """Bad input to a community function; the message is Chinese and names the field."""


@dataclass(frozen=True)
class Conflict:
    code: str
    message: str
    severity: Severity = "error"
    start: datetime | None = None
    event_id: int | None = None
    other_event_id: int | None = None
    person_id: int | None = None
    point_id: int | None = None

    @property
    def blocking(self) -> bool:
        return self.severity != "info"

    @property
    def soft(self) -> bool:
        return self.severity != "error"


class ConflictError(DomainError):
    """Raised by save functions; carries every conflict found, nothing was saved."""

    def __init__(self, conflicts: Iterable[Conflict]):
        self.conflicts = list(conflicts)
        super().__init__("；".join(c.message for c in self.conflicts))

    @property
    def overridable(self) -> bool:
        """True when only soft conflicts stand in the way (``override=True`` would save)."""
        return all(c.severity != "error" for c in self.conflicts)


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open interval overlap: touching at one instant is not an overlap."""
    return a_start < b_end and b_start < a_end


def blocking_conflicts(conflicts: Iterable[Conflict], *, override: bool = False) -> list[Conflict]:
    """The conflicts that stop a save: errors always, warnings unless ``override``."""
    return [
        c for c in conflicts
        if c.severity == "error" or (c.severity == "warning" and not override)
    ]


def raise_if_blocked(conflicts: Iterable[Conflict], *, override: bool = False) -> None:
    """Raise ``ConflictError`` with *all* blocking conflicts (soft ones too, so the user sees everything)."""
    conflicts = list(conflicts)
    blocking = blocking_conflicts(conflicts, override=override)
    if blocking:
        raise ConflictError([c for c in conflicts if c.severity != "info"])


def summarize(conflicts: Iterable[Conflict], *, per_code: int = 3) -> list[tuple[Severity, str]]:
    """Messages for display, at most ``per_code`` of each kind plus a count of the rest.

    A 40-morning series outside the opening hours should say so in a few lines,
    not forty.
    """
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    severity: dict[str, Severity] = {}
    out: list[tuple[Severity, str]] = []
    for c in conflicts:
        severity[c.code] = c.severity
        if shown.get(c.code, 0) < per_code:
            shown[c.code] = shown.get(c.code, 0) + 1
            out.append((c.severity, c.message))
        else:
            hidden[c.code] = hidden.get(c.code, 0) + 1
    for code, n in hidden.items():
        out.append((severity[code], f"另有 {n} 处“{CODE_LABELS.get(code, code)}”，未逐条列出。"))
    return out


def fmt_dt(dt: datetime) -> str:
    """``2026年9月5日（周六）09:00`` — the date style used in every message."""
    return f"{dt.year}年{dt.month}月{dt.day}日（{WEEKDAY_LABELS[dt.weekday()]}）{dt:%H:%M}"


def fmt_span(start: datetime, end: datetime) -> str:
    if start.date() == end.date():
        return f"{fmt_dt(start)}–{end:%H:%M}"
    return f"{fmt_dt(start)}–{fmt_dt(end)}"


