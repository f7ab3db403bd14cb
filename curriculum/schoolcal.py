"""School calendar: which days of a term are school days, and why the others are not.

A school day is a Monday–Friday, minus the official public holidays (including
the rest days the State Council moves around, 调休放假), plus the official
make-up working days on a Saturday or Sunday (调休上班) — all taken from the
``holidays`` package (``holidays.China``), never from a table of our own —
then minus the school's own closures and plus the school's own make-up days.

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
  tests replace it to treat a year as unpublished, so they do not depend on
  which notices the installed ``holidays`` release happens to carry.
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
missing, Monday's timetable is used. A school's own make-up day says its
timetable explicitly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

import holidays

from curriculum.errors import DomainError
from curriculum.vocab import DAY_STATUSES as STATUSES
from curriculum.vocab import WEEKDAY_LABELS

# Label the package gives a moved rest day ("休息日（由 2026-09-20 调休）"); used
# only to recognise such days, the pairing itself comes from special_public_holidays.
_SUBSTITUTED_PREFIX = "休息日"
_OBSERVED_SUFFIX = "（补假）"
_FALLBACK_TIMETABLE = 0  # Monday, when the package does not pair a make-up day


class CalendarError(DomainError):
    """A school's closure or make-up day does not fit the calendar (Chinese message)."""


@dataclass(frozen=True)
class Closure:
    """The school's own closure, ``start``..``end`` inclusive (exams, sports meet …)."""

    start: date
    end: date
    reason: str


@dataclass(frozen=True)
class MakeupDay:
    """The school's own make-up day, following the timetable of ``timetable_weekday`` (0 = Mon … 4 = Fri)."""

    date: date
    timetable_weekday: int
    reason: str


@dataclass(frozen=True)
class SchoolDay:
    """A day with lessons; ``timetable_weekday`` is the weekday timetable it runs (0 = Mon … 4 = Fri)."""

    date: date
    timetable_weekday: int
    makeup: bool
    note: str  # "" on an ordinary day, e.g. "调休上班（国庆节）" or "学校补课：运动会"


@dataclass(frozen=True)
class SkippedDay:
    """A day that would have had lessons but does not: "国庆节", "春节（调休放假）", "学校停课：期中考试"."""

    date: date
    reason: str


@dataclass(frozen=True)
class DayStatus:
    """One calendar day of the term for the month view."""

    date: date
    status: str  # a key of STATUSES
    label: str  # STATUSES[status]
    detail: str  # holiday name, make-up note, closure reason …


@dataclass
class TermCalendar:
    """A term's school days and the weekdays without lessons, with Chinese notices."""

    start: date
    end: date
    days: list[SchoolDay]
    skipped: list[SkippedDay]
    notes: list[str]
    # Every official day off in the term, weekends included (for the month view).
    holidays: dict[date, str] = field(default_factory=dict)
    closures: list[Closure] = field(default_factory=list)

    @property
    def school_dates(self) -> list[date]:
        return [d.date for d in self.days]

    def day_on(self, day: date) -> SchoolDay | None:
        return next((d for d in self.days if d.date == day), None)

    def statuses(self) -> list[DayStatus]:
        """Every calendar day start..end with its status (上课/周末/节假日/调休上班/停课)."""
        school = {d.date: d for d in self.days}
        closed = {s.date: s.reason for s in self.skipped if s.reason.startswith("学校停课")}
        result: list[DayStatus] = []
        for day in _date_range(self.start, self.end):
            if day in school:
                sd = school[day]
                key = "makeup" if sd.makeup else "school"
                detail = sd.note or WEEKDAY_LABELS[day.weekday()]
            elif day in closed:
                key, detail = "closure", closed[day]
            elif any(c.start <= day <= c.end for c in self.closures) and day.weekday() < 5:
                key, detail = "closure", _closure_reason(self.closures, day)
            elif day in self.holidays:
                key, detail = "holiday", self.holidays[day]
            elif day.weekday() >= 5:
                key, detail = "weekend", WEEKDAY_LABELS[day.weekday()]
            else:  # a weekday neither school nor holiday: listed in skipped
                key = "holiday"
                detail = next((s.reason for s in self.skipped if s.date == day), "")
            result.append(DayStatus(day, key, STATUSES[key], detail))
        return result

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able form (``classics calendar days --json``)."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "school_days": [
                {
                    "date": d.date.isoformat(),
                    "timetable_weekday": d.timetable_weekday,
                    "makeup": d.makeup,
                    "note": d.note,
                }
                for d in self.days
            ],
            "skipped": [{"date": s.date.isoformat(), "reason": s.reason} for s in self.skipped],
            "notes": list(self.notes),
        }


