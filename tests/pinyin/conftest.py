"""Fixtures for the pinyin tests: 千字文 built from the bundled reference, and the committed catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.catalog.loader import load_catalog
from curriculum.catalog.schema import TextEntry
from curriculum.pinyin_reference import load_reference
from curriculum.settings import Settings

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference" / "qianziwen_spells.json"


def qianziwen_from_reference() -> TextEntry:
    """千字文 shaped like the catalog: Simplified, lines paired into punctuated couplets.

    The characters are those of the corrected reference (its known character errors — 鸣凤在竹, 解组谁逼,
    梧桐早凋 — fixed as in data/corrections.yaml), so it reads like the shipped text.
    """
    chars = load_reference(REFERENCE).chars
    lines = [chars[i : i + 4] for i in range(0, len(chars), 4)]
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
