"""``classics catalog check|list`` and ``classics corpus build`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from curriculum.cli import main
from curriculum.stages import STAGE_KEYS
from curriculum.vocab import CATEGORIES

CATALOG_PATH = Path(__file__).resolve().parents[2] / "data" / "texts.yaml"
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _broken_catalog(root: Path) -> Path:
    """Two texts, three problems: unknown stage, missing author, an empty passage."""
    good = yaml.safe_load(CATALOG_PATH.read_text(encoding="utf-8"))["texts"]
    first = dict(next(t for t in good if t["id"] == "jingyesi"), stages=["kindergarten", "grade_13"])
    second = dict(next(t for t in good if t["id"] == "chunxiao"))
    del second["author"]
    third = dict(next(t for t in good if t["id"] == "jiangxue"))
    (root / "texts").mkdir(parents=True)
    for meta in (first, second):
        source = CATALOG_PATH.parent / meta["file"]
        (root / meta["file"]).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    body = yaml.safe_load((CATALOG_PATH.parent / third["file"]).read_text(encoding="utf-8"))
    body["sections"][0]["passages"][1] = ""
    (root / third["file"]).write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
    path = root / "texts.yaml"
    index = {"version": 1, "texts": [first, second, third]}
    path.write_text(yaml.safe_dump(index, allow_unicode=True), encoding="utf-8")
    return path


def test_check_json_on_the_committed_catalog():
    result = run("catalog", "check", str(CATALOG_PATH), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["valid"] is True
    assert data["texts"] >= 40 and data["passages"] > 0 and data["characters"] > 0
    assert set(data["by_category"]) == set(CATEGORIES)
    assert set(data["by_stage"]) == set(STAGE_KEYS)
    assert sum(data["by_category"].values()) == data["texts"]


def test_check_text_output_uses_the_default_path(monkeypatch):
    monkeypatch.setenv("CLASSICS_DATA_DIR", str(CATALOG_PATH.parent))
    result = run("catalog", "check")
    assert result.exit_code == 0
    assert result.output.startswith("书目有效：")
    assert "幼儿园" in result.output and "革命文化" in result.output


def test_check_reports_every_problem_and_exits_1(tmp_path):
    path = _broken_catalog(tmp_path)
    result = CliRunner().invoke(main, ["catalog", "check", str(path)])
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 3
    assert any("texts.yaml · jingyesi · stages" in line and "grade_13" in line for line in lines)
    assert any("texts.yaml · chunxiao · author" in line and "缺少必填字段" in line for line in lines)
    assert any("texts/jiangxue.yaml · jiangxue · sections.0.passages" in line and "为空" in line for line in lines)


def test_check_json_on_an_invalid_catalog(tmp_path, monkeypatch):
    _broken_catalog(tmp_path)
    monkeypatch.setenv("CLASSICS_DATA_DIR", str(tmp_path))
    result = run("catalog", "check", "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["valid"] is False
    assert {(e["text_id"], e["field"]) for e in data["errors"]} == {
        ("jingyesi", "stages"),
        ("chunxiao", "author"),
        ("jiangxue", "sections.0.passages"),
    }


def test_list_json():
    result = run("catalog", "list", str(CATALOG_PATH), "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    by_id = {row["id"]: row for row in rows}
    assert by_id["lunyu"]["title"] == "论语"
    assert by_id["jingyesi"]["author"] == "李白"
    assert by_id["qianziwen"]["characters"] == 1000
    assert by_id["yiyongjun_jinxingqu"]["category"] == "revolutionary"
    for row in rows:
        assert {"id", "title", "author", "category", "stages", "characters"} <= set(row)


def test_list_text():
    result = run("catalog", "list", str(CATALOG_PATH))
    assert result.exit_code == 0
    assert any(line.startswith("daodejing\t道德经\t老子") for line in result.output.splitlines())


def test_corpus_build_refuses_an_incomplete_corpus_and_writes_nothing(tmp_path):
    # The fixture lacks most files the full recipe table needs.
    result = CliRunner().invoke(main, ["corpus", "build", "--source", str(FIXTURE), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "导入失败" in result.stderr and "找不到源文件" in result.stderr
    assert not (tmp_path / "out" / "texts.yaml").exists()


def test_check_accepts_the_data_folder_itself():
    from pathlib import Path

    data = Path(__file__).resolve().parents[2] / "data"
    result = CliRunner().invoke(main, ["catalog", "check", str(data), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["texts"] >= 40


def test_check_of_a_folder_without_a_catalog_exits_1(tmp_path):
    result = CliRunner().invoke(main, ["catalog", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert "texts.yaml" in result.output and "文件不存在" in result.output
