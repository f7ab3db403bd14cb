"""Everything at once: the headline numbers (KPIs) and every table of the 数据看板, in one pass over the database.

``build_dashboard`` is what the page and the CLI call: it loads classes,
school days and held activities once and builds every table from them, so the
numbers of the KPIs and of the tables always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from curriculum.metrics.activities import (
    festival_rows,
    held_occurrences,
    integration_rows,
    online_counts,
    sphere_rows,
    training_counts,
    volunteer_rows,
)
from curriculum.metrics.classes import load_class_days, load_classes
from curriculum.metrics.compliance import compliance_rows, group_columns, weekly_rows
from curriculum.metrics.coverage import coverage_rows
from curriculum.metrics.period import make_period, rate
from curriculum.models.calendar import School
from curriculum.models.community import CommunityEvent, ReadingPoint


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


@dataclass(frozen=True)
class Dashboard:
    """The KPIs and every table of the dashboard for one range and district."""

    kpis: DashboardKpis
    integrations: pd.DataFrame
    coverage: pd.DataFrame
    spheres: pd.DataFrame
    compliance: pd.DataFrame
    weekly: pd.DataFrame
    volunteer_hours: pd.DataFrame
    festivals: pd.DataFrame


def _column_total(df: pd.DataFrame, column: str) -> int:
    return int(df[column].sum()) if len(df) else 0


def build_dashboard(start: dt.date, end: dt.date, *, session: Session, categories: Mapping[str, str] | None = None,
                    district: str | None = None, today: dt.date | None = None,
                    weekly_by: str = "stage") -> Dashboard:
    """All dashboard numbers in one pass over the database (what the page and the CLI call)."""
    period = make_period(start, end, today)
    group_columns(weekly_by)  # refuse an unknown grouping before any query runs
    district = district or None
    classes = load_classes(session=session, district=district)
    days = load_class_days(period, classes, session=session)
    held = held_occurrences(period, session=session, district=district)
    training = training_counts(period, session=session)
    online = online_counts(period, session=session)
    volunteers, hours, people = volunteer_rows(period, session=session, district=district)
    compliance = compliance_rows(classes, days)
    festivals = festival_rows(classes, days, held)
    school_days = _column_total(compliance, "school_days")
    compliant = _column_total(compliance, "compliant_days")
    kpis = DashboardKpis(
        start=period.start, end=period.end, through=period.through, district=district,
        classes=len(classes), school_days=school_days, compliant_days=compliant,
        compliance_rate=rate(compliant, school_days),
        class_sessions_done=sum(d.done_sessions for d in days.values()),
        community_activities=len(held), community_attendance=sum(h.attendance for h in held),
        volunteer_hours=hours, volunteers=people,
        festival_events=_column_total(festivals, "events"),
        festival_attendance=_column_total(festivals, "attendance"),
        training_sessions=training[0], training_attendance=training[1],
        online_items=online[0], online_views=online[1],
    )
    return Dashboard(
        kpis=kpis,
        integrations=integration_rows(classes, days, held, training, online),
        coverage=coverage_rows(period, classes, categories or {}, session=session),
        spheres=sphere_rows(classes, days, held),
        compliance=compliance,
        weekly=weekly_rows(classes, days, weekly_by),
        volunteer_hours=volunteers,
        festivals=festivals,
    )


def dashboard_kpis(start: dt.date, end: dt.date, *, session: Session, district: str | None = None,
                   today: dt.date | None = None) -> DashboardKpis:
    """Only the headline numbers."""
    return build_dashboard(start, end, session=session, district=district, today=today).kpis


def district_options(*, session: Session) -> list[str]:
    """Districts that occur in the data (schools, reading points, events), sorted; empty if none."""
    found: set[str] = set()
    for column in (School.district, ReadingPoint.district, CommunityEvent.district):
        found.update(d for (d,) in session.execute(select(column).distinct()) if d)
    return sorted(found)
