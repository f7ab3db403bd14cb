"""The corrections table (data/corrections.yaml): well-formed, strict, and visible in the shipped catalog."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from curriculum.catalog.corrections import (
    ConverterFix,
    ConverterLog,
    Correction,
    Corrections,
    apply_located,
    check_converter,
    default_corrections,
    parse_corrections,
)
from curriculum.catalog.extractors import CorpusError
from curriculum.catalog.importer import build_catalog
from curriculum.catalog.loader import load_catalog
from curriculum.catalog.recipes import RECIPES
from curriculum.settings import Settings

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
TABLE = default_corrections()

# The differences issue 10 names; each must stay in the table (and so in the shipped text).
ISSUE_EXAMPLES = [
    ("lunyu", "关睢", "关雎"),
    ("lunyu", "我未见也", "我未之见也"),
    ("lunyu", "朝庭", "朝廷"),
    ("lunyu", "踁踁然", "硁硁然"),
    ("lunyu", "有便佞", "友便佞"),
    ("sanzijing", "周撤东", "周辙东"),
    ("sanzijing", "祥训诂", "详训诂"),
    ("qianziwen", "早雕", "早凋"),
    ("lisao", "汨余若将不及兮", "汩余若将不及兮"),
]


@pytest.fixture(scope="module")
def catalog():
    path = Settings().catalog_path
    if not path.exists():
        pytest.skip(f"书目尚未生成：{path}")
    return load_catalog(path)


def _section_text(entry, title: str) -> str:
    sections = [s for s in entry.sections if s.title == title] if title else list(entry.sections)
    assert len(sections) == 1, (entry.id, title)
    return "".join(sections[0].passages)


# --------------------------------------------------------------------------- the shipped catalog


def test_the_issue_examples_are_all_in_the_table():
    pairs = {(c.text, c.wrong, c.right) for c in TABLE.located}
    for text_id, wrong, right in ISSUE_EXAMPLES:
        assert any(t == text_id and wrong in w and right in r for t, w, r in pairs), (text_id, wrong, right)


def test_every_entry_names_a_catalog_text_and_an_edition():
    ids = {r.id for r in RECIPES}
    for correction in TABLE.located:
        assert correction.text in ids, correction.label()
        assert correction.edition and correction.reason and correction.where, correction.label()
    for fix in TABLE.converter:
        assert set(fix.texts) <= ids, fix.label()


@pytest.mark.parametrize("correction", TABLE.located, ids=lambda c: f"{c.text}-{c.number}")
def test_each_correction_is_in_the_shipped_text_and_the_corpus_error_is_gone(catalog, correction):
    text = _section_text(catalog.get(correction.text), correction.section)
    assert text.count(correction.right) >= 1, correction.label()
    if correction.wrong not in correction.right:
        assert correction.wrong not in text, f"{correction.label()}：原文错误又出现了"


@pytest.mark.parametrize("fix", TABLE.converter, ids=lambda f: f"converter-{f.number}")
def test_each_converter_fix_shows_in_every_text_it_lists(catalog, fix):
    for text_id in fix.texts:
        text = "".join(catalog.get(text_id).passages)
        assert fix.right in text and fix.wrong not in text, (fix.label(), text_id)


# --------------------------------------------------------------------------- the mechanism


def _located(**kw) -> Correction:
    values = dict(number=1, text="t", section="", where="1", wrong="甲乙", right="甲丙", kind="讹字",
                  reason="r", edition="e")
    values.update(kw)
    return Correction(**values)


def test_a_located_correction_applies_exactly_once():
    sections = [("一", ["子曰甲乙。", "丁。"])]
    apply_located("t", sections, [_located()])
    assert sections == [("一", ["子曰甲丙。", "丁。"])]


@pytest.mark.parametrize(
    ("paragraphs", "count"),
    [(["子曰。"], 0), (["甲乙。", "甲乙。"], 2), (["甲乙甲乙。"], 2)],
)
def test_a_correction_not_found_exactly_once_fails_naming_the_entry(paragraphs, count):
    with pytest.raises(CorpusError, match=f"corrections 第 7 条.*甲乙.*出现 {count} 次"):
        apply_located("t", [("一", list(paragraphs))], [_located(number=7)])


def test_a_correction_for_an_unknown_section_fails():
    with pytest.raises(CorpusError, match="没有唯一的章节“二”"):
        apply_located("t", [("一", ["甲乙"])], [_located(section="二")])
    # Without a section, a text of several sections is ambiguous.
    with pytest.raises(CorpusError, match="章节"):
        apply_located("t", [("一", ["甲乙"]), ("二", ["丙"])], [_located()])


def test_the_build_applies_a_correction_and_refuses_a_stale_one(tmp_path):
    # The fixture's modern texts must be imported too (a modern text without a recipe fails the build).
    recipes = [r for r in RECIPES if r.id in {"dizigui", "shaonian_zhongguo_shuo", "shehuizhuyi_hexin_jiazhiguan"}]
    fix = _located(text="dizigui", section="入则孝", wrong="应勿缓", right="应勿缓缓")
    built = build_catalog(FIXTURE, tmp_path / "ok", recipes=recipes,
                          corrections=Corrections(located=(fix,), strict=False))
    assert built.texts == 3
    text = "".join(load_catalog(tmp_path / "ok" / "texts.yaml").get("dizigui").passages)
    assert "应勿缓缓" in text

    stale = _located(text="dizigui", section="入则孝", wrong="不在原文中", number=3)
    with pytest.raises(CorpusError, match="dizigui.*corrections 第 3 条.*不在原文中.*出现 0 次"):
        build_catalog(FIXTURE, tmp_path / "bad", recipes=recipes, corrections=Corrections(located=(stale,)))
    assert not (tmp_path / "bad" / "texts.yaml").exists()


def test_converter_fixes_must_fire_exactly_where_listed():
    fix = ConverterFix(4, "震对干", "震对乾", ("a",), "r")
    log = ConverterLog()
    log.record("震对干", "a")
    check_converter([fix], log, ["a", "b"])  # fires where listed: fine
    with pytest.raises(CorpusError, match="converter 第 4 条.*在 a 中没有用到"):
        check_converter([fix], ConverterLog(), ["a"])
    log.record("震对干", "b")
    with pytest.raises(CorpusError, match="未列出的 b"):
        check_converter([fix], log, ["a", "b"])
    check_converter([fix], ConverterLog(), ["b"])  # a text not built is not checked


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "顶层"),
        ({"corrections": [{"text": "x"}]}, "corrections 第 1 条"),
        ({"corrections": [dict(text="x", where="1", **{"from": "甲", "to": "乙"}, kind="错",
                               reason="r", edition="e")]}, "kind"),
        ({"converter": [{"from": "甲", "to": "甲", "texts": ["x"], "reason": "r"}]}, "相同"),
        ({"converter": [{"from": "甲", "to": "乙", "reason": "r"}]}, "texts"),
        ({"converter": [{"from": "甲", "to": "乙", "texts": ["x"], "reason": "r"}] * 2}, "重复"),
    ],
)
def test_malformed_tables_are_refused_naming_the_entry(data, message):
    with pytest.raises(CorpusError, match=message):
        parse_corrections(data)


def test_the_shipped_file_parses_as_yaml_with_both_parts():
    data = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "corrections.yaml").read_text("utf-8"))
    assert set(data) == {"converter", "corrections"}
    assert len(TABLE.located) >= len(ISSUE_EXAMPLES)
