"""Pinyin for the reader: pypinyin plus a curated table of classical readings.

pypinyin is phrase-aware but reads modern Mandarin: 不亦说乎 comes out
``shuō``, 首孝弟 ``dì``, 子曰 ``zi``. Classical texts need the readings every
edition prints (``yuè``, ``tì``, ``zǐ``). Those live as data in
``data/pinyin_readings.yaml`` (see its header for the rule kinds and sources):

* phrase rules — a phrase and the pinyin of its characters, applied wherever
  the phrase occurs (optionally only in given texts, only in classical
  texts, or only where the phrase opens or ends a clause, e.g. the question
  particle 与 yú before ？), longest phrase first;
* position rules — one character of one passage of one text, for the few
  readings no phrase can pin down.

Recitation texts print citation tones: pypinyin's tone sandhi of 不 (不是
``bú shì``, 差不多 ``bu``) and 一 (一个 ``yí gè``) is undone before the rules
apply, so 不 is always ``bù`` and 一 ``yī`` unless a rule says otherwise
(或不焉 ``fǒu``).

Rules never touch pypinyin's global dictionaries: pypinyin runs unchanged and
the rules are laid over its output, so other users of pypinyin in the same
process see the stock behaviour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pypinyin import Style, pinyin

from curriculum.catalog.schema import TextEntry
from curriculum.errors import DomainError
from curriculum.settings import get_settings

#: Reference pinyin of 千字文 (chinese-poetry, ``spells``), shipped as data so the
#: ``classics pinyin-accuracy`` command and the tests measure agreement against the same file.

Pair = tuple[str, str]

_HANZI = re.compile(
    "[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef\U00030000-\U0003134f]"
)
_HANZI_RUN = re.compile(_HANZI.pattern + "+")
# A tone-marked syllable (or a toneless one, for the rare neutral readings).
_SYLLABLE = re.compile(r"^[a-zü\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec"
                       r"\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc\u00ea"
                       r"\u1e3f\u0144\u0148\u01f9]+$")


def is_hanzi(char: str) -> bool:
    """True for a CJK ideograph (the characters that get pinyin)."""
    return bool(_HANZI.fullmatch(char))


class PinyinRulesError(DomainError):
    """The readings table is malformed; the message names the file and the rule."""


@dataclass(frozen=True)
class PhraseRule:
    phrase: str
    readings: tuple[str, ...]
    texts: tuple[str, ...] = ()  # empty: every text
    classical: bool = False  # only in classical (traditional-culture) texts
    final: bool = False  # only where the phrase ends a run of Hanzi (before punctuation)
    initial: bool = False  # only where the phrase opens a run of Hanzi (after punctuation)
    note: str = ""
    line: int = 0  # rule number in the file, for messages
    reason: str = ""  # one of REASONS, for the curated classical readings
    source: str = ""  # the edition or dictionary that gives the reading

    def applies_to(self, text_id: str | None, classical: bool) -> bool:
        if self.texts and text_id not in self.texts:
            return False
        # A classical-only rule applies to classical texts; every other rule everywhere.
        return classical or not self.classical


@dataclass(frozen=True)
class PositionRule:
    text: str
    passage: int  # 0-based index into TextEntry.passages
    offset: int  # 0-based index into the passage string (punctuation counted)
    char: str  # the character expected there, so a changed catalog is noticed
    reading: str
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class Readings:
    phrases: tuple[PhraseRule, ...]  # longest phrase first
    positions: dict[tuple[str, int, int], PositionRule] = field(default_factory=dict)


def _check_syllables(where: str, readings: Sequence[str]) -> None:
    for syllable in readings:
        if not _SYLLABLE.match(syllable):
            raise PinyinRulesError(f"{where}：拼音“{syllable}”不是带声调符号的音节")


_PHRASE_FIELDS = frozenset(
    {"phrase", "pinyin", "texts", "classical", "initial", "final", "note", "reason", "source"}
)
#: Why a classical reading differs from the modern default (the categories of annotated editions).
REASONS = ("通假", "破读", "人名地名", "古音", "多音字")
_POSITION_FIELDS = frozenset({"text", "passage", "offset", "char", "pinyin"})


def parse_readings(data: Any, source: str = "pinyin_readings.yaml") -> Readings:
    """Validate the loaded YAML of the readings table; every problem names the file and the rule."""
    if not isinstance(data, dict):
        raise PinyinRulesError(f"{source}：顶层应为包含 phrases 和 positions 的映射")
    unknown = set(data) - {"phrases", "positions"}
    if unknown:
        raise PinyinRulesError(f"{source}：不认识的键 {'、'.join(sorted(unknown))}")
    phrases: list[PhraseRule] = []
    seen: dict[tuple[str, tuple[str, ...], bool, bool, bool], int] = {}
    for number, item in enumerate(data.get("phrases") or [], start=1):
        rule = _phrase_rule(item, number, source)
        key = (rule.phrase, tuple(sorted(rule.texts)), rule.classical, rule.initial, rule.final)
        if key in seen:
            raise PinyinRulesError(f"{source} · phrases 第 {number} 条（{rule.phrase}）：与第 {seen[key]} 条重复")
        seen[key] = number
        phrases.append(rule)

    positions: dict[tuple[str, int, int], PositionRule] = {}
    for number, item in enumerate(data.get("positions") or [], start=1):
        rule = _position_rule(item, number, source)
        key = (rule.text, rule.passage, rule.offset)
        if key in positions:
            raise PinyinRulesError(f"{source} · positions 第 {number} 条：与第 {positions[key].line} 条位置相同")
        positions[key] = rule

    # Longest phrase first, and clause-bound / text-limited before general, so the most specific rule wins.
    phrases.sort(
        key=lambda r: (-len(r.phrase), not (r.initial or r.final), not r.texts, not r.classical, r.line)
    )
    return Readings(tuple(phrases), positions)


def _phrase_rule(item: Any, number: int, source: str) -> PhraseRule:
    """Rule: a phrase entry has phrase and pinyin, Hanzi only, one tone-marked syllable per character."""
    where = f"{source} · phrases 第 {number} 条"
    if not isinstance(item, dict) or not {"phrase", "pinyin"} <= set(item):
        raise PinyinRulesError(f"{where}：需要 phrase 和 pinyin 两个字段")
    extra = set(item) - _PHRASE_FIELDS
    if extra:
        raise PinyinRulesError(f"{where}：不认识的字段 {'、'.join(sorted(extra))}")
    phrase = str(item["phrase"])
    where = f"{where}（{phrase}）"
    if not phrase or not all(is_hanzi(c) for c in phrase):
        raise PinyinRulesError(f"{where}：短语只能由汉字组成（不含标点和空格）")
    readings = tuple(str(item["pinyin"]).split())
    if len(readings) != len(phrase):
        raise PinyinRulesError(f"{where}：{len(phrase)} 个字，却有 {len(readings)} 个拼音")
    _check_syllables(where, readings)
    texts = item.get("texts") or []
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise PinyinRulesError(f"{where}：texts 应为书目编号列表")
    classical, initial, final = (_flag(item, name, where) for name in ("classical", "initial", "final"))
    reason, source = str(item.get("reason", "")), str(item.get("source", ""))
    if reason and reason not in REASONS:
        raise PinyinRulesError(f"{where}：reason 应为 {'、'.join(REASONS)} 之一", field="reason")
    if bool(reason) != bool(source.strip()):
        raise PinyinRulesError(f"{where}：reason 与 source 须同时给出（读音的类别与出处）", field="source")
    return PhraseRule(
        phrase, readings, tuple(texts), classical, final, initial, str(item.get("note", "")), number, reason, source
    )


def _flag(item: dict, name: str, where: str) -> bool:
    """Rule: the optional switches of a phrase rule are YAML booleans (false when absent)."""
    value = item.get(name, False)
    if not isinstance(value, bool):
        raise PinyinRulesError(f"{where}：{name} 应为 true 或 false")
    return value


def _position_rule(item: Any, number: int, source: str) -> PositionRule:
    """Rule: a position entry names a text, 0-based passage and offset, one Hanzi and one syllable."""
    where = f"{source} · positions 第 {number} 条"
    if not isinstance(item, dict) or not _POSITION_FIELDS.issubset(item):
        raise PinyinRulesError(f"{where}：需要 text、passage、offset、char、pinyin 五个字段")
    extra = set(item) - _POSITION_FIELDS - {"note"}
    if extra:
        raise PinyinRulesError(f"{where}：不认识的字段 {'、'.join(sorted(extra))}")
    passage, offset = item["passage"], item["offset"]
    if not isinstance(passage, int) or not isinstance(offset, int) or passage < 0 or offset < 0:
        raise PinyinRulesError(f"{where}：passage 和 offset 应为从 0 起的整数")
    char = str(item["char"])
    if len(char) != 1 or not is_hanzi(char):
        raise PinyinRulesError(f"{where}：char 应为一个汉字")
    reading = str(item["pinyin"])
    _check_syllables(where, [reading])
    return PositionRule(str(item["text"]), passage, offset, char, reading, str(item.get("note", "")), number)


def load_readings(path: str | Path) -> Readings:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PinyinRulesError(f"{path.name}：文件不存在") from exc
    except yaml.YAMLError as exc:
        raise PinyinRulesError(f"{path.name}：YAML 格式错误：{exc}") from exc
    return parse_readings(data, path.name)


@lru_cache(maxsize=4)
def _readings_at(path: Path) -> Readings:
    return load_readings(path)


def readings() -> Readings:
    """The readings table in the data folder (``Settings.readings_path``), loaded and validated once per path."""
    return _readings_at(get_settings().readings_path)


def _pypinyin(text: str) -> list[str]:
    """pypinyin's phrase-aware reading per character ("" for anything that is not Hanzi)."""
    out = [
        item[0] if item else ""
        for item in pinyin(
            text,
            style=Style.TONE,
            heteronym=False,
            neutral_tone_with_five=False,
            errors=lambda chunk: [""] * len(chunk),
        )
    ]
    if len(out) != len(text):  # pypinyin grouped something unexpectedly: go character by character
        out = [_pypinyin(ch)[0] if is_hanzi(ch) else "" for ch in text]
    return [r if is_hanzi(ch) else "" for ch, r in zip(text, out)]


