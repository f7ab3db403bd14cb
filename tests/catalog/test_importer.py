"""The import step, run on the small fixture corpus in tests/fixtures/corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from curriculum.catalog.cleaning import converter_fixes, sentences, split_passages, to_simplified
from curriculum.catalog.corrections import default_corrections
from curriculum.catalog.extractors import CorpusError, chinese_number
from curriculum.catalog.importer import build_catalog
from curriculum.catalog.loader import load_catalog
from curriculum.catalog.recipes import RECIPES
from curriculum.catalog.schema import count_characters

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
FIXTURE_IDS = {
    "dizigui",
    "qianziwen",
    "daodejing",
    "lunyu",
    "jingyesi",
    "qingming_dumu",
    "chunxiao",
    "dengguanquelou",
    "denggao_dufu",
    "loushiming",
    "yueyanglouji",
    "manjianghong_nufachongguan",
    "shaonian_zhongguo_shuo",
    "shehuizhuyi_hexin_jiazhiguan",
}
FIXTURE_RECIPES = [r for r in RECIPES if r.id in FIXTURE_IDS]
# The fixture holds a few chapters of each text: the located corrections name places it lacks, and the
# converter fixes cannot all fire, so these builds use the converter fixes without the strict checks
# (tests/catalog/test_corrections.py covers both on the real catalog).
PARTIAL = default_corrections().without_located()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("catalog")
    report = build_catalog(FIXTURE, out, recipes=FIXTURE_RECIPES, corrections=PARTIAL)
    return out, report, load_catalog(out / "texts.yaml")


def test_fixture_recipes_cover_every_fixture_text():
    assert {r.id for r in FIXTURE_RECIPES} == FIXTURE_IDS


def test_build_writes_a_valid_catalog_with_counts(built):
    out, report, catalog = built
    assert catalog.ids() == [r.id for r in FIXTURE_RECIPES]
    assert report.texts == len(FIXTURE_IDS)
    assert report.passages == sum(len(t.passages) for t in catalog.texts)
    assert report.characters == sum(t.characters for t in catalog.texts)
    assert sorted(p.name for p in (out / "texts").iterdir()) == sorted(f"{i}.yaml" for i in FIXTURE_IDS)


def test_traditional_sources_come_out_simplified(built):
    _, _, catalog = built
    dizigui = catalog.get("dizigui")
    assert dizigui.title == "弟子规"
    assert dizigui.sections[0].title == "总叙"
    assert dizigui.passages[0] == "弟子规，圣人训；首孝弟，次谨信。"
    assert "冬则温，夏则凊；晨则省，昏则定。" in dizigui.passages
    assert catalog.get("yueyanglouji").passages[0].startswith("庆历四年春，滕子京谪守巴陵郡。")
    assert catalog.get("qingming_dumu").passages == (
        "清明时节雨纷纷，路上行人欲断魂。", "借问酒家何处有，牧童遥指杏花村。")
    assert catalog.get("jingyesi").passages == ("床前明月光，疑是地上霜。", "举头望明月，低头思故乡。")
    for text in catalog.texts:
        for passage in text.passages:
            # Converting again changes nothing: no Traditional character is left.
            assert to_simplified(passage) == passage, (text.id, passage)


def test_editorial_notes_are_stripped(built):
    _, _, catalog = built
    daodejing = catalog.get("daodejing")
    chapter3 = "".join(daodejing.sections[2].passages)
    assert "使夫知者不敢为也" in chapter3
    assert "原作" not in chapter3
    chapter32 = daodejing.sections[31]
    assert chapter32.title == "第三十二章"
    assert chapter32.passages[0].startswith("道常无名。朴虽小，天下莫能臣也。")
    yueyang = "".join(catalog.get("yueyanglouji").passages)
    assert "百废具兴" in yueyang and "通：" not in yueyang and "一作" not in yueyang
    assert "得无异乎？" in yueyang  # half-width ? made full-width
    for text in catalog.texts:
        for passage in text.passages:
            assert "`" not in passage and "(" not in passage and " " not in passage, (text.id, passage)
            assert not any(ch.isascii() and ch.isdigit() for ch in passage), (text.id, passage)


def test_qianziwen_lines_are_paired_without_changing_characters(built):
    _, _, catalog = built
    qianziwen = catalog.get("qianziwen")
    raw = json.loads((FIXTURE / "chinese-poetry/蒙学/qianziwen.json").read_text(encoding="utf-8"))
    assert qianziwen.passages[:2] == ("天地玄黄，宇宙洪荒。", "日月盈昃，辰宿列张。")
    assert len(qianziwen.passages) == len(raw["paragraphs"]) // 2
    kept = "".join(ch for p in qianziwen.passages for ch in p if count_characters(ch))
    assert kept == to_simplified("".join(raw["paragraphs"]))
    assert len(kept) == sum(len(s.split()) for s in raw["spells"])


def test_passages_are_non_empty_short_and_never_cut_a_sentence(built):
    _, _, catalog = built
    for text in catalog.texts:
        for section in text.sections:
            assert section.title and section.passages
            for passage in section.passages:
                assert passage.strip()
                assert len(passage) <= 80 or len(sentences(passage)) == 1, (text.id, passage)
    # Long 论语 paragraphs are split only at sentence ends, in order.
    lunyu = catalog.get("lunyu")
    assert [s.title for s in lunyu.sections] == ["学而篇", "为政篇"]
    assert lunyu.passages[0] == "子曰：“学而时习之，不亦说乎？有朋自远方来，不亦乐乎？人不知而不愠，不亦君子乎？”"


def test_modern_metadata_comes_from_the_file(built):
    _, _, catalog = built
    shaonian = catalog.get("shaonian_zhongguo_shuo")
    assert (shaonian.title, shaonian.author, shaonian.era) == ("少年中国说（节选）", "梁启超", "近代")
    assert shaonian.category == "traditional"  # the file's category_hint
    values = catalog.get("shehuizhuyi_hexin_jiazhiguan")
    assert (values.category, values.era) == ("socialist", "当代")


def test_source_and_commit_are_recorded(built):
    _, _, catalog = built
    assert catalog.get("lunyu").source.commit == "99ebbef7e1345c0985c44b9fd96a3f9e776f117b"
    assert catalog.get("daodejing").source.file == "daodejing/daodejing.json"
    assert catalog.get("daodejing").source.commit.startswith("43bc0f84")
    assert catalog.get("shehuizhuyi_hexin_jiazhiguan").source.commit == ""


def test_build_is_byte_identical_when_repeated(built, tmp_path):
    first, _, _ = built
    build_catalog(FIXTURE, tmp_path, recipes=FIXTURE_RECIPES, corrections=PARTIAL)
    files = sorted(p.relative_to(first) for p in first.rglob("*.yaml"))
    assert files == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.yaml"))
    for rel in files:
        assert (first / rel).read_bytes() == (tmp_path / rel).read_bytes(), rel


def test_rebuild_removes_text_files_no_recipe_produces(tmp_path):
    (tmp_path / "texts").mkdir()
    stale = tmp_path / "texts" / "old_text.yaml"
    stale.write_text("id: old_text\n", encoding="utf-8")
    report = build_catalog(FIXTURE, tmp_path, recipes=FIXTURE_RECIPES, corrections=PARTIAL)
    assert not stale.exists()
    assert report.removed == [stale]


def test_a_modern_text_without_recipe_fails_the_build(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    modern = corpus / "modern" / "modern_texts.yaml"
    items = yaml.safe_load(modern.read_text(encoding="utf-8"))
    items.append({"id": "new_poem", "title": "新诗", "author": "某", "year": 1950, "paragraphs": ["一句。"]})
    modern.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CorpusError, match="new_poem"):
        build_catalog(corpus, tmp_path / "out", recipes=FIXTURE_RECIPES, corrections=PARTIAL)
    assert not (tmp_path / "out" / "texts.yaml").exists()


def test_a_missing_selection_names_the_recipe_and_writes_nothing(tmp_path):
    recipes = [r for r in RECIPES if r.id in FIXTURE_IDS | {"jiangxue"}]
    with pytest.raises(CorpusError, match="jiangxue.*江雪"):
        build_catalog(FIXTURE, tmp_path, recipes=recipes, corrections=PARTIAL)
    assert not (tmp_path / "texts.yaml").exists()


def test_split_passages_packs_whole_sentences():
    paragraph = "甲" * 30 + "。" + "乙" * 30 + "！" + "丙" * 30 + "；”" + "丁" * 10 + "。"
    pieces = split_passages(paragraph, limit=70)
    assert "".join(pieces) == paragraph
    assert pieces == ["甲" * 30 + "。" + "乙" * 30 + "！", "丙" * 30 + "；”" + "丁" * 10 + "。"]
    long_sentence = "戊" * 100 + "。"
    assert split_passages(long_sentence) == [long_sentence]
    assert split_passages("短句。") == ["短句。"]


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("不亦說乎", "不亦说乎"),  # 说 (yuè) stays 说, as in every Simplified edition
        ("乾坤", "乾坤"),
        ("離對坎，震對乾", "离对坎，震对乾"),
        ("傅說舉於版築之閒", "傅说举于版筑之间"),
        ("知所先後", "知所先后"),
        ("荀羊於惠", "荀羊於惠"),
        ("樂于時傅", "乐于时傅"),
        ("靡室靡家，玁狁之故", "靡室靡家，猃狁之故"),
        ("茍不教", "苟不教"),
    ],
)
def test_classical_conversions(traditional, simplified):
    assert to_simplified(traditional) == simplified


def test_every_fix_is_documented_and_changes_something():
    for fix in converter_fixes():
        assert fix.wrong != fix.right and fix.reason and fix.texts


def test_chapter_numbers():
    assert [chinese_number(n) for n in (1, 10, 11, 20, 32, 81)] == ["一", "十", "十一", "二十", "三十二", "八十一"]


def test_a_semicolon_couplet_stays_together_when_full_stops_suffice():
    paragraph = ("云对雨，雪对风，晚照对晴空。" * 4 + "人间清暑殿，天上广寒宫。"
                 + "两鬓风霜，途次早行之客；一蓑烟雨，溪边晚钓之翁。")
    pieces = split_passages(paragraph)
    assert "".join(pieces) == paragraph
    assert pieces[-1] == "两鬓风霜，途次早行之客；一蓑烟雨，溪边晚钓之翁。"
    # A single sentence over the limit does split at its semicolons.
    long_sentence = ("甲" * 50 + "；") * 2 + "乙" * 10 + "。"
    assert split_passages(long_sentence) == ["甲" * 50 + "；", "甲" * 50 + "；" + "乙" * 10 + "。"]