_WEEKDAY_CHARS = "一二三四五"


def parse_timetable_weekday(text: str) -> int:
    """A weekday a make-up day follows, as typed by a teacher → 0 (周一) … 4 (周五).

    Accepts 周一…周五, 星期一…星期五, 一…五, and 1…5 counted the Chinese way
    (1 = 周一, as on a timetable). The stored value is 0-based like
    ``date.weekday()``, so ``WEEKDAY_LABELS[result]`` names it back.

    Raises:
        CalendarError: anything else, e.g. 周六 or 0 (Chinese message).
    """
    raw = text.strip()
    bare = raw.removeprefix("星期").removeprefix("周")
    if len(bare) == 1 and bare in _WEEKDAY_CHARS:
        return _WEEKDAY_CHARS.index(bare)
    if bare in {"1", "2", "3", "4", "5"}:
        return int(bare) - 1
    raise CalendarError(f"“{raw}”不是周一到周五之一：请写 周一…周五，或 1…5（1 = 周一）")


def _date_range(start: date, end: date) -> Iterable[date]:
    for n in range((end - start).days + 1):
        yield start + timedelta(days=n)


def _closure_reason(closures: Iterable[Closure], day: date) -> str:
    reasons = [c.reason for c in closures if c.start <= day <= c.end]
    return "学校停课：" + "、".join(reasons)


# --------------------------------------------------------------------------- official data


@lru_cache(maxsize=1)
def _package_published_years() -> frozenset[int]:
    china = holidays.China(language="zh_CN")
    # Years before 2001 are outside what the package checked against the notices.
    return frozenset(y for y in getattr(china, "special_public_holidays", {}) if y >= 2001)


