"""The education bureau's dashboard numbers (数据看板), computed from the database for a date range.

Everything here is a pure read: functions take ``start``/``end`` (inclusive
dates), ``*, session`` and optional ``district`` and ``today``, and return
pandas DataFrames (English column names, for charts and JSON) or dataclasses.
The structure is the programme's own:

* **Six integrations (六个融合)** — ``integration_frame``: for each of the six
  lines, how many activities were held and how many people took part. What
  counts depends on the line (column ``activity_measure`` /
  ``participant_measure`` says it in Chinese):

  - campus (校园文化): class reading sessions marked done (participants = the
    class size each time) plus community events filed under ``campus``;
  - urban_rural, festivals, moral: community event occurrences held, with the
    attendance recorded for them;
  - teachers (师资): training sessions held (``outreach.training.activity_counts``)
    and trainees present, plus community events filed under ``teachers``;
  - online (线上线下): items published (``outreach.online.activity_counts``)
    and their latest view counts, plus community events filed under ``online``.

* **Four connections (四个打通)** — ``coverage_frame``: minutes of class
  reading per content category × school stage (planned in the range, and read
  = in sessions marked done); ``sphere_frame``: activities and participants per
  sphere (school / family / society).

* **Daily 30 minutes (每日诵读半小时)** — ``compliance_by_class``: the share of
  a class's past school days on which its plan had done sessions of at least
  30 minutes; ``compliance_summary`` per stage or school; ``compliance_weekly``
  the same by ISO week.

* **Volunteer hours** — ``volunteer_hours_frame``: served shifts only (the rule
  of ``community.attendance.volunteer_hours``), by month and district.

* **Festival reach (我们的节日)** — ``festival_reach_frame``: attendance at
  festival events per festival, and class festival readings done.

Counting rules shared by all of them:

* Only what has happened counts: the last day counted is ``min(end, today − 1)``
  (``Period.through``), so a half-finished today never lowers a rate.
* A school day is a day of the class's plan (``Plan.school_days``, the term's
  days as the calendar gave them) that is not marked lost (a bumped day keeps a
  ``cancelled`` marker session — the class had no reading that day by the
  school's decision, so it is left out of the denominator and reported as
  ``lost_days``).
* A community activity is a non-cancelled occurrence of a confirmed event.
* ``district`` filters classes (by their school's district) and community
  events (by the event's district). Training and online programmes are
  city-wide and have no district; they are always counted in full
  (``CITYWIDE_INTEGRATIONS``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import case, func, select
from sqlmodel import Session

from curriculum import schoolcal
from curriculum.clock import local_today
from curriculum.errors import DomainError
from curriculum.models.calendar import School
from curriculum.models.community import (
    Attendance,
    CommunityEvent,
    EventOccurrence,
    ReadingPoint,
    ShiftAssignment,
    VolunteerShift,
)
from curriculum.models.outreach import TrainingAttendance, TrainingSession
from curriculum.models.plan import Plan, PlanItem, PlanSession, SchoolClass
from curriculum.stages import STAGE_KEYS, STAGE_LABELS
from curriculum.vocab import CATEGORIES, FESTIVALS, INTEGRATIONS, SPHERES

DAILY_MINUTES = 30
CITYWIDE_INTEGRATIONS: tuple[str, ...] = ("teachers", "online")
OTHER_CATEGORY = "other"
OTHER_CATEGORY_LABEL = "其他（书目中未收录）"
NO_SCHOOL_LABEL = "未指定学校"
NO_DISTRICT_LABEL = "未填区县"
GROUP_BY_LABELS: dict[str, str] = {"stage": "学段", "school": "学校", "class": "班级"}

ACTIVITY_MEASURES: dict[str, str] = {
    "campus": "班级诵读完成节次 + 校园活动场次",
    "urban_rural": "社区活动场次",
    "teachers": "培训课次 + 活动场次",
    "festivals": "节日活动场次",
    "moral": "道德实践活动场次",
    "online": "发布节目数 + 活动场次",
}
PARTICIPANT_MEASURES: dict[str, str] = {
    "campus": "学生诵读人次 + 活动到场人次",
    "urban_rural": "活动到场人次",
    "teachers": "学员出勤人次 + 活动到场人次",
    "festivals": "活动到场人次",
    "moral": "活动到场人次",
    "online": "节目浏览量 + 活动到场人次",
}


class MetricsError(DomainError):
    """A dashboard request that cannot be answered (Chinese message naming the field)."""


# --------------------------------------------------------------------------- period


@dataclass(frozen=True)
class Period:
    """``start``..``end`` as asked, and ``through``: the last day that has happened (≤ yesterday)."""

    start: dt.date
    end: dt.date
    today: dt.date

    @property
    def through(self) -> dt.date:
        return min(self.end, self.today - dt.timedelta(days=1))

    @property
    def empty(self) -> bool:
        """Nothing in the range has happened yet."""
        return self.through < self.start

    @property
    def start_dt(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time(0, 0))

    @property
    def stop_dt(self) -> dt.datetime:
        """Exclusive upper bound for datetimes: midnight after ``through``."""
        return dt.datetime.combine(self.through + dt.timedelta(days=1), dt.time(0, 0))


def make_period(start: dt.date, end: dt.date, today: dt.date | None = None) -> Period:
    """Validate a range; ``MetricsError`` if the end is before the start."""
    if end < start:
        raise MetricsError(f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}")
    return Period(start, end, today or local_today())


def school_year_bounds(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The school year around ``today``: 1 September to 31 August (the dashboard's default range)."""
    return schoolcal.school_year_bounds(today or local_today())


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