# pypinyin's tone sandhi (from its phrase dictionary) → the citation tone recitation texts print.
_CITATION = {"不": ("bù", {"bú", "bu"}), "一": ("yī", {"yí", "yì", "yi"})}


def _citation_tones(text: str, result: list[str]) -> list[str]:
    """Undo tone sandhi of 不 and 一: 不是 bú shì → bù shì, 差不多 bu → bù, 一个 yí → yī."""
    out = list(result)
    for i, char in enumerate(text):
        if char in _CITATION and out[i] in _CITATION[char][1]:
            out[i] = _CITATION[char][0]
    return out


def _occurrences(chars: str, rule: PhraseRule):
    """Start indices of ``rule.phrase`` in one run of Hanzi (only at its start / end for an
    ``initial`` / ``final`` rule)."""
    if rule.initial or rule.final:
        start = 0 if rule.initial else len(chars) - len(rule.phrase)
        if start < 0 or not chars.startswith(rule.phrase, start):
            return
        if rule.final and start + len(rule.phrase) != len(chars):
            return  # initial and final: the phrase must be the whole run
        yield start
        return
    start = chars.find(rule.phrase)
    while start != -1:
        yield start
        start = chars.find(rule.phrase, start + 1)


def plain_annotate(text: str) -> list[Pair]:
    """Stock pypinyin, no classical readings — the baseline the rules are measured against."""
    return list(zip(text, _pypinyin(text)))


