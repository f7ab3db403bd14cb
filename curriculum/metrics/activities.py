"""Activities held: community events, training, online items — and the tables built on them.

* Six integrations (六个融合) — ``integration_frame``: for each line, the
  activities held and the people taking part (``ACTIVITY_MEASURES`` /
  ``PARTICIPANT_MEASURES`` say in Chinese what is counted);
* spheres (school / family / society) — ``sphere_frame``;
* volunteer hours — ``volunteer_hours_frame``: served shifts only (the rule of
  ``community.attendance.volunteer_hours``), by month and district;
* festival reach (我们的节日) — ``festival_reach_frame``.

A community activity is a non-cancelled occurrence of a confirmed event;
``district`` filters events by the event's district. Training and online
programmes are counted in full whatever the district (``CITYWIDE_INTEGRATIONS``):
their rows can name an owning district or school, but the dashboard does not
filter by it yet.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import func, select
from sqlmodel import Session

from curriculum.metrics.classes import ClassDays, ClassInfo, load_class_days, load_classes
from curriculum.metrics.period import Period, make_period
from curriculum.models.community import (
    Attendance,
    CommunityEvent,
    EventOccurrence,
    ShiftAssignment,
    VolunteerShift,
)
from curriculum.models.outreach import TrainingAttendance, TrainingSession
from curriculum.outreach.online import activity_counts as online_activity_counts
from curriculum.outreach.online import list_items as list_online_items
from curriculum.outreach.training import activity_counts as training_activity_counts
from curriculum.vocab import FESTIVALS, INTEGRATIONS, SPHERES

CITYWIDE_INTEGRATIONS: tuple[str, ...] = ("teachers", "online")
NO_DISTRICT_LABEL = "未填区县"

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

INTEGRATION_COLUMNS = ["integration", "label", "activities", "participants", "activity_measure",
                       "participant_measure", "citywide"]
SPHERE_COLUMNS = ["sphere", "label", "activities", "participants"]
VOLUNTEER_COLUMNS = ["month", "district", "district_label", "hours", "shifts", "volunteers"]
FESTIVAL_COLUMNS = ["festival", "label", "events", "attendance", "class_sessions", "students"]

# Attendance totals are read in chunks of this many occurrence ids, to stay
# below the bound-parameter limits of SQLite and PostgreSQL.
_ID_CHUNK = 500


# --------------------------------------------------------------------------- what was held


@dataclass(frozen=True)
class Held:
    """One community activity that took place, with the attendance recorded for it."""

    occurrence_id: int
    start: dt.datetime
    integration: str
    sphere: str
    festival_key: str | None
    district: str
    attendance: int


def held_occurrences(period: Period, *, session: Session, district: str | None) -> list[Held]:
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
    for k in range(0, len(ids), _ID_CHUNK):
        chunk = ids[k:k + _ID_CHUNK]
        totals.update(session.execute(
            select(Attendance.occurrence_id, func.sum(Attendance.count))
            .where(Attendance.occurrence_id.in_(chunk)).group_by(Attendance.occurrence_id)
        ).all())
    return [Held(oid, start, integ, sphere, fest, dist or "", int(totals.get(oid) or 0))
            for oid, start, integ, sphere, fest, dist in rows]


def training_counts(period: Period, *, session: Session) -> tuple[int, int]:
    """Training sessions held and trainees present (person-times) in the counted period."""
    if period.empty:
        return 0, 0
    sessions = training_activity_counts(period.start, period.through, session=session).get("teachers", 0)
    present = session.execute(
        select(func.count()).select_from(TrainingAttendance)
        .join(TrainingSession, TrainingAttendance.session_id == TrainingSession.id)
        .where(TrainingAttendance.present == True,  # noqa: E712
               TrainingSession.date >= period.start, TrainingSession.date <= period.through)
    ).scalar_one()
    return int(sessions), int(present)


def online_counts(period: Period, *, session: Session) -> tuple[int, int]:
    """Items published in the counted period and their latest views."""
    if period.empty:
        return 0, 0
    items = online_activity_counts(period.start, period.through, session=session).get("online", 0)
    views = sum(r.views for r in list_online_items(session=session, start=period.start, end=period.through))
    return int(items), int(views)


# --------------------------------------------------------------------------- six integrations


def integration_rows(classes: Mapping[int, ClassInfo], days: Mapping[int, ClassDays], held: Iterable[Held],
                     training: tuple[int, int], online: tuple[int, int]) -> pd.DataFrame:
    """The six integrations in their fixed order (``INTEGRATION_COLUMNS``) from loaded inputs."""
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
    """The six integrations in their fixed order: ``activities`` and ``participants``.

    campus = class readings done (participants: the class size each time) plus
    campus events; teachers adds training sessions and trainees present;
    online adds items published and their latest views; the other lines count
    community events held and their attendance.
    """
    period = make_period(start, end, today)
    classes = load_classes(session=session, district=district)
    return integration_rows(classes, load_class_days(period, classes, session=session),
                            held_occurrences(period, session=session, district=district),
                            training_counts(period, session=session), online_counts(period, session=session))


# --------------------------------------------------------------------------- spheres


def sphere_rows(classes: Mapping[int, ClassInfo], days: Mapping[int, ClassDays],
                held: Iterable[Held]) -> pd.DataFrame:
    """School / family / society (``SPHERE_COLUMNS``) from loaded inputs."""
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
    classes = load_classes(session=session, district=district)
    return sphere_rows(classes, load_class_days(period, classes, session=session),
                       held_occurrences(period, session=session, district=district))


# --------------------------------------------------------------------------- volunteer hours


def volunteer_rows(period: Period, *, session: Session, district: str | None) -> tuple[pd.DataFrame, float, int]:
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
    # The total is summed before rounding, so it is not the sum of the rounded rows.
    total = round(sum(b[0] for b in buckets.values()), 2)
    return pd.DataFrame(rows, columns=VOLUNTEER_COLUMNS), total, len(people)


def volunteer_hours_frame(start: dt.date, end: dt.date, *, session: Session, district: str | None = None,
                          today: dt.date | None = None) -> pd.DataFrame:
    """Hours of served volunteer shifts per month (``YYYY-MM``) and district, with shift and volunteer counts."""
    return volunteer_rows(make_period(start, end, today), session=session, district=district)[0]


# --------------------------------------------------------------------------- festival reach


def festival_rows(classes: Mapping[int, ClassInfo], days: Mapping[int, ClassDays],
                  held: Iterable[Held]) -> pd.DataFrame:
    """Festival reach (``FESTIVAL_COLUMNS``) from loaded inputs."""
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
    classes = load_classes(session=session, district=district)
    return festival_rows(classes, load_class_days(period, classes, session=session),
                         held_occurrences(period, session=session, district=district))
