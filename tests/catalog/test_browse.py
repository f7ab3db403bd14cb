"""Browsing the catalog: search, facets, cards, stage map and coverage, reader glue."""

from __future__ import annotations

import pytest

from curriculum.catalog.browse import (
    FEATURED,
    NOT_RECOMMENDED,
    RECOMMENDED,
    category_stage_coverage,
    coverage_gaps,
    coverage_table,
    facet_options,
    filter_texts,
    format_minutes,
    reader_html,
    reading_minutes_by_stage,
    section_ranges,
    sessions_needed,
    stage_text_matrix,
    stage_text_table,
    text_card,
)
from curriculum.catalog.schema import Catalog, TextEntry
from curriculum.stages import STAGE_KEYS


def make_text(text_id, title, *, author="佚名", era="清", category="traditional", stages=("primary_lower",),
              themes=(), shouze=(), festivals=(), sections=(("正文", ("天地玄黄，宇宙洪荒。",)),)):
    return TextEntry.model_validate(
        {
            "id": text_id, "title": title, "author": author, "era": era, "category": category,
            "stages": stages, "themes": themes, "shouze": shouze, "festivals": festivals,
            "source": {"file": "test"}, "file": f"texts/{text_id}.yaml",
            "sections": [{"title": t, "passages": p} for t, p in sections],
        }
    )


@pytest.fixture
def catalog() -> Catalog:
    return Catalog(texts=(
        make_text("dizigui", "弟子规", author="李毓秀", stages=("kindergarten", "primary_lower"),
                  themes=("孝", "规范"), shouze=(4, 5),
                  sections=(("总叙", ("弟子规，圣人训。", "首孝弟，次谨信。")),
                            ("入则孝", ("父母呼，应勿缓。",)))),
        make_text("lunyu", "论语", author="孔子弟子及再传弟子", era="春秋",
                  stages=("primary_upper", "junior", "senior"), themes=("勤学", "修身"), shouze=(2,),
                  festivals=("chunjie",),
                  sections=(("学而第一", ("子曰：学而时习之，不亦说乎？有朋自远方来，不亦乐乎？",)),
                            ("为政第二", ("子曰：温故而知新，可以为师矣。",)))),
        make_text("jingyesi", "静夜思", author="李白", era="唐", stages=("kindergarten", "primary_lower"),
                  themes=("思乡",), festivals=("zhongqiu",),
                  sections=(("静夜思", ("床前明月光，疑是地上霜。", "举头望明月，低头思故乡。")),)),
        make_text("qinyuanchun_xue", "沁园春·雪", author="毛泽东", era="现代", category="revolutionary",
                  stages=("junior", "senior", "university"), themes=("爱国",), shouze=(1,),
                  festivals=("national_day",),
                  sections=(("正文", ("北国风光，千里冰封，万里雪飘。",)),)),
        make_text("quotes", "学习论语", author="某某", era="现代", category="socialist",
                  stages=("university",), sections=(("正文", ("我们读论语。",)),)),
    ))


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
    from curriculum.catalog.browse import print_blocks

    blocks = print_blocks(catalog.get("dizigui"), pinyin=False)
    assert [(b.kind, b.text) for b in blocks[:4]] == [
        ("title", "弟子规"), ("subtitle", "李毓秀 · 清"), ("heading", "总叙"), ("text", "弟子规，圣人训。")]
    assert [b.text for b in blocks if b.kind == "heading"] == ["总叙", "入则孝"]
    assert [b.text for b in blocks if b.kind == "text"] == list(catalog.get("dizigui").passages)
    assert blocks[-1].kind == "note" and "幼儿园、小学低段" in blocks[-1].text
    assert all(b.pinyin is None for b in blocks)


def test_print_blocks_with_pinyin_use_classical_readings(catalog):
    from curriculum.catalog.browse import print_blocks
    from curriculum.exports.printing import render_html

    blocks = print_blocks(catalog.get("lunyu"), pinyin=True)
    first = next(b for b in blocks if b.kind == "text")
    assert ("说", "yuè") in first.pinyin and ("，", "") in first.pinyin
    page = render_html("论语", blocks)
    assert "<ruby>学<rt>xué</rt></ruby>" in page
    # A lone section titled like the text gets no heading of its own.
    assert not [b for b in print_blocks(catalog.get("jingyesi"), pinyin=False) if b.kind == "heading"]


def test_download_names_are_the_title():
    from curriculum.catalog.browse import download_name

    entry = make_text("x", "满江红·怒发冲冠")
    assert download_name(entry, pinyin=True, suffix="pdf") == "满江红怒发冲冠-注音.pdf"
    assert download_name(entry, pinyin=False, suffix="html") == "满江红怒发冲冠.html"
