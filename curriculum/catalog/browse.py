"""Browsing the catalog: search and facets, text cards, the stage map, reader glue.

Everything the three catalog pages (经典书目, 学段图谱, 阅读) compute lives here
as pure functions over a loaded ``Catalog``; the pages only read widgets and
render what these functions return.

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
* The stage map marks a cell 2 (重点) when the programme features the text at
  that stage (``Stage.featured``) *and* the catalog recommends it there, 1 when
  only recommended, 0 otherwise. Featured-but-not-recommended is deliberately
  not shown, so that the map and the stage filter always agree.
"""

from __future__ import annotations

import hashlib
import html
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from curriculum.catalog.schema import Catalog, TextEntry
from curriculum.exports.printing import PrintBlock, ruby_html
from curriculum.stages import STAGE_BY_KEY, STAGE_KEYS, STAGE_LABELS, STAGES, reading_minutes
from curriculum.vocab import CATEGORIES, FESTIVALS, SHOUZE_ARTICLES, THEMES

NOT_RECOMMENDED = 0
RECOMMENDED = 1
FEATURED = 2

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


def featured_stages(entry: TextEntry) -> list[str]:
    """Stage keys where the programme features this text (and the catalog recommends it)."""
    return [s.key for s in STAGES if entry.id in s.featured and s.key in entry.stages]


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


# --------------------------------------------------------------------------- stage map


def _unique_labels(catalog: Catalog) -> dict[str, str]:
    """A display label per text id: the title, with the author when two texts share a title."""
    counts: dict[str, int] = {}
    for e in catalog.texts:
        counts[e.title] = counts.get(e.title, 0) + 1
    labels = {}
    for e in catalog.texts:
        label = e.title if counts[e.title] == 1 else f"{e.title}（{e.author}）"
        labels[e.id] = label
    # Title + author could still collide (same poet, same title): fall back to the id.
    seen: dict[str, int] = {}
    for text_id, label in labels.items():
        seen[label] = seen.get(label, 0) + 1
    return {i: (lbl if seen[lbl] == 1 else f"{lbl}·{i}") for i, lbl in labels.items()}


