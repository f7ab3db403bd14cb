"""阅读 page: choose a text, section by section, pinyin and large type, printable downloads."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from curriculum.catalog.loader import load_catalog
from curriculum.exports.names import download_name
from curriculum.exports.printing import render_html, render_pdf
from curriculum.exports.reader import print_blocks, text_pinyin
from curriculum.settings import Settings

PROJECT_DIR = Path(__file__).resolve().parents[2]


def _page(**query) -> AppTest:
    at = AppTest.from_file(str(PROJECT_DIR / "pages" / "reader.py"), default_timeout=60)
    at.query_params.update(query)
    at.run()
    assert not at.exception
    return at


def _body(at: AppTest) -> str:
    return "".join(h.value for h in at.html)


def test_query_param_opens_the_text(app_env):
    at = _page(text="jingyesi")
    assert at.selectbox(key="reader_select").value == "jingyesi"
    assert "床前明月光" in _body(at)
    assert "<ruby>" not in _body(at)


def test_pinyin_toggle_shows_ruby_readings(app_env):
    at = _page(text="jingyesi")
    at.toggle(key="reader_pinyin").set_value(True).run()
    assert not at.exception
    body = _body(at)
    assert "<ruby>床<rt>chuáng</rt></ruby>" in body
    assert "<ruby>光<rt>guāng</rt></ruby>" in body
    # Classical readings from the curated table, not plain pypinyin.
    at.selectbox(key="reader_select").set_value("lunyu").run()
    assert "<ruby>说<rt>yuè</rt></ruby>" in _body(at)


def test_large_type_for_projection(app_env):
    at = _page(text="jingyesi")
    assert 'class="classics-reader large' not in _body(at)
    at.toggle(key="reader_large").set_value(True).run()
    assert 'class="classics-reader large' in _body(at)


def test_section_by_section_with_next_button(app_env):
    at = AppTest.from_file(str(PROJECT_DIR / "pages" / "reader.py"), default_timeout=60)
    at.session_state["reader_text_id"] = "lunyu"  # as set by the 经典书目 page
    at.run()
    first = _body(at)
    assert "学而时习之" in first
    assert "温故而知新" not in first
    at.button(key="reader_next").click().run()
    assert not at.exception
    second = _body(at)
    assert "为政" in second and "温故而知新" in second
    assert "学而时习之" not in second
    at.selectbox(key="reader_section_lunyu").set_value(-1).run()  # 全文
    assert "学而时习之" in _body(at) and "尧曰" in _body(at)


def test_switching_text_keeps_the_url_in_step(app_env):
    at = _page(text="jingyesi")
    at.selectbox(key="reader_select").set_value("daxue").run()
    assert not at.exception
    assert at.query_params["text"] == "daxue"
    assert "大学之道" in _body(at)
    at.run()  # a rerun must not jump back to the old ?text=
    assert at.selectbox(key="reader_select").value == "daxue"


def test_unknown_text_id_warns_and_falls_back(app_env):
    at = _page(text="no_such_text")
    assert any("no_such_text" in w.value for w in at.warning)
    assert at.selectbox(key="reader_select").value  # the first text is shown


def test_download_buttons_for_html_and_pdf(app_env):
    at = _page(text="jingyesi")
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["下载网页打印版（HTML）"]
    # The PDF is built on request (with a spinner), then kept for the session.
    at.button(key="reader_download_pdf_prepare").click().run()
    assert not at.exception
    for _ in range(2):
        buttons = at.get("download_button")
        assert [b.label for b in buttons] == ["下载网页打印版（HTML）", "下载 PDF"]
        assert all(b.proto.url and not b.proto.HasField("deferred_file_id") for b in buttons)
        at.run()
    # Another text (or pinyin on) is another file: built again on request.
    at.toggle(key="reader_pinyin").set_value(True).run()
    assert [b.label for b in at.get("download_button")] == ["下载网页打印版（HTML）"]


@pytest.fixture(scope="module")
def lunyu_downloads():
    """论语 with pinyin, built by the helpers the page's download buttons call (its cached
    ``_html_bytes`` / ``_pdf_bytes`` are thin wrappers around exactly these)."""
    entry = load_catalog(Settings().catalog_path).get("lunyu")
    blocks = print_blocks(entry, pinyin=True, readings=text_pinyin(entry))
    html = render_html(entry.title, blocks).encode("utf-8")
    pdf = render_pdf(entry.title, blocks)
    return entry, html, pdf


def _pdf_streams(pdf: bytes) -> list[bytes]:
    out = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:  # an uncompressed stream
            out.append(match.group(1))
    return out


def test_printable_html_of_lunyu_carries_the_classical_readings(lunyu_downloads):
    entry, html, _ = lunyu_downloads
    text = html.decode("utf-8")
    assert "<ruby>说<rt>yuè</rt></ruby>" in text  # 不亦说乎
    assert "<ruby>鲜<rt>xiǎn</rt></ruby>" in text  # 鲜矣仁
    assert "<ruby>见<rt>xiàn</rt></ruby>" in text  # 天下有道则见
    assert "<ruby>不<rt>bú</rt></ruby>" not in text  # citation tones, no sandhi
    assert download_name(entry, pinyin=True, suffix="html") == "论语-注音.html"


def test_pdf_of_lunyu_embeds_the_cjk_font_with_pinyin_glyphs(lunyu_downloads):
    entry, _, pdf = lunyu_downloads
    assert pdf.startswith(b"%PDF-")
    # the Noto Sans CJK face is embedded (subset), not merely named
    assert re.search(rb"/BaseFont\s*/[A-Z]{6}\+NotoSansCJK", pdf)
    assert b"/FontFile" in pdf
    # its ToUnicode map holds the Hanzi and the tone-marked letters of the reading line
    cmap = b"".join(s for s in _pdf_streams(pdf) if b"begincmap" in s).upper()
    for char in "说鲜èǎ":
        assert f"<{ord(char):04X}>".encode() in cmap, char
    assert download_name(entry, pinyin=True, suffix="pdf") == "论语-注音.pdf"


def test_broken_catalog_shows_an_error_not_a_crash(app_env, monkeypatch, tmp_path):
    (tmp_path / "texts.yaml").write_text("texts:\n  - id: dup\n  - id: dup\n", encoding="utf-8")
    monkeypatch.setenv("CLASSICS_DATA_DIR", str(tmp_path))
    at = _page(text="lunyu")
    assert at.error and "书目文件有问题" in at.error[0].value
    assert any("编号重复" in md.value for md in at.markdown)
    assert not at.html
