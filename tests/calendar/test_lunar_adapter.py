"""The lunar adapter: lunar dates, short months and solar terms."""

from __future__ import annotations

from datetime import date

import pytest

from curriculum.lunar_adapter import LunarError, lunar_label, lunar_month_length, lunar_to_solar, solar_term_date


def test_last_day_of_a_short_la_month():
    assert lunar_month_length(2024, 12) == 29
    assert lunar_to_solar(2024, 12, -1) == date(2025, 1, 28)
    with pytest.raises(LunarError, match="只有 29 天"):
        lunar_to_solar(2024, 12, 30)


def test_leap_month_years_use_the_ordinary_month():
    # 2025 has a leap 6th month; 七夕 and 中秋 come after it, 端午 before.
    assert lunar_to_solar(2025, 5, 5) == date(2025, 5, 31)
    assert lunar_to_solar(2025, 8, 15) == date(2025, 10, 6)
    assert lunar_label(date(2025, 10, 6)) == "八月十五"


def test_solar_terms():
    assert solar_term_date(2026, "清明") == date(2026, 4, 5)
    assert solar_term_date(2026, "冬至") == date(2026, 12, 22)
    assert solar_term_date(2027, "小寒") == date(2027, 1, 5)
    with pytest.raises(LunarError, match="不认识的节气"):
        solar_term_date(2026, "清明节")


def test_only_the_adapter_imports_lunar_python():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    importers = sorted(
        str(p.relative_to(root))
        for folder in ("curriculum", "pages")
        for p in (root / folder).rglob("*.py")
        if "lunar_python" in p.read_text(encoding="utf-8")
    )
    assert importers == ["curriculum/lunar_adapter.py"]
