"""Backup and restore: every table to one file and back, on either back end (SQLite ⇄ PostgreSQL).

A backup is a zip file holding ``backup.json`` (format, schema revision, row
counts) and one JSON-lines file per table, rows in primary-key order. Dates and
times are written as ISO strings and read back by the column's type, so a
backup taken on SQLite restores on PostgreSQL and the other way round.

A restore goes into a database already at the backup's schema revision
(``classics db upgrade``) that holds no rows, in one transaction: it lands
whole or not at all. A file from another schema revision is refused — a newer
one needs a newer program, an older one is restored with its own version and
then upgraded.

Limitations: the whole restore is one transaction, so a city-sized backup
needs the disk space for it twice while it runs.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from sqlmodel import Session, SQLModel

import curriculum.models  # noqa: F401  (registers every table)
from curriculum.errors import DomainError

FORMAT = "classics-backup"
FORMAT_VERSION = 1
META_NAME = "backup.json"
BATCH = 5_000

Progress = Callable[[str, int], None]  # (table, rows just written or read)


class BackupError(DomainError):
    """A backup file that cannot be read or restored here (Chinese message)."""


def _tables() -> list[sa.Table]:
    return list(SQLModel.metadata.sorted_tables)  # parents before children


def _revision(session: Session) -> str | None:
    return MigrationContext.configure(session.connection()).get_current_revision()


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def _column_kind(column: sa.Column) -> type | None:
    kind = column.type.impl if isinstance(column.type, sa.TypeDecorator) else column.type
    for sa_type, py_type in ((sa.DateTime, dt.datetime), (sa.Date, dt.date), (sa.Time, dt.time)):
        if isinstance(kind, sa_type):
            return py_type
    return None


def _decoder(table: sa.Table) -> Callable[[dict[str, Any]], dict[str, Any]]:
    kinds = {c.name: k for c in table.columns if (k := _column_kind(c)) is not None}

    def decode(row: dict[str, Any]) -> dict[str, Any]:
        for name, kind in kinds.items():
            if row.get(name) is not None:
                row[name] = kind.fromisoformat(row[name])
        return row

    return decode


def write_backup(path: str | Path, *, session: Session, progress: Progress | None = None) -> dict[str, int]:
    """Write every table to ``path``; returns the row count per table."""
    counts: dict[str, int] = {}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in _tables():
            counts[table.name] = _write_table(archive, table, session, progress)
        meta = {"format": FORMAT, "version": FORMAT_VERSION, "revision": _revision(session),
                "created_at": dt.datetime.now(dt.UTC).isoformat(), "tables": counts}
        archive.writestr(META_NAME, json.dumps(meta, ensure_ascii=False, indent=2))
    return counts


def _write_table(archive: zipfile.ZipFile, table: sa.Table, session: Session, progress: Progress | None) -> int:
    order = list(table.primary_key.columns)
    result = session.connection().execution_options(yield_per=BATCH).execute(sa.select(table).order_by(*order))
    done = 0
    with archive.open(f"{table.name}.jsonl", "w") as raw, io.TextIOWrapper(raw, encoding="utf-8") as out:
        for row in result.mappings():
            out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
            done += 1
            if progress and done % BATCH == 0:
                progress(table.name, BATCH)
    if progress:
        progress(table.name, done % BATCH)
    return done


def row_counts(*, session: Session) -> dict[str, int]:
    """Rows per table (what a backup of this database will hold)."""
    connection = session.connection()
    return {t.name: connection.execute(sa.select(sa.func.count()).select_from(t)).scalar_one() for t in _tables()}


def read_meta(path: str | Path) -> dict[str, Any]:
    """The backup's description, or a ``BackupError`` saying why the file is not a backup."""
    try:
        with zipfile.ZipFile(path) as archive:
            meta = json.loads(archive.read(META_NAME).decode("utf-8"))
    except FileNotFoundError:
        raise BackupError(f"备份文件不存在：{path}", field="file") from None
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, json.JSONDecodeError):
        raise BackupError(f"{Path(path).name} 不是本程序的备份文件（或已损坏）", field="file") from None
    if meta.get("format") != FORMAT or meta.get("version") != FORMAT_VERSION:
        raise BackupError(f"{Path(path).name} 不是本程序可读的备份格式", field="file")
    return meta


