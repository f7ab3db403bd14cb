"""A class name or grade longer than its column is refused in Chinese on both back ends (no DataError)."""

from __future__ import annotations

import pytest
from sqlmodel import select

from curriculum.models.plan import SchoolClass
from curriculum.planner.sessions import PlanStoreError
from tests.utils.planner import make_class


def test_long_class_name_is_refused_and_nothing_is_saved(session):
    with pytest.raises(PlanStoreError, match="班级名称：最多 60 个字"):
        make_class(session, name="班" * 61, stage="primary_lower")
    assert session.exec(select(SchoolClass)).all() == []


def test_long_grade_is_refused(session):
    with pytest.raises(PlanStoreError, match="年级：最多 30 个字"):
        make_class(session, name="一年级（2）班", stage="primary_lower", grade="年" * 31)


def test_names_at_the_limits_are_saved(session):
    klass = make_class(session, name="班" * 60, stage="primary_lower", grade="年" * 30)
    assert session.get(SchoolClass, klass.id).name == "班" * 60
