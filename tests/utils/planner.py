"""Factories for schools, terms, classes and plans: one short call per row a test needs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from curriculum.catalog.schema import Catalog
from curriculum.models.calendar import School, Term
from curriculum.models.plan import Plan, SchoolClass
from curriculum.planner.classes import class_input, create_class
from curriculum.planner.plan_types import PlanResult
from curriculum.planner.plans import create_plan, plan_input
from curriculum.schoolcal import store as school_store
from curriculum.schoolcal.terms import TermInputs


def make_school(session: Session, name: str = "甲小学", district: str = "") -> School:
    return school_store.create_school(school_store.school_input(name, district), session=session)


def make_term(session: Session, school_id: int, name: str, start: dt.date, end: dt.date) -> Term:
    return school_store.create_term(school_store.term_input(school_id, name, start, end), session=session)


def make_class(session: Session, *, name: str = "一年级（2）班", stage: str = "primary_lower",
               **fields: Any) -> SchoolClass:
    """A class through the service (``PlanStoreError`` for what the service or the model refuses).

    Every class belongs to a school; without ``school_id`` it joins the test school “甲小学”.
    """
    if "school_id" not in fields:
        fields["school_id"] = school_store.get_or_create_school(school_store.school_input("甲小学"),
                                                                  session=session).id
    return create_class(class_input(name=name, stage=stage, **fields), session=session)


def make_plan(session: Session, catalog: Catalog, class_id: int, *, start: dt.date, end: dt.date,
              term: TermInputs | None = None, **fields: Any) -> tuple[Plan, PlanResult]:
    """A stored plan for ``start``–``end`` (``term`` overrides the official calendar); fields as ``PlanCreate``."""
    data = plan_input(class_id=class_id, term_start=start, term_end=end, **fields)
    return create_plan(data, session=session, catalog=catalog, term=term)
