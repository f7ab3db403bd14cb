"""``classics db``: create or migrate the database."""

from __future__ import annotations

import click

from curriculum.cli.common import get_engine
from curriculum.db import current_revision
from curriculum.settings import get_settings


@click.group("db")
def db() -> None:
    """数据库：创建、迁移与状态。"""


@db.command("upgrade")
def upgrade() -> None:
    """把数据库迁移到最新结构（不存在则创建）。"""
    engine = get_engine(upgrade=True)
    click.echo(f"数据库已是最新结构（版本 {current_revision(engine)}）：{engine.url.render_as_string(hide_password=True)}")


@db.command("status")
def status() -> None:
    """显示数据库地址与当前版本。"""
    engine = get_engine(upgrade=False)
    click.echo(f"地址：{get_settings().database_url}")
    click.echo(f"版本：{current_revision(engine) or '（未初始化）'}")


COMMANDS = [db]
