"""Reviewing a text's pinyin: every polyphonic character, its chosen reading and what chose it.

``classics pinyin review TEXT`` walks a whole text so a reviewer can check
each 多音字 in context instead of hunting for them: a character counts as
polyphonic when pypinyin's heteronym list for it has more than one reading.
For each occurrence the review gives the section, the passage, the context,
the reading the reader shows and whether a curated rule of
``data/pinyin_readings.yaml`` (phrase or position) or pypinyin's default chose
it — the defaults are the places a wrong reading hides.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pypinyin import Style, pinyin

from curriculum.catalog.schema import TextEntry
from curriculum.pinyin import annotate_with_decisions, is_classical, is_hanzi

CONTEXT = 6  # characters shown on each side of the reviewed one

#: How the review names what chose a reading (CLI and JSON).
CHOSEN_BY = {"rule": "规则", "position": "位置规则", "default": "pypinyin 默认"}


@lru_cache(maxsize=4096)
def heteronyms(char: str) -> tuple[str, ...]:
    """pypinyin's readings of one character (tone marks), most common first."""
    return tuple(pinyin(char, style=Style.TONE, heteronym=True)[0]) if is_hanzi(char) else ()


def is_polyphonic(char: str) -> bool:
    return len(heteronyms(char)) > 1


@dataclass(frozen=True)
class ReviewItem:
    """One occurrence of a polyphonic character in a text."""

    text_id: str
    section: str
    passage_index: int  # 0-based, over TextEntry.passages (as in position rules)
    offset: int  # 0-based, in the passage string
    char: str
    reading: str
    readings: tuple[str, ...]  # pypinyin's heteronyms
    chosen_by: str  # "rule" | "position" | "default"
    rule: str  # the phrase (or position) that decided, "" for pypinyin's default
    reason: str  # the rule's reason category (通假 …), if it has one
    context: str  # the passage around the character, the character in 【】

    def as_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["readings"] = list(self.readings)
        return data


def _context(passage: str, offset: int) -> str:
    start, end = max(0, offset - CONTEXT), min(len(passage), offset + CONTEXT + 1)
    before = ("…" if start else "") + passage[start:offset]
    after = passage[offset + 1 : end] + ("…" if end < len(passage) else "")
    return f"{before}【{passage[offset]}】{after}"


def _sections(entry: TextEntry) -> Iterator[tuple[str, int, str]]:
    """(section title, global passage index, passage) in reading order."""
    index = 0
    for section in entry.sections:
        for passage in section.passages:
            yield section.title, index, passage
            index += 1


def review_text(entry: TextEntry, *, only_default: bool = False) -> list[ReviewItem]:
    """Every polyphonic character of ``entry`` with the reading the reader shows and what chose it."""
    classical = is_classical(entry)
    items: list[ReviewItem] = []
    for title, index, passage in _sections(entry):
        decided = annotate_with_decisions(passage, text_id=entry.id, passage_index=index, classical=classical)
        for offset, (char, reading, decision) in enumerate(decided):
            if not is_polyphonic(char):
                continue
            if only_default and decision.kind != "default":
                continue
            if decision.position:
                rule = f"{decision.position.text} 第 {decision.position.passage} 段第 {decision.position.offset} 字"
            else:
                rule = decision.phrase.phrase if decision.phrase else ""
            reason = decision.phrase.reason if decision.phrase else ""
            items.append(
                ReviewItem(entry.id, title, index, offset, char, reading, heteronyms(char), decision.kind, rule,
                           reason, _context(passage, offset))
            )
    return items


@dataclass(frozen=True)
class ReviewSummary:
    total: int
    by_rule: int
    by_position: int
    by_default: int
    characters: int  # distinct polyphonic characters


def summarise(items: list[ReviewItem]) -> ReviewSummary:
    kinds = [i.chosen_by for i in items]
    return ReviewSummary(
        len(items), kinds.count("rule"), kinds.count("position"), kinds.count("default"), len({i.char for i in items})
    )


__all__ = ["CHOSEN_BY", "ReviewItem", "ReviewSummary", "heteronyms", "is_polyphonic", "review_text", "summarise"]
