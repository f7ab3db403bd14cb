"""``classics db``: create or migrate the database."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from curriculum.backup import read_meta, restore_backup, row_counts, write_backup
from curriculum.cli.common import fail, get_engine, session_scope
from curriculum.db import current_revision
from curriculum.errors import DomainError
from curriculum.settings import get_settings


@click.group("db")
def db() -> None:
    """数据库：创建、迁移与状态。"""


@db.command("upgrade")
def upgrade() -> None:
    """把数据库迁移到最新结构（不存在则创建）。"""
    engine = get_engine(upgrade=True)
    where = engine.url.render_as_string(hide_password=True)
    click.echo(f"数据库已是最新结构（版本 {current_revision(engine)}）：{where}")


@db.command("status")
def status() -> None:
    """显示数据库地址与当前版本。"""
    engine = get_engine(upgrade=False)
    click.echo(f"地址：{get_settings().database_url}")
    click.echo(f"版本：{current_revision(engine) or '（未初始化）'}")


@db.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def backup_command(file: Path) -> None:
    """把全部数据备份到一个文件（可在 SQLite 与 PostgreSQL 之间互相恢复）。"""
    with session_scope() as session:
        total = sum(row_counts(session=session).values())
        with click.progressbar(length=total, label="备份", file=sys.stderr) as bar:
            counts = write_backup(file, session=session, progress=lambda _t, n: bar.update(n))
    click.echo(f"已备份 {len(counts)} 张表、{sum(counts.values()):,} 行到 {file}")


@db.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def restore_command(file: Path) -> None:
    """从备份文件恢复到当前配置的空数据库（先运行 classics db upgrade）；要么全部恢复，要么不写入任何数据。"""
    try:
        meta = read_meta(file)
        with session_scope() as session:
            total = sum(meta["tables"].values())
            with click.progressbar(length=total, label="恢复", file=sys.stderr) as bar:
                counts = restore_backup(file, session=session, progress=lambda _t, n: bar.update(n))
            session.commit()
    except DomainError as err:
        fail(f"未恢复：{err}")
    click.echo(f"已恢复 {len(counts)} 张表、{sum(counts.values()):,} 行")


COMMANDS = [db]
