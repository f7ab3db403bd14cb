"""经典书目 page: search, filters, cards, and the 阅读 button opening the reader."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

PROJECT_DIR = Path(__file__).resolve().parents[2]


def _page() -> AppTest:
    at = AppTest.from_file(str(PROJECT_DIR / "pages" / "catalog.py"), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _count(at: AppTest) -> int:
    for md in at.markdown:
        found = re.match(r"\*\*找到 (\d+) 篇\*\*", md.value)
        if found:
            return int(found.group(1))
    raise AssertionError("no result count shown")


def _titles(at: AppTest) -> list[str]:
    return [h.value for h in at.subheader]


def test_all_texts_listed_with_cards(app_env):
    at = _page()
    total = _count(at)
    assert total >= 40
    assert len(_titles(at)) == total
    assert {"弟子规", "论语", "离骚", "满江红·怒发冲冠"} <= set(_titles(at))
    # Each card shows counts and a reading time per stage.
    assert any("字 ·" in md.value and "学段" in md.value for md in at.markdown)
    assert any(c.value.startswith("诵读时间") and "幼儿园" in c.value for c in at.caption)


def test_filter_by_stage_changes_the_count(app_env):
    at = _page()
    total = _count(at)
    at.multiselect(key="cat_stages").set_value(["kindergarten"]).run()
    assert not at.exception
    kindergarten = _count(at)
    assert 5 <= kindergarten < total
    assert "弟子规" in _titles(at)
    assert "离骚" not in _titles(at)
    at.multiselect(key="cat_categories").set_value(["revolutionary"]).run()
    assert _count(at) < kindergarten


def test_search_a_line_finds_lunyu_also_in_traditional(app_env):
    at = _page()
    at.text_input(key="cat_query").input("学而").run()
    assert not at.exception
    assert "论语" in _titles(at)
    at.text_input(key="cat_query").input("學而時習之").run()
    assert _titles(at) == ["论语"]
    at.text_input(key="cat_query").input("没有这句话的书啊").run()
    assert _count(at) == 0
    assert any("没有符合条件的篇目" in i.value for i in at.info)


def test_festival_and_shouze_filters(app_env):
    at = _page()
    at.multiselect(key="cat_festivals").set_value(["zhongqiu"]).run()
    assert not at.exception
    assert "水调歌头·明月几时有" in _titles(at)
    assert "弟子规" not in _titles(at)
    at.multiselect(key="cat_festivals").set_value([]).run()
    at.multiselect(key="cat_shouze").set_value([5]).run()  # 孝亲尊师善待人
    assert "弟子规" in _titles(at)


def test_read_button_opens_the_text_in_the_reader(app_env):
    at = AppTest.from_file(str(PROJECT_DIR / "streamlit_app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/catalog.py").run()
    at.text_input(key="cat_query").input("学而").run()
    at.button(key="cat_read_lunyu").click().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["阅读"]
    assert at.selectbox(key="reader_select").value == "lunyu"
    assert any("学而时习之" in h.value for h in at.html)


def test_broken_catalog_shows_the_problems_in_chinese(app_env, monkeypatch, tmp_path):
    (tmp_path / "texts.yaml").write_text("texts:\n  - id: x\n    title: [\n", encoding="utf-8")
    monkeypatch.setenv("CLASSICS_DATA_DIR", str(tmp_path))
    at = _page()
    assert at.error and "书目文件有问题" in at.error[0].value
    assert any("YAML 格式错误" in md.value for md in at.markdown)
    assert not at.subheader