def stage_text_matrix(catalog: Catalog, categories: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per text, one column per stage key (0 / 1 recommended / 2 featured).

    ``categories`` (keys of ``vocab.CATEGORIES``), when given and not empty,
    keeps only the texts of those categories; otherwise every text is shown.

    Extra columns: ``id``, ``label`` (unique display title), ``title``,
    ``author``, ``category``, ``category_label``, ``characters``. Rows run as a
    continuum: by first stage, then last stage, then catalog order, so texts
    for the youngest readers come first.
    """
    labels = _unique_labels(catalog)
    rows = []
    wanted = set(categories or ())
    for position, e in enumerate(catalog.texts):
        if wanted and e.category not in wanted:
            continue
        orders = [STAGE_BY_KEY[k].order for k in e.stages]
        row = {
            "id": e.id,
            "label": labels[e.id],
            "title": e.title,
            "author": e.author,
            "category": e.category,
            "category_label": CATEGORIES[e.category],
            "characters": e.characters,
            "_first": min(orders),
            "_last": max(orders),
            "_pos": position,
        }
        featured = set(featured_stages(e))
        for key in STAGE_KEYS:
            row[key] = FEATURED if key in featured else RECOMMENDED if key in e.stages else NOT_RECOMMENDED
        rows.append(row)
    columns = ["id", "label", "title", "author", "category", "category_label", "characters", *STAGE_KEYS]
    if not rows:
        return pd.DataFrame(columns=columns)
    df = pd.DataFrame(rows).sort_values(["_first", "_last", "_pos"], kind="stable")
    return df[columns].reset_index(drop=True)


STAGE_MARKS = {NOT_RECOMMENDED: "", RECOMMENDED: "●", FEATURED: "★"}


def stage_text_table(matrix: pd.DataFrame) -> pd.DataFrame:
    """The stage map as a table for people: Chinese headers, ● recommended, ★ featured."""
    table = pd.DataFrame(
        {
            "篇目": matrix["label"],
            "作者": matrix["author"],
            "类别": matrix["category_label"],
            "字数": matrix["characters"],
        }
    )
    for key in STAGE_KEYS:
        table[STAGE_LABELS[key]] = matrix[key].map(STAGE_MARKS)
    return table


def category_stage_coverage(catalog: Catalog) -> pd.DataFrame:
    """Category × stage coverage, tidy: one row per (category, stage), zeros included.

    Columns: ``category``, ``category_label``, ``stage``, ``stage_label``,
    ``texts`` (number of texts recommended there) and ``characters`` (their
    total characters). Rows are in category order, then stage order.
    """
    rows = []
    for category, category_label in CATEGORIES.items():
        for stage in STAGES:
            texts = [e for e in catalog.texts if e.category == category and stage.key in e.stages]
            rows.append(
                {
                    "category": category,
                    "category_label": category_label,
                    "stage": stage.key,
                    "stage_label": stage.label,
                    "texts": len(texts),
                    "characters": sum(e.characters for e in texts),
                }
            )
    return pd.DataFrame(rows)


def coverage_table(coverage: pd.DataFrame) -> pd.DataFrame:
    """Coverage for people: rows 类别 (plus 合计), columns stages, cells ``5 篇 / 3,210 字``."""
    stage_labels = [STAGE_LABELS[k] for k in STAGE_KEYS]
    table: dict[str, list[str]] = {"类别": []}
    for label in stage_labels:
        table[label] = []

    def cell(frame: pd.DataFrame) -> str:
        return f"{int(frame['texts'].sum())} 篇 / {int(frame['characters'].sum()):,} 字"

    for category, label in CATEGORIES.items():
        table["类别"].append(label)
        for key, stage_label in zip(STAGE_KEYS, stage_labels):
            part = coverage[(coverage["category"] == category) & (coverage["stage"] == key)]
            table[stage_label].append(cell(part))
    table["类别"].append("合计")
    for key, stage_label in zip(STAGE_KEYS, stage_labels):
        table[stage_label].append(cell(coverage[coverage["stage"] == key]))
    return pd.DataFrame(table)


def coverage_gaps(coverage: pd.DataFrame) -> list[str]:
    """Stage × category cells with no text at all, as ``小学低段 · 革命文化``."""
    empty = coverage[coverage["texts"] == 0]
    return [f"{r.stage_label} · {r.category_label}" for r in empty.itertuples()]


# --------------------------------------------------------------------------- reader


Pairs = list[tuple[str, str]]


def text_pinyin(entry: TextEntry) -> list[Pairs]:
    """Pinyin pairs per passage, in ``entry.passages`` order (punctuation gets ``""``)."""
    from curriculum.pinyin import annotate_text

    return [list(map(tuple, passage)) for passage in annotate_text(entry)]


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


_READER_CSS = (
    "<style>"
    ".classics-reader{font-family:'Noto Serif CJK SC','Noto Sans CJK SC','Songti SC',serif;"
    "line-height:1.8;font-size:1.35rem;}"
    ".classics-reader h4{margin:1.2em 0 .4em;font-size:1.1em;color:#8a3324;}"
    # Streamlit styles bare <p>; size the passages explicitly so large type really is large.
    ".classics-reader p{margin:0 0 .3em;font-size:inherit;line-height:inherit;}"
    # Readings wider than their character would run into each other ("yǒupéng"): a little
    # padding on every ruby keeps syllables apart.
    ".classics-reader ruby{padding:0 .12em;}"
    ".classics-reader rt{font-size:.55em;color:#555;font-family:sans-serif;padding:0 .1em;}"
    ".classics-reader.large{font-size:2.6rem;line-height:1.8;}"
    ".classics-reader.pinyin{line-height:2.5;}"
    ".classics-reader.large.pinyin{line-height:2.5;}"
    "</style>"
)


def reader_html(
    entry: TextEntry,
    *,
    section: int | None = None,
    pinyin: list[Pairs] | None = None,
    large: bool = False,
) -> str:
    """HTML for the on-screen reader: one section (or all when ``section`` is None).

    With ``pinyin`` (as returned by ``text_pinyin``), every character carries
    a ``<ruby>`` reading; ``large`` sets projection-size type.
    """
    indexes = range(len(entry.sections)) if section is None else [section]
    ranges = section_ranges(entry)
    classes = "classics-reader" + (" large" if large else "") + (" pinyin" if pinyin else "")
    out = [_READER_CSS, f'<div class="{classes}" lang="zh-CN">']
    headings = shows_section_headings(entry)
    for i in indexes:
        sec = entry.sections[i]
        if headings:
            out.append(f"<h4>{html.escape(sec.title)}</h4>")
        start, stop = ranges[i]
        for index in range(start, stop):
            if pinyin is not None:
                body = ruby_html(pinyin[index])
            else:
                body = html.escape(entry.passages[index])
            out.append(f"<p>{body}</p>")
    out.append("</div>")
    return "".join(out)


def print_blocks(entry: TextEntry, *, pinyin: bool, readings: list[Pairs] | None = None) -> list[PrintBlock]:
    """The printable view of a text: title, byline, section headings, passages, a note.

    With ``pinyin``, each passage block carries its ``(character, pinyin)``
    pairs for ``<ruby>`` / the PDF's reading line; pass ``readings`` (from
    ``text_pinyin``) when they are already computed.
    """
    if not pinyin:
        readings = None
    elif readings is None:
        readings = text_pinyin(entry)
    blocks = [
        PrintBlock(kind="title", text=entry.title, pinyin=None),
        PrintBlock(kind="subtitle", text=f"{entry.author} · {entry.era}", pinyin=None),
    ]
    headings = shows_section_headings(entry)
    for (start, stop), section in zip(section_ranges(entry), entry.sections):
        if headings:
            blocks.append(PrintBlock(kind="heading", text=section.title, pinyin=None))
        for index in range(start, stop):
            pairs = tuple(tuple(p) for p in readings[index]) if readings is not None else None
            blocks.append(PrintBlock(kind="text", text=entry.passages[index], pinyin=pairs))
    stages = "、".join(STAGE_LABELS[k] for k in STAGE_KEYS if k in entry.stages)
    note = f"{CATEGORIES[entry.category]} · 适用学段：{stages} · 共 {entry.characters:,} 字"
    blocks.append(PrintBlock(kind="note", text=note, pinyin=None))
    return blocks


def download_name(entry: TextEntry, *, pinyin: bool, suffix: str) -> str:
    """``论语-注音.pdf`` / ``静夜思.html`` — the title, so the file is recognisable when printed."""
    safe = "".join(ch for ch in entry.title if ch not in '\\/:*?"<>|·').strip() or entry.id
    return f"{safe}{'-注音' if pinyin else ''}.{suffix}"


def plain_download_name(*parts: str, suffix: str) -> str:
    """``一年级（2）班-秋季学期计划.ics`` — Chinese parts joined by “-”, characters file systems refuse dropped.

    Empty parts are left out; with nothing left the name is ``下载.<suffix>``.
    """
    cleaned = ["".join(ch for ch in str(p) if ch not in '\\/:*?"<>|·\n\r\t').strip() for p in parts]
    stem = "-".join(p for p in cleaned if p) or "下载"
    return f"{stem}.{suffix}"
