"""Catalog charts: traces follow the stage map and coverage tables."""

from __future__ import annotations

import pytest

from curriculum.catalog.schema import Catalog, TextEntry
from curriculum.catalog.stage_map import category_stage_coverage, stage_text_matrix
from curriculum.charts.catalog import (
    CATEGORY_COLORS,
    FEATURED_TRACE_NAME,
    build_coverage_figure,
    build_stage_map_figure,
)

STAGE_LABELS_IN_ORDER = ["幼儿园", "小学低段", "小学中段", "小学高段", "初中", "高中", "高校"]


def _text(text_id, title, category, stages):
    return TextEntry.model_validate({
        "id": text_id, "title": title, "author": "佚名", "era": "古", "category": category, "stages": stages,
        "source": {"file": "t"}, "file": "t.yaml",
        "sections": [{"title": "正文", "passages": ["一二三四五，六七八九十。"]}],
    })


@pytest.fixture
def catalog():
    return Catalog(texts=(
        _text("dizigui", "弟子规", "traditional", ["kindergarten", "primary_lower", "primary_middle"]),
        _text("lunyu", "论语", "traditional", ["primary_upper", "junior", "senior"]),
        _text("hongjun", "七律·长征", "revolutionary", ["primary_upper", "university"]),  # a gap in the span
    ))


def _points(trace):
    return [(x, y) for x, y in zip(trace.x, trace.y) if x is not None]


def test_stage_map_one_trace_per_present_category_plus_featured(catalog):
    fig = build_stage_map_figure(stage_text_matrix(catalog))
    names = [t.name for t in fig.data]
    assert names == ["中华优秀传统文化", "革命文化", FEATURED_TRACE_NAME]
    assert fig.data[0].line.color == CATEGORY_COLORS["traditional"]


def test_stage_map_points_are_the_recommended_cells(catalog):
    fig = build_stage_map_figure(stage_text_matrix(catalog))
    traditional, revolutionary, featured = fig.data
    assert _points(traditional) == [
        ("幼儿园", "弟子规"), ("小学低段", "弟子规"), ("小学中段", "弟子规"),
        ("小学高段", "论语"), ("初中", "论语"), ("高中", "论语"),
    ]
    # 七律·长征 skips four stages: its line must break (a None between the two points).
    assert list(revolutionary.x) == ["小学高段", None, "高校", None]
    # 弟子规 featured at 幼儿园/小学低段/小学中段, 论语 at 小学高段/初中/高中.
    assert len(_points(featured)) == 6
    assert featured.marker.symbol == "star"


def test_stage_map_axes_in_chinese_and_stage_order(catalog):
    fig = build_stage_map_figure(stage_text_matrix(catalog))
    assert fig.layout.xaxis.title.text == "学段"
    assert fig.layout.legend.title.text == "类别"
    assert list(fig.layout.xaxis.categoryarray) == STAGE_LABELS_IN_ORDER
    # The first text of the continuum is drawn at the top.
    assert list(fig.layout.yaxis.categoryarray)[-1] == "弟子规"


def test_coverage_bars_equal_the_table(catalog):
    cov = category_stage_coverage(catalog)
    fig = build_coverage_figure(cov)
    assert [t.name for t in fig.data] == ["中华优秀传统文化", "革命文化", "社会主义先进文化"]
    for trace, category in zip(fig.data, ["traditional", "revolutionary", "socialist"]):
        assert list(trace.x) == STAGE_LABELS_IN_ORDER
        expected = cov[cov["category"] == category]["texts"].tolist()
        assert list(trace.y) == expected
    assert list(fig.data[1].y) == [0, 0, 0, 1, 0, 0, 1]
    assert list(fig.data[0].customdata)[0] == 10  # characters of 弟子规 at 幼儿园
    assert fig.layout.yaxis.title.text == "篇目数"
    assert fig.layout.barmode == "group"


def test_empty_catalog_gives_empty_figures():
    empty = Catalog(texts=())
    assert len(build_stage_map_figure(stage_text_matrix(empty)).data) == 0
    assert all(sum(t.y) == 0 for t in build_coverage_figure(category_stage_coverage(empty)).data)
