"""The CJK font for PDFs: parsed once per process, embedded with Identity-H so text can be copied.

fpdf2 parses a font in ``add_font`` (cmap, widths, metrics of all 65 535
glyphs of Noto Sans CJK — about 0.6 s) and throws that work away with the
document. ``register_cjk_font`` parses the Simplified Chinese face of the
collection once per process and gives each new document a light copy that
shares the read-only tables and owns only what a document changes: its glyph
subset, its font descriptor and a freshly opened (lazy) font file to subset.
The per-document file keeps only the tables the PDF embeds (``CFF``, ``head``,
``maxp``), does not recompute bounding boxes and is not written out as a whole
font (fpdf2 embeds only its CFF table), so the subset costs little more than
the glyphs it contains.

Noto Sans CJK has CFF outlines keyed by CID. For such fonts fpdf2 2.8 numbers
the used glyphs 1, 2, 3 … and writes an embedded CMap from those numbers to
CIDs as the font's ``/Encoding``; pdfminer.six cannot read that encoding (it
extracts nothing) and pypdf garbles text once a file uses over 255 glyphs.
Here the code written into the page *is* the glyph's CID, so the standard
``/Identity-H`` encoding is exact and the ``/ToUnicode`` map fpdf2 writes
(code → Unicode) lets every reader recover the characters. fpdf2 still adds
its own CMap object; it is left unreferenced, which readers ignore.
"""

from __future__ import annotations

import copy
import threading
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import Glyph, SubsetMap, TTFFont
from fpdf.output import OutputProducer
from fpdf.syntax import Name
from fpdf.util import escape_parens

# Tables of the per-document font file: the CFF program (all the PDF embeds for a
# CID-keyed font) and the two that any font file needs to be written out.
_KEEP_TABLES = frozenset({"CFF ", "head", "maxp"})

_lock = threading.Lock()
_templates: dict[tuple[str, int], CJKFont] = {}


def _cid(glyph: Glyph) -> int:
    """The CID of a glyph of a CID-keyed CFF font (fontTools names them ``cid01234``); 0 for ``.notdef``."""
    name = glyph.glyph_name
    return int(name[3:]) if name.startswith("cid") and name[3:].isdigit() else 0


class CIDSubsetMap(SubsetMap):
    """Codes equal to CIDs, so the page's 2-byte codes need no encoding CMap (``/Identity-H``)."""

    def __init__(self, font: TTFFont) -> None:  # noqa: D107 - replaces fpdf2's sequential numbering
        self.font = font
        self._next = 0
        self._reserved: list[int] = []
        self._char_id_per_glyph: dict[Glyph | None, int] = {}
        # .notdef and the space first, as fpdf2 does (it reserves them before any text).
        for unicode in (0x00, 0x20):
            self.pick_glyph(self.get_glyph(unicode=unicode))

    def pick_glyph(self, glyph: Glyph | None) -> int | None:
        if glyph is None:
            return None
        code = self._char_id_per_glyph.get(glyph)
        if code is None:
            code = _cid(glyph)
            self._char_id_per_glyph[glyph] = code
            self._next = len(self._char_id_per_glyph)
        return code


class CJKFont(TTFFont):
    """A TTFFont whose text codes are CIDs; a copy per document shares the parsed tables."""

    __slots__ = ()

    def width_mm(self, text: str, size_pt: float) -> float:
        """Advance width of ``text`` at ``size_pt`` in mm (what ``FPDF.get_string_width`` gives, without its cost)."""
        cw = self.cw
        return sum(cw[ord(ch)] for ch in text) * size_pt * 0.001 * 25.4 / 72

    def escape_text(self, text: str) -> str:
        # CIDs 0xD800–0xDFFF are ordinary glyphs here, not UTF-16 surrogates: write their two bytes as they are.
        return escape_parens(text.encode("utf-16-be", "surrogatepass").decode("latin-1"))

    def for_document(self, fpdf: FPDF, fontkey: str, style: str) -> CJKFont:
        """A copy for one document: shared cmap/widths, its own subset, descriptor and font file."""
        font = copy.copy(self)
        font.i = len(fpdf.fonts) + 1
        font.fontkey = fontkey
        font.biggest_size_pt = 0
        font.missing_glyphs = []
        font.desc = copy.copy(self.desc)  # the output sets its name, file and object id
        font._hbfont = None
        font.ttfont = _open_face(self.ttffile, self.collection_font_number)
        font.subset = CIDSubsetMap(font)
        del style  # every style is the one regular face
        return font


class _EmbeddedFace(ttLib.TTFont):
    """A face whose only use is to be subset and have its CFF table embedded."""

    def save(self, file, reorderTables=True):  # noqa: N803 - fontTools' signature
        # fpdf2 writes the whole subset font and then, for a CID-keyed CFF font, discards it
        # and embeds ``self["CFF "].compile(...)`` instead; skip the discarded (0.4 s) write.
        del file, reorderTables


def _open_face(path: Path, number: int) -> ttLib.TTFont:
    """The face opened lazily, without the tables a CID-keyed PDF font does not embed."""
    face = _EmbeddedFace(path, fontNumber=number, lazy=True, recalcTimestamp=False, recalcBBoxes=False)
    for tag in list(face.keys()):
        if tag not in _KEEP_TABLES and tag != "GlyphOrder":
            del face[tag]
    return face


def _template(path: Path, number: int) -> CJKFont:
    """The face parsed once per process (under a lock: Streamlit renders sessions in threads)."""
    key = (str(path), number)
    with _lock:
        font = _templates.get(key)
        if font is None:
            font = CJKFont(FPDF(), path, "template", "", collection_font_number=number)
            font.subset = CIDSubsetMap(font)
            font.ttfont.close()  # documents open their own copy; the parsed tables live in the template
            _templates[key] = font
        return font


def register_cjk_font(pdf: FPDF, family: str, path: Path, number: int) -> None:
    """Make ``family`` available in ``pdf`` from the process-wide parsed face, as regular and as ``"B"``.

    The font has one weight; ``"B"`` is the same font object (not a second
    copy), so table heading rows, which ask for bold, work and cost nothing.
    Write such a document with ``IdentityOutputProducer``, which embeds it once.
    """
    fontkey = family.lower()
    font = _template(path, number).for_document(pdf, fontkey, "")
    pdf.fonts[fontkey] = font
    pdf.fonts[fontkey + "B"] = font
    # fpdf2 writes CID-keyed CFF fonts (FontFile3/CIDFontType0C) only from PDF 1.6 on.
    pdf._set_min_pdf_version("1.6")


class IdentityOutputProducer(OutputProducer):
    """fpdf2's writer: each font embedded once, ``/Identity-H`` for every ``CJKFont`` (its codes are CIDs)."""

    def _add_fonts(self, *args, **kwargs):
        fonts = self.fpdf.fonts
        registered = dict(fonts)
        seen: set[int] = set()
        for key, font in registered.items():
            if id(font) in seen:
                # fpdf2 embeds every entry; the "B" alias must not embed (and close) the same font twice.
                del fonts[key]
            seen.add(id(font))
        try:
            objects = super()._add_fonts(*args, **kwargs)
        finally:
            fonts.clear()
            fonts.update(registered)
        for font in registered.values():
            if isinstance(font, CJKFont) and font.i in objects:
                objects[font.i].encoding = Name("Identity-H")
        return objects
