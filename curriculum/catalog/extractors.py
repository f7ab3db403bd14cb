"""Section extractors: one raw corpus file (JSON/YAML, as loaded) → titled sections of raw paragraphs.

Each extractor is a small frozen dataclass called with the loaded file; a
recipe (``catalog.recipes``) names the one that fits its source's layout
(``Paragraphs`` for 三字经, ``Chapters`` for 论语, ``Poem`` for one piece of
an anthology …). Titles and authors are matched in Simplified, so recipes can
be written in Simplified whatever script the source uses. An extractor that
cannot find what it was asked for raises ``CorpusError``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from curriculum.catalog.cleaning import clean, strip_notes, to_simplified
from curriculum.catalog.errors import CorpusError


@dataclass(frozen=True)
class RawSection:
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Extract:
    sections: tuple[RawSection, ...]
    defaults: dict[str, Any] = field(default_factory=dict)  # metadata the source itself provides


def _s(text: str) -> str:
    """Simplified form of a raw title/author, for matching recipes written in Simplified."""
    return to_simplified(text).strip()


@dataclass(frozen=True)
class Paragraphs:
    """A dict with ``paragraphs`` (三字经, 大学 …): one section."""

    section: str

    def __call__(self, raw: Any) -> Extract:
        return Extract((RawSection(self.section, tuple(raw["paragraphs"])),))


@dataclass(frozen=True)
class Chapters:
    """A list of ``{chapter, paragraphs}`` (论语) or a dict whose ``content`` is one (增广贤文)."""

    suffix: str = ""  # appended to chapter titles that lack it ("学而" → "学而篇")

    def __call__(self, raw: Any) -> Extract:
        chapters = raw["content"] if isinstance(raw, dict) else raw
        sections = []
        for chapter in chapters:
            title = _s(chapter["chapter"])
            if self.suffix and not title.endswith(self.suffix):
                title += self.suffix
            sections.append(RawSection(title, tuple(chapter["paragraphs"])))
        return Extract(tuple(sections))


@dataclass(frozen=True)
class Volumes:
    """``content`` of volumes → ``content`` of chapters (声律启蒙): "上卷·一东"."""

    def __call__(self, raw: Any) -> Extract:
        return Extract(
            tuple(
                RawSection(f"{_s(vol['title'])}·{_s(ch['chapter']).replace(' ', '')}", tuple(ch["paragraphs"]))
                for vol in raw["content"]
                for ch in vol["content"]
            )
        )


@dataclass(frozen=True)
class ThreeCharLines:
    """弟子规: lines of space-separated three-character phrases, unpunctuated.

    The common printed form punctuates each line of four phrases as
    "父母呼，应勿缓；父母命，行勿懒。" — characters kept exactly in order.
    """

    def __call__(self, raw: Any) -> Extract:
        sections = []
        for chapter in raw["content"]:
            lines = []
            for line in chapter["paragraphs"]:
                groups = line.split()
                marks = ["，", "；"] * (len(groups) // 2)
                marks = marks[: len(groups) - 1] + ["。"]
                lines.append("".join(g + m for g, m in zip(groups, marks)))
            sections.append(RawSection(_s(chapter["chapter"]), tuple(lines)))
        return Extract(tuple(sections))


@dataclass(frozen=True)
class Couplets:
    """千字文: 250 unpunctuated four-character lines paired into 125 couplets.

    "天地玄黄" + "宇宙洪荒" → "天地玄黄，宇宙洪荒。" Only punctuation is added,
    so per-character reference pinyin still aligns.
    """

    section: str

    def __call__(self, raw: Any) -> Extract:
        lines = [line.strip() for line in raw["paragraphs"]]
        if len(lines) % 2:
            raise CorpusError(f"行数为奇数（{len(lines)}），无法配成对句")
        pairs = tuple(f"{a}，{b}。" for a, b in zip(lines[::2], lines[1::2]))
        return Extract((RawSection(self.section, pairs),))


_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 32 → 三十二, 81 → 八十一 (chapter titles)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return (_CN_DIGITS[tens] if tens > 1 else "") + "十" + (_CN_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class Daodejing:
    """openbilly/daodejing_json: the first object holds 81 chapters, one paragraph each.

    Besides the backtick notes, chapter 32 carries a stray footnote digit
    ("，1天下莫能臣也"); the classical text never contains Arabic digits, so
    digits are dropped here.
    """

    def __call__(self, raw: Any) -> Extract:
        chapters = raw[0]["paragraphs"]
        return Extract(
            tuple(
                RawSection(f"第{chinese_number(i)}章", (re.sub(r"[0-9]", "", strip_notes(text)),))
                for i, text in enumerate(chapters, start=1)
            )
        )


def _walk_poems(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict with ``paragraphs`` (or ``content`` of strings) in a nested anthology."""
    if isinstance(node, list):
        for item in node:
            yield from _walk_poems(item)
    elif isinstance(node, dict):
        body = node.get("paragraphs")
        content = node.get("content")
        if body is None and isinstance(content, list) and content and isinstance(content[0], str):
            body = content
        if body is not None and isinstance(body, list) and body and isinstance(body[0], str):
            yield node
        for value in node.values():
            if isinstance(value, (list, dict)):
                yield from _walk_poems(value)


