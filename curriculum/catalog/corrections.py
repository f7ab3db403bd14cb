"""The corrections table ``data/corrections.yaml``: every place the shipped text differs from the raw corpus.

Two kinds, one file, one mechanism (the import applies both; see
``cleaning.clean`` and ``importer.build_text``):

* ``converter`` — converter slips: a phrase OpenCC ``t2s`` gets wrong for a
  classical text (於/于, 乾/干, 閒/间 …), an Extension-B form the font cannot
  draw, or a variant form the source uses. Applied right after OpenCC,
  wherever the phrase occurs (so each ``from`` is a phrase long enough to
  touch nothing else); ``texts`` lists every text it fires in.
* ``corrections`` — an error of the raw corpus at one place: text id,
  section, a human-readable ``where`` (论语 "3.20", a line number …), ``from``
  and ``to``, the ``kind`` of error, the ``reason`` and the ``edition`` that
  supports the reading. Applied after the whole cleaning of a section's
  paragraphs; ``from`` must occur exactly once in that section.

Both are strict, so a correction that no longer applies fails the build
instead of silently doing nothing: a located correction whose ``from`` is
not found exactly once, or (in a strict build) a converter fix that does not
fire in a text it lists or fires in one it does not list, raises
``CorpusError`` naming the entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from curriculum.catalog.errors import CorpusError

#: The table ships with the code's data folder: it is an input of the import, like the recipes,
#: so it is read from the project, never from a test's CLASSICS_DATA_DIR.
CORRECTIONS_PATH = Path(__file__).resolve().parents[2] / "data" / "corrections.yaml"

#: Kinds of located corrections (the vocabulary of collation notes).
KINDS = frozenset({"讹字", "脱字", "衍字", "异体字", "倒文"})


@dataclass(frozen=True)
class ConverterFix:
    """A phrase OpenCC converts wrongly: ``wrong`` (OpenCC's output) → ``right``."""

    number: int
    wrong: str
    right: str
    texts: tuple[str, ...]
    reason: str

    def label(self) -> str:
        return f"converter 第 {self.number} 条（“{self.wrong}”→“{self.right}”）"


@dataclass(frozen=True)
class Correction:
    """One resolved difference from the raw corpus, at one place of one text."""

    number: int
    text: str
    section: str  # section title as shipped; "" for a text of one section
    where: str
    wrong: str
    right: str
    kind: str
    reason: str
    edition: str

    def label(self) -> str:
        place = f"{self.text} {self.section} {self.where}".replace("  ", " ").strip()
        return f"corrections 第 {self.number} 条（{place}：“{self.wrong}”→“{self.right}”）"


@dataclass(frozen=True)
class Corrections:
    converter: tuple[ConverterFix, ...] = ()
    located: tuple[Correction, ...] = ()
    # A strict build also checks that each converter fix fires exactly in the texts it lists; a build
    # from a partial corpus (the test fixtures) turns that off, the located check never is.
    strict: bool = True

    def for_text(self, text_id: str) -> list[Correction]:
        return [c for c in self.located if c.text == text_id]

    def without_located(self, *, strict: bool = False) -> Corrections:
        """The converter fixes alone — for building from a partial corpus."""
        return replace(self, located=(), strict=strict)


def _require_str(item: dict, name: str, where: str, *, optional: bool = False) -> str:
    value = item.get(name, "" if optional else None)
    if not isinstance(value, str) or (not optional and not value.strip()):
        raise CorpusError(f"{where}：{name} 应为非空文字", field=name)
    return value.strip()


_CONVERTER_FIELDS = frozenset({"from", "to", "texts", "reason"})
_LOCATED_FIELDS = frozenset({"text", "section", "where", "from", "to", "kind", "reason", "edition"})


def _converter_fix(item: Any, number: int, source: str) -> ConverterFix:
    where = f"{source} · converter 第 {number} 条"
    if not isinstance(item, dict):
        raise CorpusError(f"{where}：应为映射")
    extra = set(item) - _CONVERTER_FIELDS
    if extra:
        raise CorpusError(f"{where}：不认识的字段 {'、'.join(sorted(extra))}")
    wrong, right = _require_str(item, "from", where), _require_str(item, "to", where)
    texts = item.get("texts")
    if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
        raise CorpusError(f"{where}：texts 应为书目编号列表", field="texts")
    if wrong == right:
        raise CorpusError(f"{where}：from 与 to 相同")
    return ConverterFix(number, wrong, right, tuple(texts), _require_str(item, "reason", where))


def _located(item: Any, number: int, source: str) -> Correction:
    where = f"{source} · corrections 第 {number} 条"
    if not isinstance(item, dict):
        raise CorpusError(f"{where}：应为映射")
    extra = set(item) - _LOCATED_FIELDS
    if extra:
        raise CorpusError(f"{where}：不认识的字段 {'、'.join(sorted(extra))}")
    values = {name: _require_str(item, name, where, optional=name == "section") for name in _LOCATED_FIELDS}
    if values["kind"] not in KINDS:
        raise CorpusError(f"{where}：kind 应为 {'、'.join(sorted(KINDS))} 之一", field="kind")
    if values["from"] == values["to"]:
        raise CorpusError(f"{where}：from 与 to 相同")
    return Correction(
        number, values["text"], values["section"], values["where"], values["from"], values["to"],
        values["kind"], values["reason"], values["edition"],
    )


def parse_corrections(data: Any, source: str = "corrections.yaml") -> Corrections:
    """Validate the loaded YAML; every problem names the file and the entry."""
    if not isinstance(data, dict) or set(data) - {"converter", "corrections"}:
        raise CorpusError(f"{source}：顶层应为只含 converter 和 corrections 的映射")
    converter = tuple(_converter_fix(item, n, source) for n, item in enumerate(data.get("converter") or [], 1))
    located = tuple(_located(item, n, source) for n, item in enumerate(data.get("corrections") or [], 1))
    seen: dict[str, int] = {}
    for fix in converter:
        if fix.wrong in seen:
            raise CorpusError(f"{source} · {fix.label()}：与第 {seen[fix.wrong]} 条重复")
        seen[fix.wrong] = fix.number
    return Corrections(converter, located)


def load_corrections(path: str | Path = CORRECTIONS_PATH) -> Corrections:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CorpusError(f"{path.name}：文件不存在") from exc
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path.name}：YAML 格式错误：{exc}") from exc
    return parse_corrections(data, path.name)


