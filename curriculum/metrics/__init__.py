"""The education bureau's dashboard numbers (数据看板), computed from the database for a date range.

Everything here is a pure read: functions take ``start``/``end`` (inclusive
dates), ``*, session`` and optional ``district`` and ``today``, and return
pandas DataFrames (English column names, for charts and JSON) or dataclasses.
The package follows the programme's own structure, one module per job:

* ``period`` — the range asked for and the part that has happened
  (``Period.through`` = ``min(end, today − 1)``, so a half-finished today never
  lowers a rate); ``MetricsError``.
* ``classes`` — classes (filtered by their school's district) and their school
  days: plan days not marked lost (a bumped day keeps a ``cancelled`` marker,
  left out of the denominator and reported as ``lost_days``).
* ``compliance`` — daily 30 minutes (每日诵读半小时): by class, pooled per
  stage or school, and by ISO week.
* ``activities`` — community occurrences held (non-cancelled, confirmed
  events), training and online counts (city-wide, never filtered by
  district: ``CITYWIDE_INTEGRATIONS``); the six integrations (六个融合),
  spheres, volunteer hours (served shifts only) and festival reach.
* ``coverage`` — four connections (四个打通): minutes per content category ×
  stage, planned and read.
* ``dashboard`` — ``build_dashboard``: every number above in one pass, and the
  headline ``DashboardKpis``; ``district_options`` for the page's filter.
* ``views`` — Chinese labels and display tables (``format_rate``,
  ``display_frame``, ``KPI_LABELS``).

Callers use this package's names (``metrics.build_dashboard``,
``metrics.school_year_bounds`` …); the modules are the implementation map.
"""

from curriculum.metrics.activities import (
    ACTIVITY_MEASURES,
    CITYWIDE_INTEGRATIONS,
    FESTIVAL_COLUMNS,
    INTEGRATION_COLUMNS,
    NO_DISTRICT_LABEL,
    PARTICIPANT_MEASURES,
    SPHERE_COLUMNS,
    VOLUNTEER_COLUMNS,
    festival_reach_frame,
    integration_frame,
    sphere_frame,
    volunteer_hours_frame,
)
from curriculum.metrics.classes import DAILY_MINUTES, NO_SCHOOL_LABEL
from curriculum.metrics.compliance import (
    COMPLIANCE_COLUMNS,
    GROUP_BY_LABELS,
    WEEKLY_COLUMNS,
    compliance_by_class,
    compliance_summary,
    compliance_weekly,
)
from curriculum.metrics.coverage import (
    COVERAGE_COLUMNS,
    OTHER_CATEGORY,
    OTHER_CATEGORY_LABEL,
    categories_of,
    coverage_frame,
)
from curriculum.metrics.dashboard import Dashboard, DashboardKpis, build_dashboard, dashboard_kpis, district_options
from curriculum.metrics.period import MetricsError, Period, make_period, school_year_bounds, week_start
from curriculum.metrics.views import DISPLAY_COLUMNS, KPI_LABELS, display_frame, format_rate

__all__ = [
    "ACTIVITY_MEASURES",
    "CITYWIDE_INTEGRATIONS",
    "COMPLIANCE_COLUMNS",
    "COVERAGE_COLUMNS",
    "DAILY_MINUTES",
    "DISPLAY_COLUMNS",
    "FESTIVAL_COLUMNS",
    "GROUP_BY_LABELS",
    "INTEGRATION_COLUMNS",
    "KPI_LABELS",
    "NO_DISTRICT_LABEL",
    "NO_SCHOOL_LABEL",
    "OTHER_CATEGORY",
    "OTHER_CATEGORY_LABEL",
    "PARTICIPANT_MEASURES",
    "SPHERE_COLUMNS",
    "VOLUNTEER_COLUMNS",
    "WEEKLY_COLUMNS",
    "Dashboard",
    "DashboardKpis",
    "MetricsError",
    "Period",
    "build_dashboard",
    "categories_of",
    "compliance_by_class",
    "compliance_summary",
    "compliance_weekly",
    "coverage_frame",
    "dashboard_kpis",
    "display_frame",
    "district_options",
    "festival_reach_frame",
    "format_rate",
    "integration_frame",
    "make_period",
    "school_year_bounds",
    "sphere_frame",
    "volunteer_hours_frame",
    "week_start",
]
