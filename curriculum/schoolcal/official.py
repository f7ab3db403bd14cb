"""Official days off and 调休 working days, read from the ``holidays`` package (``holidays.China``).

How the package is used (holidays 0.108):

* ``holidays.China(years=Y, language="zh_CN")`` holds the days off of year Y:
  the statutory holidays, the observed days (补假) and the moved rest days
  (labelled "休息日（由 YYYY-MM-DD 调休）").
* ``China.weekend_workdays`` (public attribute) is the set of Saturdays/Sundays
  that are working days, and ``is_working_day`` honours it.
* ``China.special_public_holidays[Y]`` lists the year's moves as
  ``(to_month, to_day, from_month, from_day[, from_year])``: the day off and
  the weekend day worked for it. A year is in that mapping only once the
  package has the State Council's notice for it — that is how
  ``published_years()`` (and so ``official_arrangement_known``) tells a
  published year from a future one. ``published_years`` is the single seam:
  tests replace it (``monkeypatch.setattr(schoolcal.official, "published_years", ...)``)
  to treat a year as unpublished, so they do not depend on which notices the
  installed ``holidays`` release happens to carry.
* For a year without the notice we build ``holidays.China(observed=False)``
  and drop any moved rest day it may still list: the statutory holidays alone
  (no guessed 补假 or 调休), and ``TermCalendar.notes`` says so in Chinese.

Only the ``public`` category is used. The package's ``half_day`` category
(妇女节, 五四青年节, 六一儿童节, 建军节 — half days off for particular groups)
is not applied: whether a school gives 六一 afternoon off is the school's own
decision, recorded as a closure.

Which timetable an official make-up day follows: the weekday of the day off it
pays for (2026-09-20, a Sunday, is worked for Tuesday 2026-10-06, so it runs
the Tuesday timetable) — that is how the notices pair the days and how schools
usually announce it ("9月20日（周日）上10月6日（周二）的课"). If the pairing is
missing, Monday's timetable is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

# Label the package gives a moved rest day ("休息日（由 2026-09-20 调休）"); used
# only to recognise such days, the pairing itself comes from special_public_holidays.
_SUBSTITUTED_PREFIX = "休息日"
_OBSERVED_SUFFIX = "（补假）"
_FALLBACK_TIMETABLE = 0  # Monday, when the package does not pair a make-up day


@lru_cache(maxsize=1)
def _package_published_years() -> frozenset[int]:
    china = holidays.China(language="zh_CN")
    # Years before 2001 are outside what the package checked against the notices.
    return frozenset(y for y in getattr(china, "special_public_holidays", {}) if y >= 2001)


def published_years() -> frozenset[int]:
    """Years whose State Council 放假安排 the installed ``holidays`` data has.

    Every "is this year published?" question goes through this function, so a
    test can ``monkeypatch.setattr(schoolcal.official, "published_years", ...)`` to make
    any year unpublished (or published) whatever the installed release holds.
    """
    return _package_published_years()


def official_arrangement_known(year: int) -> bool:
    """Whether the installed ``holidays`` data has the State Council's 放假安排 for ``year``."""
    return year in published_years()


def missing_arrangement_note(year: int) -> str:
    return f"{year} 年的国务院放假安排尚未收录，仅按法定节假日计算（调休以官方公布为准）"


@dataclass(frozen=True)
class _OfficialYear:
    """One year's official data: days off (any weekday) and make-up working days."""

    days_off: dict[date, str]
    # make-up weekend workday → (timetable weekday, holiday it belongs to)
    makeup: dict[date, tuple[int, str]]


def _clean_name(names: list[str]) -> list[str]:
    result: list[str] = []
    for name in names:
        if name.startswith(_SUBSTITUTED_PREFIX):
            continue
        base = name.removesuffix(_OBSERVED_SUFFIX)
        if base not in result:
            result.append(base)
    return result


def _block_holiday(china: holidays.HolidayBase, day: date) -> str:
    """Name of the statutory holiday in the run of days off around ``day`` ("国庆节", "国庆节、中秋节")."""
    first_seen: dict[str, date] = {}
    for step in (-1, 1):
        current = day
        while not china.is_working_day(current):
            for name in _clean_name(china.get_list(current)):
                first_seen[name] = min(first_seen.get(name, current), current)
            current += timedelta(days=step)
    names = sorted(first_seen, key=first_seen.__getitem__)
    # 除夕 is part of 春节 in the notices ("春节：…放假调休").
    if "农历除夕" in names and "春节" in names:
        names.remove("农历除夕")
    return "、".join(names)


def _official_year(year: int) -> _OfficialYear:
    # Whether the year is published is asked on every call (not cached with the
    # data), so replacing ``published_years`` takes effect at once.
    return _official_year_data(year, official_arrangement_known(year))


@lru_cache(maxsize=128)
def _official_year_data(year: int, known: bool) -> _OfficialYear:
    # Statutory days alone when the notice is missing: no guessed 补假 / 调休.
    years = [year - 1, year, year + 1] if known else [year]
    china = holidays.China(years=years, language="zh_CN", observed=known)
    days_off = {day: reason for day in sorted(china) if day.year == year
                for reason in [_day_off_reason(china, day, known)] if reason}
    return _OfficialYear(days_off, _makeup_days(china, year) if known else {})


def _day_off_reason(china: holidays.HolidayBase, day: date, known: bool) -> str:
    """Why ``day`` is off: its holidays, or for a moved rest day the holiday block it belongs to."""
    parts = china.get_list(day)
    if not known:
        # The package lists a published year's moved rest days even with
        # observed=False; a year treated as unpublished gets none of them.
        return "、".join(p for p in parts if not p.startswith(_SUBSTITUTED_PREFIX))
    if any(p.startswith(_SUBSTITUTED_PREFIX) for p in parts):
        block = _block_holiday(china, day)
        return f"{block}（调休放假）" if block else "调休放假"
    return "、".join(parts)


def _makeup_days(china: holidays.HolidayBase, year: int) -> dict[date, tuple[int, str]]:
    """The year's weekend working days → (timetable weekday of the day off paid for, holiday name)."""
    makeup: dict[date, tuple[int, str]] = {}
    for entry in getattr(china, "special_public_holidays", {}).get(year, ()):
        if not isinstance(entry, tuple) or len(entry) < 4:
            continue  # a one-off holiday, not a move
        to_month, to_day, from_month, from_day, *rest = entry
        worked = date(rest[0] if rest else year, from_month, from_day)
        day_off = date(year, to_month, to_day)
        if worked.weekday() < 5 or not china.is_working_day(worked):
            continue  # a move between two weekdays, no weekend work involved
        timetable = day_off.weekday() if day_off.weekday() < 5 else _FALLBACK_TIMETABLE
        makeup[worked] = (timetable, _block_holiday(china, day_off))
    return makeup


def official_days_off(start: date, end: date) -> dict[date, str]:
    """Official days off ``start``..``end`` (weekends included when they are holidays) → reason."""
    result: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        result.update({d: r for d, r in _official_year(year).days_off.items() if start <= d <= end})
    return result


def official_makeup_days(start: date, end: date) -> dict[date, tuple[int, str]]:
    """Official weekend working days ``start``..``end`` → (timetable weekday, holiday name)."""
    result: dict[date, tuple[int, str]] = {}
    # A make-up day can belong to next year's notice (e.g. a late-December Sunday worked for 元旦).
    for year in range(start.year, end.year + 2):
        result.update({d: v for d, v in _official_year(year).makeup.items() if start <= d <= end})
    return result


