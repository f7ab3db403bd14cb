"""Browsing the catalog: search, facets, reading time and cards (stage map: test_stage_map; reader: tests/exports)."""

from __future__ import annotations

import pytest

from curriculum.catalog.browse import (
    facet_options,
    filter_texts,
    format_minutes,
    reading_minutes_by_stage,
    sessions_needed,
    text_card,
)
from curriculum.catalog.schema import Catalog
from curriculum.stages import STAGE_KEYS
from tests.utils.catalog import browse_catalog


@pytest.fixture
def catalog() -> Catalog:
    return browse_catalog()


def ids(texts):
    return [t.id for t in texts]


# ------------------------------------------------------------------ search and filters

def test_no_query_no_filter_returns_every_text_in_catalog_order(catalog):
    assert ids(filter_texts(catalog)) == catalog.ids()


def test_search_a_line_finds_the_text(catalog):
    assert ids(filter_texts(catalog, query="学而")) == ["lunyu"]
    assert ids(filter_texts(catalog, query="举头望明月")) == ["jingyesi"]


def test_search_ignores_punctuation_and_spaces_across_a_line_break(catalog):
    assert ids(filter_texts(catalog, query="学而时习之不亦说乎")) == ["lunyu"]
    assert ids(filter_texts(catalog, query=" 床前明月光 疑是地上霜 ")) == ["jingyesi"]


def test_search_in_traditional_characters_matches_simplified_text(catalog):
    assert ids(filter_texts(catalog, query="學而時習之")) == ["lunyu"]
    assert ids(filter_texts(catalog, query="靜夜思")) == ["jingyesi"]
    assert ids(filter_texts(catalog, query="弟子規")) == ["dizigui"]


def test_search_by_author_and_section_title(catalog):
    assert ids(filter_texts(catalog, query="李白")) == ["jingyesi"]
    assert ids(filter_texts(catalog, query="为政")) == ["lunyu"]


def test_title_matches_come_before_texts_that_only_quote_the_query(catalog):
    # 论语 (title) and 学习论语 (title) both match by title; a body-only hit would come after.
    assert ids(filter_texts(catalog, query="论语")) == ["lunyu", "quotes"]
    assert ids(filter_texts(catalog, query="读论语")) == ["quotes"]


def test_search_with_no_hit_returns_nothing(catalog):
    assert filter_texts(catalog, query="出师表") == []


def test_stage_filter_is_any_of_the_chosen_stages(catalog):
    assert ids(filter_texts(catalog, stages=["kindergarten"])) == ["dizigui", "jingyesi"]
    assert ids(filter_texts(catalog, stages=["kindergarten", "university"])) == [
        "dizigui", "jingyesi", "qinyuanchun_xue", "quotes"]


def test_facets_combine_with_and(catalog):
    assert ids(filter_texts(catalog, stages=["junior"], categories=["revolutionary"])) == ["qinyuanchun_xue"]
    assert ids(filter_texts(catalog, stages=["junior"], categories=["traditional"])) == ["lunyu"]
    assert filter_texts(catalog, stages=["kindergarten"], categories=["revolutionary"]) == []


def test_theme_festival_and_shouze_filters(catalog):
    assert ids(filter_texts(catalog, themes=["孝"])) == ["dizigui"]
    assert ids(filter_texts(catalog, festivals=["zhongqiu", "national_day"])) == ["jingyesi", "qinyuanchun_xue"]
    assert ids(filter_texts(catalog, shouze=[5])) == ["dizigui"]
    assert ids(filter_texts(catalog, shouze=[1, 2])) == ["lunyu", "qinyuanchun_xue"]


def test_query_and_facets_together(catalog):
    assert ids(filter_texts(catalog, query="明月", stages=["kindergarten"])) == ["jingyesi"]
    assert filter_texts(catalog, query="明月", stages=["university"]) == []


def test_facet_options_list_only_what_the_catalog_uses_in_vocabulary_order(catalog):
    opts = facet_options(catalog)
    assert opts.stages == list(STAGE_KEYS)
    assert opts.categories == ["traditional", "revolutionary", "socialist"]
    assert opts.themes == ["孝", "勤学", "修身", "爱国", "思乡", "规范"]
    assert opts.festivals == ["chunjie", "zhongqiu", "national_day"]
    assert opts.shouze == [1, 2, 4, 5]


# ------------------------------------------------------------------ reading time and cards

def test_reading_minutes_only_for_the_texts_stages_at_each_pace(catalog):
    jingyesi = catalog.get("jingyesi")  # 20 characters
    assert jingyesi.characters == 20
    minutes = reading_minutes_by_stage(jingyesi)
    assert list(minutes) == ["kindergarten", "primary_lower"]
    assert minutes["kindergarten"] == pytest.approx(20 / 8)
    assert minutes["primary_lower"] == pytest.approx(20 / 12)


def test_reading_minutes_slow_down_for_younger_stages(catalog):
    minutes = reading_minutes_by_stage(catalog.get("lunyu"), stages=STAGE_KEYS)
    values = [minutes[k] for k in STAGE_KEYS]
    assert values == sorted(values, reverse=True)


def test_format_minutes_and_sessions():
    assert format_minutes(0.4) == "不到 1 分钟"
    assert format_minutes(12.4) == "约 12 分钟"
    assert format_minutes(150) == "约 2.5 小时"
    assert sessions_needed(0.5) == 1
    assert sessions_needed(61) == 3


def test_text_card_counts(catalog):
    card = text_card(catalog.get("dizigui"))
    assert card.byline == "李毓秀 · 清"
    assert card.category_label == "中华优秀传统文化"
    assert card.stage_labels == ["幼儿园", "小学低段"]
    assert (card.characters, card.passages, card.sections) == (18, 3, 2)
    assert card.featured_at == ["幼儿园", "小学低段"]  # 弟子规 is a featured text at both stages
    assert card.shouze_labels == ["第 4 条 明礼守法讲美德", "第 5 条 孝亲尊师善待人"]
    assert [row[0] for row in card.reading_time_rows()] == ["幼儿园", "小学低段"]


def test_text_card_lines_for_the_catalog_page(catalog):
    card = text_card(catalog.get("dizigui"))
    assert card.stage_line == "幼儿园、小学低段（重点：幼儿园、小学低段）"
    assert card.reading_time_line.startswith("幼儿园 ") and "；小学低段 " in card.reading_time_line
    assert card.tags_line == "主题：孝、规范 · 守则：第 4 条 明礼守法讲美德、第 5 条 孝亲尊师善待人"
    assert text_card(catalog.get("quotes")).tags_line == ""
