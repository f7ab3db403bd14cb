"""Reference pinyin and how far ours agrees with it: the accuracy report of ``classics pinyin-accuracy``.

A reference is a chinese-poetry style file (``paragraphs`` + ``spells``),
converted to Simplified, with its own known errors corrected on load from the
list kept beside it (``x.json`` → ``x.corrections.yaml``), so the figure is
measured against readings we have checked, not against the reference's slips.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from curriculum.errors import DomainError
from curriculum.pinyin import Pair, is_hanzi
from curriculum.settings import get_settings


class PinyinReferenceError(DomainError):
    """A reference file or its corrections list that does not fit the text (Chinese message)."""


@dataclass(frozen=True)
class Reference:
    """Reference pinyin: Hanzi (Simplified) and one syllable per Hanzi."""

    title: str
    chars: str
    spells: tuple[str, ...]
    corrected: tuple[str, ...] = ()  # the known errors corrected on load, described ("乃服衣裳 裳 shāng→cháng")


def reference_corrections_path(path: str | Path) -> Path:
    """The list of known errors kept beside a reference file: ``x.json`` → ``x.corrections.yaml``."""
    path = Path(path)
    return path.with_name(f"{path.stem}.corrections.yaml")


def _correct_reference(
    lines: list[list[str]], spells: list[list[str]], entries: Sequence[dict], name: str
) -> list[str]:
    """Apply the known-error list in place; an entry that no longer matches the file is an error."""
    joined = ["".join(line) for line in lines]
    done = []
    for number, entry in enumerate(entries, start=1):
        where = f"{name} 第 {number} 条（{entry.get('line')}）"
        found = [i for i, text in enumerate(joined) if text == entry.get("line")]
        if len(found) != 1 or lines[found[0]].count(entry.get("char")) != 1:
            raise PinyinReferenceError(f"{where}：参考注音中找不到唯一的这一句或这个字")
        row = found[0]
        col = lines[row].index(entry["char"])
        if spells[row][col] != entry.get("from"):
            raise PinyinReferenceError(f"{where}：参考注音为 {spells[row][col]}，不是 {entry.get('from')}")
        spells[row][col] = str(entry["to"])
        lines[row][col] = str(entry.get("to_char") or entry["char"])
        done.append(f"{entry['line']} {entry['char']} {entry['from']}→{lines[row][col]} {entry['to']}")
    return done


def load_reference(path: str | Path | None = None, *, corrected: bool = True) -> Reference:
    """Read a chinese-poetry style file (``paragraphs`` + ``spells`` per line), converted to Simplified.

    With ``corrected`` (the default) the known errors listed beside the file
    (``reference_corrections_path``) are corrected, so agreement is measured
    against right readings, not against mistakes the reference shares with pypinyin.
    """
    import opencc

    path = Path(path or get_settings().qianziwen_reference_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    convert = opencc.OpenCC("t2s").convert
    lines: list[list[str]] = []
    spells: list[list[str]] = []
    for number, (line, spell) in enumerate(zip(data["paragraphs"], data["spells"], strict=True), start=1):
        line_chars = [c for c in convert(line) if is_hanzi(c)]
        syllables = spell.split()
        if len(line_chars) != len(syllables):
            raise PinyinReferenceError(f"{path.name} 第 {number} 行：{len(line_chars)} 个字，{len(syllables)} 个拼音")
        lines.append(line_chars)
        spells.append(syllables)
    done: list[str] = []
    known = reference_corrections_path(path)
    if corrected and known.exists():
        entries = (yaml.safe_load(known.read_text(encoding="utf-8")) or {}).get("corrections") or []
        done = _correct_reference(lines, spells, entries, known.name)
    chars = "".join(c for line in lines for c in line)
    return Reference(convert(data.get("title", "")), chars, tuple(s for row in spells for s in row), tuple(done))


@dataclass(frozen=True)
class Mismatch:
    index: int  # position among the Hanzi, 0-based
    char: str
    got: str
    expected: str
    context: str  # the passage it is in


@dataclass(frozen=True)
class AgreementReport:
    total: int
    agree: int
    mismatches: list[Mismatch]
    variants: list[tuple[int, str, str]] = field(default_factory=list)  # (index, text char, reference char)

    @property
    def ratio(self) -> float:
        return self.agree / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "agree": self.agree,
            "ratio": round(self.ratio, 6),
            "mismatches": [m.__dict__ for m in self.mismatches],
            "variants": [{"index": i, "char": c, "reference_char": r} for i, c, r in self.variants],
        }


def agreement_with_reference(
    annotated: Sequence[Sequence[Pair]],
    reference: Reference,
) -> AgreementReport:
    """Per-character agreement of ``annotated`` passages with ``reference``.

    The two are aligned Hanzi by Hanzi, in order, ignoring punctuation (the
    catalog pairs lines into punctuated couplets; the reference has bare
    lines); a different form of the same character at a position (崐/昆) is
    listed in ``variants`` and still compared. Tone marks count: ``shang`` ≠
    ``shāng``.
    """
    flat: list[tuple[str, str, str]] = []
    for passage in annotated:
        text = "".join(c for c, _ in passage)
        flat.extend((c, r, text) for c, r in passage if is_hanzi(c))
    if len(flat) != len(reference.chars):
        raise PinyinReferenceError(f"字数不一致：正文 {len(flat)} 字，参考注音 {len(reference.chars)} 字")
    mismatches = []
    variants = []
    for index, ((char, got, context), ref_char, expected) in enumerate(
        zip(flat, reference.chars, reference.spells)
    ):
        if char != ref_char:
            # Same position, another form of the character (the catalog
            # normalises e.g. 崐 → 昆): still compared, but reported.
            variants.append((index, char, ref_char))
        if unicodedata.normalize("NFC", got) != unicodedata.normalize("NFC", expected):
            mismatches.append(Mismatch(index, char, got, expected, context))
    return AgreementReport(len(flat), len(flat) - len(mismatches), mismatches, variants)


# --------------------------------------------------------------------------- review


