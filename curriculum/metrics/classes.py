"""Classes and their school days in a period: the shared input of compliance, spheres, integrations, festivals.

A school day is a day of the class's plan (``Plan.school_days``, the term's
days as the calendar gave them) that is not marked lost (a bumped day keeps a
``cancelled`` marker session — the class had no reading that day by the
school's decision, so it is left out of the denominator and reported as
``lost_days``). ``district`` filters classes by their school's district.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session

from curriculum.metrics.period import Period
from curriculum.models.calendar import School
from curriculum.models.plan import Plan, PlanSession, SchoolClass

DAILY_MINUTES = 30
NO_SCHOOL_LABEL = "未指定学校"


@dataclass(frozen=True)
class ClassInfo:
    """What the dashboard needs of one class (plain data, no ORM object)."""

    id: int
    name: str
    stage: str
    size: int
    school: str
    district: str


def load_classes(*, session: Session, district: str | None) -> dict[int, ClassInfo]:
    """Every class (of ``district``'s schools when given), by id, in id order."""
    stmt = select(SchoolClass, School).outerjoin(School, SchoolClass.school_id == School.id).order_by(SchoolClass.id)
    if district:
        stmt = stmt.where(School.district == district)
    return {
        k.id: ClassInfo(k.id, k.name, k.stage, k.size, s.name if s else NO_SCHOOL_LABEL,
                        (s.district if s else "") or "")
        for k, s in session.execute(stmt).all()
    }


@dataclass
class ClassDays:
    """One class's school days in the counted period, lost days, and done minutes per day."""

    school_days: set[dt.date] = field(default_factory=set)
    lost_days: set[dt.date] = field(default_factory=set)
    done_minutes: dict[dt.date, int] = field(default_factory=lambda: defaultdict(int))
    done_sessions: int = 0
    festival_done: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def counted_days(self) -> set[dt.date]:
        return self.school_days - self.lost_days

    @property
    def compliant_days(self) -> set[dt.date]:
        return {d for d in self.counted_days if self.done_minutes.get(d, 0) >= DAILY_MINUTES}


def load_class_days(period: Period, classes: Mapping[int, ClassInfo], *, session: Session) -> dict[int, ClassDays]:
    """School days, lost days and done sessions of each class in ``period`` (up to ``period.through``)."""
    result: dict[int, ClassDays] = {cid: ClassDays() for cid in classes}
    if period.empty or not classes:
        return result
    plans = session.execute(
        select(Plan.id, Plan.class_id, Plan.school_days)
        .where(Plan.class_id.in_(list(classes)), Plan.term_start <= period.through, Plan.term_end >= period.start)
    ).all()
    plan_class = {pid: cid for pid, cid, _ in plans}
    lo, hi = period.start.isoformat(), period.through.isoformat()
    for _pid, cid, days in plans:
        # ISO strings compare like dates.
        result[cid].school_days.update(dt.date.fromisoformat(d) for d in days or () if lo <= d <= hi)
    if plan_class:
        _add_sessions(period, plan_class, result, session=session)
    return result


def _add_sessions(period: Period, plan_class: Mapping[int, int], result: Mapping[int, ClassDays], *,
                  session: Session) -> None:
    """Record lost days (cancelled markers) and done scheduled sessions into ``result``."""
    rows = session.execute(
        select(PlanSession.plan_id, PlanSession.date, PlanSession.minutes, PlanSession.done, PlanSession.status,
               PlanSession.festival_key)
        .where(PlanSession.plan_id.in_(list(plan_class)), PlanSession.date >= period.start,
               PlanSession.date <= period.through)
        .where((PlanSession.done == True) | (PlanSession.status == "cancelled"))  # noqa: E712
    ).all()
    for plan_id, day, minutes, done, status, festival_key in rows:
        info = result[plan_class[plan_id]]
        if status == "cancelled":
            info.lost_days.add(day)
        elif done and status == "scheduled":
            info.done_minutes[day] += minutes
            info.done_sessions += 1
            if festival_key:
                info.festival_done[festival_key] += 1
