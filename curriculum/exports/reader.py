"""A catalog text on screen and on paper: the reader's HTML, its printable blocks, its pinyin.

The 阅读 page shows ``reader_html`` and offers ``print_blocks`` rendered by
``exports.printing`` (HTML or PDF). Pinyin comes from ``curriculum.pinyin``
(classical readings laid over pypinyin), one list of ``(character, pinyin)``
pairs per passage, in ``TextEntry.passages`` order. The catalog itself knows
nothing of this: it only supplies the text and its section ranges.
"""

from __future__ import annotations

import html

from curriculum.catalog.browse import section_ranges, shows_section_headings
from curriculum.catalog.schema import TextEntry
from curriculum.exports.printing import PrintBlock, ruby_html
from curriculum.pinyin import annotate_text
from curriculum.stages import STAGE_KEYS, STAGE_LABELS
from curriculum.vocab import CATEGORIES

Pairs = list[tuple[str, str]]


def text_pinyin(entry: TextEntry) -> list[Pairs]:
    """Pinyin pairs per passage, in ``entry.passages`` order (punctuation gets ``""``)."""
    return [list(map(tuple, passage)) for passage in annotate_text(entry)]


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
            body = ruby_html(pinyin[index]) if pinyin is not None else html.escape(entry.passages[index])
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
