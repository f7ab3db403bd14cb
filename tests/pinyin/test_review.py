"""``review_text`` on the nine texts the practice names: it runs on each and says what chose every reading."""

import pytest

from curriculum.pinyin_review import is_polyphonic, review_text, summarise

NINE = ["dizigui", "sanzijing", "baijiaxing", "qianziwen", "lunyu", "daxue", "daodejing", "lisao",
        "manjianghong_nufachongguan"]


@pytest.mark.parametrize("text_id", NINE)
def test_review_runs_on_each_of_the_nine_texts(catalog, text_id):
    entry = catalog.get(text_id)
    items = review_text(entry)
    summary = summarise(items)
    assert summary.total == len(items) > 0
    assert all(is_polyphonic(i.char) and entry.passages[i.passage_index][i.offset] == i.char for i in items)
    assert all((i.chosen_by == "default") == (i.rule == "") for i in items)
    defaults = review_text(entry, only_default=True)
    assert len(defaults) == summary.by_default


def test_a_position_rule_is_reported_as_such(catalog):
    from curriculum.pinyin import readings

    rule = next(iter(readings().positions.values()))
    items = review_text(catalog.get(rule.text))
    hit = next(i for i in items if (i.passage_index, i.offset) == (rule.passage, rule.offset))
    assert (hit.chosen_by, hit.reading) == ("position", rule.reading)


def test_the_issue_readings_are_chosen_by_curated_rules(catalog):
    items = review_text(catalog.get("manjianghong_nufachongguan"))
    que = next(i for i in items if i.char == "阙")
    assert (que.reading, que.chosen_by, que.rule) == ("què", "rule", "天阙")
