"""Festival dates (我们的节日) for any year 1901–2099, with reading themes and texts.

The rules live in ``data/festivals.yaml`` (lunar month/day, solar term or fixed
Gregorian day, theme, suggested catalog texts); this module turns them into
dates. Lunar dates and solar terms come from ``curriculum.lunar_adapter`` — the
only place that imports the lunar library.

Notes on the calendar:

* 除夕 is the *last* day of the lunar year: 腊月三十 when 腊月 has 30 days,
  腊月廿九 when it has 29 (e.g. 2025-01-28). The rule says ``day: -1``.
* 清明 and 冬至 are solar terms (节气), not lunar dates, so their Gregorian date
  moves by a day or so (清明 2026-04-05, 2027-04-05, 2024-04-04).
* Lunar festivals always use the ordinary month, never a leap month of the same number.
* Two festivals can share a day (中秋 and 国庆 in 2020, 中秋 and 教师节 in 2022);
  ``festivals_on`` returns both, ``festival_on`` the first in the data file's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from curriculum.errors import DomainError
from curriculum.lunar_adapter import SOLAR_TERMS, lunar_to_solar, solar_term_date
from curriculum.settings import get_settings
from curriculum.vocab import FESTIVAL_KINDS, FESTIVALS

SUPPORTED_YEARS = range(1901, 2100)

FestivalKind = Literal["lunar", "solar_term", "fixed"]
KINDS: tuple[str, ...] = tuple(FESTIVAL_KINDS)  # the one list lives in curriculum.vocab

_TEXT_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class FestivalRangeError(DomainError):
    """The year is outside the supported range (1901–2099)."""


class FestivalDataError(DomainError):
    """``festivals.yaml`` has a problem; the message names the file, entry and field."""


@dataclass(frozen=True)
class FestivalDay:
    """One festival on one date."""

    key: str
    name: str
    date: date
    kind: FestivalKind
    theme: str
    texts: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able row (the ``classics festivals --json`` format)."""
        return {
            "key": self.key,
            "name": self.name,
            "date": self.date.isoformat(),
            "kind": self.kind,
            "theme": self.theme,
            "texts": list(self.texts),
        }


@dataclass(frozen=True)
class FestivalRule:
    """How to find a festival's date in a year (one entry of ``festivals.yaml``)."""

    key: str
    name: str
    kind: FestivalKind
    theme: str
    texts: tuple[str, ...]
    month: int = 0  # lunar or Gregorian month (lunar / fixed)
    day: int = 0  # lunar day (-1 = last day of the month) or Gregorian day
    term: str = ""  # solar term name (solar_term)

    def date_in(self, year: int) -> date:
        """The festival's Gregorian date in ``year`` (year already range-checked)."""
        if self.kind == "fixed":
            return date(year, self.month, self.day)
        if self.kind == "solar_term":
            return solar_term_date(year, self.term)
        # A lunar date of lunar year Y falls in Gregorian Y or early Y + 1; the one
        # in Gregorian ``year`` is from lunar year ``year`` or ``year - 1`` (除夕).
        for lunar_year in (year, year - 1):
            found = lunar_to_solar(lunar_year, self.month, self.day)
            if found.year == year:
                return found
        raise FestivalDataError(f"{self.name} 在 {year} 年没有日期")  # pragma: no cover - not for month ≤ 12 rules


def check_year(year: int) -> None:
    """Raise ``FestivalRangeError`` (Chinese message naming the range) for unsupported years."""
    if year not in SUPPORTED_YEARS:
        raise FestivalRangeError(
            f"节日日期只支持 {SUPPORTED_YEARS.start}–{SUPPORTED_YEARS.stop - 1} 年，"
            f"{year} 年不在范围内"
        )


def _int_field(entry: dict, block: str, field: str, lo: int, hi: int, where: str) -> int:
    value = (entry.get(block) or {}).get(field) if isinstance(entry.get(block), dict) else None
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise FestivalDataError(f"{where} 字段 {block}.{field}：应为 {lo} 到 {hi} 之间的整数，实际为 {value!r}")
    return value