def published_years() -> frozenset[int]:
    """Years whose State Council 放假安排 the installed ``holidays`` data has.

    Every "is this year published?" question goes through this function, so a
    test can ``monkeypatch.setattr(schoolcal, "published_years", ...)`` to make
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
    days_off: dict[date, str] = {}
    for day, name in sorted(china.items()):
        if day.year != year:
            continue
        parts = china.get_list(day)
        if not known:
            # The package lists a published year's moved rest days even with
            # observed=False; a year treated as unpublished gets none of them.
            parts = [p for p in parts if not p.startswith(_SUBSTITUTED_PREFIX)]
            if parts:
                days_off[day] = "、".join(parts)
            continue
        if any(p.startswith(_SUBSTITUTED_PREFIX) for p in parts):
            block = _block_holiday(china, day)
            days_off[day] = f"{block}（调休放假）" if block else "调休放假"
        else:
            days_off[day] = "、".join(parts)
    makeup: dict[date, tuple[int, str]] = {}
    if known:
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
    return _OfficialYear(days_off, makeup)


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


# --------------------------------------------------------------------------- the term


def _validate(
    start: date, end: date, closures: list[Closure], makeup_days: list[MakeupDay], official_school: set[date]
) -> None:
    if end < start:
        raise CalendarError(f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}")
    for c in closures:
        if c.end < c.start:
            raise CalendarError(f"停课“{c.reason}”的结束日期 {c.end.isoformat()} 早于开始日期 {c.start.isoformat()}")
    seen: set[date] = set()
    for m in makeup_days:
        if not 0 <= m.timetable_weekday <= 4:
            raise CalendarError(f"补课日 {m.date.isoformat()} 的课表应为周一到周五之一")
        if not start <= m.date <= end:
            raise CalendarError(
                f"补课日 {m.date.isoformat()} 不在学期内（{start.isoformat()} 至 {end.isoformat()}）"
            )
        if m.date in official_school:
            raise CalendarError(f"{m.date.isoformat()}（{WEEKDAY_LABELS[m.date.weekday()]}）本来就要上课，不能再设为补课日")
        if m.date in seen:
            raise CalendarError(f"补课日 {m.date.isoformat()} 重复")
        seen.add(m.date)


def build_term_calendar(
    start: date,
    end: date,
    *,
    closures: Iterable[Closure] = (),
    makeup_days: Iterable[MakeupDay] = (),
) -> TermCalendar:
    """The school days of the term ``start``..``end`` (inclusive).

    Official holidays and 调休 come from the ``holidays`` package; ``closures``
    remove school days ("学校停课：期中考试"), ``makeup_days`` add them. For a
    year whose official arrangement is not installed, ``notes`` carries a
    Chinese notice and only the statutory holidays are used.

    Raises:
        CalendarError: ``end`` before ``start``, a closure ending before it
            starts, a make-up day outside the term, on a day that already has
            lessons, twice, or with a timetable other than Monday–Friday.
    """
    closures = list(closures)
    makeup_days = list(makeup_days)
    if end < start:
        raise CalendarError(f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}")
    days_off = official_days_off(start, end)
    official_makeup = official_makeup_days(start, end)
    official_school = {
        d for d in _date_range(start, end) if (d.weekday() < 5 and d not in days_off) or d in official_makeup
    }
    _validate(start, end, closures, makeup_days, official_school)
    school_makeup = {m.date: m for m in makeup_days}

    days: list[SchoolDay] = []
    skipped: list[SkippedDay] = []
    for day in _date_range(start, end):
        closed = [c for c in closures if c.start <= day <= c.end]
        if day in school_makeup:
            m = school_makeup[day]
            if closed:  # the school's closure wins over its own make-up day
                skipped.append(SkippedDay(day, _closure_reason(closures, day)))
                continue
            note = f"学校补课：{m.reason}" if m.reason else "学校补课"
            days.append(SchoolDay(day, m.timetable_weekday, True, note))
        elif day in official_school:
            if closed:
                skipped.append(SkippedDay(day, _closure_reason(closures, day)))
            elif day in official_makeup:
                timetable, holiday = official_makeup[day]
                days.append(SchoolDay(day, timetable, True, f"调休上班（{holiday}）" if holiday else "调休上班"))
            else:
                days.append(SchoolDay(day, day.weekday(), False, ""))
        elif day.weekday() < 5:
            skipped.append(SkippedDay(day, days_off.get(day, "放假")))

    notes = [missing_arrangement_note(y) for y in range(start.year, end.year + 1) if not official_arrangement_known(y)]
    return TermCalendar(start, end, days, skipped, notes, holidays=days_off, closures=closures)


def is_school_day(
    day: date, *, closures: Iterable[Closure] = (), makeup_days: Iterable[MakeupDay] = ()
) -> bool:
    """Whether ``day`` has lessons (official calendar, then the school's closures and make-up days)."""
    closures = list(closures)
    if any(c.start <= day <= c.end for c in closures):
        return False
    if any(m.date == day for m in makeup_days):
        return True
    if day in official_makeup_days(day, day):
        return True
    return day.weekday() < 5 and day not in official_days_off(day, day)


# --------------------------------------------------------------------------- default terms


class TermDates(NamedTuple):
    """A suggested term: unpack as ``start, end, name = default_term_dates(today)``."""

    start: date
    end: date
    name: str


def _friday_on_or_before(day: date) -> date:
    return day - timedelta(days=(day.weekday() - 4) % 7)


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(0 - day.weekday()) % 7)


def _spring_festival(year: int) -> date:
    from curriculum.lunar_adapter import lunar_to_solar

    return lunar_to_solar(year, 1, 1)


def _autumn_term(year: int) -> TermDates:
    # Winter break starts a week before 春节 at the latest, and not after 1/24.
    last = min(date(year + 1, 1, 24), _spring_festival(year + 1) - timedelta(days=7))
    return TermDates(date(year, 9, 1), _friday_on_or_before(last), f"{year}–{year + 1} 学年第一学期")


def _spring_term(year: int) -> TermDates:
    # School resumes after the 春节 holiday week is well over, and not before 2/20.
    first = max(date(year + 1, 2, 20), _spring_festival(year + 1) + timedelta(days=10))
    return TermDates(
        _monday_on_or_after(first),
        _friday_on_or_before(date(year + 1, 7, 7)),  # the first Friday of July
        f"{year}–{year + 1} 学年第二学期",
    )


