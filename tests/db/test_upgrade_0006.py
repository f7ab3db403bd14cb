"""Upgrading a database from revision 0005 keeps its data and adds the new rules (both back ends).

The database is built at 0005 by the migrations, filled with rows as the
0005 schema allowed them (a class without a school, districts as free text
and '', a pairing by name only), then upgraded to head.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from curriculum.db import make_engine, upgrade_database
from curriculum.models.base import check_name
from tests.conftest import PG_URL

ROWS_0005 = [
    "INSERT INTO school (id, name, district) VALUES (1, '郾城区实验小学', '郾城区'), (2, '无区县小学', '')",
    "INSERT INTO school_class (id, name, stage, grade, size, reading_time, school_id) "
    "VALUES (1, '一年级（1）班', 'primary_lower', '一年级', 40, '07:40:00', 1), "
    "(2, '无校班', 'junior', '', 30, '07:40:00', NULL)",
    "INSERT INTO reading_point (id, name, district, township, community, venue_type, capacity, opening_hours, contact) "
    "VALUES (1, '老街社区诵读点', '源汇区', '', '老街社区', 'community', 30, '{}', '')",
    "INSERT INTO pairing (id, partner_name, partner_kind, target_name, target_kind, district, start_date, resources, "
    "note) VALUES (1, '郾城区实验小学', 'school', '老街社区', 'community', '源汇区', '2026-09-01', 'teachers', '')",
    "INSERT INTO training_batch (id, name, cohort, start_date, end_date, organiser, location, planned_participants, "
    "completion_percent, integration) VALUES (1, '第一期', 'teachers', '2026-07-01', '2026-07-05', '', '', 50, 80, "
    "'teachers')",
]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def old_engine(request, tmp_path):
    """A database of this test's own, migrated to 0005 and filled with 0005-era rows."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
        drop = None
    else:
        admin = make_engine(PG_URL, isolation_level="AUTOCOMMIT")
        name = f"classics_upgrade_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine = make_engine(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
        drop = (admin, name)
    upgrade_database(engine, "0005")
    with engine.begin() as conn:
        for statement in ROWS_0005:
            conn.execute(text(statement))
        if conn.dialect.name == "postgresql":  # explicit ids do not move PostgreSQL's sequences
            for table in ("school", "school_class", "reading_point", "pairing", "training_batch"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) FROM {table}"))
    yield engine
    engine.dispose()
    if drop:
        admin, name = drop
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _rows(engine, sql):
    with engine.connect() as conn:
        return conn.execute(text(sql)).all()


def test_upgrade_keeps_every_row_and_fills_the_new_keys(old_engine):
    upgrade_database(old_engine)

    assert sorted(r[0] for r in _rows(old_engine, "SELECT name FROM district")) == ["源汇区", "郾城区"]
    assert _rows(old_engine, "SELECT name, district FROM school ORDER BY id")[:2] == [
        ("郾城区实验小学", "郾城区"), ("无区县小学", None)]
    # The class that had no school is kept, in a school made for it.
    (orphan_school,) = _rows(old_engine, "SELECT s.name FROM school_class c JOIN school s ON s.id = c.school_id "
                                         "WHERE c.name = '无校班'")[0]
    assert orphan_school == "未指定学校（升级时归入）"
    assert _rows(old_engine, "SELECT school_id, point_id, district FROM pairing") == [(1, 1, "源汇区")]
    assert _rows(old_engine, "SELECT name, district, school_id FROM training_batch") == [("第一期", None, None)]
    created = _rows(old_engine, "SELECT created_at, updated_at FROM reading_point")[0]
    assert all(created), "existing rows get the upgrade time, not NULL"


def test_after_the_upgrade_the_database_refuses_what_the_code_refuses(old_engine):
    upgrade_database(old_engine)
    refused = {
        "unknown district": "UPDATE school SET district = '源汇' WHERE id = 1",
        "class without school": "UPDATE school_class SET school_id = NULL WHERE id = 1",
        check_name("school_class", "stage"): "UPDATE school_class SET stage = 'grade_one' WHERE id = 1",
        check_name("reading_point", "venue_type"): "UPDATE reading_point SET venue_type = 'mall' WHERE id = 1",
        check_name("training_batch", "cohort"): "UPDATE training_batch SET cohort = 'pupils' WHERE id = 1",
        "pairing to a missing point": "UPDATE pairing SET point_id = 99 WHERE id = 1",
    }
    for what, statement in refused.items():
        with pytest.raises(IntegrityError), old_engine.begin() as conn:
            conn.execute(text(statement))
        assert what  # named for the failure message above
