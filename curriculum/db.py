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
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlmodel import create_engine

from curriculum import PACKAGE_DIR
from curriculum.errors import DomainError

MIGRATIONS_DIR = PACKAGE_DIR / "migrations"


# How long a SQLite writer waits for another writer before giving up (seconds):
# long enough for a plan save or an import, short enough to tell the user.
SQLITE_BUSY_TIMEOUT = 15


class DatabaseUnavailable(DomainError):
    """The database cannot be reached or used; the message says why in Chinese, never the URL or password."""


def describe_database_error(exc: BaseException) -> str:
    """A Chinese explanation of a driver error, without the URL, password or SQL."""
    text = str(getattr(exc, "orig", exc)).lower()
    reasons = (
        (("database is locked", "database table is locked"), "数据库正忙（另一项保存尚未完成），请稍后重试"),
        (("readonly", "read-only"), "数据库文件是只读的，无法保存：请管理员检查文件权限"),
        (("not a database", "malformed", "disk image"), "数据库文件已损坏或不是数据库文件：请管理员从备份恢复"),
        (("unable to open database",), "无法打开数据库文件：请管理员检查路径与权限"),
        (("connection refused", "could not connect", "connection failed", "timeout expired",
          "name or service not known", "no route to host"), "无法连接数据库服务器（可能未启动或地址有误）"),
        (("password authentication failed", "authentication failed"), "数据库拒绝登录：请管理员检查账号设置"),
        (("foreign key",), "未保存：引用的记录不存在（可能刚被删除）"),
        (("check constraint",), "未保存：有取值不在允许的范围内"),
        (("unique constraint", "duplicate key"), "未保存：与已有记录重复"),
        (("does not exist",), "数据库不存在：请管理员先创建数据库"),
    )
    for needles, message in reasons:
        if any(n in text for n in needles):
            return message
    return "数据库暂时无法使用，请稍后重试或联系管理员"


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine for ``url``; SQLite gets its parent folder, foreign keys, WAL and a busy timeout."""
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except ArgumentError:
        raise DatabaseUnavailable("数据库地址格式不对（CLASSICS_DATABASE_URL）", field="database_url") from None
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseUnavailable(f"不支持的数据库类型“{backend}”：只支持 SQLite 与 PostgreSQL",
                                  field="database_url")
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            try:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                raise DatabaseUnavailable("无法创建数据库文件所在的文件夹：请管理员检查路径与权限",
                                          field="database_url") from None
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT},
                               **kwargs)

        file_backed = bool(parsed.database) and parsed.database != ":memory:"

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT * 1000}")
            if file_backed:
                # WAL lets the app's readers proceed while a plan is being saved,
                # and makes bulk plan writes markedly faster.
                cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    try:
        return create_engine(url, pool_pre_ping=True, **kwargs)
    except NoSuchModuleError:
        raise DatabaseUnavailable("数据库驱动不可用：请检查 CLASSICS_DATABASE_URL 的写法（如 postgresql+psycopg://…）",
                                  field="database_url") from None


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
    try:
        _upgrade(engine, revision)
    except DBAPIError as exc:
        raise DatabaseUnavailable(describe_database_error(exc)) from None


def _upgrade(engine: Engine, revision: str) -> None:
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
                        raise MigrationError(f"升级后有 {len(broken)} 行的外键指向不存在的记录"
                                             f"（如表 {broken[0][0]}），已撤销本次升级")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
