"""Fixtures for the import tests: a small catalog and a class with a September 2026 plan.

The plan is made through the planner (``make_plan``), so the sessions the
import updates are exactly what a school's plan holds: one 30-minute session
per school day, 2026-09-01 to 2026-09-30 (the official calendar: no reading
at weekends).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from curriculum.catalog.schema import Catalog
from curriculum.planner.sessions import list_sessions
from tests.utils.catalog import make_text
from tests.utils.planner import make_class, make_plan, make_school

TODAY = dt.date(2026, 11, 30)
TERM = (dt.date(2026, 9, 1), dt.date(2026, 9, 30))


@pytest.fixture
def catalog() -> Catalog:
    passages = tuple(f"第{i}句人之初性本善性相近习相远。" for i in range(200))
    return Catalog(texts=(make_text("sanzijing", "三字经", sections=(("正文", passages),)),))


@dataclass
class Planned:
    school_id: int
    class_id: int
    plan_id: int
    days: list[dt.date]  # the plan's session dates (slot 0), in order


def plan_class(session, catalog, *, school: str = "源汇区实验小学", klass: str = "三年级（2）班") -> Planned:
    school_row = make_school(session, school, "源汇区")
    class_row = make_class(session, name=klass, school_id=school_row.id)
    plan, _ = make_plan(session, catalog, class_row.id, start=TERM[0], end=TERM[1], text_ids=["sanzijing"])
    days = [s.date for s in list_sessions(plan.id, session=session) if s.slot == 0]
    return Planned(school_row.id, class_row.id, plan.id, days)


@pytest.fixture
def planned(session, catalog) -> Planned:
    return plan_class(session, catalog)
