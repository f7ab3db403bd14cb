"""Printable output: one block model, rendered as standalone HTML or as a PDF.

The reader page, the plan printout and the duty roster all describe what to
print as a sequence of ``PrintBlock`` (title, subtitle, heading, text, note),
optionally with per-character pinyin. ``render_html`` makes a self-contained
HTML5 page with ``<ruby>`` pinyin and print CSS (A4); ``render_pdf`` draws the
same blocks with fpdf2, pinyin small and centred above each character, using
the Noto Sans CJK font shipped by the ``noto-cjk-sans-otc`` package, so no
system font is needed. ``new_cjk_pdf`` gives callers that draw their own
tables an ``FPDF`` with that font already registered.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from fpdf import FPDF

from curriculum.exports.cjk_font import CJKFont, IdentityOutputProducer, register_cjk_font

BlockKind = Literal["title", "subtitle", "heading", "text", "note"]
BLOCK_KINDS: tuple[str, ...] = ("title", "subtitle", "heading", "text", "note")

#: Family name under which ``new_cjk_pdf`` registers the CJK font.
CJK_FONT_FAMILY = "NotoSansSC"

# A heading whose section has at least this many characters starts a new
# printed page: long chapters (论语 篇, 孟子 章) read better that way, while
# short sections (one poem each) would waste paper.
LONG_SECTION_CHARS = 350

# Punctuation that must not start a line (it joins the previous character) and
# punctuation that must not end one (it joins the next) — the usual 避头尾 rules.
_NO_LINE_START = set("，。、；：？！）》」』〉】〕”’…—·,.;:?!)]}%")
_NO_LINE_END = set("（《「『〈【〔“‘([{")


@dataclass(frozen=True)
class PrintBlock:
    """One printable block.

    ``pinyin`` is per character: ``(char, pinyin)`` pairs covering ``text``
    in order, with ``""`` for punctuation and anything without a reading.
    """

    kind: BlockKind
    text: str
    pinyin: tuple[tuple[str, str], ...] | None = None

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"未知的打印块类型：{self.kind!r}（可选：{'、'.join(BLOCK_KINDS)}）")
        if self.pinyin is not None:
            chars = "".join(c for c, _ in self.pinyin)
            if chars != self.text:
                raise ValueError(f"拼音与文字不一致：{self.text[:20]!r}")


def _hanzi_count(text: str) -> int:
    return sum(1 for ch in text if "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003ffff")


def _long_headings(blocks: Sequence[PrintBlock]) -> set[int]:
    """Indexes of headings whose section is long enough to start a fresh page."""
    result: set[int] = set()
    seen_heading = False
    for i, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        size = 0
        for nxt in blocks[i + 1 :]:
            if nxt.kind in ("heading", "title"):
                break
            size += _hanzi_count(nxt.text)
        # The first heading follows the title on page one; never break there.
        if seen_heading and size >= LONG_SECTION_CHARS:
            result.add(i)
        seen_heading = True
    return result


# --------------------------------------------------------------------------- HTML

_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { -webkit-text-size-adjust: 100%; }
body {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
    "Microsoft YaHei", "Noto Sans SC", sans-serif;
  font-size: 14pt; line-height: 1.8; color: #111; background: #fff;
  max-width: 48em; margin: 0 auto; padding: 1.5em 1em;
}
h1 { font-size: 1.8em; text-align: center; margin: 0.2em 0 0.3em; font-weight: 700; }
p.subtitle { text-align: center; color: #555; margin: 0 0 1.2em; }
h2 { font-size: 1.3em; margin: 1.4em 0 0.5em; border-bottom: 1px solid #ccc;
  break-after: avoid; page-break-after: avoid; }
p.text { margin: 0.35em 0; break-inside: avoid; page-break-inside: avoid; }
p.note { font-size: 0.85em; color: #555; margin: 0.3em 0; }
.pinyin { line-height: 2.5; }
ruby { ruby-position: over; ruby-align: center; }
rt { font-size: 0.5em; color: #444; font-family: "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  letter-spacing: 0; }
body.large { font-size: 30pt; max-width: none; padding: 0.6em 1.2em; }
body.large .pinyin { line-height: 2.3; }
@media print {
  body { max-width: none; padding: 0; }
  h2.page-break { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
}
""".strip()


