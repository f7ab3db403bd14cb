"""The planner's plain data: passages, slots, planned sessions and items, results (pure, no database).

The engine builds these; the store turns them into rows and back; exports and
views read them. ``text_passages`` numbers a catalog text's passages once
(1-based over the whole text) and caches the list per catalog entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from curriculum.catalog.schema import Catalog, TextEntry, count_characters


class FestivalLike(Protocol):
    key: str
    name: str
    texts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Passage:
    text_id: str
    section: str
    index: int  # 1-based over the whole text
    chars: int


@dataclass(slots=True)
class PlannedItem:  # not frozen: a full-year plan builds thousands and frozen __init__ is slow
    kind: str
    minutes: int
    label: str = ""
    text_id: str | None = None
    section: str | None = None
    passage_start: int | None = None
    passage_end: int | None = None

    @property
    def group_key(self) -> tuple[str, int] | None:
        if self.text_id is None or self.passage_start is None:
            return None
        return (self.text_id, self.passage_start)


@dataclass(frozen=True, slots=True)
class FixedSession:
    """A session the engine must keep as it is (done or locked)."""

    items: tuple[PlannedItem, ...]
    minutes: int
    done: bool = False
    pass_rate: float | None = None
    festival_key: str | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    """A place for one session: a date and a slot number (0 = the day's regular session)."""

    date: date
    slot: int = 0
    fixed: FixedSession | None = None
    # The weekday whose timetable the day runs (0 = Mon … 4 = Fri); ``None`` = its calendar weekday.
    timetable_weekday: int | None = None


@dataclass(slots=True)
class PlannedSession:
    date: date
    minutes: int
    items: list[PlannedItem]
    slot: int = 0
    festival_key: str | None = None
    festival_name: str | None = None
    pattern: str | None = None
    fixed: bool = False

    @property
    def total_minutes(self) -> int:
        return sum(i.minutes for i in self.items)


@dataclass(frozen=True, slots=True)
class PassageRange:
    """Consecutive passages of one section (used for what did not fit the term)."""

    text_id: str
    section: str
    passage_start: int
    passage_end: int


@dataclass
class PlanResult:
    sessions: list[PlannedSession]
    unscheduled: list[PassageRange]
    notes: list[str] = field(default_factory=list)


# Passage lists are rebuilt for every plan otherwise; the entry is kept in the
# value so its id() cannot be reused while cached.
_PASSAGE_CACHE: dict[int, tuple[TextEntry, tuple[Passage, ...]]] = {}


def text_passages(entry: TextEntry) -> tuple[Passage, ...]:
    cached = _PASSAGE_CACHE.get(id(entry))
    if cached is not None and cached[0] is entry:
        return cached[1]
    out: list[Passage] = []
    index = 0
    for section in entry.sections:
        for passage in section.passages:
            index += 1
            out.append(Passage(entry.id, section.title, index, count_characters(passage)))
    result = tuple(out)
    _PASSAGE_CACHE[id(entry)] = (entry, result)
    return result


def passage_text(catalog: Catalog, item: PlannedItem | Any) -> str:
    """The catalog text an item covers (its passages joined by newlines), or ``""``."""
    if not item.text_id or item.passage_start is None or item.text_id not in catalog:
        return ""
    passages = catalog.get(item.text_id).passages
    end = item.passage_end or item.passage_start
    return "\n".join(passages[item.passage_start - 1 : end])


def passage_ranges(passages: list[Passage]) -> list[PassageRange]:
    """Consecutive passages of one section merged into ranges, in order."""
    out: list[PassageRange] = []
    for p in passages:
        last = out[-1] if out else None
        if last and last.text_id == p.text_id and last.section == p.section and last.passage_end + 1 == p.index:
            out[-1] = PassageRange(last.text_id, last.section, last.passage_start, p.index)
        else:
            out.append(PassageRange(p.text_id, p.section, p.index, p.index))
    return out
