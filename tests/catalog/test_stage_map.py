"""The stage map: featured / recommended / absent per text and stage, and category × stage coverage."""

from __future__ import annotations

import pytest

from curriculum.catalog.schema import Catalog
from curriculum.catalog.stage_map import (
    FEATURED,
    NOT_RECOMMENDED,
    RECOMMENDED,
    category_stage_coverage,
    coverage_gaps,
    coverage_table,
    stage_text_matrix,
    stage_text_table,
)
from curriculum.stages import STAGE_KEYS
from tests.utils.catalog import browse_catalog, make_text


@pytest.fixture
def catalog() -> Catalog:
    return browse_catalog()


# ------------------------------------------------------------------ stage map and coverage

def test_stage_matrix_marks_featured_recommended_and_absent(catalog):
    m = stage_text_matrix(catalog).set_index("id")
    assert list(m.columns[-len(STAGE_KEYS):]) == list(STAGE_KEYS)
    assert m.loc["dizigui", "kindergarten"] == FEATURED
    assert m.loc["jingyesi", "kindergarten"] == RECOMMENDED
    assert m.loc["jingyesi", "junior"] == NOT_RECOMMENDED
    # 论语 is featured at 小学高段/初中/高中 and recommended there.
    assert [m.loc["lunyu", k] for k in STAGE_KEYS] == [0, 0, 0, 2, 2, 2, 0]
    assert m.loc["qinyuanchun_xue", "category_label"] == "革命文化"


def test_stage_matrix_runs_from_the_youngest_readers_down(catalog):
    assert list(stage_text_matrix(catalog)["id"]) == [
        "dizigui", "jingyesi", "lunyu", "qinyuanchun_xue", "quotes"]


def test_stage_matrix_keeps_only_the_chosen_categories(catalog):
    assert list(stage_text_matrix(catalog, categories=["revolutionary"])["id"]) == ["qinyuanchun_xue"]
    assert len(stage_text_matrix(catalog, categories=[])) == len(stage_text_matrix(catalog))


def test_duplicate_titles_get_distinct_labels():
    cat = Catalog(texts=(make_text("a", "春晓", author="孟浩然"), make_text("b", "春晓", author="某某")))
    assert list(stage_text_matrix(cat)["label"]) == ["春晓（孟浩然）", "春晓（某某）"]


def test_stage_table_uses_chinese_headers_and_marks(catalog):
    table = stage_text_table(stage_text_matrix(catalog))
    assert list(table.columns[:4]) == ["篇目", "作者", "类别", "字数"]
    row = table[table["篇目"] == "弟子规"].iloc[0]
    assert (row["幼儿园"], row["小学中段"]) == ("★", "")
    assert table[table["篇目"] == "静夜思"].iloc[0]["幼儿园"] == "●"


def test_coverage_counts_texts_and_characters_per_category_and_stage(catalog):
    cov = category_stage_coverage(catalog)
    assert len(cov) == 3 * len(STAGE_KEYS)
    cell = cov[(cov["category"] == "traditional") & (cov["stage"] == "kindergarten")].iloc[0]
    assert (cell["texts"], cell["characters"]) == (2, 18 + 20)
    junior_rev = cov[(cov["category"] == "revolutionary") & (cov["stage"] == "junior")].iloc[0]
    assert junior_rev["texts"] == 1
    assert "幼儿园 · 革命文化" in coverage_gaps(cov)
    assert "初中 · 革命文化" not in coverage_gaps(cov)


def test_coverage_table_has_a_total_row(catalog):
    table = coverage_table(category_stage_coverage(catalog))
    assert list(table["类别"]) == ["中华优秀传统文化", "革命文化", "社会主义先进文化", "合计"]
    assert table.set_index("类别").loc["合计", "幼儿园"] == "2 篇 / 38 字"
