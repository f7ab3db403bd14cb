"""The curated classical readings (rules with a reason and a source), each checked in context.

Every rule of data/pinyin_readings.yaml that carries ``reason`` (通假, 破读,
人名地名, 古音, 多音字) is a reading someone looked up in an edition; here each
one must occur in the catalog and give its reading at every occurrence. The
issue-10 list is pinned separately, so dropping one of its rules fails too.
"""

import pytest

from curriculum.pinyin import REASONS, PinyinRulesError, annotate_text, parse_readings, phrase_rule_hits, readings

CURATED = [r for r in readings().phrases if r.reason]

# (text id, phrase in the passage, index of the character, reading) — the readings issue 10 reported wrong.
ISSUE_READINGS = [
    ("sanzijing", "老何为", 2, "wéi"),
    ("sanzijing", "爱恶欲", 1, "wù"),
    ("dizigui", "即为偷", 1, "wéi"),
    ("qianziwen", "乃服衣裳", 3, "cháng"),
    ("manjianghong_nufachongguan", "朝天阙", 2, "què"),
    ("daxue", "宁有盗臣", 0, "nìng"),
    ("lunyu", "便便言", 0, "pián"),
    ("lunyu", "便便言", 1, "pián"),
    ("lunyu", "曾皙", 0, "zēng"),
    ("lunyu", "诲女知之", 1, "rǔ"),
    ("lunyu", "友便辟", 1, "pián"),
    ("lisao", "汩余", 0, "yù"),
]


@pytest.fixture(scope="module")
def hits(catalog):
    return phrase_rule_hits(catalog.texts)


def test_there_are_curated_rules_and_each_has_reason_and_source():
    assert len(CURATED) >= 10
    for rule in CURATED:
        assert rule.reason in REASONS and rule.source.strip(), rule.phrase


@pytest.mark.parametrize("rule", CURATED, ids=lambda r: r.phrase)
def test_each_curated_rule_gives_its_reading_wherever_it_occurs(hits, rule):
    mine = [h for h in hits if h.rule is rule]
    assert mine, f"{rule.phrase}：书目中没有出现"
    wrong = [f"{h.text_id} 第 {h.passage_index} 段“{h.context}”" for h in mine if not h.applied]
    assert wrong == []


@pytest.mark.parametrize(("text_id", "phrase", "at", "reading"), ISSUE_READINGS)
def test_the_issue_readings_in_context(catalog, text_id, phrase, at, reading):
    entry = catalog.get(text_id)
    for passage, pairs in zip(entry.passages, annotate_text(entry)):
        start = passage.find(phrase)
        if start != -1:
            assert pairs[start + at] == (phrase[at], reading), passage
            return
    raise AssertionError(f"{text_id} 中没有“{phrase}”")


def test_shang_is_no_longer_a_reading_of_chang_in_clothes(catalog):
    for text_id in ("qianziwen", "wen_guanjun_shou_henan_hebei"):
        entry = catalog.get(text_id)
        readings_of_chang = {r for p in annotate_text(entry) for c, r in p if c == "裳"}
        assert readings_of_chang == {"cháng"}, text_id


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"phrase": "为", "pinyin": "wéi", "reason": "别的", "source": "x"}, "reason 应为"),
        ({"phrase": "为", "pinyin": "wéi", "reason": "通假"}, "同时给出"),
        ({"phrase": "为", "pinyin": "wéi", "source": "x"}, "同时给出"),
    ],
)
def test_reason_and_source_are_validated(item, message):
    with pytest.raises(PinyinRulesError, match=message):
        parse_readings({"phrases": [item]})
