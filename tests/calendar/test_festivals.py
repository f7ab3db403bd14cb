"""Festival dates read like a spec: one line per festival and year, checked against lunar facts.

The golden dates were checked against two independent sources: lunar-python
(through ``curriculum.lunar_adapter``) and the ``holidays`` package's own
Chinese lunisolar tables (``holidays.China`` for 春节/除夕/清明/端午/中秋).
"""

from __future__ import annotations

from datetime import date

import pytest

from curriculum.festivals import (
    SUPPORTED_YEARS,
    FestivalDataError,
    FestivalRangeError,
    festival_dates,
    festival_on,
    festivals_between,
    festivals_for_year,
    festivals_on,
    load_festival_rules,
)
from curriculum.lunar_adapter import lunar_label
from curriculum.vocab import FESTIVALS


def assert_festival(key: str, year: int, expected: str) -> None:
    found = [f for f in festivals_for_year(year) if f.key == key]
    assert len(found) == 1, f"{key} should occur exactly once in {year}"
    assert found[0].date.isoformat() == expected, f"{FESTIVALS[key]} {year}"


GOLDEN = [
    # 春节 (正月初一)
    ("chunjie", 2024, "2024-02-10"),
    ("chunjie", 2025, "2025-01-29"),
    ("chunjie", 2026, "2026-02-17"),
    ("chunjie", 2027, "2027-02-06"),
    # 除夕 = last day of the lunar year; 腊月 of lunar 2024 has 29 days → 腊月廿九
    ("chuxi", 2024, "2024-02-09"),
    ("chuxi", 2025, "2025-01-28"),
    ("chuxi", 2026, "2026-02-16"),
    ("chuxi", 2027, "2027-02-05"),
    # 元宵 (正月十五)
    ("yuanxiao", 2025, "2025-02-12"),
    ("yuanxiao", 2026, "2026-03-03"),
    # 清明 is a solar term
    ("qingming", 2024, "2024-04-04"),
    ("qingming", 2025, "2025-04-04"),
    ("qingming", 2026, "2026-04-05"),
    ("qingming", 2027, "2027-04-05"),
    # 端午 (五月初五)
    ("duanwu", 2024, "2024-06-10"),
    ("duanwu", 2025, "2025-05-31"),
    ("duanwu", 2026, "2026-06-19"),
    ("duanwu", 2027, "2027-06-09"),
    # 七夕 (七月初七)
    ("qixi", 2025, "2025-08-29"),
    ("qixi", 2026, "2026-08-19"),
    # 中秋 (八月十五)
    ("zhongqiu", 2024, "2024-09-17"),
    ("zhongqiu", 2025, "2025-10-06"),
    ("zhongqiu", 2026, "2026-09-25"),
    ("zhongqiu", 2027, "2027-09-15"),
    # 重阳 (九月初九)
    ("chongyang", 2025, "2025-10-29"),
    ("chongyang", 2026, "2026-10-18"),
    ("chongyang", 2027, "2027-10-08"),
    # 冬至 is a solar term
    ("dongzhi", 2024, "2024-12-21"),
    ("dongzhi", 2025, "2025-12-21"),
    ("dongzhi", 2026, "2026-12-22"),
    # fixed days
    ("world_book_day", 2026, "2026-04-23"),
    ("children_day", 2026, "2026-06-01"),
    ("party_day", 2026, "2026-07-01"),
    ("teachers_day", 2026, "2026-09-10"),
    ("national_day", 2026, "2026-10-01"),
    # range ends
    ("chunjie", 1901, "1901-02-19"),
    ("chuxi", 1901, "1901-02-18"),
    ("chunjie", 2099, "2099-01-21"),
    ("dongzhi", 2099, "2099-12-21"),
]


@pytest.mark.parametrize(("key", "year", "expected"), GOLDEN)
def test_golden_dates(key, year, expected):
    assert_festival(key, year, expected)


def test_chuxi_is_lachun_29_when_la_month_is_short():
    assert lunar_label(date(2025, 1, 28)) == "腊月廿九"
    assert lunar_label(date(2026, 2, 16)) == "腊月廿九"
    assert lunar_label(date(2024, 2, 9)) == "腊月三十"
    assert festival_on(date(2025, 1, 28)).key == "chuxi"


