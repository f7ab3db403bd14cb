"""Fixtures for the dashboard metrics tests: a two-text catalog, schools, classes and plans on chosen days."""

from __future__ import annotations

import pytest
from metrics_testkit import MON, WEEK1, WEEK2, Fest  # noqa: F401  (re-exported for fixtures)

from curriculum.catalog.schema import Catalog, TextEntry
from curriculum.planner import classes, edits, plans
from curriculum.schoolcal import store as school_store
from curriculum.schoolcal.terms import TermInputs


def _text(text_id: str, title: str, category: str, passages: list[str]) -> TextEntry:
    return TextEntry.model_validate({
        "id": text_id, "title": title, "author": "佚名", "era": "清", "category": category,
        "stages": ["primary_lower", "junior"], "source": {"file": "fixture"}, "file": f"texts/{text_id}.yaml",
        "sections": [{"title": "一", "passages": passages}],
    })


DIZIGUI = _text("dizigui", "弟子规", "traditional", ["弟子规圣人训首孝悌次谨信"] * 60)
HONGSE = _text("hongse", "红色家书", "revolutionary", ["为有牺牲多壮志敢教日月换新天"] * 60)


@pytest.fixture
def catalog() -> Catalog:
    return Catalog(texts=(DIZIGUI, HONGSE))


@pytest.fixture
def make_class(session):
    schools: dict[str, int] = {}

    def _make(name: str, *, stage: str = "primary_lower", school: str = "第一小学", district: str = "源汇区",
              size: int = 40):
        if school not in schools:
            data = school_store.school_input(school, district)
            schools[school] = school_store.create_school(data, session=session).id
        return classes.create_class(classes.class_input(name=name, stage=stage, size=size, school_id=schools[school]),
                                    session=session)

    return _make


@pytest.fixture
def make_plan(session, catalog):
    """A 30-minute plan over exactly ``days`` (the term's school days), festivals as ``{date: Fest}``."""

    def _make(klass, days, *, texts=("dizigui",), festivals=None):
        term = TermInputs(days[0], days[-1], list(days), festivals=dict(festivals or {}))
        data = plans.plan_input(class_id=klass.id, term_start=days[0], term_end=days[-1], text_ids=list(texts))
        plan, _result = plans.create_plan(data, session=session, catalog=catalog, term=term)
        return plan

    return _make


@pytest.fixture
def done(session, catalog):
    """Mark the plan's session on each day done with a passing rate (no extra reviews re-planned)."""

    def _done(plan, *days):
        for day in days:
            edits.mark_done(plan.id, day, 0.95, session=session, catalog=catalog)

    return _done
