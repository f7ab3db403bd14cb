"""学段图谱 page: the stage × text map and the category × stage coverage, figure and table each."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

PROJECT_DIR = Path(__file__).resolve().parents[2]


def _page() -> AppTest:
    at = AppTest.from_file(str(PROJECT_DIR / "pages" / "stage_map.py"), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_both_figures_and_tables_are_shown(app_env):
    at = _page()
    stage_map, coverage = _figures(at)
    assert stage_map["layout"]["xaxis"]["title"]["text"] == "学段"
    assert {t["name"] for t in stage_map["data"]} >= {"中华优秀传统文化", "革命文化", "社会主义先进文化", "重点篇目"}
    assert [t["name"] for t in coverage["data"]] == ["中华优秀传统文化", "革命文化", "社会主义先进文化"]
    assert len(at.dataframe) == 2
    stage_table = at.dataframe[0].value
    assert list(stage_table.columns[:3]) == ["篇目", "作者", "类别"]
    assert stage_table.set_index("篇目").loc["弟子规", "幼儿园"] == "★"
    coverage_table = at.dataframe[1].value
    assert list(coverage_table["类别"])[-1] == "合计"


def test_every_stage_covers_every_category(app_env):
    at = _page()
    assert at.success and not at.warning
    coverage = _figures(at)[1]
    for trace in coverage["data"]:
        assert all(count >= 1 for count in trace["y"]), trace["name"]


def test_category_filter_narrows_the_map(app_env):
    at = _page()
    before = len(at.dataframe[0].value)
    at.multiselect(key="map_categories").set_value(["revolutionary"]).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert 0 < len(table) < before
    assert set(table["类别"]) == {"革命文化"}
    names = [t["name"] for t in _figures(at)[0]["data"]]
    assert "中华优秀传统文化" not in names and "革命文化" in names


def test_broken_catalog_shows_an_error_not_a_crash(app_env, monkeypatch, tmp_path):
    (tmp_path / "texts.yaml").write_text("texts:\n  - id: Bad Id\n", encoding="utf-8")
    monkeypatch.setenv("CLASSICS_DATA_DIR", str(tmp_path))
    at = _page()
    assert at.error and "书目文件有问题" in at.error[0].value
    assert not at.get("plotly_chart")
