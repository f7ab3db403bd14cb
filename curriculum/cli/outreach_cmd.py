"""``classics outreach`` commands: training completion, online channel summary, metrics import."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from curriculum.cli.common import echo_json, fail, session_scope
from curriculum.clock import local_now
from curriculum.errors import DomainError
from curriculum.outreach import attendance, online_csv
from curriculum.outreach import online as on
from curriculum.outreach import online_import as imports
from curriculum.outreach import training as tr
from curriculum.vocab import ONLINE_METRICS


@click.group("outreach")
def outreach() -> None:
    """师资培训与云上读经典：结业统计、渠道汇总、导入线上数据。"""


@outreach.command("training-report")
@click.argument("batch_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def training_report(batch_id: int, as_json: bool) -> None:
    """某一期培训（BATCH_ID）每位学员的出勤课次与是否结业。"""
    with session_scope() as session:
        try:
            batch = tr.get_batch(batch_id, session=session)
            rows = attendance.completion_report(batch_id, session=session)
        except DomainError as err:
            fail(str(err))
        name, percent = batch.name, batch.completion_percent
    if as_json:
        echo_json(
            {
                "batch_id": batch_id,
                "name": name,
                "completion_percent": percent,
                "trainees": [
                    {
                        "trainee_id": r.trainee_id,
                        "name": r.name,
                        "organisation": r.organisation,
                        "attended": r.attended,
                        "total": r.total,
                        "required": r.required,
                        "completed": r.completed,
                    }
                    for r in rows
                ],
            }
        )
        return
    click.echo(f"{name}（出勤达到 {percent}% 即可结业）")
    if not rows:
        click.echo("本期还没有学员报名。")
        return
    for r in rows:
        status = "结业" if r.completed else "未结业"
        click.echo(f"  {r.name}\t{r.organisation}\t出勤 {r.attended}/{r.total}\t{status}")
    done = sum(r.completed for r in rows)
    click.echo(f"共 {len(rows)} 人，结业 {done} 人。")


@outreach.command("online-summary")
@click.option("--start", type=click.DateTime(formats=["%Y-%m-%d"]), help="发布日期起（含），如 2026-01-01。")
@click.option("--end", type=click.DateTime(formats=["%Y-%m-%d"]), help="发布日期止（含）。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def online_summary(start: dt.datetime | None, end: dt.datetime | None, as_json: bool) -> None:
    """各渠道的节目数与浏览、点赞、评论、转发合计（每个节目取最新一次统计）。"""
    start_date = start.date() if start else None
    end_date = end.date() if end else None
    with session_scope() as session:
        try:
            rows = on.online_summary(start_date, end_date, session=session)
        except DomainError as err:
            fail(f"--start/--end：{err}")
    if as_json:
        echo_json(
            {
                "start": start_date,
                "end": end_date,
                "channels": [
                    {
                        "channel": r.channel,
                        "label": r.label,
                        "items": r.items,
                        **{m: getattr(r, m) for m in ONLINE_METRICS},
                    }
                    for r in rows
                ],
            }
        )
        return
    for r in rows:
        figures = "，".join(f"{label} {getattr(r, key):,}" for key, label in ONLINE_METRICS.items())
        click.echo(f"{r.label}\t节目 {r.items} 个\t{figures}")


@outreach.command("online-import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", "-y", is_flag=True, help="有错误行时不询问，直接导入其余有效行。")
def online_import(file: Path, yes: bool) -> None:
    """从 CSV 导入线上节目的统计数据（列名可用中文或英文）。

    先逐行检查，列出每个错误（行号、列名）；有错误时询问是否只导入有效行，
    全部无误时直接导入。没有“统计时间”的行按现在时间记录。
    """
    now = local_now()
    with session_scope() as session:
        try:
            table = online_csv.read_csv_table(file.read_bytes())
        except DomainError as err:
            fail(f"{file.name}：{err}")
        with click.progressbar(
            length=len(table.rows), label="检查数据", file=sys.stderr
        ) as bar:
            checked = imports.check_metrics_rows(
                table, session=session, default_recorded_at=now, progress=lambda: bar.update(1)
            )
        if checked.ignored_columns:
            click.echo(f"已忽略不认识的列：{'、'.join(checked.ignored_columns)}", err=True)
        for error in checked.errors:
            click.secho(f"{file.name} {error}", fg="red", err=True)
        if not checked.valid:
            fail(f"没有可导入的数据（共 {checked.total} 行，{checked.bad_rows} 行有错误）。")
        if checked.errors and not yes:
            click.confirm(
                f"{checked.bad_rows} 行有错误，是否只导入其余 {len(checked.valid)} 行有效数据？",
                abort=True,
                err=True,
            )
        try:
            result = imports.apply_metrics_import(checked, session=session)
        except DomainError as err:
            fail(str(err))
    click.echo(f"已导入 {result.snapshots_saved} 条统计数据，新建节目 {result.items_created} 个。")


COMMANDS = [outreach]