@lru_cache(maxsize=1)
def default_corrections() -> Corrections:
    """The shipped table, read once."""
    return load_corrections(CORRECTIONS_PATH)


@dataclass
class ConverterLog:
    """Which converter fixes fired in which text during one build (for the strict check)."""

    fired: dict[str, set[str]] = field(default_factory=dict)  # fix.wrong → text ids

    def record(self, wrong: str, text_id: str) -> None:
        self.fired.setdefault(wrong, set()).add(text_id)


def check_converter(fixes: Iterable[ConverterFix], log: ConverterLog, built: Sequence[str]) -> None:
    """Each fix fires in every built text it lists, and in no built text it does not list."""
    built_ids = set(built)
    for fix in fixes:
        fired = log.fired.get(fix.wrong, set())
        missing = sorted((set(fix.texts) & built_ids) - fired)
        if missing:
            raise CorpusError(f"{fix.label()}：在 {'、'.join(missing)} 中没有用到——原文已改或条目已过时")
        unlisted = sorted(fired - set(fix.texts))
        if unlisted:
            raise CorpusError(f"{fix.label()}：也用在了未列出的 {'、'.join(unlisted)} 中，请核对后加入 texts")


def apply_located(text_id: str, sections: list[tuple[str, list[str]]], corrections: Sequence[Correction]) -> None:
    """Apply ``corrections`` (all of ``text_id``) in place to ``(section title, cleaned paragraphs)``.

    ``from`` must occur exactly once in the named section (in the only section
    when ``section`` is empty), never across two paragraphs; otherwise the
    entry no longer describes the corpus and the build stops.
    """
    for correction in corrections:
        if correction.section:
            targets = [paras for title, paras in sections if title == correction.section]
        else:
            targets = [paras for _title, paras in sections] if len(sections) == 1 else []
        if len(targets) != 1:
            raise CorpusError(f"{correction.label()}：{text_id} 中没有唯一的章节“{correction.section}”")
        paragraphs = targets[0]
        count = sum(p.count(correction.wrong) for p in paragraphs)
        if count != 1:
            raise CorpusError(f"{correction.label()}：原文“{correction.wrong}”出现 {count} 次，应恰好 1 次")
        for index, paragraph in enumerate(paragraphs):
            if correction.wrong in paragraph:
                paragraphs[index] = paragraph.replace(correction.wrong, correction.right)


__all__ = [
    "CORRECTIONS_PATH",
    "ConverterFix",
    "ConverterLog",
    "Correction",
    "Corrections",
    "apply_located",
    "check_converter",
    "default_corrections",
    "load_corrections",
    "parse_corrections",
]
