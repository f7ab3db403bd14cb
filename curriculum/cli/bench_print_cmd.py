"""``classics bench print``: how long the printable PDFs take (a short poem, 千字文 with pinyin, a term plan, a roster).

Each PDF is built ``--runs`` times in one process; the first build also pays
for parsing the CJK font (once per process), so the report gives that first
("cold") time apart from the median of the others ("warm").
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from datetime import time as dtime

import click

from curriculum.catalog.loader import load_catalog
from curriculum.cli.common import echo_json
from curriculum.exports.community_exports import Roster, RosterRow, roster_pdf
from curriculum.exports.plan_exports import plan_pdf
from curriculum.exports.printing import render_pdf
from curriculum.exports.reader import print_blocks
from curriculum.planner.document import PlanDocument
from curriculum.planner.engine import generate_plan
from curriculum.planner.spec import PlanSpec, validate_spec
from curriculum.schoolcal.terms import term_inputs
from curriculum.settings import get_settings


def _jobs() -> dict[str, Callable[[], bytes]]:
    catalog = load_catalog(get_settings().catalog_path)
    poem, qianziwen = catalog.get("jingyesi"), catalog.get("qianziwen")
    term = term_inputs(date(2026, 9, 1), date(2027, 1, 22))
    spec = validate_spec(PlanSpec(stage="primary_lower", text_ids=()), catalog)
    result = generate_plan(spec, term.days, catalog, term.festivals, validate=False, timetable=term.timetable)
    doc = PlanDocument(title="一年级 经典诵读计划", stage="primary_lower", sessions=result.sessions,
                       uid_prefix="bench", reading_time=dtime(7, 40), unscheduled=result.unscheduled)
    roster = Roster(date(2026, 9, 7), tuple(
        RosterRow(date(2026, 9, 7 + i % 7), "09:00-11:00", "老街社区诵读点", "中秋诵读会", "签到引导",
                  ("张老师", "李四"), ("王五",), 3) for i in range(20)))
    return {
        "poem_pinyin": lambda: render_pdf(poem.title, print_blocks(poem, pinyin=True)),
        "qianziwen_pinyin": lambda: render_pdf(qianziwen.title, print_blocks(qianziwen, pinyin=True)),
        "term_plan": lambda: plan_pdf(doc, catalog),
        "roster": lambda: roster_pdf(roster),
    }


def run_print_bench(runs: int) -> dict[str, dict[str, float]]:
    """Seconds per PDF: the first build and the median of the rest."""
    out: dict[str, dict[str, float]] = {}
    for name, job in _jobs().items():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            job()
            times.append(time.perf_counter() - start)
        out[name] = {"first_s": round(times[0], 3), "median_s": round(statistics.median(times[1:] or times), 3)}
    return out


LABELS = {"poem_pinyin": "短诗（静夜思，带拼音）", "qianziwen_pinyin": "千字文（带拼音）",
          "term_plan": "一学期教学计划", "roster": "志愿者排班表（20 行）"}


@click.command("print")
@click.option("--runs", default=5, show_default=True, type=click.IntRange(2, 50), help="每种文件生成次数")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出结果")
def bench_print(runs: int, as_json: bool) -> None:
    """生成打印用 PDF（短诗、千字文、教学计划、排班表），报告首次与中位耗时。"""
    numbers = run_print_bench(runs)
    if as_json:
        echo_json(numbers)
        return
    for name, figures in numbers.items():
        click.echo(f"{LABELS[name]}：首次 {figures['first_s']:.2f} s，之后中位 {figures['median_s']:.2f} s")
