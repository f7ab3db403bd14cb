"""``classics community``: festival suggestions, iCalendar exports, weekly duty roster, reminders."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from curriculum.cli.common import echo_json, fail, session_scope
from curriculum.errors import DomainError


@click.group("community")
def community() -> None:
    """社区诵读：节日活动建议、日历导出、志愿排班表、缺人提醒。"""


@community.command("festivals-suggest")
@click.argument("year", type=int)
@click.option("--point", "point_id", type=int, help="诵读点编号。")
@click.option("--district", help="区县名称（为全区生成，不指定诵读点）。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def festivals_suggest(year: int, point_id: int | None, district: str | None, as_json: bool) -> None:
    """为 YEAR 年的每个节日生成一条待确认的诵读活动（重复运行不会重复生成）。"""
    from curriculum.community.festival_events import suggest_festival_events

    with session_scope() as session:
        try:
            events = suggest_festival_events(year, point_id=point_id, district=district, session=session)
        except DomainError as err:  # FestivalRangeError included
            fail(str(err))
        rows = [{"id": e.id, "festival": e.festival_key, "title": e.title, "start": e.start.isoformat(),
                 "texts": [t for t in e.texts.split(",") if t], "status": e.status} for e in events]
    if as_json:
        echo_json(rows)
        return
    click.echo(f"{year} 年节日活动建议：{len(rows)} 条")
    for r in rows:
        when = r["start"][:16].replace("T", " ")
        click.echo(f"#{r['id']}  {when}  {r['title']}  篇目：{', '.join(r['texts'])}  [{r['status']}]")


@community.command("ics")
@click.option("--point", "point_id", type=int, help="导出该诵读点的全部活动。")
@click.option("--person", "person_id", type=int, help="导出该人员的志愿岗位。")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="输出的 .ics 文件。")
def ics_export(point_id: int | None, person_id: int | None, out: Path) -> None:
    """导出 iCalendar 日历文件（--point 与 --person 二选一）。"""
    from curriculum.exports.community_exports import person_calendar, point_calendar

    if (point_id is None) == (person_id is None):
        fail("请指定 --point 或 --person 其中之一。")
    with session_scope() as session:
        try:
            data = (point_calendar(point_id, session=session) if point_id is not None
                    else person_calendar(person_id, session=session))
        except DomainError as err:
            fail(str(err))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    click.echo(f"已写入 {out}（{data.count(b'BEGIN:VEVENT')} 个日程）")


@community.command("roster")
@click.option("--week", "week", type=click.DateTime(formats=["%Y-%m-%d"]), required=True,
              help="该周内任意一天（YYYY-MM-DD），按周一至周日排班。")
@click.option("--point", "point_id", type=int, help="只导出该诵读点。")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="输出文件，扩展名 .pdf 或 .html。")
def roster(week: datetime, point_id: int | None, out: Path) -> None:
    """打印一周的志愿排班表（PDF 或 HTML）。"""
    from curriculum.exports.community_exports import roster_html, roster_pdf, weekly_roster

    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        fail(f"输出文件 {out}：扩展名应为 .pdf 或 .html")
    with session_scope() as session:
        try:
            data = weekly_roster(week.date(), session=session, point_id=point_id)
        except DomainError as err:
            fail(str(err))
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".pdf":
        out.write_bytes(roster_pdf(data))
    else:
        out.write_text(roster_html(data), encoding="utf-8")
    click.echo(f"已写入 {out}（{data.title}，{len(data.rows)} 个岗位）")


@community.command("reminders")
@click.option("--now", "now", type=click.DateTime(formats=["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]),
              help="以此时间为准（默认当前北京时间）。")
@click.option("--hours", default=48, show_default=True, help="提前多少小时提醒。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def reminders(now: datetime | None, hours: int, as_json: bool) -> None:
    """列出即将开始（默认 48 小时内）但人手不足的志愿岗位。"""
    from curriculum.community import reminders as rem

    with session_scope() as session:
        # Community times are naive local wall-clock times: compare with the local clock, not the server's.
        found = rem.shifts_needing_people(now or rem.local_now(), session=session, hours=hours)
    if as_json:
        echo_json([{"shift_id": r.shift_id, "occurrence_id": r.occurrence_id, "event": r.event_title,
                    "point": r.point_name, "task": r.task, "start": r.start.isoformat(), "end": r.end.isoformat(),
                    "needed": r.needed, "assigned": r.assigned, "missing": r.missing, "backups": r.backups,
                    "message": r.message} for r in found])
        return
    if not found:
        click.echo(f"{hours} 小时内没有缺人的岗位。")
        return
    for r in found:
        click.echo(r.message)


COMMANDS = [community]