def ruby_html(pairs: Sequence[tuple[str, str]]) -> str:
    """``<ruby>`` markup for (char, pinyin) pairs; characters without pinyin stay plain."""
    parts: list[str] = []
    for char, reading in pairs:
        if char == "\n":
            parts.append("<br>")
        elif reading:
            parts.append(f"<ruby>{html.escape(char)}<rt>{html.escape(reading)}</rt></ruby>")
        else:
            parts.append(html.escape(char))
    return "".join(parts)


def _inline(block: PrintBlock) -> str:
    if block.pinyin is not None:
        return ruby_html(block.pinyin)
    return html.escape(block.text).replace("\n", "<br>")


def render_fragment(blocks: Sequence[PrintBlock]) -> str:
    """The body markup of ``render_html`` (for embedding in a page that brings its own CSS)."""
    breaks = _long_headings(blocks)
    out: list[str] = []
    for i, block in enumerate(blocks):
        body = _inline(block)
        extra = " pinyin" if block.pinyin is not None else ""
        if block.kind == "title":
            out.append(f'<h1 class="title{extra}">{body}</h1>')
        elif block.kind == "subtitle":
            out.append(f'<p class="subtitle{extra}">{body}</p>')
        elif block.kind == "heading":
            cls = "heading" + extra + (" page-break" if i in breaks else "")
            out.append(f'<h2 class="{cls}">{body}</h2>')
        elif block.kind == "note":
            out.append(f'<p class="note{extra}">{body}</p>')
        else:
            out.append(f'<p class="text{extra}">{body}</p>')
    return "\n".join(out)


def print_css() -> str:
    """The print stylesheet used by ``render_html``."""
    return _CSS


def render_html(title: str, blocks: Sequence[PrintBlock], *, large: bool = False) -> str:
    """A standalone, printable HTML5 document (``lang="zh-CN"``, A4 print CSS).

    Pinyin is rendered as ``<ruby>字<rt>zì</rt></ruby>``; every text is
    HTML-escaped. If ``blocks`` has no ``title`` block, ``title`` is shown as
    the page heading. ``large`` switches to big type for projection in class.
    """
    head_title = html.escape(title)
    body: list[str] = []
    if not any(b.kind == "title" for b in blocks):
        body.append(f'<h1 class="title">{head_title}</h1>')
    body.append(render_fragment(blocks))
    body_class = ' class="large"' if large else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{head_title}</title>\n<style>\n{_CSS}\n</style>\n</head>\n"
        f"<body{body_class}>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- PDF


def cjk_font_path() -> Path:
    """The Noto Sans CJK collection installed by the ``noto-cjk-sans-otc`` package."""
    import noto_cjk_sans_otc

    return Path(noto_cjk_sans_otc.__file__).parent / "NotoSansCJK-Regular.ttc"


