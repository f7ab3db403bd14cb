"""Browsing the catalog: search and facets, text cards, section ranges.

What the 经典书目 and 阅读 pages compute about the catalog lives here as pure
functions over a loaded ``Catalog``; the pages only read widgets and render
what these functions return. The stage map (学段图谱) is ``catalog.stage_map``;
the reader's HTML, the printable blocks and the pinyin are output, not
catalog: they live in ``curriculum.exports.reader`` (the catalog is a leaf and
imports no other area).

Conventions:

* Facet filters combine with AND across facets and OR inside one facet: texts
  for 小学低段 *or* 小学中段, *and* of category 革命文化.
* A search query is matched against the title, the author, the section titles
  and every passage. A query typed in Traditional characters is converted with
  OpenCC ``t2s`` first, and punctuation and spaces are ignored on both sides,
  so ``學而時習之不亦說乎`` finds 论语.
* Reading time is estimated for the stages a text is recommended for (its own
  ``stages``, in stage order), at each stage's read-aloud pace from
  ``curriculum.stages`` — a kindergarten estimate for 离骚 would be meaningless.
* A card names the stages where the programme features the text
  (``stage_map.featured_stages``), the same rule as the stage map's ★.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from curriculum.catalog.schema import Catalog, TextEntry
from curriculum.catalog.stage_map import featured_stages
from curriculum.stages import STAGE_KEYS, STAGE_LABELS, reading_minutes
from curriculum.vocab import CATEGORIES, FESTIVALS, SHOUZE_ARTICLES, THEMES

# Minutes in one daily reading session (practice: at least half an hour a day).
SESSION_MINUTES = 30


# --------------------------------------------------------------------------- search


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert Traditional characters to Simplified (OpenCC ``t2s``); Simplified text is unchanged."""
    return _t2s().convert(text) if text else text


def _compact(text: str) -> str:
    """Drop punctuation, symbols and spaces so a query matches across 句读."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in ("L", "N"))


def normalise_query(query: str) -> str:
    """The comparable form of a search query: Simplified, no punctuation or spaces."""
    return _compact(to_simplified(query.strip()))


def _haystacks(entry: TextEntry) -> tuple[str, str]:
    """(title/author/section titles, full text), both compacted."""
    head = _compact(entry.title + entry.author + "".join(s.title for s in entry.sections))
    return head, _compact("".join(entry.passages))


def filter_texts(
    catalog: Catalog,
    *,
    query: str = "",
    stages: tuple[str, ...] | list[str] = (),
    categories: tuple[str, ...] | list[str] = (),
    themes: tuple[str, ...] | list[str] = (),
    festivals: tuple[str, ...] | list[str] = (),
    shouze: tuple[int, ...] | list[int] = (),
) -> list[TextEntry]:
    """Texts matching the query and every non-empty facet, in catalog order.

    Texts whose title, author or section title matches the query come before
    texts that only contain it in their body (a search for 论语 shows 论语
    first, not a text that quotes it).
    """
    q = normalise_query(query)
    wanted_stages, wanted_categories = set(stages), set(categories)
    wanted_themes, wanted_festivals, wanted_shouze = set(themes), set(festivals), {int(a) for a in shouze}

    head_hits: list[TextEntry] = []
    body_hits: list[TextEntry] = []
    for entry in catalog.texts:
        if wanted_stages and not wanted_stages.intersection(entry.stages):
            continue
        if wanted_categories and entry.category not in wanted_categories:
            continue
        if wanted_themes and not wanted_themes.intersection(entry.themes):
            continue
        if wanted_festivals and not wanted_festivals.intersection(entry.festivals):
            continue
        if wanted_shouze and not wanted_shouze.intersection(entry.shouze):
            continue
        if not q:
            head_hits.append(entry)
            continue
        head, body = _haystacks(entry)
        if q in head:
            head_hits.append(entry)
        elif q in body:
            body_hits.append(entry)
    return head_hits + body_hits


# --------------------------------------------------------------------------- facets


@dataclass(frozen=True)
class FacetOptions:
    """Options for the catalog filters; each list is in the vocabulary's own order."""

    stages: list[str]
    categories: list[str]
    themes: list[str]
    festivals: list[str]
    shouze: list[int]


def facet_options(catalog: Catalog) -> FacetOptions:
    """Filter options: every stage and category; the themes, festivals and 守则 articles in use."""
    used_themes = {t for e in catalog.texts for t in e.themes}
    used_festivals = {f for e in catalog.texts for f in e.festivals}
    used_articles = {a for e in catalog.texts for a in e.shouze}
    return FacetOptions(
        stages=list(STAGE_KEYS),
        categories=list(CATEGORIES),
        themes=[t for t in THEMES if t in used_themes],
        festivals=[f for f in FESTIVALS if f in used_festivals],
        shouze=[a for a in SHOUZE_ARTICLES if a in used_articles],
    )


