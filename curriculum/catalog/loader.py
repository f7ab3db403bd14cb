"""Load and validate the catalog, collecting every problem before failing.

A broken catalog must never crash the app or hide a second problem behind the
first: ``load_catalog`` gathers one ``CatalogError`` per problem (file, text
id, field, Chinese message) and raises ``CatalogInvalid`` carrying all of them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from curriculum.catalog.schema import Catalog, CatalogError, TextEntry, TextMeta
from curriculum.errors import DomainError
from curriculum.stages import STAGE_KEYS
from curriculum.vocab import CATEGORIES


class CatalogInvalid(DomainError):
    """The catalog has problems; ``errors`` lists each one."""

    def __init__(self, errors: list[CatalogError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


_PYDANTIC_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不认识的字段",
    "string_too_short": "不能为空",
    "too_short": "不能为空",
    "string_pattern_mismatch": "格式不对（只能用小写字母、数字和下划线，且以字母开头）",
    "literal_error": "取值不在允许范围内",
    "int_parsing": "应为整数",
    "string_type": "应为文字",
    "tuple_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
}


def _message(err: dict[str, Any]) -> str:
    msg = err.get("msg", "")
    if err.get("type") == "value_error":
        # Our own validators already speak Chinese; strip pydantic's prefix.
        return msg.removeprefix("Value error, ")
    base = _PYDANTIC_MESSAGES.get(err.get("type", ""), "取值不对")
    if err.get("type") == "literal_error" and err.get("loc", ())[-1:] == ("category",):
        options = "、".join(f"{key}（{label}）" for key, label in CATEGORIES.items())
        return f"{base}（可选：{options}）"
    return base


# PyYAML's problems, in the words a catalog editor understands.
_YAML_PROBLEMS = (
    ("expected ',' or ']'", "方括号列表缺少逗号或右括号 ]"),
    ("expected the node content", "这里缺少内容（括号内不能用 - 开始列表项）"),
    ("expected ',' or '}'", "花括号映射缺少逗号或右括号 }"),
    ("mapping values are not allowed here", "这里不能出现“键: 值”（检查冒号和缩进）"),
    ("cannot start any token", "含有不能出现在这里的字符（如制表符 Tab 或 @、`）"),
    ("could not find expected ':'", "缺少冒号 :"),
    ("did not find expected key", "缩进不一致，或缺少键名"),
    ("did not find expected '-' indicator", "列表项的缩进不一致"),
    ("expected <block end>", "缩进不一致"),
    ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"),
    ("found unknown escape character", "双引号字符串里有无效的转义符 \\"),
    ("found duplicate anchor", "锚点重复"),
    ("found undefined alias", "引用了未定义的锚点"),
)


def _yaml_problem(problem: str) -> str:
    for needle, chinese in _YAML_PROBLEMS:
        if needle in problem:
            return chinese
    return "无法解析"


_ID_LINE = re.compile(r"^\s*(?:-\s*)?id:\s*['\"]?([A-Za-z0-9_]+)")


def _nearest_text_id(path: Path, line: int) -> str:
    """The ``id:`` of the catalog entry that contains ``line`` (0-based), if any."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    for candidate in reversed(lines[: line + 1]):
        match = _ID_LINE.match(candidate)
        if match:
            return match.group(1)
    return ""


def _own_errors(exc: ValidationError) -> list[dict[str, Any]]:
    """Pydantic errors without the knock-on ones.

    When an item of a list is invalid, pydantic also reports the list itself
    as too short ("sections 不能为空" next to "sections.0.passages 第 2 段为空");
    only the item's problem is real.
    """
    errs = exc.errors()
    locs = [tuple(e["loc"]) for e in errs]
    return [
        e
        for e in errs
        if not (
            e.get("type") == "too_short"
            and any(len(other) > len(e["loc"]) and other[: len(e["loc"])] == tuple(e["loc"]) for other in locs)
        )
    ]


def _field(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) if loc else ""