def default_term_dates(today: date) -> TermDates:
    """The term a teacher most likely means on ``today``: the current one, or the next one in a break.

    A suggestion for the 新建学期 form (the school's real dates come from its
    own bureau and can be typed over). School year ``Y``–``Y+1``:

    * 第一学期 (autumn): 9/1 of ``Y`` to the Friday on or before the earlier of
      1/24 and one week before 春节 of ``Y+1``.
    * 第二学期 (spring): the Monday on or after the later of 2/20 and ten days
      after 春节 of ``Y+1``, to the first Friday of July of ``Y+1``.

    On a day after a term's end and before the next start (summer or winter
    break) the next term is returned. 春节 comes from the lunar adapter.
    """
    # This year's autumn term ends next January, so the search always finds one.
    candidates = (_autumn_term(today.year - 1), _spring_term(today.year - 1), _autumn_term(today.year))
    return next(term for term in candidates if today <= term.end)


def started_term(today: date) -> TermDates:
    """The latest term that has begun by ``today``: the one in progress, or in a break the one just ended.

    Demo data needs a term with a past; ``default_term_dates`` would give the
    coming term during the summer or winter break.
    """
    candidates = (_autumn_term(today.year - 1), _spring_term(today.year - 1), _autumn_term(today.year))
    return max((term for term in candidates if term.start <= today), key=lambda term: term.start)


def school_year_bounds(today: date) -> tuple[date, date]:
    """The school year ``today`` is in: 1 September to 31 August (dashboards' default range)."""
    year = today.year if today.month >= 9 else today.year - 1
    return date(year, 9, 1), date(year + 1, 8, 31)


# --------------------------------------------------------------------------- display rows


def summary(cal: TermCalendar) -> dict[str, int]:
    """Counts shown above the calendar: 上课日, 放假（工作日）, 调休/补课上课, 学校停课."""
    closed = sum(1 for s in cal.skipped if s.reason.startswith("学校停课"))
    return {
        "上课日": len(cal.days),
        "放假（工作日）": len(cal.skipped) - closed,
        "调休/补课上课": sum(1 for d in cal.days if d.makeup),
        "学校停课": closed,
    }


def skipped_rows(cal: TermCalendar, *, closures: bool | None = None) -> list[dict[str, str]]:
    """Weekdays without lessons as table rows; ``closures`` True/False keeps only / drops school closures."""
    rows = []
    for s in cal.skipped:
        is_closure = s.reason.startswith("学校停课")
        if closures is not None and closures != is_closure:
            continue
        rows.append({"日期": s.date.isoformat(), "星期": WEEKDAY_LABELS[s.date.weekday()], "原因": s.reason})
    return rows


def makeup_rows(cal: TermCalendar) -> list[dict[str, str]]:
    """Official 调休上班 days and the school's make-up days, with the timetable each follows."""
    return [
        {
            "日期": d.date.isoformat(),
            "星期": WEEKDAY_LABELS[d.date.weekday()],
            "按课表": WEEKDAY_LABELS[d.timetable_weekday],
            "说明": d.note,
        }
        for d in cal.days
        if d.makeup
    ]


def festival_rows(cal: TermCalendar, titles: dict[str, str] | None = None) -> list[dict[str, str]]:
    """The festivals in the term, each with its theme, texts and whether it is a school day.

    ``titles`` maps catalog ids to titles (texts are shown as 《title》 when known).
    """
    from curriculum.festivals import FestivalRangeError, festivals_between

    try:
        found = festivals_between(cal.start, cal.end)
    except FestivalRangeError:
        return []
    school = set(cal.school_dates)
    return [
        {
            "日期": f.date.isoformat(),
            "星期": WEEKDAY_LABELS[f.date.weekday()],
            "节日": f.name,
            "诵读主题": f.theme,
            "推荐篇目": "、".join(f"《{titles[t]}》" if titles and t in titles else t for t in f.texts),
            "当天上课": "是" if f.date in school else "否",
        }
        for f in found
    ]