@lru_cache(maxsize=1)
def _sc_face_index() -> int:
    """Index of the Simplified Chinese face inside the collection (looked up by name, not assumed)."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(cjk_font_path()), lazy=True)
    try:
        for index, font in enumerate(collection.fonts):
            if font["name"].getDebugName(6) == "NotoSansCJKsc-Regular":
                return index
    finally:
        collection.close()
    raise RuntimeError(f"{cjk_font_path()} 中没有简体中文字体（NotoSansCJKsc-Regular）")


class _CJKPDF(FPDF):
    """FPDF with a centred page number in the footer, one regular CJK face and Identity-H output."""

    def output(self, *args, **kwargs):
        kwargs.setdefault("output_producer_class", IdentityOutputProducer)
        return super().output(*args, **kwargs)

    def footer(self) -> None:  # called by fpdf2 on every page
        self.set_y(-12)
        self.set_font(CJK_FONT_FAMILY, size=8)
        self.set_text_color(120)
        self.cell(0, 5, f"{self.page_no()} / {{nb}}", align="C")
        self.set_text_color(0)


def new_cjk_pdf(orientation: str = "P") -> FPDF:
    """An A4 ``FPDF`` (unit mm) with the CJK font registered as ``CJK_FONT_FAMILY`` and selected.

    No page is added yet; margins are 16 mm with automatic page breaks, and
    every page gets a page number in the footer. Style ``"B"`` maps to the
    same regular face (the package has no bold), so ``pdf.table()`` headings work.
    """
    pdf = _CJKPDF(orientation=orientation, unit="mm", format="A4")
    # Parsed once per process and shared by every document (see ``cjk_font``).
    register_cjk_font(pdf, CJK_FONT_FAMILY, cjk_font_path(), _sc_face_index())
    pdf.set_margins(16, 16, 16)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_font(CJK_FONT_FAMILY, size=12)
    pdf.set_lang("zh-CN")
    pdf.set_creator("classics-planner")
    return pdf


@dataclass(frozen=True)
class _Style:
    size: float  # character size, pt
    align: Literal["L", "C"]
    gray: int
    before: float  # space before, mm
    after: float  # space after, mm


_STYLES: dict[str, _Style] = {
    "title": _Style(22, "C", 0, 0, 3),
    "subtitle": _Style(12, "C", 90, 0, 5),
    "heading": _Style(16, "L", 0, 4, 2),
    "text": _Style(15, "L", 0, 0, 1.5),
    "note": _Style(10, "L", 100, 0, 1.5),
}
_PINYIN_RATIO = 0.5  # pinyin size relative to the character size
_GRID_RATIO = 1.45  # cell width of an annotated character, relative to its own width
_PT = 25.4 / 72  # mm per point


def _units(pairs: Sequence[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Group characters into unbreakable units: punctuation sticks to its neighbour, Latin words stay whole."""
    units: list[list[tuple[str, str]]] = []
    for pair in pairs:
        char, reading = pair
        if char == "\n":
            units.append([pair])
            continue
        prev = units[-1] if units else None
        if prev and prev[-1][0] != "\n":
            last = prev[-1][0]
            if (
                char in _NO_LINE_START
                or last in _NO_LINE_END
                or (not reading and char.isascii() and char.isalnum() and last.isascii() and last.isalnum())
            ):
                prev.append(pair)
                continue
        units.append([pair])
    return units


