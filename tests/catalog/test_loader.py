"""A malformed catalog gives one clear message per problem, naming file, text id and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from curriculum.catalog.loader import CatalogInvalid, catalog_stats, load_catalog, try_load_catalog


def _meta(text_id: str, **changes) -> dict:
    meta = {
        "id": text_id,
        "title": "静夜思",
        "author": "李白",
        "era": "唐",
        "category": "traditional",
        "stages": ["kindergarten"],
        "themes": ["思乡"],
        "shouze": [],
        "festivals": ["zhongqiu"],
        "sizheng": [],
        "source": {"file": "chinese-poetry/蒙学/qianjiashi.json", "commit": "99ebbef", "note": ""},
        "file": f"texts/{text_id}.yaml",
    }
    meta.update(changes)
    return meta


def _body(text_id: str, passages=("床前明月光，疑是地上霜。", "举头望明月，低头思故乡。")) -> dict:
    return {"id": text_id, "title": "静夜思", "sections": [{"title": "静夜思", "passages": list(passages)}]}


def write_catalog(root: Path, metas: list[dict], bodies: dict[str, dict | str]) -> Path:
    (root / "texts").mkdir(parents=True, exist_ok=True)
    path = root / "texts.yaml"
    path.write_text(yaml.safe_dump({"version": 1, "texts": metas}, allow_unicode=True), encoding="utf-8")
    for text_id, body in bodies.items():
        text = body if isinstance(body, str) else yaml.safe_dump(body, allow_unicode=True)
        (root / "texts" / f"{text_id}.yaml").write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path):
    with pytest.raises(CatalogInvalid) as info:
        load_catalog(path)
    return info.value.errors


def test_a_valid_catalog_loads(tmp_path):
    path = write_catalog(tmp_path, [_meta("a"), _meta("b")], {"a": _body("a"), "b": _body("b")})
    catalog = load_catalog(path)
    assert catalog.ids() == ["a", "b"]
    assert catalog.get("a").characters == 20
    stats = catalog_stats(catalog)
    assert stats["texts"] == 2 and stats["passages"] == 4 and stats["characters"] == 40
    assert stats["by_stage"]["kindergarten"] == 2 and stats["by_stage"]["university"] == 0
    assert stats["by_category"] == {"traditional": 2, "revolutionary": 0, "socialist": 0}


def test_bad_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "texts.yaml"
    path.write_text("version: 1\ntexts:\n  - id: a\n    title: [unclosed\n", encoding="utf-8")
    (error,) = errors_of(path)
    assert error.file == "texts.yaml"
    assert "YAML" in error.message and "行" in error.message


def test_bad_yaml_in_a_text_file_names_that_file_and_the_text(tmp_path):
    path = write_catalog(tmp_path, [_meta("a")], {"a": "sections: [\n  - {title: x\n"})
    (error,) = errors_of(path)
    assert (error.file, error.text_id) == ("texts/a.yaml", "a")
    assert "YAML" in error.message and "第" in error.message


def test_unknown_stage(tmp_path):
    path = write_catalog(tmp_path, [_meta("a", stages=["kindergarten", "grade_13"])], {"a": _body("a")})
    (error,) = errors_of(path)
    assert (error.file, error.text_id, error.field) == ("texts.yaml", "a", "stages")
    assert "grade_13" in error.message and "未知学段" in error.message


def test_duplicate_id(tmp_path):
    path = write_catalog(tmp_path, [_meta("a"), _meta("a")], {"a": _body("a")})
    (error,) = errors_of(path)
    assert (error.text_id, error.field) == ("a", "id")
    assert "重复" in error.message


def test_missing_field(tmp_path):
    meta = _meta("a")
    del meta["author"]
    path = write_catalog(tmp_path, [meta], {"a": _body("a")})
    (error,) = errors_of(path)
    assert (error.file, error.text_id, error.field, error.message) == ("texts.yaml", "a", "author", "缺少必填字段")


@pytest.mark.parametrize("empty", ["", "   ", None])
def test_empty_passage(tmp_path, empty):
    path = write_catalog(tmp_path, [_meta("a")], {"a": _body("a", passages=("床前明月光。", empty))})
    (error,) = errors_of(path)
    assert (error.file, error.text_id) == ("texts/a.yaml", "a")
    assert error.field == "sections.0.passages"
    assert "第 2 段为空" in error.message


def test_text_file_with_another_id(tmp_path):
    path = write_catalog(tmp_path, [_meta("a")], {"a": _body("b")})
    (error,) = errors_of(path)
    assert (error.file, error.text_id, error.field) == ("texts/a.yaml", "a", "id")


def test_missing_text_file(tmp_path):
    path = write_catalog(tmp_path, [_meta("a")], {})
    (error,) = errors_of(path)
    assert (error.file, error.text_id, error.message) == ("texts/a.yaml", "a", "文件不存在")


def test_every_problem_is_reported_together(tmp_path):
    no_title = _meta("c")
    del no_title["title"]
    metas = [
        _meta("a", stages=["nursery"]),
        _meta("b", category="modern"),
        no_title,
        _meta("d"),
        _meta("d"),
        _meta("e", shouze=[10], festivals=["halloween"]),
    ]
    bodies = {"b": _body("b"), "c": _body("c"), "d": _body("d", passages=("",)), "e": _body("e")}
    path = write_catalog(tmp_path, metas, bodies)
    catalog, errors = try_load_catalog(path)
    assert catalog is None
    located = {(e.text_id, e.field) for e in errors}
    assert located == {
        ("a", "stages"),
        ("b", "category"),
        ("c", "title"),
        ("d", "sections.0.passages"),
        ("d", "id"),
        ("e", "shouze"),
        ("e", "festivals"),
    }
    assert len(errors) == 7
    for error in errors:
        # Every message is Chinese and the printed line names file, id and field.
        assert error.file in str(error) and error.text_id in str(error) and error.field in str(error)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message)


def test_bad_yaml_is_explained_in_chinese_and_names_the_entry(tmp_path):
    path = tmp_path / "texts.yaml"
    path.write_text("version: 1\ntexts:\n  - id: lunyu\n    title: 论语\n    stages: [junior, senior\n"
                    "    author: 孔子\n", encoding="utf-8")
    (error,) = errors_of(path)
    assert error.text_id == "lunyu"
    assert error.message == "YAML 格式错误（第 6 行第 11 列）：方括号列表缺少逗号或右括号 ]"


def test_unknown_category_lists_the_three_categories_in_chinese(tmp_path):
    path = write_catalog(tmp_path, [_meta("a", category="red")], {"a": _body("a")})
    (error,) = errors_of(path)
    assert error.field == "category"
    assert "中华优秀传统文化" in error.message and "革命文化" in error.message and "'" not in error.message


def test_fingerprint_changes_when_a_text_file_changes(tmp_path):
    import os

    from curriculum.catalog.loader import catalog_fingerprint

    path = write_catalog(tmp_path, [_meta("a")], {"a": _body("a")})
    before = catalog_fingerprint(path)
    body = tmp_path / "texts" / "a.yaml"
    os.utime(body, ns=(body.stat().st_atime_ns, body.stat().st_mtime_ns + 10**9))
    assert catalog_fingerprint(path) != before
