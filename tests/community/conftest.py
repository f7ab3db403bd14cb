"""Fixtures for community tests: reading points open at known hours, and people."""

from __future__ import annotations

from datetime import time

import pytest

from curriculum.community.people import create_person
from curriculum.community.points import create_point, dump_hours, simple_hours
from curriculum.models.community import PersonCreate, ReadingPointCreate


@pytest.fixture
def make_point(session):
    def _make(name="老街社区诵读点", *, district="源汇区", days=(0, 1, 2, 3, 4, 5, 6), open_=time(8, 0),
              close=time(18, 0), venue_type="community", capacity=30):
        return create_point(ReadingPointCreate(
            name=name, district=district, venue_type=venue_type, capacity=capacity,
            opening_hours=dump_hours(simple_hours(days, open_, close)) if days else "{}",
        ), session=session)
    return _make


@pytest.fixture
def point(make_point):
    return make_point()


@pytest.fixture
def make_person(session):
    def _make(name="张明", *, role="volunteer", phone=None, managed_by=None, availability="{}"):
        return create_person(PersonCreate(name=name, role=role, phone=phone, managed_by=managed_by,
                                          availability=availability), session=session)
    return _make