class _Layout:
    """Draws blocks of (char, pinyin) rows onto an FPDF, wrapping by character width."""

    def __init__(self, pdf: FPDF):
        self.pdf = pdf
        font = pdf.current_font
        # Straight from the font's width table: fpdf2's get_string_width (bidi, fragments) was
        # most of the layout time of a term plan, for one width per character.
        self._measure = font.width_mm if isinstance(font, CJKFont) else None

    def _width(self, text: str, size: float) -> float:
        if self._measure is not None:
            return self._measure(text, size)
        self.pdf.set_font_size(size)
        return self.pdf.get_string_width(text)

    def _cell_widths(self, unit: Sequence[tuple[str, str]], size: float, with_pinyin: bool) -> list[float]:
        widths = []
        for char, reading in unit:
            w = self._width(char, size)
            if with_pinyin and reading:
                # An even grid reads best (as in school readers): every
                # character gets the same cell unless its syllable needs more,
                # with some air so neighbouring syllables never touch.
                w = max(w * _GRID_RATIO, self._width(reading, size * _PINYIN_RATIO) + size * _PT * 0.25)
            widths.append(w)
        return widths

    def _lines(self, pairs, size, with_pinyin, width):
        lines: list[list[tuple[str, str, float]]] = [[]]
        used = 0.0
        pending = _units(pairs)
        while pending:
            unit = pending.pop(0)
            if unit[0][0] == "\n":
                lines.append([])
                used = 0.0
                continue
            widths = self._cell_widths(unit, size, with_pinyin)
            total = sum(widths)
            if total > width and len(unit) > 1:
                # Wider than a whole line (a long Latin word or URL): let it break anywhere.
                pending[:0] = [[pair] for pair in unit]
                continue
            if lines[-1] and used + total > width + 0.01:
                lines.append([])
                used = 0.0
            lines[-1].extend((c, r, w) for (c, r), w in zip(unit, widths))
            used += total
        return [line for line in lines if line] or [[]]

    def draw(self, block: PrintBlock, *, new_page_first: bool = False) -> None:
        pdf = self.pdf
        style = _STYLES[block.kind]
        pairs = block.pinyin if block.pinyin is not None else tuple((c, "") for c in block.text)
        with_pinyin = block.pinyin is not None and any(r for _, r in block.pinyin)
        char_h = style.size * _PT * 1.3
        py_h = style.size * _PINYIN_RATIO * _PT * 1.5 if with_pinyin else 0.0
        row_h = py_h + char_h + (1.2 if with_pinyin else 0.3)
        width = pdf.w - pdf.l_margin - pdf.r_margin
        lines = self._lines(pairs, style.size, with_pinyin, width)
        bottom = pdf.h - pdf.b_margin

        if new_page_first and pdf.get_y() > pdf.t_margin + 1:
            pdf.add_page()
        y = pdf.get_y()
        if y > pdf.t_margin + 1:
            y += style.before
        if block.kind == "heading" and y + row_h * 3 > bottom:
            # keep a heading with at least two rows of its section
            pdf.add_page()
            y = pdf.get_y()

        pdf.set_text_color(style.gray)
        for line in lines:
            if y + row_h > bottom:
                pdf.add_page()
                y = pdf.get_y()
            line_w = sum(w for _, _, w in line)
            x = pdf.l_margin + ((width - line_w) / 2 if style.align == "C" else 0)
            base_char = y + py_h + style.size * _PT * 1.0
            base_py = y + py_h - style.size * _PINYIN_RATIO * _PT * 0.35
            if not with_pinyin:
                pdf.set_font_size(style.size)
                pdf.text(x, base_char, "".join(c for c, _, _ in line))
            else:
                for char, reading, w in line:
                    char_x = x + (w - self._width(char, style.size)) / 2
                    pdf.set_font_size(style.size)
                    pdf.text(char_x, base_char, char)
                    if reading:
                        py_x = x + (w - self._width(reading, style.size * _PINYIN_RATIO)) / 2
                        pdf.set_font_size(style.size * _PINYIN_RATIO)
                        pdf.set_text_color(70 if style.gray == 0 else style.gray)
                        pdf.text(py_x, base_py, reading)
                        pdf.set_text_color(style.gray)
                    x += w
            y += row_h
        if block.kind == "heading":
            pdf.set_draw_color(190)
            pdf.set_line_width(0.2)
            pdf.line(pdf.l_margin, y + 0.3, pdf.w - pdf.r_margin, y + 0.3)
            y += 0.6
        pdf.set_text_color(0)
        pdf.set_y(y + style.after)


def render_pdf(title: str, blocks: Sequence[PrintBlock]) -> bytes:
    """A4 PDF of ``blocks`` with the CJK font embedded; pinyin small and centred above each character.

    Lines wrap by character width (punctuation never starts a line), long
    sections start on a new page, and pages are added as needed. If ``blocks``
    has no ``title`` block, ``title`` is printed at the top.
    """
    pdf = new_cjk_pdf()
    pdf.set_title(title)
    # The layout breaks pages itself, row by row; keep the bottom margin for the footer.
    pdf.set_auto_page_break(False, margin=pdf.b_margin)
    pdf.add_page()
    layout = _Layout(pdf)
    if not any(b.kind == "title" for b in blocks):
        layout.draw(PrintBlock("title", title))
    breaks = _long_headings(blocks)
    for i, block in enumerate(blocks):
        layout.draw(block, new_page_first=i in breaks)
    return bytes(pdf.output())