def shouze_label(article: int) -> str:
    """``第 5 条 孝亲尊师善待人``."""
    return f"第 {article} 条 {SHOUZE_ARTICLES[article]}"


# --------------------------------------------------------------------------- reading time and cards


def reading_minutes_by_stage(entry: TextEntry, stages: tuple[str, ...] | None = None) -> dict[str, float]:
    """Estimated read-aloud minutes for the whole text at each stage's pace.

    By default only the stages the text is recommended for, in stage order;
    pass ``stages`` to ask for others.
    """
    keys = entry.stages if stages is None else stages
    ordered = [k for k in STAGE_KEYS if k in set(keys)]
    return {k: reading_minutes(entry.characters, k) for k in ordered}


def format_minutes(minutes: float) -> str:
    """Human reading time: ``不到 1 分钟``, ``约 12 分钟``, ``约 2.5 小时``."""
    if minutes < 1:
        return "不到 1 分钟"
    if minutes < 60:
        return f"约 {round(minutes)} 分钟"
    return f"约 {minutes / 60:.1f} 小时"


def sessions_needed(minutes: float, session_minutes: int = SESSION_MINUTES) -> int:
    """How many daily reading sessions the whole text takes (at least one)."""
    return max(1, math.ceil(minutes / session_minutes))


@dataclass(frozen=True)
class TextCard:
    """What a catalog card shows for one text."""

    id: str
    title: str
    author: str
    era: str
    category: str
    category_label: str
    stage_labels: list[str]
    characters: int
    passages: int
    sections: int
    themes: list[str]
    festival_labels: list[str]
    shouze_labels: list[str]
    featured_at: list[str]
    minutes_by_stage: dict[str, float]

    @property
    def byline(self) -> str:
        return f"{self.author} · {self.era}"

    def reading_time_rows(self) -> list[tuple[str, str, int]]:
        """``(stage label, reading time, sessions of 30 min)`` per recommended stage."""
        return [
            (STAGE_LABELS[k], format_minutes(m), sessions_needed(m)) for k, m in self.minutes_by_stage.items()
        ]

    @property
    def stage_line(self) -> str:
        """``幼儿园、小学低段（重点：幼儿园）`` — the recommended stages, featured ones named after."""
        line = "、".join(self.stage_labels)
        if self.featured_at:
            line += f"（重点：{'、'.join(self.featured_at)}）"
        return line

    @property
    def reading_time_line(self) -> str:
        """``幼儿园 约 12 分钟；小学低段 约 8 分钟`` — with the days needed when one session is not enough."""
        return "；".join(
            f"{stage} {time}" + (f"，约 {n} 天" if n > 1 else "") for stage, time, n in self.reading_time_rows()
        )

    @property
    def tags_line(self) -> str:
        """Themes, festivals and 守则 articles, each group labelled, joined with “ · ” (empty when none)."""
        groups = (("主题", self.themes), ("节日", self.festival_labels), ("守则", self.shouze_labels))
        return " · ".join(f"{name}：" + "、".join(values) for name, values in groups if values)


def text_card(entry: TextEntry) -> TextCard:
    return TextCard(
        id=entry.id,
        title=entry.title,
        author=entry.author,
        era=entry.era,
        category=entry.category,
        category_label=CATEGORIES[entry.category],
        stage_labels=[STAGE_LABELS[k] for k in STAGE_KEYS if k in entry.stages],
        characters=entry.characters,
        passages=len(entry.passages),
        sections=len(entry.sections),
        themes=list(entry.themes),
        festival_labels=[FESTIVALS[f] for f in entry.festivals],
        shouze_labels=[shouze_label(a) for a in sorted(entry.shouze)],
        featured_at=[STAGE_LABELS[k] for k in featured_stages(entry)],
        minutes_by_stage=reading_minutes_by_stage(entry),
    )


# --------------------------------------------------------------------------- sections (for the reader)


def content_key(entry: TextEntry) -> str:
    """A short fingerprint of a text's content, for caches that must notice an edited catalog."""
    return hashlib.sha1(entry.model_dump_json().encode("utf-8")).hexdigest()[:16]


def section_ranges(entry: TextEntry) -> list[tuple[int, int]]:
    """``(start, stop)`` passage indexes of each section within ``entry.passages``."""
    ranges, start = [], 0
    for section in entry.sections:
        ranges.append((start, start + len(section.passages)))
        start += len(section.passages)
    return ranges


def shows_section_headings(entry: TextEntry) -> bool:
    """A lone section titled like the text (or 正文) needs no heading of its own."""
    if len(entry.sections) > 1:
        return True
    return entry.sections[0].title not in (entry.title, "正文", "全文")