def district_options(*, session: Session) -> list[str]:
    """Districts that occur in the data (schools, reading points, events), sorted; empty if none."""
    found: set[str] = set()
    for column in (School.district, ReadingPoint.district, CommunityEvent.district):
        found.update(d for (d,) in session.execute(select(column).distinct()) if d)
    return sorted(found)


# --------------------------------------------------------------------------- classes and plans


@dataclass(frozen=True)
class _ClassInfo:
    id: int
    name: str
    stage: str
    size: int
    school: str
    district: str


def _classes(session: Session, district: str | None) -> dict[int, _ClassInfo]:
    stmt = select(SchoolClass, School).outerjoin(School, SchoolClass.school_id == School.id).order_by(SchoolClass.id)
    if district:
        stmt = stmt.where(School.district == district)
    return {
        k.id: _ClassInfo(k.id, k.name, k.stage, k.size, s.name if s else NO_SCHOOL_LABEL,
                         (s.district if s else "") or "")
        for k, s in session.execute(stmt).all()
    }


@dataclass
class _ClassDays:
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


def _class_days(period: Period, classes: Mapping[int, _ClassInfo], session: Session) -> dict[int, _ClassDays]:
    result: dict[int, _ClassDays] = {cid: _ClassDays() for cid in classes}
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
    if not plan_class:
        return result
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
    return result


# --------------------------------------------------------------------------- compliance

COMPLIANCE_COLUMNS = ["class_id", "class_name", "school", "district", "stage", "stage_label", "school_days",
                      "compliant_days", "lost_days", "done_sessions", "rate"]