@pytest.mark.parametrize("year", [1901, 1950, 2000, 2024, 2025, 2026, 2033, 2099])
def test_every_festival_once_per_year_sorted(year):
    found = festivals_for_year(year)
    assert [f.key for f in found].count("chunjie") == 1
    assert sorted(f.key for f in found) == sorted(FESTIVALS)
    assert [f.date for f in found] == sorted(f.date for f in found)
    assert all(f.date.year == year for f in found)
    assert {f.key: f.name for f in found} == FESTIVALS


def test_chuxi_is_always_the_day_before_chunjie_and_lunar_rules_hold():
    for year in SUPPORTED_YEARS:
        days = {f.key: f for f in festivals_for_year(year)}
        assert (days["chunjie"].date - days["chuxi"].date).days == 1, year
        assert (days["yuanxiao"].date - days["chunjie"].date).days == 14, year
        assert lunar_label(days["duanwu"].date) == "五月初五", year
        assert lunar_label(days["zhongqiu"].date) == "八月十五", year
        assert lunar_label(days["chongyang"].date) == "九月初九", year
        assert lunar_label(days["qixi"].date) == "七月初七", year
        assert days["qingming"].date.month == 4 and 3 <= days["qingming"].date.day <= 6, year
        assert days["dongzhi"].date.month == 12 and 20 <= days["dongzhi"].date.day <= 23, year


def test_agrees_with_the_holidays_package_lunisolar_tables():
    """An independent implementation (holidays' own tables) gives the same dates, 1901–2099."""
    chinese = pytest.importorskip("holidays.calendars.chinese")
    oracle = chinese._ChineseLunisolar()
    methods = {
        "chunjie": oracle.lunar_new_year_date,
        "duanwu": oracle.dragon_boat_date,
        "zhongqiu": oracle.mid_autumn_date,
        "chongyang": oracle.double_ninth_date,
        "qingming": oracle.qingming_date,
        "dongzhi": oracle.winter_solstice_date,
    }
    disagreements = set()
    for year in SUPPORTED_YEARS:
        days = {f.key: f.date for f in festivals_for_year(year)}
        for key, method in methods.items():
            if days[key] != method(year)[0]:
                disagreements.add((key, year, days[key].isoformat()))
    # The two known, explained disagreements:
    # * 1916 春节: holidays flags its own 1916-02-04 as an estimate; lunar-python
    #   (and the Hong Kong Observatory tables) give 1916-02-03.
    # * 1951 冬至: the solstice fell at 00:00:01 Beijing time on 12-23 (lunar-python
    #   computes it); holidays uses a year-mod-4 approximation that says 12-22.
    assert disagreements == {("chunjie", 1916, "1916-02-03"), ("dongzhi", 1951, "1951-12-23")}


def test_agrees_with_holidays_china_public_api():
    import holidays

    for year in (2025, 2026, 2027):  # 除夕 is a public holiday again from 2025
        cn = holidays.China(years=year, language="zh_CN", observed=False)
        named = {name: day for day, name in cn.items()}
        days = {f.key: f.date for f in festivals_for_year(year)}
        assert named["清明节"] == days["qingming"]
        assert named["端午节"] == days["duanwu"]
        assert named["中秋节"] == days["zhongqiu"]
        assert named["农历除夕"] == days["chuxi"]
        assert min(d for d, n in cn.items() if n == "春节") == days["chunjie"]


@pytest.mark.parametrize("year", [1900, 2100, 1, 3000])
def test_out_of_range_years_name_the_range(year):
    with pytest.raises(FestivalRangeError, match="1901–2099") as exc:
        festivals_for_year(year)
    assert isinstance(exc.value, ValueError)
    assert str(year) in str(exc.value)


def test_between_and_on():
    found = festivals_between(date(2026, 9, 1), date(2026, 10, 31))
    assert [(f.key, f.date.isoformat()) for f in found] == [
        ("teachers_day", "2026-09-10"),
        ("zhongqiu", "2026-09-25"),
        ("national_day", "2026-10-01"),
        ("chongyang", "2026-10-18"),
    ]
    # across a year boundary
    assert [f.key for f in festivals_between(date(2026, 12, 1), date(2027, 2, 10))] == ["dongzhi", "chuxi", "chunjie"]
    assert festivals_between(date(2026, 10, 2), date(2026, 10, 1)) == []
    assert festival_on(date(2026, 10, 2)) is None
    assert festival_on(date(2026, 4, 5)).name == "清明节"


