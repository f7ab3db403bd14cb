"""``classics calendar``: school days of a date range, or of a stored term."""

from __future__ import annotations

import click

from curriculum.cli.common import echo_json, fail, session_scope
from curriculum.errors import DomainError
from curriculum.schoolcal.days import CalendarError, TermCalendar, build_term_calendar, parse_timetable_weekday
from curriculum.schoolcal.store import (
    closure_input,
    create_closure,
    create_makeup_day,
    delete_adjustment,
    list_schools,
    list_terms,
    makeup_day_input,
    term_calendar,
)
from curriculum.schoolcal.views import describe_adjustment
from curriculum.vocab import WEEKDAY_LABELS


@click.group("calendar")
def calendar() -> None:
    """校历：上课日、节假日与调休。"""


def _show(cal: TermCalendar, title: str, as_json: bool) -> None:
    if as_json:
        echo_json(cal.as_dict())
        return
    click.echo(f"{title}：{cal.start.isoformat()} 至 {cal.end.isoformat()}，共 {len(cal.days)} 个上课日")
    for note in cal.notes:
        click.secho(f"注意：{note}", fg="yellow")
    special = [d for d in cal.days if d.makeup]
    if special:
        click.echo("调休 / 补课上课：")
        for d in special:
            click.echo(
                f"  {d.date.isoformat()} {WEEKDAY_LABELS[d.date.weekday()]}"
                f"  按{WEEKDAY_LABELS[d.timetable_weekday]}课表  {d.note}"
            )
    if cal.skipped:
        click.echo("不上课的工作日：")
        for s in cal.skipped:
            click.echo(f"  {s.date.isoformat()} {WEEKDAY_LABELS[s.date.weekday()]}  {s.reason}")


@calendar.command("days")
@click.argument("start", type=click.DateTime(formats=["%Y-%m-%d"]))
@click.argument("end", type=click.DateTime(formats=["%Y-%m-%d"]))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（school_days、skipped、notes）。")
def days(start, end, as_json: bool) -> None:
    """START 至 END（含两端，格式 2026-09-01）的上课日：国务院放假与调休安排，按法定节假日计算。"""
    try:
        cal = build_term_calendar(start.date(), end.date())
    except CalendarError as err:
        fail(str(err))
    _show(cal, "上课日", as_json)


@calendar.command("term")
@click.argument("term_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def term(term_id: int, as_json: bool) -> None:
    """数据库中某个学期（TERM_ID）的上课日，含学校自己的停课与补课。"""
    with session_scope() as session:
        try:
            cal = term_calendar(term_id, session=session)
        except DomainError as err:
            fail(str(err))
    _show(cal, f"学期 {term_id}", as_json)


@calendar.command("terms")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def terms(as_json: bool) -> None:
    """列出各学校的学期（编号可用于 classics calendar term）。"""
    with session_scope() as session:
        rows = [
            {
                "school": school.name,
                "term_id": t.id,
                "name": t.name,
                "start": t.start.isoformat(),
                "end": t.end.isoformat(),
            }
            for school in list_schools(session=session)
            for t in list_terms(school.id, session=session)
        ]
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("还没有学期。可先运行 classics seed demo 载入演示数据。")
    for r in rows:
        click.echo(f"{r['term_id']:>4}  {r['school']}  {r['name']}  {r['start']} 至 {r['end']}")


_DATE = click.DateTime(formats=["%Y-%m-%d"])


class _TimetableWeekday(click.ParamType):
    """周一…周五 (or 1…5 with 1 = 周一) → the stored 0-based weekday (0 = 周一)."""

    name = "周一…周五"

    def convert(self, value, param, ctx):
        try:
            return parse_timetable_weekday(str(value))
        except CalendarError as err:
            self.fail(str(err), param, ctx)


@calendar.command("add-closure")
@click.argument("term_id", type=int)
@click.argument("start", type=_DATE)
@click.argument("end", type=_DATE)
@click.argument("reason")
def add_closure_cmd(term_id: int, start, end, reason: str) -> None:
    """学校停课：学期 TERM_ID 从 START 到 END（含两端）因 REASON 停课。"""
    with session_scope() as session:
        try:
            data = closure_input(term_id=term_id, start=start.date(), end=end.date(), reason=reason)
            row = create_closure(data, session=session)
        except DomainError as err:
            fail(str(err))
        click.echo(f"已添加（编号 {row.id}）：{describe_adjustment(row)}")


@calendar.command("add-makeup")
@click.argument("term_id", type=int)
@click.argument("day", type=_DATE)
@click.option(
    "--timetable",
    type=_TimetableWeekday(),
    default="周一",
    show_default=True,
    help="按哪天的课表上课：周一…周五（也可写 一…五，或数字 1…5，1 = 周一、5 = 周五）。",
)
@click.argument("reason", required=False, default="")
def add_makeup_cmd(term_id: int, day, timetable: int, reason: str) -> None:
    """学校补课：学期 TERM_ID 的 DAY（通常是周六）上课，说明为 REASON。"""
    with session_scope() as session:
        try:
            data = makeup_day_input(term_id=term_id, day=day.date(), timetable_weekday=timetable, reason=reason)
            row = create_makeup_day(data, session=session)
        except DomainError as err:
            fail(str(err))
        click.echo(f"已添加（编号 {row.id}）：{describe_adjustment(row)}")


@calendar.command("delete-adjustment")
@click.argument("adjustment_id", type=int)
def delete_adjustment_cmd(adjustment_id: int) -> None:
    """删除一条学校停课或补课记录（编号见 add-closure / add-makeup 的输出）。"""
    with session_scope() as session:
        try:
            delete_adjustment(adjustment_id, session=session)
        except DomainError as err:
            fail(str(err))
    click.echo(f"已删除编号 {adjustment_id}。")


COMMANDS = [calendar]
