"""The programme's clock: "now" and "today" in the programme's time zone.

Schools and reading points live on Beijing time (``Settings.timezone``,
Asia/Shanghai); the server may not (it is UTC here). Every "today" — the
dashboard's cut-off, a plan's default day, the reminder list — must come from
here, never from ``date.today()``, or the app is a day behind from 00:00 to
08:00 Beijing time.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from curriculum.settings import get_settings


def local_tz() -> ZoneInfo:
    """The programme's time zone (Asia/Shanghai unless configured otherwise)."""
    return ZoneInfo(get_settings().timezone)


def local_now() -> datetime:
    """Now as naive local wall-clock time, to the second."""
    return datetime.now(local_tz()).replace(tzinfo=None, microsecond=0)


def local_today() -> date:
    """Today's date where the programme runs."""
    return datetime.now(local_tz()).date()


def wall_clock(day: date, at: time) -> datetime:
    """The naive local datetime of ``at`` on ``day`` (forms give date and time separately)."""
    return datetime.combine(day, at.replace(second=0, microsecond=0, tzinfo=None))
