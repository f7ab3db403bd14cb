"""``classics import`` commands: class-session records and event attendance from CSV or XLSX, and their templates.

``classics import sessions FILE`` / ``classics import attendance FILE`` check
every row; with any error they list each one (row, column, problem) and
write nothing (exit 1). ``--dry-run`` checks without writing.
``classics import template KIND OUT`` writes the template a school fills in.
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from curriculum.cli.common import fail, session_scope
from curriculum.errors import DomainError
from curriculum.imports import KINDS, import_file
from curriculum.imports.common import ImportReport
from curriculum.imports.templates import template_csv, template_xlsx


@click.group("import")
def import_group() -> None:
    """从 CSV 或 XLSX 文件导入班级诵读记录和活动到场人数。"""


def _run(kind: str, file: Path, dry_run: bool) -> None:
    started = time.perf_counter()
    with session_scope() as session:
        try:
            report = import_file(kind, file.read_bytes(), session=session, dry_run=dry_run)
        except DomainError as err:  # the file as a whole: say which file
            fail(f"{file.name}：{err}")
    _print(report, file, dry_run, time.perf_counter() - started)


def _print(report: ImportReport, file: Path, dry_run: bool, seconds: float) -> None:
    if report.ignored_columns:
        click.echo(f"已忽略不认识的列：{'、'.join(report.ignored_columns)}", err=True)
    for error in report.errors:
        click.secho(f"{file.name} {error}", fg="red", err=True)
    if report.errors:
        fail(report.summary())
    prefix = "检查通过（未写入，--dry-run）：" if dry_run else ""
    click.echo(f"{prefix}{report.summary()}（用时 {seconds:.1f} 秒）")


@import_group.command("sessions")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="只检查，不写入。")
def sessions_command(file: Path, dry_run: bool) -> None:
    """导入班级诵读记录（学校、班级、日期、节次、是否完成、诵读分钟数、背诵通过率）。

    按（学校，班级，日期，节次）更新教学计划中的那节课；任何一行有错误时整个文件不导入。
    """
    _run("sessions", file, dry_run)


@import_group.command("attendance")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="只检查，不写入。")
def attendance_command(file: Path, dry_run: bool) -> None:
    """导入活动到场人数（诵读点、活动、日期、开始时间、身份、人数、时长）。

    按（诵读点，活动，日期，开始时间，身份）写入到场人数；任何一行有错误时整个文件不导入。
    """
    _run("attendance", file, dry_run)


@import_group.command("template")
@click.argument("kind", type=click.Choice(list(KINDS)))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def template_command(kind: str, out: Path) -> None:
    """写出导入模板：KIND 为 sessions 或 attendance，OUT 以 .xlsx 结尾时为 Excel 文件，否则为 CSV。"""
    data = template_xlsx(kind) if out.suffix.lower() == ".xlsx" else template_csv(kind)
    out.write_bytes(data)
    click.echo(f"已写出{KINDS[kind]}模板：{out}")


COMMANDS = [import_group]