def restore_backup(path: str | Path, *, session: Session, progress: Progress | None = None) -> dict[str, int]:
    """Load every table of the backup into this empty database, in the caller's transaction.

    Nothing is written when the file, its schema revision or the target do not
    fit; if a row is refused half-way the caller's rollback leaves the database empty.
    """
    meta = read_meta(path)
    _check_revision(meta.get("revision"), _revision(session))
    _check_empty(session)
    counts: dict[str, int] = {}
    with zipfile.ZipFile(path) as archive:
        for table in _tables():
            counts[table.name] = _restore_table(archive, table, session, progress)
    if counts != {k: v for k, v in meta["tables"].items() if k in counts}:
        raise BackupError("备份文件的行数与其说明不符（文件可能不完整），未恢复", field="file")
    _reset_sequences(session)
    return counts


def _check_revision(backup_revision: str | None, db_revision: str | None) -> None:
    if db_revision is None:
        raise BackupError("目标数据库尚未建立结构：请先运行 classics db upgrade", field="database")
    if backup_revision != db_revision:
        raise BackupError(
            f"备份的数据库结构版本为 {backup_revision}，目标数据库为 {db_revision}，不一致："
            "请用与备份同版本的程序恢复，再运行 classics db upgrade 升级", field="file")


def _check_empty(session: Session) -> None:
    for table in _tables():
        if session.connection().execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first():
            raise BackupError(f"目标数据库不是空的（表 {table.name} 已有数据）：恢复只写入新建的空数据库",
                              field="database")


def _rows(archive: zipfile.ZipFile, table: sa.Table) -> Iterator[dict[str, Any]]:
    try:
        raw = archive.open(f"{table.name}.jsonl")
    except KeyError:
        raise BackupError(f"备份文件缺少表 {table.name}", field="file") from None
    decode = _decoder(table)
    with raw, io.TextIOWrapper(raw, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            try:
                yield decode(json.loads(line))
            except (json.JSONDecodeError, ValueError, TypeError):
                raise BackupError(f"备份文件中表 {table.name} 第 {number} 行无法读取", field="file") from None


def _restore_table(archive: zipfile.ZipFile, table: sa.Table, session: Session, progress: Progress | None) -> int:
    # A row may point at a later row of its own table (a person managed by a
    # leader registered after them): insert those keys empty, then set them.
    own_keys = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    # Setting those keys afterwards must not touch ``updated_at`` (an ORM onupdate would): restore it as saved.
    kept = [*own_keys, *(["updated_at"] if "updated_at" in table.c else [])]
    connection = session.connection()
    pending: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    done = 0
    for row in _rows(archive, table):
        if own_keys and any(row.get(k) is not None for k in own_keys):
            links.append({"_id": row["id"], **{k: row[k] for k in kept}})
            row = {**row, **dict.fromkeys(own_keys)}
        pending.append(row)
        if len(pending) == BATCH:
            done += _insert(connection, table, pending, progress)
    done += _insert(connection, table, pending, progress)
    if links:
        update = table.update().where(table.c.id == sa.bindparam("_id")).values(
            {k: sa.bindparam(k) for k in kept})
        connection.execute(update, links)
    return done


def _insert(connection: sa.Connection, table: sa.Table, rows: list[dict[str, Any]], progress: Progress | None) -> int:
    if not rows:
        return 0
    connection.execute(table.insert(), rows)
    count = len(rows)
    rows.clear()
    if progress:
        progress(table.name, count)
    return count


def _reset_sequences(session: Session) -> None:
    """PostgreSQL hands out ids from sequences that a restore with explicit ids does not move."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return
    for table in _tables():
        if "id" in table.c and table.c.id.primary_key:
            connection.execute(sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), COALESCE(MAX(id), 1), "
                f"MAX(id) IS NOT NULL) FROM \"{table.name}\""))