@dataclass(frozen=True)
class Decision:
    """What decided one character's reading: a phrase rule, a position rule, or neither (pypinyin)."""

    phrase: PhraseRule | None = None
    position: PositionRule | None = None

    @property
    def kind(self) -> str:
        return "position" if self.position else "rule" if self.phrase else "default"


def annotate_with_decisions(
    text: str,
    *,
    text_id: str | None = None,
    passage_index: int | None = None,
    classical: bool = False,
) -> list[tuple[str, str, Decision]]:
    """``annotate`` plus, per character, the rule that chose its reading (for review)."""
    table = readings()
    result = _citation_tones(text, _pypinyin(text))
    decided = [Decision()] * len(text)
    rules = [r for r in table.phrases if r.applies_to(text_id, classical)]
    # A phrase never spans punctuation: 无限好，德日进 must not match 好德.
    for run in _HANZI_RUN.finditer(text):
        chars = run.group()
        fixed = [False] * len(chars)
        for rule in rules:
            for start in _occurrences(chars, rule):
                for k, reading in enumerate(rule.readings):
                    if not fixed[start + k]:  # a longer rule already decided this one
                        result[run.start() + start + k] = reading
                        decided[run.start() + start + k] = Decision(phrase=rule)
                        fixed[start + k] = True
    if text_id is not None and passage_index is not None:
        for (tid, pidx, offset), rule in table.positions.items():
            if tid == text_id and pidx == passage_index and offset < len(text) and text[offset] == rule.char:
                result[offset] = rule.reading
                decided[offset] = Decision(position=rule)
    return list(zip(text, result, decided))


