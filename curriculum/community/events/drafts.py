"""What a leader fills in before anything is saved: ``EventDraft`` with its rules, ``ShiftSpec``, ``make_draft``.

A draft is pure data: validating it and expanding its rule into slots need no
database. The conflict checks (``checks``) and the saves (``series``) take a
draft; forms build one with ``make_draft`` from a date, a time and weekdays.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from curriculum.clock import wall_clock
from curriculum.community.conflicts import CommunityError
from curriculum.community.recurrence import expand, weekly_rule
from curriculum.models.community import CommunityEvent
from curriculum.stages import STAGE_KEYS
from curriculum.textlists import split_list
from curriculum.vocab import EVENT_STATUSES, INTEGRATIONS, SPHERES

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
    district: str | None = None
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
        """Raise ``CommunityError`` naming the first field a leader must correct (in form order)."""
        if not self.title.strip():
            raise CommunityError("活动名称：不能为空", field="title")
        if self.duration_minutes <= 0:
            raise CommunityError("时长：应大于 0 分钟", field="duration_minutes")
        self._validate_audience()
        if self.capacity < 0:
            raise CommunityError("名额：不能为负数", field="capacity")
        if self.status not in EVENT_STATUSES:
            raise CommunityError(f"状态：未知“{self.status}”", field="status")
        for spec in self.shifts:
            if spec.needed < 1 or not spec.task.strip():
                raise CommunityError(f"志愿岗位“{spec.task}”：需要人数应至少为 1", field="shifts")

    def _validate_audience(self) -> None:
        """Integration, sphere and stages must be keys of their vocabularies."""
        if self.integration not in INTEGRATIONS:
            raise CommunityError(f"融合方向：未知“{self.integration}”，可选：{'、'.join(INTEGRATIONS.values())}",
                                 field="integration")
        if self.sphere not in SPHERES:
            raise CommunityError(f"领域：未知“{self.sphere}”，可选：{'、'.join(SPHERES.values())}", field="sphere")
        unknown = [s for s in self.stages if s not in STAGE_KEYS]
        if unknown:
            raise CommunityError(f"面向学段：未知“{'、'.join(unknown)}”", field="stages")

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.duration_minutes)

    def slots(self, *, horizon: datetime | None = None) -> list[datetime]:
        return expand(self.rrule, self.start, horizon=horizon)

    def spans(self, *, from_time: datetime | None = None) -> list[tuple[datetime, datetime]]:
        """``(start, end)`` of every slot (from ``from_time`` on, when given)."""
        return [(s, s + self.duration) for s in self.slots() if from_time is None or s >= from_time]

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


def make_draft(title: str, *, day: date, start_time: time, duration_minutes: int, point_id: int | None = None,
               repeat_days: tuple[int, ...] | list[int] = (), until: date | None = None, shifts=(),
               **fields) -> EventDraft:
    """Build a draft from what a form offers: a date and a time, and optionally weekdays to repeat on until a date.

    Repeating requires an end date, so a series never runs on unnoticed.
    """
    rule = None
    if repeat_days:
        if until is None:
            raise CommunityError("重复活动：请填写结束日期", field="until")
        if until < day:
            raise CommunityError("重复活动：结束日期应不早于开始日期", field="until")
        rule = weekly_rule(list(repeat_days), until=until)
    return EventDraft(title=title, start=at(day, start_time), duration_minutes=duration_minutes,
                      point_id=point_id, rrule=rule, shifts=tuple(shifts), **fields)
