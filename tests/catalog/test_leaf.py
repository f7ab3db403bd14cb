"""The catalog is a leaf of the core: it imports no other area (no exports, pinyin, planner, database)."""

from __future__ import annotations

import ast
from pathlib import Path

CATALOG_DIR = Path(__file__).resolve().parents[2] / "curriculum" / "catalog"
# What the catalog may build on: shared vocabularies and rules, never another area.
ALLOWED = ("curriculum.catalog", "curriculum.stages", "curriculum.vocab", "curriculum.errors", "curriculum.settings")


def _curriculum_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m == "curriculum" or m.startswith("curriculum.")}


def test_catalog_imports_only_shared_modules():
    outside = {
        f"{path.name}: {module}"
        for path in sorted(CATALOG_DIR.glob("*.py"))
        for module in _curriculum_imports(path)
        if not module.startswith(ALLOWED)
    }
    assert sorted(outside) == []
