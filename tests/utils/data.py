"""A data folder of a test's own: ``CLASSICS_DATA_DIR`` holds all shipped data, so a test catalog needs the rest too."""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT_DATA = Path(__file__).resolve().parents[2] / "data"


def copy_shared_data(dest: Path) -> Path:
    """Copy the festival rules, pinyin readings and references (not the catalog) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("festivals.yaml", "pinyin_readings.yaml"):
        shutil.copy(PROJECT_DATA / name, dest / name)
    shutil.copytree(PROJECT_DATA / "reference", dest / "reference", dirs_exist_ok=True)
    return dest
