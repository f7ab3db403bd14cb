"""Engines and schema migrations.

Only the entry points (``streamlit_app.py`` and the ``classics`` command)
call ``make_engine``; domain functions receive a ``Session``. The schema is
owned by Alembic (``curriculum/migrations``): ``upgrade_database`` brings any
database — the embedded SQLite file or PostgreSQL — to the newest revision.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import create_engine

from curriculum import PACKAGE_DIR
from curriculum.errors import DomainError

MIGRATIONS_DIR = PACKAGE_DIR / "migrations"


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine for ``url``; SQLite gets its parent folder and foreign keys."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)

        file_backed = bool(parsed.database) and parsed.database != ":memory:"

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            if file_backed:
                # WAL lets the app's readers proceed while a plan is being saved,
                # and makes bulk plan writes markedly faster.
                cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


class MigrationError(DomainError):
    """The upgrade left rows whose foreign keys point nowhere (nothing was kept of it)."""


def upgrade_database(engine: Engine, revision: str = "head") -> None:
    """Apply every pending migration to the database behind ``engine``.

    SQLite rebuilds a table to change it (batch mode); dropping the old copy of a
    table others reference would trip foreign-key enforcement, so it is off for
    the upgrade and every key is checked before it is switched on again.
    """
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationError(f"升级后有 {len(broken)} 行的外键指向不存在的记录（如表 {broken[0][0]}），已撤销本次升级")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
