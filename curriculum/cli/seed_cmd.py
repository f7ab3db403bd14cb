"""``classics seed``: load the demo programme into the configured database."""

from __future__ import annotations

import sys

import click

from curriculum.cli.common import echo_json, session_scope
from curriculum.demo import SEED_STEPS, seed_demo_steps
from curriculum.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD


@click.group("seed")
def seed() -> None:
    """演示数据。"""


@seed.command("demo")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出各步骤的数量。")
def demo(as_json: bool) -> None:
    """载入演示数据（学校、校历、班级计划、诵读点、活动、培训、线上节目）；重复运行不会重复添加。"""
    results: dict[str, dict[str, int]] = {}
    with session_scope() as session:
        with click.progressbar(length=len(SEED_STEPS), label="载入演示数据", file=sys.stderr) as bar:
            for step, counts in seed_demo_steps(session=session):
                results[step.label] = counts
                bar.update(1)
    if as_json:
        echo_json(results)
        return
    for label, counts in results.items():
        summary = "，".join(f"{k} {v}" for k, v in counts.items()) or "无变化"
        click.echo(f"{label}：{summary}")
    names = "、".join(username for username, *_ in DEMO_ACCOUNTS)
    click.echo(f"演示账号：{names}（密码均为 {DEMO_PASSWORD}，仅用于演示数据）")


COMMANDS = [seed]