def annotate(
    text: str,
    *,
    text_id: str | None = None,
    passage_index: int | None = None,
    classical: bool = False,
) -> list[Pair]:
    """Per character ``(char, pinyin)`` with tone marks, e.g. ``("说", "yuè")``; non-Hanzi get ``""``.

    Phrase rules apply wherever their phrase occurs within a run of Hanzi
    (punctuation ends a phrase, so 无限好，德日进 is no match for 好德); rules limited
    to texts apply only when ``text_id`` is one of them, rules marked
    classical only when ``classical`` is true, rules marked initial / final
    only where the phrase opens / ends a run (夫唯不争 fú; 是鲁孔丘与？ yú). 不 and 一 keep their citation tones
    (``bù``, ``yī``) unless a rule decides otherwise. Position rules apply when
    ``text_id`` and ``passage_index`` are given.
    """
    decided = annotate_with_decisions(text, text_id=text_id, passage_index=passage_index, classical=classical)
    return [(char, reading) for char, reading, _ in decided]


def is_classical(entry: TextEntry) -> bool:
    """Classical readings (no modern neutral tones, 古读) apply to traditional-culture texts."""
    return entry.category == "traditional"


def annotate_text(entry: TextEntry) -> list[list[Pair]]:
    """One list of ``(char, pinyin)`` per passage, in ``entry.passages`` order, with every rule applied."""
    classical = is_classical(entry)
    return [
        annotate(passage, text_id=entry.id, passage_index=index, classical=classical)
        for index, passage in enumerate(entry.passages)
    ]


def stale_position_rules(entries: Sequence[TextEntry]) -> list[str]:
    """Position rules that no longer point at their character (the catalog text changed)."""
    by_id = {e.id: e for e in entries}
    problems = []
    for rule in readings().positions.values():
        entry = by_id.get(rule.text)
        if entry is None:
            problems.append(f"positions 第 {rule.line} 条：书目中没有“{rule.text}”")
            continue
        passages = entry.passages
        if rule.passage >= len(passages):
            problems.append(f"positions 第 {rule.line} 条：{rule.text} 只有 {len(passages)} 段")
            continue
        text = passages[rule.passage]
        if rule.offset >= len(text) or text[rule.offset] != rule.char:
            found = text[rule.offset] if rule.offset < len(text) else "（越界）"
            problems.append(
                f"positions 第 {rule.line} 条：{rule.text} 第 {rule.passage} 段第 {rule.offset} 字"
                f"应为“{rule.char}”，实为“{found}”"
            )
    return problems


@dataclass(frozen=True)
class RuleHit:
    """One place a phrase rule's phrase occurs in a catalog text."""

    rule: PhraseRule
    text_id: str
    passage_index: int
    offset: int  # index of the phrase's first character in the passage string
    context: str  # the run of characters it occurs in
    applied: bool  # False where a longer rule or a position rule decided otherwise


def phrase_rule_hits(entries: Sequence[TextEntry]) -> list[RuleHit]:
    """Every occurrence of every applicable phrase rule in ``entries``, for review and tests."""
    hits: list[RuleHit] = []
    table = readings()
    for entry in entries:
        classical = is_classical(entry)
        rules = [r for r in table.phrases if r.applies_to(entry.id, classical)]
        for index, (passage, pairs) in enumerate(zip(entry.passages, annotate_text(entry))):
            for run in _HANZI_RUN.finditer(passage):
                chars = run.group()
                for rule in rules:
                    for start in _occurrences(chars, rule):
                        offset = run.start() + start
                        got = tuple(r for _, r in pairs[offset : offset + len(rule.phrase)])
                        hits.append(RuleHit(rule, entry.id, index, offset, chars, got == rule.readings))
    return hits
