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
    assert "99.60%（996/1000）" in result.output
    assert "96.60%（966/1000）" in result.output
    assert "化被草木" in result.output

    data = json.loads(run("pinyin-accuracy", "--json").output)
    assert data["with_rules"]["ratio"] >= 0.995
    assert data["plain_pypinyin"]["agree"] == 966
    assert {m["char"] for m in data["with_rules"]["mismatches"]} >= {"被", "的"}
