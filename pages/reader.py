"""阅读 — one text, section by section, with pinyin, large type for projection, and printable downloads.

The text comes from, in order: ``st.session_state["reader_text_id"]`` (set by
经典书目's 阅读 button, used once), the ``?text=ID`` query parameter, or the
selector on this page. The URL always carries the current text, so a teacher
can bookmark or share it.
"""

from __future__ import annotations

import streamlit as st

from curriculum.catalog.browse import content_key, text_card
from curriculum.catalog.schema import TextEntry
from curriculum.exports.names import download_name
from curriculum.exports.printing import render_html, render_pdf
from curriculum.exports.reader import print_blocks, reader_html, text_pinyin
from ui.state import require_catalog
from ui.widgets import download

ALL_SECTIONS = -1


@st.cache_data(show_spinner="正在注音…", max_entries=64)
def _pinyin(text_id: str, fingerprint: str, _entry: TextEntry) -> list[list[tuple[str, str]]]:
    return text_pinyin(_entry)


@st.cache_data(show_spinner=False, max_entries=32)
def _html_bytes(text_id: str, fingerprint: str, pinyin: bool, large: bool, _entry: TextEntry) -> bytes:
    readings = _pinyin(text_id, fingerprint, _entry) if pinyin else None
    blocks = print_blocks(_entry, pinyin=pinyin, readings=readings)
    return render_html(_entry.title, blocks, large=large).encode("utf-8")


@st.cache_data(show_spinner=False, max_entries=32)
def _pdf_bytes(text_id: str, fingerprint: str, pinyin: bool, _entry: TextEntry) -> bytes:
    readings = _pinyin(text_id, fingerprint, _entry) if pinyin else None
    return render_pdf(_entry.title, print_blocks(_entry, pinyin=pinyin, readings=readings))


def _step_section(key: str, delta: int, count: int) -> None:
    current = st.session_state.get(key, 0)
    current = 0 if current == ALL_SECTIONS else current
    st.session_state[key] = min(max(current + delta, 0), count - 1)


st.title("阅读")
catalog = require_catalog()

# Which text: the catalog page's hand-off wins (once), then a new ?text= in the URL.
handoff = st.session_state.pop("reader_text_id", None)
requested = st.query_params.get("text")
if handoff in catalog:
    st.session_state["reader_select"] = handoff
elif requested and requested != st.session_state.get("reader_url_text"):
    if requested in catalog:
        st.session_state["reader_select"] = requested
    else:
        st.warning(f"书目中没有编号为“{requested}”的篇目，请在下面选择。")

titles = {t.id: f"{t.title}（{t.author}）" for t in catalog.texts}
text_id = st.selectbox("篇目", catalog.ids(), format_func=titles.get, key="reader_select")
st.query_params["text"] = text_id
st.session_state["reader_url_text"] = text_id

entry = catalog.get(text_id)
card = text_card(entry)
fingerprint = content_key(entry)

controls = st.columns([1, 1, 3])
show_pinyin = controls[0].toggle("显示拼音", key="reader_pinyin")
large = controls[1].toggle("大字投影", key="reader_large", help="课堂投影用的大号字")

count = len(entry.sections)
section = ALL_SECTIONS
if count > 1:
    section_key = f"reader_section_{entry.id}"
    with controls[2]:
        section = st.selectbox(
            "章节",
            [*range(count), ALL_SECTIONS],
            format_func=lambda i: "全文" if i == ALL_SECTIONS else f"{i + 1}. {entry.sections[i].title}",
            key=section_key,
        )

st.subheader(entry.title, anchor=False)
st.caption(
    f"{card.byline} · {card.category_label} · 适用学段：{'、'.join(card.stage_labels)}"
    f" · {card.characters:,} 字 · {count} 节"
)

readings = _pinyin(entry.id, fingerprint, entry) if show_pinyin else None
st.html(reader_html(entry, section=None if section == ALL_SECTIONS else section, pinyin=readings, large=large))

if count > 1:
    nav = st.container(horizontal=True)
    at_start = section in (0, ALL_SECTIONS)
    at_end = section in (count - 1, ALL_SECTIONS)
    nav.button("上一节", key="reader_prev", disabled=at_start, on_click=_step_section,
                  args=(section_key, -1, count), icon=":material/arrow_back:")
    nav.button("下一节", key="reader_next", disabled=at_end, on_click=_step_section,
                  args=(section_key, 1, count), icon=":material/arrow_forward:")

st.divider()
st.markdown("**打印**" + ("（含拼音）" if show_pinyin else "（不含拼音，打开“显示拼音”可打印注音版）"))
downloads = st.container(horizontal=True)
# Built before the buttons (Streamlit's deferred callables fail on a second click); the HTML is
# quick and cached, the PDF is built when asked for and then kept for the session.
with downloads:
    download("下载网页打印版（HTML）", _html_bytes(entry.id, fingerprint, show_pinyin, large, entry),
             download_name(entry, pinyin=show_pinyin, suffix="html"), "text/html", key="reader_download_html",
             icon=":material/print:")
    download("下载 PDF", lambda: _pdf_bytes(entry.id, fingerprint, show_pinyin, entry),
             download_name(entry, pinyin=show_pinyin, suffix="pdf"), "application/pdf", key="reader_download_pdf",
             icon=":material/picture_as_pdf:", inputs=(entry.id, fingerprint, show_pinyin), prepare="生成 PDF")
