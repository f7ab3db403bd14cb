"""A catalog text on screen and on paper: reader HTML, printable blocks with classical pinyin, download names."""

from __future__ import annotations

import pytest

from curriculum.catalog.browse import section_ranges
from curriculum.catalog.schema import Catalog
from curriculum.exports.names import download_name
from curriculum.exports.printing import render_html
from curriculum.exports.reader import print_blocks, reader_html
from tests.utils.catalog import browse_catalog, make_text


@pytest.fixture
def catalog() -> Catalog:
    return browse_catalog()


# ------------------------------------------------------------------ reader

def test_reader_html_shows_one_section_with_heading(catalog):
    lunyu = catalog.get("lunyu")
    assert section_ranges(lunyu) == [(0, 1), (1, 2)]
    page = reader_html(lunyu, section=1)
    assert "为政第二" in page and "温故而知新" in page
    assert "学而时习之" not in page
    assert "<ruby>" not in page


def test_reader_html_ruby_and_large_type(catalog):
    jingyesi = catalog.get("jingyesi")
    pinyin = [[(ch, "x" if ch not in "，。" else "") for ch in p] for p in jingyesi.passages]
    page = reader_html(jingyesi, pinyin=pinyin, large=True)
    assert page.count("<ruby>") == 20
    assert "<ruby>床<rt>x</rt></ruby>" in page
    assert "large" in page
    # A single section titled like the text gets no extra heading.
    assert "<h4>" not in page


def test_reader_html_escapes_markup():
    evil = make_text("x", "测试", sections=(("<b>", ("<script>alert(1)</script>",)),))
    page = reader_html(evil)
    assert "<script>" not in page and "&lt;script&gt;" in page


# ------------------------------------------------------------------ printable view

def test_print_blocks_title_byline_headings_passages_note(catalog):
    blocks = print_blocks(catalog.get("dizigui"), pinyin=False)
    assert [(b.kind, b.text) for b in blocks[:4]] == [
        ("title", "弟子规"), ("subtitle", "李毓秀 · 清"), ("heading", "总叙"), ("text", "弟子规，圣人训。")]
    assert [b.text for b in blocks if b.kind == "heading"] == ["总叙", "入则孝"]
    assert [b.text for b in blocks if b.kind == "text"] == list(catalog.get("dizigui").passages)
    assert blocks[-1].kind == "note" and "幼儿园、小学低段" in blocks[-1].text
    assert all(b.pinyin is None for b in blocks)


def test_print_blocks_with_pinyin_use_classical_readings(catalog):
    blocks = print_blocks(catalog.get("lunyu"), pinyin=True)
    first = next(b for b in blocks if b.kind == "text")
    assert ("说", "yuè") in first.pinyin and ("，", "") in first.pinyin
    page = render_html("论语", blocks)
    assert "<ruby>学<rt>xué</rt></ruby>" in page
    # A lone section titled like the text gets no heading of its own.
    assert not [b for b in print_blocks(catalog.get("jingyesi"), pinyin=False) if b.kind == "heading"]


def test_download_names_are_the_title():
    entry = make_text("x", "满江红·怒发冲冠")
    assert download_name(entry, pinyin=True, suffix="pdf") == "满江红怒发冲冠-注音.pdf"
    assert download_name(entry, pinyin=False, suffix="html") == "满江红怒发冲冠.html"
