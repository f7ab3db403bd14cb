"""``classics plan``: generate a term plan for a stage without touching the database.

The school days come from the school calendar (public holidays and 调休
included), festivals from ``curriculum.festivals``; the plan is printed as
JSON or written as iCalendar, Excel, PDF or HTML.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, time

import click

from curriculum.catalog.loader import CatalogInvalid, load_catalog
from curriculum.catalog.schema import Catalog
from curriculum.cli.common import echo_json, fail
from curriculum.errors import DomainError
from curriculum.exports.plan_exports import cli_uid_prefix, plan_html, plan_ics, plan_json, plan_pdf, plan_xlsx
from curriculum.planner.document import PlanDocument
from curriculum.planner.engine import generate_plan
from curriculum.planner.plan_types import PlanResult
from curriculum.planner.spec import (
    DEFAULT_INTERVALS,
    DEFAULT_PASS_THRESHOLD,
    PlanError,
    PlanSpec,
    parse_intervals,
    parse_pass_threshold,
    validate_spec,
)
from curriculum.schoolcal.days import CalendarError, parse_timetable_weekday
from curriculum.schoolcal.terms import TermInputs, term_inputs
from curriculum.settings import get_settings
from curriculum.stages import STAGE_KEYS, STAGE_LABELS
from curriculum.vocab import WEEKDAY_PATTERNS

FORMATS = ("json", "ics", "xlsx", "pdf", "html")


def _parse_date(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{name}：“{value}”不是日期，请写成 YYYY-MM-DD")
        raise  # unreachable; fail exits


def _parse_patterns(values: tuple[str, ...]) -> dict[int, str]:
    """``周五=recitation_check`` → ``{4: "recitation_check"}``; weekdays as ``calendar add-makeup`` takes them."""
    out: dict[int, str] = {}
    for raw in values:
        day, _, kind = raw.partition("=")
        try:
            weekday = parse_timetable_weekday(day)
        except CalendarError:
            weekday = None
        if weekday is None or kind not in WEEKDAY_PATTERNS:
            fail(f"--pattern：“{raw}”格式不对，应为 星期=安排，例如 周五=recitation_check"
                 f"（星期写 周一…周五 或 1…5，1 = 周一；安排可选：{'、'.join(WEEKDAY_PATTERNS)}）")
        out[weekday] = kind
    return out


@click.command("plan")
@click.option("--stage", required=True, help=f"学段：{'、'.join(f'{k}（{v}）' for k, v in STAGE_LABELS.items())}")
@click.option("--start", "start_s", required=True, help="学期开始日期 YYYY-MM-DD")
@click.option("--end", "end_s", required=True, help="学期结束日期 YYYY-MM-DD")
@click.option("--texts", default="", help="篇目编号，逗号分隔，按诵读顺序（默认：该学段推荐篇目）")
@click.option("--minutes", default=30, show_default=True, type=int, help="每次诵读分钟数（不少于 30）")
@click.option("--chars-per-minute", type=int, default=None, help="诵读速度（每分钟字数，默认按学段）")
@click.option("--pattern", "patterns", multiple=True,
              help="每周安排，如 周五=recitation_check（周五背诵检查；星期也可写 1…5，1 = 周一），可多次给出")
@click.option("--intervals", default=",".join(map(str, DEFAULT_INTERVALS)), show_default=True,
              help="复习间隔（上课日，逗号分隔，从小到大）")
@click.option("--pass-threshold", default=f"{DEFAULT_PASS_THRESHOLD:.0%}", show_default=True,
              help="背诵达标线，如 80% 或 0.8（低于它的句子加排复习）")
@click.option("--reading-time", default="07:40", show_default=True, help="每日诵读开始时间 HH:MM（用于 ics）")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True, help="输出格式")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None, help="输出文件（默认标准输出）")
def plan(stage: str, start_s: str, end_s: str, texts: str, minutes: int, chars_per_minute: int | None,
         patterns: tuple[str, ...], intervals: str, pass_threshold: str, reading_time: str, fmt: str,
         out: str | None) -> None:
    """按校历为一个学段生成学期诵读计划（不写数据库）。"""
    if stage not in STAGE_KEYS:
        fail(f"--stage：未知学段“{stage}”，可选：{'、'.join(STAGE_KEYS)}")
    start = _parse_date(start_s, "--start")
    end = _parse_date(end_s, "--end")
    at = _parse_time(reading_time)
    catalog = _catalog()
    text_ids = tuple(t.strip() for t in texts.split(",") if t.strip())
    try:
        term = term_inputs(start, end)
        spec = validate_spec(PlanSpec(stage=stage, text_ids=text_ids, minutes=minutes,
                                      chars_per_minute=chars_per_minute,
                                      review_intervals=_option(parse_intervals, intervals, "--intervals"),
                                      pass_threshold=_option(parse_pass_threshold, pass_threshold, "--pass-threshold"),
                                      weekday_pattern=_parse_patterns(patterns)), catalog)
        result = generate_plan(spec, term.days, catalog, term.festivals, validate=False, timetable=term.timetable)
    except DomainError as exc:
        fail(str(exc))
        return
    doc = PlanDocument(
        title=f"{STAGE_LABELS[stage]} 经典诵读计划 {start:%Y-%m-%d}–{end:%Y-%m-%d}",
        stage=stage, sessions=result.sessions, uid_prefix=cli_uid_prefix(stage, start), reading_time=at,
        unscheduled=result.unscheduled,
    )
    notes = list(term.notes) + list(result.notes)
    if fmt == "json" and out is None:
        echo_json(_json_data(doc, catalog, term, spec, notes))
        return
    _emit(_payload(fmt, doc, catalog, term, spec, notes), out, notes, result, term)


def _parse_time(value: str) -> time:
    try:
        return datetime.strptime(value, "%H:%M").time()
    except ValueError:
        fail(f"--reading-time：“{value}”格式不对，应为 HH:MM，例如 07:40")
        return time(7, 40)


def _catalog() -> Catalog:
    try:
        return load_catalog(get_settings().catalog_path)
    except CatalogInvalid as exc:
        fail("书目文件有问题：\n" + "\n".join(str(e) for e in exc.errors[:20]))
        raise  # unreachable; fail exits


def _option(parse, value: str, option: str):
    """A parsed option value; a ``PlanError`` is reported against the option that was wrong."""
    try:
        return parse(value)
    except PlanError as exc:
        fail(f"{option}：{exc}")
        raise  # unreachable; fail exits


def _json_data(doc: PlanDocument, catalog: Catalog, term: TermInputs, spec: PlanSpec, notes: list[str]) -> dict:
    data = plan_json(doc, catalog, school_days=term.days, skipped=term.skipped, notes=notes)
    data["review_intervals"] = list(spec.review_intervals)
    data["pass_threshold"] = spec.pass_threshold
    return data


def _payload(fmt: str, doc: PlanDocument, catalog: Catalog, term: TermInputs, spec: PlanSpec,
             notes: list[str]) -> bytes:
    if fmt == "json":
        import json

        data = _json_data(doc, catalog, term, spec, notes)
        return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")
    if fmt == "ics":
        return plan_ics(doc, catalog)
    if fmt == "xlsx":
        return plan_xlsx(doc, catalog, spec.text_ids)
    if fmt == "pdf":
        return plan_pdf(doc, catalog)
    return plan_html(doc, catalog).encode("utf-8")


def _emit(payload: bytes, out: str | None, notes: list[str], result: PlanResult, term: TermInputs) -> None:
    if out is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        # The file went to stdout; the notes (e.g. an unpublished official arrangement) go to
        # stderr so they reach the teacher without corrupting the .ics/.xlsx/.pdf stream.
    else:
        with open(out, "wb") as fh:
            fh.write(payload)
        click.echo(f"已写入 {out}：{len(result.sessions)} 次诵读，{len(term.days)} 个上课日", err=True)
    for note in notes:
        click.echo(f"注意：{note}", err=True)


COMMANDS = [plan]
