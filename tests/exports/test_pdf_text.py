"""PDF text can be copied and extracted (Identity-H + ToUnicode), and the CJK font is parsed once per process."""

from __future__ import annotations

import io
import re
import threading
from collections import Counter

import pytest

from curriculum.exports.cjk_font import CJKFont
from curriculum.exports.printing import CJK_FONT_FAMILY, PrintBlock, new_cjk_pdf, render_pdf
from curriculum.pinyin import plain_annotate

JINGYESI = "床前明月光，疑是地上霜。举头望明月，低头思故乡。"
# 400 different characters: over the 255 glyphs where pypdf used to start garbling the text.
MANY = "".join(chr(0x4E00 + 7 * i) for i in range(400))


def _hanzi(text: str) -> Counter:
    return Counter(ch for ch in text if "\u3400" <= ch <= "\u9fff")


def _pdfminer_text(data: bytes) -> str:
    high_level = pytest.importorskip("pdfminer.high_level")
    return high_level.extract_text(io.BytesIO(data))


def _pypdf_text(data: bytes) -> str:
    pypdf = pytest.importorskip("pypdf")
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_pdf_uses_identity_h_with_a_tounicode_map():
    data = render_pdf("静夜思", [PrintBlock("text", JINGYESI)])
    assert re.search(rb"/Encoding\s*/Identity-H", data)
    assert b"/ToUnicode" in data
    assert re.search(rb"/FontFile3", data)  # the CFF program is embedded, subset


def test_pdfminer_extracts_every_character_and_the_pinyin():
    pairs = tuple(plain_annotate(JINGYESI))
    data = render_pdf("静夜思", [PrintBlock("title", "静夜思"), PrintBlock("text", JINGYESI, pairs)])
    text = _pdfminer_text(data)
    assert _hanzi(text) >= _hanzi("静夜思" + JINGYESI)
    words = set(text.split())
    syllables = {reading for _, reading in pairs if reading}
    assert {"chuáng", "míng", "yuè", "shuāng", "xiāng"} <= syllables
    assert syllables <= words


def test_text_with_more_than_255_glyphs_extracts_exactly_with_both_tools():
    data = render_pdf("字表", [PrintBlock("title", "字表"), PrintBlock("text", MANY)])
    assert _hanzi(_pdfminer_text(data)) == _hanzi("字表" + MANY)
    assert _hanzi(_pypdf_text(data)) == _hanzi("字表" + MANY)


def test_glyphs_whose_cid_falls_in_the_utf16_surrogate_range_are_written_and_extracted():
    # In Noto Sans CJK the CIDs 0xD800–0xDFFF are Hangul syllables, e.g. 쨅 (cid 55296).
    data = render_pdf("x", [PrintBlock("text", "天쨅地")])
    assert "쨅" in _pdfminer_text(data)


def test_roster_style_tables_with_bold_headings_extract_too():
    pdf = new_cjk_pdf("L")
    pdf.add_page()
    with pdf.table() as table:
        for row in (("日期", "志愿者"), ("9月7日 周一", "张老师、李四")):
            cells = table.row()
            for cell in row:
                cells.cell(cell)
    data = bytes(pdf.output())
    assert data.count(b"/FontFile3") == 1  # the bold alias is the same font, embedded once
    assert _hanzi(_pdfminer_text(data)) >= _hanzi("日期志愿者周一张老师李四")


def test_the_font_is_parsed_once_and_shared_documents_keep_their_own_subset():
    first, second = new_cjk_pdf(), new_cjk_pdf()
    a, b = first.fonts[CJK_FONT_FAMILY.lower()], second.fonts[CJK_FONT_FAMILY.lower()]
    assert isinstance(a, CJKFont) and isinstance(b, CJKFont)
    assert a.cmap is b.cmap and a.glyph_ids is b.glyph_ids  # parsed tables shared
    assert a.subset is not b.subset and a.desc is not b.desc and a.ttfont is not b.ttfont
    assert first.fonts[CJK_FONT_FAMILY.lower() + "B"] is a


def test_documents_built_in_parallel_threads_are_each_complete():
    # Streamlit renders each browser session in its own thread, all sharing the parsed font.
    texts = [MANY[i * 40:(i + 1) * 40] for i in range(4)]
    results: dict[int, bytes] = {}

    def build(i: int) -> None:
        results[i] = render_pdf(str(i), [PrintBlock("text", texts[i])])

    threads = [threading.Thread(target=build, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, text in enumerate(texts):
        assert _hanzi(_pdfminer_text(results[i])) == _hanzi(text)
