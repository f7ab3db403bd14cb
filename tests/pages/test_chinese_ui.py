"""Every page, on the demo programme, shows no English UI words: labels, buttons, captions, tabs, help, placeholders.

The walk collects every string a user reads from the rendered element tree
(text elements, widget labels, help, placeholders, options, tab and expander
labels, table headers, chart titles and axis titles) and fails on Latin-script
words that are not data: pinyin (tone marks), file extensions and a short list
of names (Excel, SQLite …) are allowed. A widget without a placeholder counts
as the English default Streamlit's front end would show ("Choose an option").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

import streamlit_app

PROJECT_DIR = Path(__file__).resolve().parents[2]
ALL_PAGES = [(path, title) for entries in streamlit_app.PAGES.values() for path, title, _ in entries]

# Names and formats a Chinese user reads as they are.
ALLOWED = {
    "ics", "pdf", "html", "json", "xlsx", "csv", "txt", "yaml", "zip", "png",
    "excel", "sqlite", "postgresql", "url", "id", "qq", "app", "wps", "ai",
    "am", "pm", "vs", "utf", "gbk",
}
_PINYIN = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ")
_WORD = re.compile(r"[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{2,}")
_STRIP = [re.compile(p) for p in (r"<[^>]*>", r"https?://\S+", r"`[^`]*`", r":material/[a-z_]+:",
                                   r"\b[\w.-]+\.(?:ics|pdf|html|json|xlsx|csv|yaml)\b", r"%\{[^}]*\}",
                                   r"<extra>.*?</extra>", r"[a-z]+_[a-z_]+",
                                   # markdown colour directives (:gray[…], :blue-badge[…]) are markup, not words
                                   r":[a-z]+(?:-badge|-background)?\[",
                                   # English column names a CSV may use, after their Chinese name (标题/title)
                                   r"/[a-z]+\b")]
_WIDGETS_WITH_PLACEHOLDER = ("selectbox", "multiselect")


def latin_words(text: str) -> list[str]:
    for pattern in _STRIP:
        text = pattern.sub(" ", text)
    return [w for w in _WORD.findall(text) if w.lower() not in ALLOWED and not (set(w) & _PINYIN)]


def _figure_strings(spec: str) -> list[str]:
    fig = json.loads(spec)
    layout = fig.get("layout", {})
    out = []
    for value in layout.values():
        if isinstance(value, dict) and isinstance(value.get("title"), dict):
            out.append(str(value["title"].get("text", "")))
    title = layout.get("title")
    out.append(str(title.get("text", "")) if isinstance(title, dict) else str(title or ""))
    out += [str(a.get("text", "")) for a in layout.get("annotations", [])]
    out += [str(t.get("name", "")) + " " + str(t.get("hovertemplate", "")) for t in fig.get("data", [])]
    return out


def _node_strings(node) -> list[str]:
    """What the user reads on one element."""
    out: list[str] = []
    kind = getattr(node, "type", "")
    for attr in ("label", "help", "placeholder"):
        value = getattr(node, attr, None)
        if isinstance(value, str):
            out.append(value)
    if kind in _WIDGETS_WITH_PLACEHOLDER and not getattr(node, "placeholder", None):
        out.append("Choose an option (default placeholder)")
    if kind in ("markdown", "caption", "title", "header", "subheader", "success", "info", "warning", "error",
                "text", "latex", "toast"):
        out.append(str(node.value))
    options = getattr(node, "options", None)
    if kind in ("selectbox", "multiselect", "radio", "select_slider") and options:
        out += [str(o) for o in options]
    if kind in ("dataframe", "table"):
        out += [str(c) for c in node.value.columns]
    proto = getattr(node, "proto", None)
    if kind == "plotly_chart" and proto is not None:
        out += _figure_strings(proto.spec)
    if proto is not None and kind in ("page_link",):
        out.append(proto.label)
    return out


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def page_words(at: AppTest) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in _walk(at._tree):
        for text in _node_strings(node):
            words = latin_words(text)
            if words:
                found.setdefault(text[:80], words)
    return found


def test_the_checker_flags_english_and_allows_pinyin_and_file_types():
    assert latin_words("Select all") == ["Select", "all"]
    assert latin_words("jìng yè sī · 下载日历（.ics）· 导出 Excel") == []
    assert latin_words('<td style="vertical-align:top">9月</td>') == []


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    from curriculum.db import make_engine, upgrade_database
    from curriculum.demo import seed_demo_steps

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_database(engine)
    with Session(engine) as session:
        for _step in seed_demo_steps(session=session):
            pass
    engine.dispose()
    return f"sqlite:///{path}"


@pytest.mark.parametrize("path,title", ALL_PAGES, ids=[p for p, _ in ALL_PAGES])
def test_no_english_ui_words_on_the_page(demo_url, monkeypatch, path, title):
    from curriculum.settings import get_settings

    monkeypatch.setenv("CLASSICS_DATABASE_URL", demo_url)
    get_settings.cache_clear()
    at = AppTest.from_file(str(PROJECT_DIR / "streamlit_app.py"), default_timeout=120)
    if path == "pages/home.py":
        at.query_params["door"] = "teacher"
    at.run()
    at.switch_page(path).run()
    assert not at.exception, at.exception
    assert page_words(at) == {}, f"{title}: English words on the page"
    get_settings.cache_clear()