def test_two_festivals_on_one_day():
    # 2022: 中秋 fell on 教师节; 2020: 中秋 on 国庆节.
    assert [f.key for f in festivals_on(date(2022, 9, 10))] == ["zhongqiu", "teachers_day"]
    assert festival_on(date(2020, 10, 1)).key == "zhongqiu"


def test_themes_and_texts_from_the_practice():
    days = {f.key: f for f in festivals_for_year(2026)}
    assert days["chunjie"].theme == "读论语 拜大年"
    assert days["chunjie"].texts[0] == "lunyu"
    assert days["qingming"].theme == "清明祭先贤 全城诵经典"
    assert days["qingming"].texts == ("qingming_dumu",)
    assert days["duanwu"].theme == "过端午佳节 诵中华经典 做有德之人"
    assert days["duanwu"].texts == ("lisao",)
    assert days["zhongqiu"].theme == "中秋诗会"
    assert days["zhongqiu"].texts[0] == "shuidiao_getou"
    assert days["chongyang"].theme == "敬老赞歌"
    assert "jiuyue_jiuri_yi_shandong_xiongdi" in days["chongyang"].texts
    assert "youziyin" in days["chongyang"].texts
    assert days["yuanxiao"].theme == "元宵诗词"
    assert days["yuanxiao"].texts[0] == "qingyuan_yuanxi"
    assert all(f.texts and f.theme for f in days.values())
    assert {f.key: f.kind for f in days.values() if f.kind != "lunar"} == {
        "qingming": "solar_term",
        "dongzhi": "solar_term",
        "world_book_day": "fixed",
        "children_day": "fixed",
        "party_day": "fixed",
        "teachers_day": "fixed",
        "national_day": "fixed",
    }


def test_festival_dates_helper():
    assert festival_dates("zhongqiu", [2025, 2026]) == {2025: date(2025, 10, 6), 2026: date(2026, 9, 25)}


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("- {key: nope, kind: fixed, fixed: {month: 1, day: 1}, theme: x, texts: []}", "字段 key"),
        ("- {key: chunjie, kind: moon, theme: x, texts: []}", "字段 kind"),
        ("- {key: chunjie, kind: lunar, lunar: {month: 13, day: 1}, theme: x, texts: []}", "lunar.month"),
        ("- {key: qingming, kind: solar_term, term: 清明节, theme: x, texts: []}", "字段 term"),
        ("- {key: teachers_day, kind: fixed, fixed: {month: 2, day: 30}, theme: x, texts: []}", "字段 fixed"),
        ("- {key: teachers_day, kind: fixed, fixed: {month: 9, day: 10}, theme: '', texts: []}", "字段 theme"),
        ("- {key: teachers_day, kind: fixed, fixed: {month: 9, day: 10}, theme: x, texts: [Shi Shuo]}", "字段 texts"),
        ("key: [", "YAML"),
    ],
)
def test_bad_rules_name_file_entry_and_field(tmp_path, yaml_text, message):
    path = tmp_path / "festivals.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(FestivalDataError, match=message) as exc:
        load_festival_rules(path)
    assert "festivals.yaml" in str(exc.value)


def test_duplicate_rule_is_rejected(tmp_path):
    path = tmp_path / "festivals.yaml"
    entry = "- {key: teachers_day, kind: fixed, fixed: {month: 9, day: 10}, theme: x, texts: []}\n"
    path.write_text(entry * 2, encoding="utf-8")
    with pytest.raises(FestivalDataError, match="重复"):
        load_festival_rules(path)


def test_every_suggested_text_is_in_the_catalog():
    """Each festival's suggested texts exist in the committed catalog (data/texts.yaml)."""
    from curriculum.catalog.loader import load_catalog
    from curriculum.settings import Settings

    path = Settings().catalog_path
    if not path.exists():
        pytest.skip("data/texts.yaml is not committed yet (the catalog is built by another task)")
    catalog = load_catalog(path)
    ids = {t.id for t in catalog.texts}
    missing = {f.key: [t for t in f.texts if t not in ids] for f in festivals_for_year(2026)}
    assert {k: v for k, v in missing.items() if v} == {}
