"""Pinyin annotation: pypinyin plus classical readings, without touching pypinyin's globals."""

import pytest
import yaml
from pypinyin import Style, pinyin

from curriculum import pinyin as P
from curriculum.pinyin import PinyinRulesError, annotate, parse_readings, plain_annotate
from curriculum.settings import get_settings


def readings_of(text, **kw):
    return [r for _, r in annotate(text, **kw)]


def test_every_character_gets_a_pair_punctuation_and_latin_get_empty_pinyin():
    pairs = annotate("学而时习之，不亦说乎？A1")
    assert "".join(c for c, _ in pairs) == "学而时习之，不亦说乎？A1"
    assert pairs[0] == ("学", "xué")
    assert [r for c, r in pairs if c in "，？A1"] == ["", "", "", ""]


def test_tone_marks_not_numbers():
    assert readings_of("绿水青山") == ["lǜ", "shuǐ", "qīng", "shān"]


def test_classical_phrase_rules_fix_what_pypinyin_reads_in_modern_mandarin():
    assert plain_annotate("首孝弟")[2] == ("弟", "dì")
    assert plain_annotate("晨则省")[2] == ("省", "shěng")
    assert annotate("不亦说乎")[2] == ("说", "yuè")
    assert annotate("首孝弟，次谨信")[2] == ("弟", "tì")
    assert annotate("晨则省，昏则定")[2] == ("省", "xǐng")
    assert annotate("父母呼，应勿缓")[4] == ("应", "yìng")


def test_phrase_never_spans_punctuation():
    # 弟子规 "无限好，德日进": 好 is hǎo; 好德 (hào dé) must not match across the comma.
    assert annotate("能亲仁，无限好；德日进")[6] == ("好", "hǎo")
    assert annotate("吾未见好德如好色者也")[3] == ("好", "hào")


def test_longer_phrase_wins_over_shorter():
    # 不说 (lunyu: 说 = 悦) but 成事不说 (说 = speak of)
    assert readings_of("子路不说", text_id="lunyu", classical=True)[3] == "yuè"
    assert readings_of("成事不说，遂事不谏", text_id="lunyu", classical=True)[3] == "shuō"


def test_text_limited_rules_apply_only_in_their_text():
    assert readings_of("子路不说", text_id="lunyu", classical=True)[3] == "yuè"
    assert readings_of("子路不说", text_id="other", classical=True)[3] == "shuō"


def test_classical_only_rules_need_a_classical_text():
    assert readings_of("子曰", classical=True)[0] == "zǐ"
    assert readings_of("子曰")[0] == "zi"  # stock pypinyin, e.g. for a modern text
    # noun suffixes stay neutral even in classical texts
    assert readings_of("燕子不进愁门", classical=True)[1] == "zi"


def test_rules_do_not_leak_into_pypinyin_globals():
    assert annotate("其为人也孝弟", text_id="lunyu", classical=True)[5] == ("弟", "tì")
    assert pinyin("其为人也孝弟", style=Style.TONE)[5] == ["dì"]


def test_recitation_prints_citation_tones_of_bu_and_yi():
    # pypinyin applies tone sandhi from its phrase dictionary: 不是 bú shì, 一个 yí gè, 差不多 bu
    assert plain_annotate("不是")[0] == ("不", "bú")
    assert annotate("不是才人莫献诗")[0] == ("不", "bù")
    assert annotate("待到明年差不多", classical=True)[5] == ("不", "bù")
    assert annotate("一个山头一只虎", classical=True)[0] == ("一", "yī")
    assert annotate("人争一口气")[2] == ("一", "yī")


def _rules(monkeypatch, data):
    table = parse_readings(data, "test.yaml")
    monkeypatch.setattr(P, "readings", lambda: table)
    return table


def test_position_rules_apply_to_one_character_and_check_it(monkeypatch):
    _rules(monkeypatch, {
        "phrases": [],
        "positions": [{"text": "t", "passage": 1, "offset": 2, "char": "行", "pinyin": "háng"}],
    })
    assert readings_of("两个行人", text_id="t", passage_index=1)[2] == "háng"
    assert readings_of("两个行人", text_id="t", passage_index=0)[2] == "xíng"
    assert readings_of("两个行人")[2] == "xíng"
    # the text changed: the character at the offset is no longer 行 → rule ignored
    assert readings_of("两个人行", text_id="t", passage_index=1)[2] == "rén"


