"""Backup and restore: every row of every table survives SQLite → PostgreSQL → SQLite; bad restores write nothing."""

from __future__ import annotations

import uuid
import zipfile

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from sqlalchemy.engine import make_url
from sqlmodel import Session, SQLModel

from curriculum.accounts.service import SignInRefused, authenticate
from curriculum.backup import BackupError, restore_backup, row_counts, write_backup
from curriculum.cli import main
from curriculum.db import make_engine, upgrade_database
from curriculum.demo import seed_demo
from tests.conftest import PG_URL


def _dump(engine) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order, as comparable tuples."""
    out = {}
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            rows = conn.execute(sa.select(table).order_by(*table.primary_key.columns)).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A SQLite database with the whole demo programme (every table has rows)."""
    path = tmp_path_factory.mktemp("backup") / "demo.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_database(engine)
    with Session(engine) as session:
        seed_demo(session=session)
    with Session(engine) as session:  # one sign-in try fills the attempts table
        with pytest.raises(SignInRefused):
            authenticate("demo_teacher", "wrong password", session=session)
    with engine.begin() as conn:  # the demo takes head counts only; a named sign-up fills the last table
        conn.execute(sa.text("INSERT INTO event_signup (occurrence_id, name, phone, role, status, seq) "
                             "SELECT MIN(id), '王小明', '13800000000', 'parent', 'confirmed', 1 FROM event_occurrence"))
    yield engine
    engine.dispose()


@pytest.fixture
def pg_empty():
    admin = make_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"classics_restore_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    upgrade_database(engine)
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _empty_sqlite(tmp_path, name):
    engine = make_engine(f"sqlite:///{tmp_path / name}")
    upgrade_database(engine)
    return engine


@pytest.mark.postgres
def test_round_trip_sqlite_postgresql_sqlite_keeps_every_row(seeded, pg_empty, tmp_path):
    original = _dump(seeded)
    empty_tables = [name for name, rows in original.items() if not rows]
    assert not empty_tables, f"the demo should fill every table: {empty_tables}"

    with Session(seeded) as session:
        write_backup(tmp_path / "a.zip", session=session)
    with Session(pg_empty) as session:
        restore_backup(tmp_path / "a.zip", session=session)
        session.commit()
    with Session(pg_empty) as session:
        write_backup(tmp_path / "b.zip", session=session)
    back = _empty_sqlite(tmp_path, "back.db")
    with Session(back) as session:
        restore_backup(tmp_path / "b.zip", session=session)
        session.commit()

    assert _dump(back) == original
    # New rows after a restore get fresh ids on PostgreSQL (its sequences were moved on).
    with pg_empty.begin() as conn:
        restored_max = conn.execute(sa.text("SELECT MAX(id) FROM trainee")).scalar_one()
        new_id = conn.execute(sa.text("INSERT INTO trainee (name, organisation) VALUES ('新学员', '') RETURNING id"))
        assert new_id.scalar_one() == restored_max + 1


def test_restore_refuses_a_database_with_data_and_writes_nothing(seeded, tmp_path):
    with Session(seeded) as session:
        write_backup(tmp_path / "a.zip", session=session)
        before = row_counts(session=session)
        with pytest.raises(BackupError, match="目标数据库不是空的"):
            restore_backup(tmp_path / "a.zip", session=session)
        session.rollback()
        assert row_counts(session=session) == before


def test_restore_refuses_another_schema_revision(seeded, tmp_path):
    with Session(seeded) as session:
        write_backup(tmp_path / "a.zip", session=session)
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(tmp_path / "a.zip") as src, zipfile.ZipFile(newer, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "backup.json":
                data = data.replace(b'"revision": "', b'"revision": "9999')
            dst.writestr(item, data)
    target = _empty_sqlite(tmp_path, "t.db")
    with Session(target) as session, pytest.raises(BackupError, match="结构版本为 9999"):
        restore_backup(newer, session=session)


def test_a_truncated_backup_is_refused_and_nothing_lands(seeded, tmp_path):
    with Session(seeded) as session:
        write_backup(tmp_path / "a.zip", session=session)
    cut = tmp_path / "cut.zip"
    with zipfile.ZipFile(tmp_path / "a.zip") as src, zipfile.ZipFile(cut, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "plan_item.jsonl":
                data = b"\n".join(data.splitlines()[:10]) + b"\n"
            dst.writestr(item, data)
    target = _empty_sqlite(tmp_path, "t.db")
    with Session(target) as session:
        with pytest.raises(BackupError, match="行数与其说明不符"):
            restore_backup(cut, session=session)
        session.rollback()
        assert sum(row_counts(session=session).values()) == 0


def test_cli_backup_and_restore_in_chinese(seeded, tmp_path, monkeypatch):
    runner = CliRunner()
    monkeypatch.setenv("CLASSICS_DATABASE_URL", seeded.url.render_as_string(hide_password=False))
    from curriculum.settings import get_settings

    get_settings.cache_clear()
    made = runner.invoke(main, ["db", "backup", str(tmp_path / "x.zip")])
    assert made.exit_code == 0, made.output
    assert "已备份" in made.output
    refused = runner.invoke(main, ["db", "restore", str(tmp_path / "x.zip")])
    assert refused.exit_code == 1
    assert "未恢复：目标数据库不是空的" in refused.output
    not_a_backup = tmp_path / "junk.zip"
    not_a_backup.write_bytes(b"not a zip")
    junk = runner.invoke(main, ["db", "restore", str(not_a_backup)])
    assert junk.exit_code == 1 and "不是本程序的备份文件" in junk.output
    assert "Traceback" not in junk.output
    get_settings.cache_clear()
