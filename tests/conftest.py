"""Shared fixtures.

Storage tests run on both back ends: the embedded SQLite file and PostgreSQL
(``CLASSICS_TEST_PG_URL``, default the local ``test`` database). The schema is
always built by the Alembic migrations, never by ``create_all``, so the
migrations are exercised by every storage test.

* ``engine`` — parametrised over ``sqlite`` and ``postgresql``; empty tables
  for each test.
* ``session`` — a ``Session`` on that engine.
* ``sqlite_url`` — a fresh migrated SQLite file URL (for AppTest and the CLI).

Every test database starts as a deployment does after its first set-up step:
with the city's districts (the reference city's, ``LUOHE_DISTRICTS``), since
every district field must name one of them.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, SQLModel

import curriculum.models  # noqa: F401
from curriculum.db import make_engine, upgrade_database
from curriculum.districts import LUOHE_DISTRICTS, ensure_districts

PG_URL = os.environ.get("CLASSICS_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PROJECT_DIR = Path(__file__).resolve().parent.parent


def _seed_districts(engine) -> None:
    with Session(engine) as session:
        ensure_districts(LUOHE_DISTRICTS, session=session)
        session.commit()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_database(engine)
    _seed_districts(engine)
    engine.dispose()
    return path


@pytest.fixture
def sqlite_url(_sqlite_template, tmp_path) -> str:
    """A migrated, empty SQLite database file of this test's own."""
    path = tmp_path / "classics.db"
    shutil.copy(_sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def _pg_engine():
    """A throw-away PostgreSQL database for this test run, migrated once."""
    admin = make_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"classics_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        # CI always has PostgreSQL: there a missing server is a failure. On a
        # developer machine without it, say so in the summary and go on.
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL 不可用（{PG_URL}），跳过 PostgreSQL 存储测试：{exc.orig}")
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade_database(engine)
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_pg(engine) -> None:
    tables = [t.name for t in SQLModel.metadata.sorted_tables]
    if tables:
        with engine.begin() as conn:
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request, sqlite_url):
    if request.param == "sqlite":
        eng = make_engine(sqlite_url)
        yield eng
        eng.dispose()
    else:
        eng = request.getfixturevalue("_pg_engine")
        _truncate_pg(eng)
        _seed_districts(eng)
        yield eng
        _truncate_pg(eng)


@pytest.fixture
def session(engine):
    with Session(engine) as s:
        yield s


@pytest.fixture
def app_env(monkeypatch, sqlite_url):
    """Point the app (AppTest) and the CLI at a fresh SQLite database."""
    monkeypatch.setenv("CLASSICS_DATABASE_URL", sqlite_url)
    from curriculum.settings import get_settings

    get_settings.cache_clear()
    yield sqlite_url
    get_settings.cache_clear()