def test_final_rules_apply_only_where_the_phrase_ends_a_clause(monkeypatch):
    _rules(monkeypatch, {"phrases": [
        {"phrase": "与", "pinyin": "yú", "final": True, "texts": ["t"]},
        {"phrase": "谁与", "pinyin": "shuí yǔ", "final": True, "texts": ["t"]},
    ]})
    # 是鲁孔丘与？ — the particle 与 = 欤 at the end of the question
    assert readings_of("是鲁孔丘与？", text_id="t")[4] == "yú"
    # 求之与，抑与之与？ — both clause-final 与 are particles, the 与 of 与之 (give) is not
    assert readings_of("求之与，抑与之与？", text_id="t") == ["qiú", "zhī", "yú", "", "yì", "yǔ", "zhī", "yú", ""]
    # a longer final rule wins: 则谁与？ 与 is the verb (go along with)
    assert readings_of("则谁与？", text_id="t")[2] == "yǔ"
    # the end of the passage ends a clause too; other texts are untouched
    assert readings_of("归与", text_id="t")[1] == "yú"
    assert readings_of("归与", text_id="other")[1] == "yǔ"


def test_initial_rules_apply_only_where_the_phrase_opens_a_clause(monkeypatch):
    _rules(monkeypatch, {"phrases": [
        {"phrase": "夫", "pinyin": "fú", "initial": True},
        {"phrase": "夫子", "pinyin": "fū zǐ"},
    ]})
    assert readings_of("夫唯不争，故无尤")[0] == "fú"
    assert readings_of("内省不疚，夫何忧何惧")[5] == "fú"
    assert readings_of("匹夫不可夺志也")[1] == "fū"  # not at the start: pypinyin's reading
    assert readings_of("夫子温、良")[0] == "fū"  # the longer rule wins


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"phrases": [{"phrase": "不亦说乎", "pinyin": "bù yì yuè"}]}, "4 个字，却有 3 个拼音"),
        ({"phrases": [{"phrase": "说乎", "pinyin": "yue4 hū"}]}, "yue4"),
        ({"phrases": [{"phrase": "说，乎", "pinyin": "yuè hū hū"}]}, "只能由汉字组成"),
        ({"phrases": [{"phrase": "说"}]}, "phrase 和 pinyin"),
        ({"phrases": [{"phrase": "说", "pinyin": "yuè", "texts": "lunyu"}]}, "texts"),
        ({"phrases": [{"phrase": "说", "pinyin": "yuè", "colour": 1}]}, "colour"),
        ({"phrases": [{"phrase": "与", "pinyin": "yú", "final": "yes"}]}, "final"),
        ({"phrases": [{"phrase": "夫", "pinyin": "fú", "initial": 1}]}, "initial"),
        ({"phrases": [{"phrase": "说", "pinyin": "yuè"}, {"phrase": "说", "pinyin": "shuì"}]}, "重复"),
        ({"positions": [{"text": "t", "passage": 0, "offset": 0, "char": "行", "pinyin": "háng", "x": 1}]}, "x"),
        ({"positions": [{"text": "t", "passage": -1, "offset": 0, "char": "行", "pinyin": "háng"}]}, "从 0 起"),
        ({"positions": [{"text": "t", "passage": 0, "offset": 0, "char": "行"}]}, "五个字段"),
        ({"rules": []}, "rules"),
    ],
)
def test_malformed_tables_name_the_file_and_the_rule(data, fragment):
    with pytest.raises(PinyinRulesError) as info:
        parse_readings(data, "pinyin_readings.yaml")
    message = str(info.value)
    assert "pinyin_readings.yaml" in message
    assert fragment in message


def test_malformed_yaml_file_is_reported_with_its_name(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("phrases: [\n", encoding="utf-8")
    with pytest.raises(PinyinRulesError, match="broken.yaml"):
        P.load_readings(bad)


def test_shipped_table_is_valid_and_documented():
    table = P.readings()
    assert len(table.phrases) > 100
    assert get_settings().readings_path.read_text(encoding="utf-8").startswith("#")
    raw = yaml.safe_load(get_settings().readings_path.read_text(encoding="utf-8"))
    assert parse_readings(raw) == table
    # longest first, so the most specific rule decides
    lengths = [len(r.phrase) for r in table.phrases]
    assert lengths == sorted(lengths, reverse=True)
