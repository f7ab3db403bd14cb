"""The one module that talks to ``lunar-python``.

Everything else in the project asks this adapter for Gregorian dates of lunar
dates and solar terms, so swapping the lunar library touches one file. The
adapter speaks plain ``datetime.date`` and Chinese solar-term names.

Lunar years here are the traditional ones: lunar year ``Y`` starts on 春节
(正月初一) of Gregorian year ``Y`` and ends on the 除夕 of Gregorian ``Y + 1``.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from lunar_python import Lunar, LunarMonth, Solar

from curriculum.errors import DomainError

# The 24 solar terms in the order of the year, as lunar-python names them.
SOLAR_TERMS: tuple[str, ...] = (
    "小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨",
    "立夏", "小满", "芒种", "夏至", "小暑", "大暑", "立秋", "处暑",
    "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至",
)


class LunarError(DomainError):
    """A lunar date that does not exist (e.g. 腊月三十 in a year whose 腊月 has 29 days)."""


def _to_date(solar: Solar) -> date:
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def lunar_month_length(lunar_year: int, month: int) -> int:
    """Days (29 or 30) in the ordinary (non-leap) lunar ``month`` of ``lunar_year``."""
    return LunarMonth.fromYm(lunar_year, month).getDayCount()


def lunar_to_solar(lunar_year: int, month: int, day: int) -> date:
    """Gregorian date of lunar ``month``/``day`` (ordinary month, never the leap one).

    ``day = -1`` means the last day of that month — 腊月廿九 or 腊月三十,
    whichever the year has — so 除夕 is ``lunar_to_solar(y, 12, -1)``.
    """
    length = lunar_month_length(lunar_year, month)
    if day == -1:
        day = length
    if not 1 <= day <= length:
        raise LunarError(f"农历 {lunar_year} 年 {month} 月只有 {length} 天，没有第 {day} 天")
    return _to_date(Lunar.fromYmd(lunar_year, month, day).getSolar())


@lru_cache(maxsize=512)
def _jieqi_table(lunar_year: int) -> dict[str, date]:
    # lunar-python's table for a lunar year runs from the previous 大雪 to the
    # next 惊蛰; entries outside the year carry upper-case pinyin keys, which we skip.
    table = Lunar.fromYmd(lunar_year, 1, 1).getJieQiTable()
    return {name: _to_date(solar) for name, solar in table.items() if name in SOLAR_TERMS}


def solar_term_date(year: int, name: str) -> date:
    """Gregorian date (China time) of the solar term ``name`` (e.g. "清明", "冬至") in ``year``."""
    if name not in SOLAR_TERMS:
        raise LunarError(f"不认识的节气：{name}（可选：{'、'.join(SOLAR_TERMS)}）")
    # 冬至 of Gregorian year Y sits in lunar year Y + 1's table; every other term in Y's.
    for lunar_year in (year, year + 1):
        found = _jieqi_table(lunar_year).get(name)
        if found is not None and found.year == year:
            return found
    raise LunarError(f"{year} 年找不到节气 {name}")  # pragma: no cover - lunar-python covers 1901–2099


def lunar_label(day: date) -> str:
    """The lunar date in Chinese, e.g. "腊月廿九" (for captions and tooltips)."""
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    return f"{lunar.getMonthInChinese()}月{lunar.getDayInChinese()}"