def _read_yaml(path: Path, display: str, errors: list[CatalogError], text_id: str = "") -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        errors.append(CatalogError(display, text_id, "", "文件不存在"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
        problem = _yaml_problem(getattr(exc, "problem", None) or str(exc))
        if not text_id and mark is not None:
            text_id = _nearest_text_id(path, mark.line)
        errors.append(CatalogError(display, text_id, "", f"YAML 格式错误（{where}）：{problem}"))
    return None


def load_catalog(path: str | Path) -> Catalog:
    """Load ``texts.yaml`` and every full-text file it names.

    Raises:
        CatalogInvalid: with one entry per problem — bad YAML, unknown stage,
            duplicate id, missing field, empty passage, missing text file …
    """
    path = Path(path)
    items = _index_items(path)
    errors: list[CatalogError] = []
    texts: list[TextEntry] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items, start=1):
        meta = _entry_meta(path.name, index, item, seen, errors)
        if meta is None:
            continue
        entry = _entry_with_body(path, meta, errors)
        if entry is not None:
            texts.append(entry)
    if errors:
        raise CatalogInvalid(errors)
    return Catalog(texts=tuple(texts))


def _index_items(path: Path) -> list[Any]:
    """The ``texts`` list of ``texts.yaml``; ``CatalogInvalid`` when the file itself cannot be used."""
    errors: list[CatalogError] = []
    raw = _read_yaml(path, path.name, errors)
    if errors:
        raise CatalogInvalid(errors)
    if not isinstance(raw, dict) or not isinstance(raw.get("texts"), list):
        raise CatalogInvalid([CatalogError(path.name, "", "texts", "顶层应为包含 texts 列表的映射")])
    return raw["texts"]


def _entry_meta(display: str, index: int, item: Any, seen: dict[str, int],
                errors: list[CatalogError]) -> TextMeta | None:
    """Rule: each index entry is a mapping with a new id and valid metadata; else its problems go to ``errors``."""
    text_id = str(item.get("id", f"#{index}") if isinstance(item, dict) else f"#{index}")
    if not isinstance(item, dict):
        errors.append(CatalogError(display, text_id, "", f"第 {index} 条应为映射"))
        return None
    if text_id in seen:
        errors.append(CatalogError(display, text_id, "id", f"编号重复（第 {seen[text_id]} 条已使用）"))
        return None
    seen[text_id] = index
    try:
        return TextMeta.model_validate(item)
    except ValidationError as exc:
        errors.extend(CatalogError(display, text_id, _field(err["loc"]), _message(err)) for err in _own_errors(exc))
        return None


def _entry_with_body(path: Path, meta: TextMeta, errors: list[CatalogError]) -> TextEntry | None:
    """Rule: the full-text file exists, is a mapping with ``sections`` and carries the same id as the index."""
    text_id = meta.id
    body_display = str(Path(meta.file))
    body = _read_yaml(path.parent / meta.file, body_display, errors, text_id)
    if body is None:
        if not any(e.file == body_display for e in errors):
            errors.append(CatalogError(body_display, text_id, "", "全文文件为空"))
        return None
    if not isinstance(body, dict) or "sections" not in body:
        errors.append(CatalogError(body_display, text_id, "sections", "缺少必填字段"))
        return None
    if "id" in body and str(body["id"]) != text_id:
        # A copied file with a stale id would silently show the wrong text.
        errors.append(CatalogError(body_display, text_id, "id", f"全文文件的编号“{body['id']}”与书目不一致"))
        return None
    try:
        return TextEntry.model_validate({**meta.model_dump(), "sections": body["sections"]})
    except ValidationError as exc:
        errors.extend(CatalogError(body_display, text_id, _field(err["loc"]), _message(err))
                      for err in _own_errors(exc))
        return None


def catalog_stats(catalog: Catalog) -> dict[str, Any]:
    """Counts shown by ``classics catalog check``: totals, per category and per stage.

    Every category and stage key is present (with 0) so gaps are visible.
    """
    by_category = dict.fromkeys(CATEGORIES, 0)
    by_stage = dict.fromkeys(STAGE_KEYS, 0)
    for text in catalog.texts:
        by_category[text.category] += 1
        for stage in text.stages:
            by_stage[stage] += 1
    return {
        "texts": len(catalog.texts),
        "passages": sum(len(t.passages) for t in catalog.texts),
        "characters": sum(t.characters for t in catalog.texts),
        "by_category": by_category,
        "by_stage": by_stage,
        "by_stage_category": {
            stage: {key: sum(1 for t in catalog.for_stage(stage) if t.category == key) for key in CATEGORIES}
            for stage in STAGE_KEYS
        },
    }


def catalog_fingerprint(path: str | Path) -> tuple[int, int, int]:
    """Changes whenever ``texts.yaml`` or any full-text file changes (for caches).

    ``(mtime of texts.yaml, newest mtime under texts/, number of text files)``;
    zeros for what does not exist.
    """
    path = Path(path)
    main = path.stat().st_mtime_ns if path.exists() else 0
    bodies = [p.stat().st_mtime_ns for p in (path.parent / "texts").glob("*.yaml")]
    return main, max(bodies, default=0), len(bodies)


def try_load_catalog(path: str | Path) -> tuple[Catalog | None, list[CatalogError]]:
    """Like ``load_catalog`` but returns ``(catalog, errors)`` for UIs that show problems."""
    try:
        return load_catalog(path), []
    except CatalogInvalid as exc:
        return None, exc.errors
