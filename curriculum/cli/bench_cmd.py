"""``classics bench plan``: how fast full-year plans are generated and stored.

For N classes (stages in turn) the benchmark generates a full school-year plan
(1 September – 10 July of the current school year, real school calendar and
festivals) and stores it with ``curriculum.planner.plans.create_plan``,
committing each class, and times every class. In the same run, on the same
database, it then inserts the very same rows again as pre-built dicts with
the same bulk statements the store uses (plan and sessions through SQLAlchemy
Core with RETURNING, items through one driver-level executemany) — the floor
any storage layer has to pay — and prints the ratio of the two totals.

Memory is reported twice, labelled apart: the process's peak resident set
size for the whole run (``resource.getrusage(...).ru_maxrss`` — what the
operating system saw, interpreter and libraries included), and the peak of
Python allocations traced by ``tracemalloc`` in a separate pass over a sample
of classes (tracing slows Python down and would distort the timings).

Without ``--url`` the benchmark runs on a throw-away SQLite file; with
``--url`` it uses that database and deletes its own rows afterwards.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from datetime import time as dtime
from pathlib import Path

import click
from sqlalchemy import delete, insert, select
from sqlmodel import Session

from curriculum.catalog.loader import CatalogInvalid, load_catalog
from curriculum.cli.bench_print_cmd import bench_print
from curriculum.cli.common import echo_json, fail
from curriculum.clock import local_today
from curriculum.models.calendar import School
from curriculum.models.plan import Plan, PlanItem, PlanOperation, PlanSession, SchoolClass
from curriculum.planner.plans import create_plan, plan_input
from curriculum.planner.sessions import insert_sessions
from curriculum.schoolcal.store import create_school, school_input
from curriculum.schoolcal.terms import term_inputs
from curriculum.settings import get_settings
from curriculum.stages import STAGES

BENCH_PREFIX = "bench-"
BENCH_SCHOOL = f"{BENCH_PREFIX}学校"  # every class belongs to a school; removed with the classes
MEMORY_SAMPLE = 20


@contextmanager
def _database(url: str | None) -> Iterator[tuple[object, str]]:
    """An engine for ``url`` (or a temporary SQLite file), created by the CLI's own helper."""
    from curriculum.cli.common import get_engine

    tmp = None
    if url is None:
        tmp = tempfile.TemporaryDirectory(prefix="classics-bench-")
        url = f"sqlite:///{Path(tmp.name) / 'bench.db'}"
    old = os.environ.get("CLASSICS_DATABASE_URL")
    os.environ["CLASSICS_DATABASE_URL"] = url
    get_settings.cache_clear()
    try:
        engine = get_engine()
    finally:
        if old is None:
            os.environ.pop("CLASSICS_DATABASE_URL", None)
        else:
            os.environ["CLASSICS_DATABASE_URL"] = old
        get_settings.cache_clear()
    try:
        yield engine, url
    finally:
        engine.dispose()
        if tmp is not None:
            tmp.cleanup()


def school_year(today: date | None = None) -> tuple[date, date]:
    today = today or local_today()
    year = today.year if today.month >= 8 else today.year - 1
    return date(year, 9, 1), date(year + 1, 7, 10)


def _cleanup(session: Session) -> None:
    class_ids = select(SchoolClass.id).where(SchoolClass.name.startswith(BENCH_PREFIX))
    plan_ids = select(Plan.id).where(Plan.class_id.in_(class_ids))
    session_ids = select(PlanSession.id).where(PlanSession.plan_id.in_(plan_ids))
    session.execute(delete(PlanItem).where(PlanItem.session_id.in_(session_ids)))
    session.execute(delete(PlanSession).where(PlanSession.plan_id.in_(plan_ids)))
    session.execute(delete(PlanOperation).where(PlanOperation.plan_id.in_(plan_ids)))
    session.execute(delete(Plan).where(Plan.class_id.in_(class_ids)))
    session.execute(delete(SchoolClass).where(SchoolClass.name.startswith(BENCH_PREFIX)))
    session.execute(delete(School).where(School.name == BENCH_SCHOOL))
    session.commit()


def _rows_of(plan: Plan, result) -> tuple[dict, list[dict], list[list[tuple]]]:
    """The rows create_plan wrote, pre-built, for the bulk-insert baseline."""
    plan_row = {c: getattr(plan, c) for c in (
        "name", "term_start", "term_end", "minutes", "pass_threshold", "class_id", "text_ids",
        "review_intervals", "weekday_pattern", "school_days", "timetable", "created_at", "revision",
        "unscheduled", "issued_slots")}
    sessions, items = [], []
    for s in result.sessions:
        sessions.append({"date": s.date, "slot": s.slot, "minutes": s.minutes, "locked": False, "done": False,
                         "pass_rate": None, "festival_key": s.festival_key, "status": "scheduled",
                         "extra": False})
        items.append([(p, i.kind, i.text_id, i.section, i.passage_start, i.passage_end, i.label, i.minutes)
                      for p, i in enumerate(s.items)])
    return plan_row, sessions, items


