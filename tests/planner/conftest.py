"""Small hand-built catalog and festival fixtures for the planner tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from curriculum.catalog.schema import Catalog, TextEntry


def make_text(text_id: str, sections: list[tuple[str, list[str]]], *, title: str | None = None) -> TextEntry:
    return TextEntry.model_validate({
        "id": text_id,
        "title": title or text_id,
        "author": "佚名",
        "era": "清",
        "category": "traditional",
        "stages": ["primary_lower", "kindergarten", "junior"],
        "source": {"file": "fixture"},
        "file": f"texts/{text_id}.yaml",
        "sections": [{"title": t, "passages": p} for t, p in sections],
    })


# 12 characters per passage: at the primary_lower pace (12/min) one passage = 1 minute.
DIZIGUI = make_text("dizigui", title="弟子规", sections=[
    ("总叙", ["弟子规圣人训首孝悌次谨信", "泛爱众而亲仁有余力则学文"]),
    ("入则孝", [f"父母呼应勿缓父母命行勿懒{i}"[:12] for i in range(40)]),
])
SANZIJING = make_text("sanzijing", [("第一章", ["人之初性本善性相近习相远"] * 30)], title="三字经")
QINGMING = make_text("qingming_dumu", [("清明", ["清明时节雨纷纷", "路上行人欲断魂", "借问酒家何处有",
                                                 "牧童遥指杏花村"])],
                     title="清明")
# One passage of 400 characters: longer than any session's new-material budget at 12/min.
LONG = make_text("long_one", [("长段", ["天" * 400]), ("后", ["地" * 12])])


@pytest.fixture
def catalog() -> Catalog:
    return Catalog(texts=(DIZIGUI, SANZIJING, QINGMING, LONG))


@dataclass(frozen=True)
class Fest:
    key: str
    name: str
    date: date
    texts: tuple[str, ...]
    kind: str = "fixed"
    theme: str = ""


def weekdays(start: date, n: int) -> list[date]:
    """The first ``n`` Monday–Friday dates from ``start``."""
    out, d = [], start
    while len(out) < n:
        if d.weekday() < 5:
            out.append(d)
        d += timedelta(days=1)
    return out
