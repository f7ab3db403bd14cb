"""``CLASSICS_DATA_DIR`` is the one setting for shipped data: catalog, festivals and pinyin readings move together."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from curriculum import festivals, pinyin, pinyin_reference
from curriculum.settings import get_settings

PROJECT_DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def moved_data(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(PROJECT_DATA, data)
    monkeypatch.setenv("CLASSICS_DATA_DIR", str(data))
    get_settings.cache_clear()
    yield data
    get_settings.cache_clear()


def test_festival_rules_come_from_the_configured_folder(moved_data):
    rules = yaml.safe_load((moved_data / "festivals.yaml").read_text(encoding="utf-8"))
    teachers_day = next(r for r in rules if r["key"] == "teachers_day")
    teachers_day["theme"] = "本市教师节诵读会"
    (moved_data / "festivals.yaml").write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")

    themes = {f.key: f.theme for f in festivals.festivals_for_year(2026)}
    assert themes["teachers_day"] == "本市教师节诵读会"


def test_pinyin_readings_come_from_the_configured_folder(moved_data):
    (moved_data / "pinyin_readings.yaml").unlink()
    with pytest.raises(pinyin.PinyinRulesError, match="pinyin_readings.yaml：文件不存在"):
        pinyin.readings()


def test_the_qianziwen_reference_comes_from_the_configured_folder(moved_data):
    (moved_data / "reference" / "qianziwen_spells.json").unlink()
    with pytest.raises(FileNotFoundError, match=str(moved_data)):
        pinyin_reference.load_reference()