def _bulk_insert(session: Session, plan_row: dict, sessions: list[dict], items: list[list[tuple]]) -> None:
    """The floor: the same rows, already built, through the same bulk statements the store uses."""
    plan_id = session.execute(insert(Plan.__table__).returning(Plan.__table__.c.id), [plan_row]).scalar_one()
    for s in sessions:
        s["plan_id"] = plan_id
    insert_sessions(session, sessions, items)
    session.commit()


def run_plan_bench(classes: int, url: str | None, *, progress: bool = True) -> dict[str, float | int | str]:
    """Run the benchmark; returns the numbers it prints."""
    catalog = load_catalog(get_settings().catalog_path)
    start, end = school_year()
    term = term_inputs(start, end)
    with _database(url) as (engine, used_url):
        with Session(engine) as session:
            _cleanup(session)
            school_id = create_school(school_input(BENCH_SCHOOL), session=session).id
            class_rows = [{"name": f"{BENCH_PREFIX}{k:05d}", "stage": STAGES[k % len(STAGES)].key, "grade": "",
                           "size": 40, "reading_time": dtime(7, 40),
                           "chars_per_minute": None, "school_id": school_id} for k in range(classes)]
            class_ids = session.execute(
                insert(SchoolClass.__table__).returning(SchoolClass.__table__.c.id, sort_by_parameter_order=True),
                class_rows).scalars().all()
            session.commit()

            per_class: list[float] = []
            baseline: list[float] = []
            sessions_n = items_n = 0
            bar_items = range(classes)
            with click.progressbar(bar_items, label="生成并保存全学年计划", file=sys.stderr,
                                   show_pos=True) if progress else _null_bar(bar_items) as bar:
                for k in bar:
                    t0 = time.perf_counter()
                    data = plan_input(class_id=class_ids[k], term_start=start, term_end=end)
                    plan, result = create_plan(data, session=session, catalog=catalog, term=term, commit=False)
                    session.commit()
                    per_class.append(time.perf_counter() - t0)
                    plan_row, srows, irows = _rows_of(plan, result)
                    sessions_n += len(srows)
                    items_n += sum(len(i) for i in irows)
                    session.expunge_all()
                    t0 = time.perf_counter()
                    _bulk_insert(session, plan_row, srows, irows)
                    baseline.append(time.perf_counter() - t0)

            # Peak memory of generate + store, on a sample, with tracing on.
            sample = class_ids[: min(classes, MEMORY_SAMPLE)]
            tracemalloc.start()
            for cid in sample:
                create_plan(plan_input(class_id=cid, term_start=start, term_end=end), session=session,
                            catalog=catalog, term=term, commit=False)
                session.commit()
                session.expunge_all()
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            if url is not None:
                _cleanup(session)
    total = sum(per_class)
    base = sum(baseline)
    return {
        "classes": classes,
        "school_days": len(term.days),
        "sessions": sessions_n,
        "items": items_n,
        "median_ms": statistics.median(per_class) * 1000,
        "total_s": total,
        "bulk_insert_s": base,
        "ratio": total / base if base else float("nan"),
        "peak_memory_mb": peak / (1024 * 1024),
        "peak_rss_mb": peak_rss_mb(),
        "database": used_url.split(":", 1)[0] if url is None else engine.url.get_backend_name(),
    }


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (``ru_maxrss`` is KiB on Linux, bytes on macOS)."""
    raw = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return raw / (1024 * 1024) if sys.platform == "darwin" else raw / 1024


@contextmanager
def _null_bar(items):
    yield items


@click.group("bench")
def bench() -> None:
    """性能基准测试。"""


@bench.command("plan")
@click.option("--classes", default=1000, show_default=True, type=click.IntRange(1, 100000), help="班级数")
@click.option("--url", default=None, help="数据库地址（默认：临时 SQLite 文件；指定时会在结束后删除基准数据）")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出结果")
def bench_plan(classes: int, url: str | None, as_json: bool) -> None:
    """为 N 个班级生成并保存全学年诵读计划，报告每班中位耗时、总耗时、内存峰值和与批量插入的耗时比。"""
    try:
        numbers = run_plan_bench(classes, url)
    except CatalogInvalid as exc:
        fail("书目文件有问题：\n" + "\n".join(str(e) for e in exc.errors[:20]))
        return
    if as_json:
        echo_json(numbers)
        return
    click.echo(f"班级数：{numbers['classes']}（每班 {numbers['school_days']} 个上课日；"
               f"共 {numbers['sessions']} 节、{numbers['items']} 项）")
    click.echo(f"每班计划中位耗时：{numbers['median_ms']:.2f} ms（生成 + 保存；目标 < 20 ms）")
    click.echo(f"总耗时：{numbers['total_s']:.2f} s")
    click.echo(f"同批数据直接批量插入：{numbers['bulk_insert_s']:.2f} s")
    click.echo(f"耗时比（生成 + 保存）/ 批量插入：{numbers['ratio']:.2f}（目标 < 2）")
    click.echo(f"内存峰值（进程常驻内存 RSS，整个运行）：{numbers['peak_rss_mb']:.1f} MB（ru_maxrss）")
    sample = min(classes, MEMORY_SAMPLE)
    click.echo(f"内存峰值（Python 分配，tracemalloc 抽样 {sample} 班）：{numbers['peak_memory_mb']:.1f} MB")


bench.add_command(bench_print)

COMMANDS = [bench]
