"""Fixtures for the pinyin tests: 千字文 built from the bundled reference, and the committed catalog."""

from __future__ import annotations

import json
from pathlib import Path

import opencc
import pytest

from curriculum.catalog.loader import load_catalog
from curriculum.catalog.schema import TextEntry
from curriculum.settings import Settings

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference" / "qianziwen_spells.json"


def qianziwen_from_reference() -> TextEntry:
    """千字文 shaped like the catalog: Simplified (OpenCC t2s), lines paired into punctuated couplets."""
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    convert = opencc.OpenCC("t2s").convert
    lines = [convert(line) for line in data["paragraphs"]]
    couplets = [f"{a}，{b}。" for a, b in zip(lines[::2], lines[1::2])]
    return TextEntry.model_validate(
        {
            "id": "qianziwen",
            "title": "千字文",
            "author": "周兴嗣",
            "era": "南北朝·梁",
            "category": "traditional",
            "stages": ["primary_lower"],
            "source": {"file": "chinese-poetry/蒙学/qianziwen.json"},
            "file": "texts/qianziwen.yaml",
            "sections": [{"title": "千字文", "passages": couplets}],
        }
    )


@pytest.fixture(scope="session")
def reference_path() -> Path:
    return REFERENCE


@pytest.fixture(scope="session")
def qianziwen() -> TextEntry:
    return qianziwen_from_reference()


@pytest.fixture(scope="session")
def catalog():
    """The committed catalog (data/texts.yaml)."""
    path = Settings().catalog_path
    if not path.exists():
        pytest.skip(f"书目尚未生成：{path}")
    return load_catalog(path)