def _rate(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def compliance_by_class(start: dt.date, end: dt.date, *, session: Session, district: str | None = None,
                        today: dt.date | None = None) -> pd.DataFrame:
    """One row per class: past school days, days with ≥ 30 done minutes, lost days, and the rate (None if no days)."""
    period = make_period(start, end, today)
    classes = _classes(session, district)
    return _compliance_rows(classes, _class_days(period, classes, session))


def _compliance_rows(classes: Mapping[int, _ClassInfo], days: Mapping[int, _ClassDays]) -> pd.DataFrame:
    rows = []
    for cid, info in classes.items():
        d = days[cid]
        counted, ok = len(d.counted_days), len(d.compliant_days)
        rows.append({
            "class_id": cid, "class_name": info.name, "school": info.school, "district": info.district,
            "stage": info.stage, "stage_label": STAGE_LABELS.get(info.stage, info.stage), "school_days": counted,
            "compliant_days": ok, "lost_days": len(d.lost_days & d.school_days), "done_sessions": d.done_sessions,
            "rate": _rate(ok, counted),
        })
    return pd.DataFrame(rows, columns=COMPLIANCE_COLUMNS)


def _group_columns(by: str) -> tuple[str, str]:
    if by == "stage":
        return "stage", "stage_label"
    if by == "school":
        return "school", "school"
    if by == "class":
        return "class_id", "class_name"
    raise MetricsError(f"分组方式：未知“{by}”，可选：{'、'.join(GROUP_BY_LABELS)}")


def compliance_summary(by_class: pd.DataFrame, by: str = "stage") -> pd.DataFrame:
    """Pooled rate per stage or school (or class).

    Columns ``group``, ``label``, ``classes``, ``school_days``, ``compliant_days``, ``rate``.

    Pooled (total compliant days / total school days), so a class with more
    days weighs more; stages come in stage order, schools by name.
    """
    key, label = _group_columns(by)
    columns = ["group", "label", "classes", "school_days", "compliant_days", "rate"]
    if by_class.empty:
        return pd.DataFrame(columns=columns)
    keys = [key] if key == label else [key, label]
    grouped = by_class.groupby(keys, sort=False).agg(
        classes=("school_days", "size"), school_days=("school_days", "sum"), compliant_days=("compliant_days", "sum"),
    ).reset_index()
    grouped.insert(0, "group", grouped[key])
    grouped["label"] = grouped[label]
    grouped["rate"] = [_rate(int(a), int(b)) for a, b in zip(grouped["compliant_days"], grouped["school_days"])]
    if by == "stage":
        order = {k: i for i, k in enumerate(STAGE_KEYS)}
        grouped = grouped.sort_values("group", key=lambda s: s.map(lambda v: order.get(v, len(order))))
    else:
        grouped = grouped.sort_values("label")
    return grouped.reset_index(drop=True)[columns]


WEEKLY_COLUMNS = ["week", "group", "label", "school_days", "compliant_days", "rate"]


def compliance_weekly(start: dt.date, end: dt.date, *, session: Session, by: str = "stage",
                      district: str | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """Pooled rate per ISO week (``week`` = its Monday) and stage/school; weeks without school days are left out."""
    period = make_period(start, end, today)
    classes = _classes(session, district)
    return _weekly_rows(classes, _class_days(period, classes, session), by)


def _weekly_rows(classes: Mapping[int, _ClassInfo], days: Mapping[int, _ClassDays], by: str) -> pd.DataFrame:
    key, _label = _group_columns(by)
    counts: dict[tuple[dt.date, object, str], list[int]] = defaultdict(lambda: [0, 0])
    for cid, info in classes.items():
        d = days[cid]
        group = {"stage": info.stage, "school": info.school, "class_id": cid}[key]
        label = {"stage": STAGE_LABELS.get(info.stage, info.stage), "school": info.school,
                 "class_id": info.name}[key]
        ok = d.compliant_days
        for day in d.counted_days:
            bucket = counts[(week_start(day), group, label)]
            bucket[0] += 1
            bucket[1] += day in ok
    order = {k: i for i, k in enumerate(STAGE_KEYS)}
    rows = [
        {"week": week, "group": group, "label": label, "school_days": n, "compliant_days": ok, "rate": ok / n}
        for (week, group, label), (n, ok) in counts.items()
    ]
    rows.sort(key=lambda r: (r["week"], order.get(r["group"], len(order)) if by == "stage" else 0, str(r["label"])))
    return pd.DataFrame(rows, columns=WEEKLY_COLUMNS)


# --------------------------------------------------------------------------- community events


@dataclass(frozen=True)
class _Held:
    occurrence_id: int
    start: dt.datetime
    integration: str
    sphere: str
    festival_key: str | None
    district: str
    attendance: int


def _held_occurrences(period: Period, session: Session, district: str | None) -> list[_Held]:
    """Non-cancelled occurrences of confirmed events in the counted period, with their recorded attendance."""
    if period.empty:
        return []
    stmt = (
        select(EventOccurrence.id, EventOccurrence.start, CommunityEvent.integration, CommunityEvent.sphere,
               CommunityEvent.festival_key, CommunityEvent.district)
        .join(CommunityEvent, EventOccurrence.event_id == CommunityEvent.id)
        .where(CommunityEvent.status == "confirmed", EventOccurrence.cancelled == False,  # noqa: E712
               EventOccurrence.start >= period.start_dt, EventOccurrence.start < period.stop_dt)
        .order_by(EventOccurrence.start, EventOccurrence.id)
    )
    if district:
        stmt = stmt.where(CommunityEvent.district == district)
    rows = session.execute(stmt).all()
    totals: dict[int, int] = {}
    ids = [r[0] for r in rows]
    for k in range(0, len(ids), 500):
        chunk = ids[k:k + 500]
        totals.update(session.execute(
            select(Attendance.occurrence_id, func.sum(Attendance.count))
            .where(Attendance.occurrence_id.in_(chunk)).group_by(Attendance.occurrence_id)
        ).all())
    return [_Held(oid, start, integ, sphere, fest, dist or "", int(totals.get(oid) or 0))
            for oid, start, integ, sphere, fest, dist in rows]


# --------------------------------------------------------------------------- outreach (city-wide)


def _training_counts(period: Period, session: Session) -> tuple[int, int]:
    """Training sessions held and trainees present (person-times) in the counted period."""
    if period.empty:
        return 0, 0
    from curriculum.outreach.training import activity_counts

    sessions = activity_counts(period.start, period.through, session=session).get("teachers", 0)
    present = session.execute(
        select(func.count()).select_from(TrainingAttendance)
        .join(TrainingSession, TrainingAttendance.session_id == TrainingSession.id)
        .where(TrainingAttendance.present == True,  # noqa: E712
               TrainingSession.date >= period.start, TrainingSession.date <= period.through)
    ).scalar_one()
    return int(sessions), int(present)


def _online_counts(period: Period, session: Session) -> tuple[int, int]:
    """Items published in the counted period and their latest views."""
    if period.empty:
        return 0, 0
    from curriculum.outreach.online import activity_counts, list_items

    items = activity_counts(period.start, period.through, session=session).get("online", 0)
    views = sum(r.views for r in list_items(session=session, start=period.start, end=period.through))
    return int(items), int(views)


# --------------------------------------------------------------------------- six integrations

INTEGRATION_COLUMNS = ["integration", "label", "activities", "participants", "activity_measure",
                       "participant_measure", "citywide"]


def _integration_rows(classes: Mapping[int, _ClassInfo], days: Mapping[int, _ClassDays], held: Iterable[_Held],
                      training: tuple[int, int], online: tuple[int, int]) -> pd.DataFrame:
    activities = dict.fromkeys(INTEGRATIONS, 0)
    participants = dict.fromkeys(INTEGRATIONS, 0)
    for h in held:
        if h.integration in activities:
            activities[h.integration] += 1
            participants[h.integration] += h.attendance
    for cid, info in classes.items():
        activities["campus"] += days[cid].done_sessions
        participants["campus"] += days[cid].done_sessions * info.size
    activities["teachers"] += training[0]
    participants["teachers"] += training[1]
    activities["online"] += online[0]
    participants["online"] += online[1]
    rows = [
        {"integration": k, "label": label, "activities": activities[k], "participants": participants[k],
         "activity_measure": ACTIVITY_MEASURES[k], "participant_measure": PARTICIPANT_MEASURES[k],
         "citywide": k in CITYWIDE_INTEGRATIONS}
        for k, label in INTEGRATIONS.items()
    ]
    return pd.DataFrame(rows, columns=INTEGRATION_COLUMNS)


def integration_frame(start: dt.date, end: dt.date, *, session: Session, district: str | None = None,
                      today: dt.date | None = None) -> pd.DataFrame:
    """The six integrations in their fixed order: ``activities`` and ``participants`` (see the module docstring)."""
    period = make_period(start, end, today)
    classes = _classes(session, district)
    return _integration_rows(classes, _class_days(period, classes, session),
                             _held_occurrences(period, session, district),
                             _training_counts(period, session), _online_counts(period, session))


# --------------------------------------------------------------------------- four connections

COVERAGE_COLUMNS = ["category", "category_label", "stage", "stage_label", "planned_minutes", "read_minutes", "classes"]


def _coverage_rows(period: Period, classes: Mapping[int, _ClassInfo], session: Session,
                   categories: Mapping[str, str]) -> pd.DataFrame:
    planned: dict[tuple[str, str], int] = defaultdict(int)
    read: dict[tuple[str, str], int] = defaultdict(int)
    class_sets: dict[tuple[str, str], set[int]] = defaultdict(set)
    if classes:
        # Grouped in the database by "already happened" rather than by date: a
        # city's year of plans is millions of items, this is a few rows per class.
        past = case((PlanSession.date <= period.through, 1), else_=0)
        base = (
            select(Plan.class_id, PlanItem.text_id, PlanSession.done, past, func.sum(PlanItem.minutes))
            .join(PlanSession, PlanItem.session_id == PlanSession.id)
            .join(Plan, PlanSession.plan_id == Plan.id)
            .where(Plan.class_id.in_(list(classes)), PlanSession.status == "scheduled",
                   PlanSession.date >= period.start, PlanSession.date <= period.end,
                   PlanItem.text_id.is_not(None))
            .group_by(Plan.class_id, PlanItem.text_id, PlanSession.done, past)
        )
        for cid, text_id, done, happened, minutes in session.execute(base).all():
            cell = (categories.get(text_id, OTHER_CATEGORY), classes[cid].stage)
            planned[cell] += int(minutes or 0)
            class_sets[cell].add(cid)
            if done and happened:
                read[cell] += int(minutes or 0)
    cats = dict(CATEGORIES)
    if any(c == OTHER_CATEGORY for c, _ in planned):
        cats[OTHER_CATEGORY] = OTHER_CATEGORY_LABEL
    rows = [
        {"category": c, "category_label": cl, "stage": s, "stage_label": STAGE_LABELS[s],
         "planned_minutes": planned.get((c, s), 0), "read_minutes": read.get((c, s), 0),
         "classes": len(class_sets.get((c, s), ()))}
        for c, cl in cats.items() for s in STAGE_KEYS
    ]
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


def coverage_frame(start: dt.date, end: dt.date, *, session: Session, categories: Mapping[str, str],
                   district: str | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """Class reading minutes per content category × stage: a full grid (3 categories × 7 stages, zeros included).

    ``planned_minutes``: items of scheduled sessions dated in ``start``..``end``
    (the plan, future days included); ``read_minutes``: the part in sessions
    marked done up to ``Period.through``; ``classes``: how many classes have
    that cell in their plan. ``categories`` maps text id → category key (from
    the catalog, see ``categories_of``); texts not in it count as ``other``
    (a row added only when it occurs).
    """
    period = make_period(start, end, today)
    return _coverage_rows(period, _classes(session, district), session, categories)


def categories_of(catalog) -> dict[str, str]:
    """Text id → content category key, from a ``Catalog`` (empty for ``None``)."""
    return {t.id: t.category for t in catalog.texts} if catalog is not None else {}


SPHERE_COLUMNS = ["sphere", "label", "activities", "participants"]


def _sphere_rows(classes: Mapping[int, _ClassInfo], days: Mapping[int, _ClassDays],
                 held: Iterable[_Held]) -> pd.DataFrame:
    activities = dict.fromkeys(SPHERES, 0)
    participants = dict.fromkeys(SPHERES, 0)
    for cid, info in classes.items():
        activities["school"] += days[cid].done_sessions
        participants["school"] += days[cid].done_sessions * info.size
    for h in held:
        if h.sphere in activities:
            activities[h.sphere] += 1
            participants[h.sphere] += h.attendance
    return pd.DataFrame(
        [{"sphere": k, "label": label, "activities": activities[k], "participants": participants[k]}
         for k, label in SPHERES.items()],
        columns=SPHERE_COLUMNS,
    )


def sphere_frame(start: dt.date, end: dt.date, *, session: Session, district: str | None = None,
                 today: dt.date | None = None) -> pd.DataFrame:
    """School / family / society: activities and participants (school = class readings done + school-sphere events)."""
    period = make_period(start, end, today)
    classes = _classes(session, district)
    return _sphere_rows(classes, _class_days(period, classes, session), _held_occurrences(period, session, district))


# --------------------------------------------------------------------------- volunteer hours

VOLUNTEER_COLUMNS = ["month", "district", "district_label", "hours", "shifts", "volunteers"]


def _volunteer_rows(period: Period, session: Session, district: str | None) -> tuple[pd.DataFrame, float, int]:
    """Served-shift hours by month and district, the exact total, and distinct volunteers."""
    if period.empty:
        return pd.DataFrame(columns=VOLUNTEER_COLUMNS), 0.0, 0
    stmt = (
        select(ShiftAssignment.person_id, VolunteerShift.start, VolunteerShift.end, CommunityEvent.district)
        .join(VolunteerShift, ShiftAssignment.shift_id == VolunteerShift.id)
        .join(EventOccurrence, VolunteerShift.occurrence_id == EventOccurrence.id)
        .join(CommunityEvent, EventOccurrence.event_id == CommunityEvent.id)
        # The same rule as community.attendance.volunteer_hours: served, occurrence not cancelled.
        .where(ShiftAssignment.served == True, EventOccurrence.cancelled == False,  # noqa: E712
               VolunteerShift.start >= period.start_dt, VolunteerShift.start < period.stop_dt)
    )
    if district:
        stmt = stmt.where(CommunityEvent.district == district)
    buckets: dict[tuple[str, str], list] = defaultdict(lambda: [0.0, 0, set()])
    people: set[int] = set()
    for person_id, s_start, s_end, dist in session.execute(stmt).all():
        b = buckets[(f"{s_start:%Y-%m}", dist or "")]
        b[0] += (s_end - s_start).total_seconds() / 3600
        b[1] += 1
        b[2].add(person_id)
        people.add(person_id)
    rows = [
        {"month": month, "district": dist, "district_label": dist or NO_DISTRICT_LABEL, "hours": round(h, 2),
         "shifts": n, "volunteers": len(ids)}
        for (month, dist), (h, n, ids) in sorted(buckets.items())
    ]
    total = round(sum(b[0] for b in buckets.values()), 2)
    return pd.DataFrame(rows, columns=VOLUNTEER_COLUMNS), total, len(people)


def volunteer_hours_frame(start: dt.date, end: dt.date, *, session: Session, district: str | None = None,
                          today: dt.date | None = None) -> pd.DataFrame:
    """Hours of served volunteer shifts per month (``YYYY-MM``) and district, with shift and volunteer counts."""
    return _volunteer_rows(make_period(start, end, today), session, district)[0]


# --------------------------------------------------------------------------- festival reach

FESTIVAL_COLUMNS = ["festival", "label", "events", "attendance", "class_sessions", "students"]


def _festival_rows(classes: Mapping[int, _ClassInfo], days: Mapping[int, _ClassDays],
                   held: Iterable[_Held]) -> pd.DataFrame:
    events: dict[str, int] = defaultdict(int)
    attendance: dict[str, int] = defaultdict(int)
    sessions: dict[str, int] = defaultdict(int)
    students: dict[str, int] = defaultdict(int)
    for h in held:
        if h.festival_key:
            events[h.festival_key] += 1
            attendance[h.festival_key] += h.attendance
    for cid, info in classes.items():
        for key, n in days[cid].festival_done.items():
            sessions[key] += n
            students[key] += n * info.size
    keys = [k for k in FESTIVALS if k in events or k in sessions]
    keys += sorted(k for k in set(events) | set(sessions) if k not in FESTIVALS)
    rows = [
        {"festival": k, "label": FESTIVALS.get(k, k), "events": events.get(k, 0), "attendance": attendance.get(k, 0),
         "class_sessions": sessions.get(k, 0), "students": students.get(k, 0)}
        for k in keys
    ]
    return pd.DataFrame(rows, columns=FESTIVAL_COLUMNS)


def festival_reach_frame(start: dt.date, end: dt.date, *, session: Session, district: str | None = None,
                         today: dt.date | None = None) -> pd.DataFrame:
    """Per festival in the range (in the order of ``vocab.FESTIVALS``), festivals with nothing held left out.

    ``events`` and ``attendance``: festival events held and the people at them;
    ``class_sessions`` and ``students``: class festival readings done and the pupils in them.
    """
    period = make_period(start, end, today)
    classes = _classes(session, district)
    return _festival_rows(classes, _class_days(period, classes, session), _held_occurrences(period, session, district))


# --------------------------------------------------------------------------- everything at once


@dataclass(frozen=True)
class DashboardKpis:
    """The headline numbers (plain data: safe to cache and to print as JSON)."""

    start: dt.date
    end: dt.date
    through: dt.date
    district: str | None
    classes: int
    school_days: int
    compliant_days: int
    compliance_rate: float | None
    class_sessions_done: int
    community_activities: int
    community_attendance: int
    volunteer_hours: float
    volunteers: int
    festival_events: int
    festival_attendance: int
    training_sessions: int
    training_attendance: int
    online_items: int
    online_views: int

    def as_dict(self) -> dict:
        return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in vars(self).items()}


KPI_LABELS: dict[str, str] = {
    "classes": "班级数",
    "compliance_rate": "每日诵读达标率",
    "school_days": "应诵读班级日",
    "compliant_days": "达标班级日",
    "class_sessions_done": "班级诵读完成节次",
    "community_activities": "社区活动场次",
    "community_attendance": "社区活动参与人次",
    "volunteer_hours": "志愿服务时长（小时）",
    "volunteers": "服务志愿者人数",
    "festival_events": "节日活动场次",
    "festival_attendance": "节日活动参与人次",
    "training_sessions": "师资培训课次",
    "training_attendance": "培训出勤人次",
    "online_items": "线上节目数",
    "online_views": "线上浏览量",
}


@dataclass(frozen=True)
class Dashboard:
    kpis: DashboardKpis
    integrations: pd.DataFrame
    coverage: pd.DataFrame
    spheres: pd.DataFrame
    compliance: pd.DataFrame
    weekly: pd.DataFrame
    volunteer_hours: pd.DataFrame
    festivals: pd.DataFrame


def build_dashboard(start: dt.date, end: dt.date, *, session: Session, categories: Mapping[str, str] | None = None,
                    district: str | None = None, today: dt.date | None = None,
                    weekly_by: str = "stage") -> Dashboard:
    """All dashboard numbers in one pass over the database (what the page and the CLI call)."""
    period = make_period(start, end, today)
    _group_columns(weekly_by)
    district = district or None
    classes = _classes(session, district)
    days = _class_days(period, classes, session)
    held = _held_occurrences(period, session, district)
    training = _training_counts(period, session)
    online = _online_counts(period, session)
    volunteers, hours, people = _volunteer_rows(period, session, district)
    compliance = _compliance_rows(classes, days)
    festivals = _festival_rows(classes, days, held)
    school_days = int(compliance["school_days"].sum()) if len(compliance) else 0
    compliant = int(compliance["compliant_days"].sum()) if len(compliance) else 0
    kpis = DashboardKpis(
        start=period.start, end=period.end, through=period.through, district=district,
        classes=len(classes), school_days=school_days, compliant_days=compliant,
        compliance_rate=_rate(compliant, school_days),
        class_sessions_done=sum(d.done_sessions for d in days.values()),
        community_activities=len(held), community_attendance=sum(h.attendance for h in held),
        volunteer_hours=hours, volunteers=people,
        festival_events=int(festivals["events"].sum()) if len(festivals) else 0,
        festival_attendance=int(festivals["attendance"].sum()) if len(festivals) else 0,
        training_sessions=training[0], training_attendance=training[1],
        online_items=online[0], online_views=online[1],
    )
    return Dashboard(
        kpis=kpis,
        integrations=_integration_rows(classes, days, held, training, online),
        coverage=_coverage_rows(period, classes, session, categories or {}),
        spheres=_sphere_rows(classes, days, held),
        compliance=compliance,
        weekly=_weekly_rows(classes, days, weekly_by),
        volunteer_hours=volunteers,
        festivals=festivals,
    )


def dashboard_kpis(start: dt.date, end: dt.date, *, session: Session, district: str | None = None,
                   today: dt.date | None = None) -> DashboardKpis:
    """Only the headline numbers."""
    return build_dashboard(start, end, session=session, district=district, today=today).kpis


def format_rate(rate: float | None) -> str:
    """``0.75`` → ``"75.0%"``; ``None`` (no school days) → ``"—"``."""
    return "—" if rate is None else f"{rate:.1%}"


# --------------------------------------------------------------------------- display tables
# Chinese column names for the page's tables, so the page only renders.

DISPLAY_COLUMNS: dict[str, dict[str, str]] = {
    "integrations": {"label": "融合方向", "activities": "活动数", "activity_measure": "活动口径",
                     "participants": "参与人次", "participant_measure": "参与口径"},
    "spheres": {"label": "领域", "activities": "活动数", "participants": "参与人次"},
    "coverage": {"category_label": "内容", "stage_label": "学段", "classes": "班级数",
                 "planned_minutes": "计划分钟数", "read_minutes": "已完成分钟数"},
    "compliance": {"school": "学校", "class_name": "班级", "stage_label": "学段", "school_days": "应诵读天数",
                   "compliant_days": "达标天数", "lost_days": "停课顺延天数", "done_sessions": "完成节次",
                   "rate": "达标率"},
    "summary": {"label": "分组", "classes": "班级数", "school_days": "应诵读班级日", "compliant_days": "达标班级日",
                "rate": "达标率"},
    "volunteer_hours": {"month": "月份", "district_label": "区县", "hours": "服务时长（小时）", "shifts": "岗位人次",
                        "volunteers": "志愿者人数"},
    "festivals": {"label": "节日", "events": "社区活动场次", "attendance": "社区活动参与人次",
                  "class_sessions": "班级节日诵读节次", "students": "学生人次"},
}


def display_frame(df: pd.DataFrame, kind: str) -> pd.DataFrame:
    """``df`` with the columns of ``DISPLAY_COLUMNS[kind]`` in Chinese.

    Rates become percentages; the coverage grid loses its empty cells.
    """
    columns = DISPLAY_COLUMNS[kind]
    out = df
    if kind == "coverage":
        out = out[out["planned_minutes"] > 0]
    out = out[list(columns)].copy()
    if "rate" in out:
        out["rate"] = [format_rate(None if pd.isna(r) else float(r)) for r in out["rate"]]
    return out.rename(columns=columns).reset_index(drop=True)
