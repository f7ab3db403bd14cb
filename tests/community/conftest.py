"""Fixtures for community tests: reading points open at known hours, people, and the demo seeded once.

The factories live in ``tests.utils.community``; these fixtures bind them to
the test's ``session`` (both back ends). ``demo_sqlite`` seeds the community
demo once per module and worker: a test that needs a demo database of its own
copies the file (``demo_url``) instead of seeding again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.utils.community import copy_db, seeded_demo_sqlite
from tests.utils.community import make_person as _make_person
from tests.utils.community import make_point as _make_point


@pytest.fixture
def make_point(session):
    def _make(name="老街社区诵读点", **kw):
        return _make_point(session, name, **kw)
    return _make


@pytest.fixture
def point(make_point):
    return make_point()


@pytest.fixture
def make_person(session):
    def _make(name="张明", **kw):
        return _make_person(session, name, **kw)
    return _make


@pytest.fixture(scope="module")
def demo_sqlite(_sqlite_template, tmp_path_factory) -> Path:
    """A SQLite file with the community demo (today = 2026-11-28), seeded once per module; never written to."""
    return seeded_demo_sqlite(_sqlite_template, tmp_path_factory.mktemp("demo") / "demo.db")


@pytest.fixture
def demo_url(demo_sqlite, tmp_path, monkeypatch) -> str:
    """A private copy of the seeded demo, and the app (CLI, AppTest) pointed at it."""
    url = copy_db(demo_sqlite, tmp_path / "classics.db")
    monkeypatch.setenv("CLASSICS_DATABASE_URL", url)
    from curriculum.settings import get_settings

    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()