def _parse_rule(entry: Any, index: int, display: str) -> FestivalRule:
    if not isinstance(entry, dict):
        raise FestivalDataError(f"{display} 第 {index + 1} 条：应为映射（键: 值）")
    key = entry.get("key")
    where = f"{display} 第 {index + 1} 条（{key}）"
    if key not in FESTIVALS:
        raise FestivalDataError(f"{where} 字段 key：不认识的节日（可选：{', '.join(FESTIVALS)}）")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise FestivalDataError(f"{where} 字段 kind：应为 {' / '.join(KINDS)} 之一，实际为 {kind!r}")
    theme = entry.get("theme")
    if not isinstance(theme, str) or not theme.strip():
        raise FestivalDataError(f"{where} 字段 theme：不能为空")
    texts = entry.get("texts") or []
    if not isinstance(texts, list) or not all(isinstance(t, str) and _TEXT_ID.match(t) for t in texts):
        raise FestivalDataError(f"{where} 字段 texts：应为书目 id 列表（小写字母、数字和下划线）")
    common = dict(key=key, name=FESTIVALS[key], kind=kind, theme=theme.strip(), texts=tuple(texts))
    if kind == "lunar":
        month = _int_field(entry, "lunar", "month", 1, 12, where)
        day = _int_field(entry, "lunar", "day", -1, 30, where)
        if day == 0:
            raise FestivalDataError(f"{where} 字段 lunar.day：应为 1–30 或 -1（月末），实际为 0")
        return FestivalRule(**common, month=month, day=day)
    if kind == "solar_term":
        term = entry.get("term")
        if term not in SOLAR_TERMS:
            raise FestivalDataError(f"{where} 字段 term：不认识的节气 {term!r}")
        return FestivalRule(**common, term=term)
    month = _int_field(entry, "fixed", "month", 1, 12, where)
    day = _int_field(entry, "fixed", "day", 1, 31, where)
    try:
        date(2000, month, day)  # a leap year, so 2/29 passes here and fails per year
    except ValueError:
        raise FestivalDataError(f"{where} 字段 fixed：{month} 月没有 {day} 日") from None
    return FestivalRule(**common, month=month, day=day)


def load_festival_rules(path: str | Path) -> tuple[FestivalRule, ...]:
    """Read and validate the festival rules (order of the file is kept)."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FestivalDataError(f"{path.name}：文件不存在") from None
    except yaml.YAMLError as exc:
        raise FestivalDataError(f"{path.name}：YAML 格式错误：{exc}") from None
    if not isinstance(raw, list):
        raise FestivalDataError(f"{path.name}：应为节日列表")
    rules = tuple(_parse_rule(entry, i, path.name) for i, entry in enumerate(raw))
    seen: set[str] = set()
    for rule in rules:
        if rule.key in seen:
            raise FestivalDataError(f"{path.name}：节日 {rule.key} 重复出现")
        seen.add(rule.key)
    return rules


@lru_cache(maxsize=4)
def _rules_at(path: Path) -> tuple[FestivalRule, ...]:
    return load_festival_rules(path)


def festival_rules() -> tuple[FestivalRule, ...]:
    """The rules in the configured data folder (``Settings.festivals_path``), read once per path."""
    return _rules_at(get_settings().festivals_path)


def _festivals_for_year(year: int) -> tuple[FestivalDay, ...]:
    return _festivals_by_rules(year, festival_rules())


@lru_cache(maxsize=256)
def _festivals_by_rules(year: int, rules: tuple[FestivalRule, ...]) -> tuple[FestivalDay, ...]:
    order = {rule.key: i for i, rule in enumerate(rules)}
    days = [
        FestivalDay(rule.key, rule.name, rule.date_in(year), rule.kind, rule.theme, rule.texts)
        for rule in rules
    ]
    return tuple(sorted(days, key=lambda f: (f.date, order[f.key])))


def festivals_for_year(year: int) -> list[FestivalDay]:
    """Every festival of Gregorian ``year``, sorted by date.

    Raises:
        FestivalRangeError: ``year`` outside 1901–2099.
    """
    check_year(year)
    return list(_festivals_for_year(year))


def festivals_between(start: date, end: date) -> list[FestivalDay]:
    """Festivals with ``start <= date <= end`` (both ends included), sorted by date.

    Raises:
        FestivalRangeError: the range touches a year outside 1901–2099.
    """
    if end < start:
        return []
    result: list[FestivalDay] = []
    for year in range(start.year, end.year + 1):
        result.extend(f for f in festivals_for_year(year) if start <= f.date <= end)
    return result


def festivals_on(day: date) -> list[FestivalDay]:
    """All festivals on ``day`` (usually zero or one)."""
    return [f for f in festivals_for_year(day.year) if f.date == day]


def festival_on(day: date) -> FestivalDay | None:
    """The festival on ``day`` (the first in data-file order when two coincide), or ``None``."""
    found = festivals_on(day)
    return found[0] if found else None


def festival_dates(key: str, years: range | list[int]) -> dict[int, date]:
    """``{year: date}`` of one festival over several years (for charts and tests)."""
    if key not in FESTIVALS:
        raise KeyError(key)
    return {year: next(f.date for f in festivals_for_year(year) if f.key == key) for year in years}
