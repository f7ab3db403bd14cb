"""Printable output: standalone HTML with <ruby> pinyin, and PDFs with the CJK font embedded."""

import re
import zlib

import pytest

from curriculum.exports.printing import (
    CJK_FONT_FAMILY,
    PrintBlock,
    new_cjk_pdf,
    render_html,
    render_pdf,
)

XUE_ER = (
    ("学", "xué"), ("而", "ér"), ("时", "shí"), ("习", "xí"), ("之", "zhī"), ("，", ""),
    ("不", "bù"), ("亦", "yì"), ("说", "yuè"), ("乎", "hū"), ("？", ""),
)


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def _page_streams(pdf: bytes) -> list[bytes]:
    """Decompressed content streams, one per drawn page (text operators are readable there)."""
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            continue
    return out


# ----------------------------------------------------------------------- HTML


def test_html_is_a_standalone_chinese_document_with_ruby_pinyin():
    page = render_html("论语·学而", [PrintBlock("text", "学而时习之，不亦说乎？", XUE_ER)])
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="zh-CN">' in page
    assert "<title>论语·学而</title>" in page
    assert "<ruby>说<rt>yuè</rt></ruby>" in page
    # punctuation carries no ruby annotation
    assert "<ruby>，" not in page and "，<ruby>不" in page
    assert "@page" in page and "A4" in page


def test_html_escapes_everything():
    blocks = [
        PrintBlock("heading", "<script>alert(1)</script>"),
        PrintBlock("text", "a<b", (("a", ""), ("<", ""), ("b", ""))),
        PrintBlock("note", "x & y"),
    ]
    page = render_html("标题 <i>", blocks)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "a&lt;b" in page
    assert "x &amp; y" in page
    assert "<title>标题 &lt;i&gt;</title>" in page


def test_html_title_fallback_and_large_mode():
    page = render_html("千字文", [PrintBlock("text", "天地玄黄")])
    assert '<h1 class="title">千字文</h1>' in page
    own = render_html("千字文", [PrintBlock("title", "千字文·全文"), PrintBlock("text", "天地玄黄")])
    assert own.count("<h1") == 1 and "千字文·全文</h1>" in own
    assert '<body class="large">' in render_html("x", [PrintBlock("text", "天")], large=True)
    assert '<body class="large">' not in render_html("x", [PrintBlock("text", "天")])


def test_html_long_sections_start_a_new_printed_page_short_ones_do_not():
    long_text = "天地玄黄宇宙洪荒" * 50
    blocks = [
        PrintBlock("heading", "第一章"), PrintBlock("text", long_text),
        PrintBlock("heading", "第二章"), PrintBlock("text", long_text),
        PrintBlock("heading", "短诗"), PrintBlock("text", "床前明月光"),
        PrintBlock("heading", "又一首"), PrintBlock("text", "疑是地上霜"),
    ]
    page = render_html("x", blocks)
    headings = re.findall(r'<h2 class="([^"]*)">([^<]*)</h2>', page)
    assert [(name, "page-break" in cls) for cls, name in headings] == [
        ("第一章", False),  # follows the title on page one
        ("第二章", True),
        ("短诗", False),
        ("又一首", False),
    ]


def test_block_pinyin_must_cover_its_text():
    with pytest.raises(ValueError):
        PrintBlock("text", "学而", (("学", "xué"),))
    with pytest.raises(ValueError):
        PrintBlock("caption", "x")  # type: ignore[arg-type]


# ----------------------------------------------------------------------- PDF


def test_pdf_embeds_the_simplified_chinese_face_and_draws_the_text():
    data = render_pdf("论语", [PrintBlock("heading", "学而第一"), PrintBlock("text", "学而时习之，不亦说乎？", XUE_ER)])
    assert data.startswith(b"%PDF-")
    assert b"NotoSansCJKSC" in data  # the SC face, not JP/KR/TC
    assert re.search(rb"/FontFile[23]?\s", data), "font program must be embedded"
    assert _pages(data) == 1
    # the pinyin is drawn as text (Latin glyphs are in the same subset font, hex-encoded);
    # a drawn page has many more text-show operators with pinyin than without
    plain = render_pdf("论语", [PrintBlock("text", "学而时习之，不亦说乎？")])
    tj = lambda pdf: sum(s.count(b" Tj") for s in _page_streams(pdf))  # noqa: E731
    assert tj(data) > tj(plain)


def test_pdf_grows_pages_with_long_input():
    line = tuple((c, "tiān") for c in "天地玄黄宇宙洪荒")
    short = render_pdf("千字文", [PrintBlock("text", "天地玄黄宇宙洪荒", line)])
    long = render_pdf("千字文", [PrintBlock("text", "天地玄黄宇宙洪荒" * 8, line * 8) for _ in range(60)])
    assert _pages(short) == 1
    assert _pages(long) >= 4


def test_pdf_long_sections_start_on_a_new_page():
    long_text = "天地玄黄宇宙洪荒" * 50
    one = render_pdf("x", [PrintBlock("heading", "一"), PrintBlock("text", "短"),
                           PrintBlock("heading", "二"), PrintBlock("text", "短")])
    two = render_pdf("x", [PrintBlock("heading", "一"), PrintBlock("text", "短"),
                           PrintBlock("heading", "二"), PrintBlock("text", long_text)])
    assert _pages(one) == 1
    assert _pages(two) == 2


def test_new_cjk_pdf_lets_callers_draw_chinese_tables():
    pdf = new_cjk_pdf("L")
    assert pdf.w > pdf.h  # landscape A4
    pdf.add_page()
    assert pdf.font_family == CJK_FONT_FAMILY.lower()
    with pdf.table() as table:
        for row in (("日期", "志愿者"), ("2026-09-01", "张老师")):
            r = table.row()
            for cell in row:
                r.cell(cell)
    data = bytes(pdf.output())
    assert data.startswith(b"%PDF-") and b"NotoSansCJKSC" in data


def test_pdf_text_stays_above_the_bottom_margin_only_the_page_number_sits_below():
    line = tuple((c, "xiào") for c in "弟子规圣人训首孝弟次谨信")
    data = render_pdf("弟子规", [PrintBlock("text", "弟子规圣人训首孝弟次谨信", line) for _ in range(80)])
    baselines = [float(y) for s in _page_streams(data) for y in re.findall(rb"BT [\d.]+ ([\d.]+) Td", s)]
    bottom_margin_pt = 18 * 72 / 25.4
    below = [y for y in baselines if y < bottom_margin_pt]
    assert _pages(data) >= 3
    assert len(below) == _pages(data)  # exactly one footer (page number) per page


def test_pdf_breaks_an_overlong_latin_word_instead_of_running_off_the_page():
    url = "https://example.org/" + "a" * 300
    data = render_pdf("x", [PrintBlock("title", "链接"), PrintBlock("note", url)])
    positions = [(float(x), float(y)) for s in _page_streams(data)
                 for x, y in re.findall(rb"BT ([\d.]+) ([\d.]+) Td", s)]
    body_lines = {y for x, y in positions if y > 18 * 72 / 25.4} - {max(y for _, y in positions)}  # not title/footer
    assert _pages(data) == 1
    assert len(body_lines) >= 3  # the 320-character word wraps over several lines
