"""``classics pinyin`` and ``classics pinyin-accuracy`` on a small catalog built from the bundled 千字文."""

import json
import unicodedata

import pytest
import yaml
from click.testing import CliRunner

from curriculum.cli import main
from tests.utils.data import copy_shared_data


@pytest.fixture
def data_dir(tmp_path, monkeypatch, qianziwen):
    meta = qianziwen.model_dump(mode="json", exclude={"sections", "passages", "characters"})
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts.yaml").write_text(yaml.safe_dump({"texts": [meta]}, allow_unicode=True), encoding="utf-8")
    body = {"sections": [s.model_dump(mode="json") for s in qianziwen.sections]}
    (tmp_path / "texts" / "qianziwen.yaml").write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
    copy_shared_data(tmp_path)
    monkeypatch.setenv("CLASSICS_DATA_DIR", str(tmp_path))
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_help_lists_both_commands():
    out = run("--help").output
    assert "pinyin " in out and "pinyin-accuracy" in out


def test_pinyin_json_is_passages_of_char_pinyin_pairs(data_dir):
    result = run("pinyin", "qianziwen", "--json")
    assert result.exit_code == 0, result.output
    passages = json.loads(result.output)
    assert len(passages) == 125
    assert passages[0][:2] == [["天", "tiān"], ["地", "dì"]]
    assert passages[0][4] == ["，", ""]
    assert passages[1][6] == ["宿", "xiù"]  # 日月盈昃，辰宿列张。
    assert all(len(pair) == 2 for p in passages for pair in p)


def test_pinyin_plain_prints_pinyin_above_each_character(data_dir):
    result = run("pinyin", "qianziwen")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("千字文")
    row = next(i for i, line in enumerate(lines) if line.startswith("日 月"))
    top, bottom = lines[row - 1], lines[row]
    assert top.split() == ["rì", "yuè", "yíng", "zè", "chén", "xiù", "liè", "zhāng"]
    # columns line up in a terminal (a Hanzi is two columns wide): each syllable starts above its character
    def column(line, i):
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:i])

    for syllable, char in (("xiù", "宿"), ("zhāng", "张"), ("chén", "辰")):
        assert top.index(syllable) == column(bottom, bottom.index(char))


def test_unknown_text_fails_in_chinese(data_dir):
    result = run("pinyin", "nope")
    assert result.exit_code == 1
    assert "书目中没有“nope”" in result.output


def test_accuracy_reports_both_figures_and_the_mismatches(data_dir):
    result = run("pinyin-accuracy")
    assert result.exit_code == 0, result.output
    print("\n" + result.output)
    # Measured against the corrected reference (data/reference/qianziwen_spells.corrections.yaml, issue 10):
    # the uncorrected file shared mistakes with pypinyin (裳 shāng, 匪 fēi …) and marked right readings wrong
    # (被 pi, 的 de), which gave 99.60 % / 96.60 %. Now only 俶载 zài/zǎi is left, an open question.
    assert "参考注音已按已知错误表更正 7 处" in result.output
    assert "99.90%（999/1000）" in result.output
    assert "96.60%（966/1000）" in result.output
    assert "俶载南亩" in result.output

    data = json.loads(run("pinyin-accuracy", "--json").output)
    assert data["with_rules"]["ratio"] >= 0.995
    assert data["plain_pypinyin"]["agree"] == 966
    assert {m["char"] for m in data["with_rules"]["mismatches"]} == {"载"}
    assert len(data["reference_corrections"]) == 7


# --------------------------------------------------------------------------- pinyin review


def test_review_lists_polyphones_with_reading_and_what_chose_it(data_dir):
    result = run("pinyin", "review", "qianziwen", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    items = data["items"]
    summary = data["summary"]
    assert summary["total"] == len(items) == summary["by_rule"] + summary["by_position"] + summary["by_default"]
    su = next(i for i in items if i["char"] == "宿")
    assert (su["reading"], su["chosen_by"], su["rule"]) == ("xiù", "rule", "辰宿")
    assert su["context"] == "日月盈昃，辰【宿】列张。" and su["passage_index"] == 1 and su["section"] == "千字文"
    chang = next(i for i in items if i["char"] == "裳")
    assert (chang["reading"], chang["rule"], chang["reason"]) == ("cháng", "衣裳", "古音")
    assert all(len(i["readings"]) > 1 for i in items)  # only polyphonic characters are listed


def test_review_only_default_and_plain_output(data_dir):
    data = json.loads(run("pinyin", "review", "qianziwen", "--only-default", "--json").output)
    assert data["items"] and {i["chosen_by"] for i in data["items"]} == {"default"}
    result = run("pinyin", "review", "qianziwen", "--only-default")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("《千字文》多音字审读（仅 pypinyin 默认读音）")
    assert "pypinyin 默认" in result.output and "【千字文】" in result.output


def test_review_of_an_unknown_text_fails_in_chinese(data_dir):
    result = run("pinyin", "review", "nope")
    assert result.exit_code == 1
    assert "书目中没有“nope”" in result.output


def test_pinyin_help_names_the_review(data_dir):
    out = run("pinyin", "--help").output
    assert "review" in out and "show" in out