def _poem_titles(node: dict[str, Any]) -> set[str]:
    """The names a piece goes by: anthologies use ``title``, ``chapter`` or (词) ``rhythmic``."""
    return {_s(node[k]) for k in ("title", "chapter", "rhythmic") if isinstance(node.get(k), str)}


def _poem_body(node: dict[str, Any]) -> list[str]:
    return node.get("paragraphs") or node.get("content")


@dataclass(frozen=True)
class Poem:
    """One piece from an anthology, matched (in Simplified) by title, author and optionally its opening.

    ``title`` matches the source title exactly; ``author`` is contained in the
    source author ("（唐）杜牧" contains "杜牧"); ``opening`` must start the text
    (for 词 with a common tune name).
    """

    title: str
    author: str = ""
    opening: str = ""
    section: str = ""

    def __call__(self, raw: Any) -> Extract:
        found = []
        for node in _walk_poems(raw):
            if self.title not in _poem_titles(node):
                continue
            if self.author and self.author not in _s(node.get("author", "")):
                continue
            body = _poem_body(node)
            if self.opening and not clean("".join(body)).startswith(self.opening):
                continue
            found.append(body)
        if len(found) != 1:
            what = f"{self.title}（{self.author}）{self.opening}"
            raise CorpusError(f"“{what}”应恰好出现一次，实际 {len(found)} 次")
        return Extract((RawSection(self.section or self.title, tuple(found[0])),))


@dataclass(frozen=True)
class Anthology:
    """Several poems from one file, one section per poem (诗经选读): ``(title, group)`` pairs.

    A title the file uses more than once (无衣 is in both 唐风 and 秦风) gets
    its group in the section title: "无衣（秦风）".
    """

    poems: tuple[tuple[str, str], ...]

    def __call__(self, raw: Any) -> Extract:
        sections = []
        nodes = list(_walk_poems(raw))
        for title, group in self.poems:
            named = [n for n in nodes if title in _poem_titles(n)]
            matches = [n for n in named if _s(n.get("section", "")) == group]
            if len(matches) != 1:
                raise CorpusError(f"“{title}（{group}）”应恰好出现一次，实际 {len(matches)} 次")
            display = f"{title}（{group}）" if len(named) > 1 else title
            sections.append(RawSection(display, tuple(_poem_body(matches[0]))))
        return Extract(tuple(sections))


@dataclass(frozen=True)
class Ranges:
    """Titled selections by paragraph range: ``(section title, chapter index, start, stop)``.

    孟子's paragraphs follow dialogue turns, so a well-known chapter spans
    several consecutive paragraphs of one 篇.
    """

    picks: tuple[tuple[str, int, int, int], ...]

    def __call__(self, raw: Any) -> Extract:
        return Extract(
            tuple(RawSection(title, tuple(raw[ci]["paragraphs"][a:b])) for title, ci, a, b in self.picks)
        )


@dataclass(frozen=True)
class ModernText:
    """One entry of modern_texts.yaml; the file provides title, author, year and category hint."""

    text_id: str

    def __call__(self, raw: Any) -> Extract:
        for item in raw:
            if item.get("id") == self.text_id:
                return Extract(
                    (RawSection(item["title"], tuple(item["paragraphs"])),),
                    {
                        "title": item["title"],
                        "author": item["author"],
                        "era": era_of_year(int(item["year"])),
                        "category": item.get("category_hint"),
                    },
                )
        raise CorpusError(f"现代篇目中没有“{self.text_id}”")


def era_of_year(year: int) -> str:
    """近代 before the May Fourth movement, 现代 until 1949, 当代 after."""
    if year < 1919:
        return "近代"
    if year < 1949:
        return "现代"
    return "当代"
