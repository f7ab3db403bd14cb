"""``classics bench plan`` runs end to end and prints its numbers (never asserting times)."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import func, select
from sqlmodel import Session

from curriculum.cli import main
from curriculum.db import make_engine
from curriculum.models.plan import Plan, SchoolClass


def test_bench_plan_prints_median_total_memory_and_ratio():
    result = CliRunner().invoke(main, ["bench", "plan", "--classes", "3"])
    assert result.exit_code == 0, result.output
    out = result.output
    for label in ("每班计划中位耗时", "总耗时", "耗时比（生成 + 保存）/ 批量插入", "班级数：3",
                  "内存峰值（进程常驻内存 RSS，整个运行）", "内存峰值（Python 分配，tracemalloc 抽样 3 班）"):
        assert label in out, out


def test_bench_plan_json_on_a_given_database_cleans_up(sqlite_url):
    result = CliRunner().invoke(main, ["bench", "plan", "--classes", "3", "--url", sqlite_url, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output[result.output.index("{"):])
    assert data["classes"] == 3 and data["sessions"] == 3 * data["school_days"]
    assert data["items"] > data["sessions"]
    assert data["ratio"] > 0 and data["median_ms"] > 0 and data["peak_memory_mb"] > 0
    # The whole process holds the interpreter, SQLAlchemy and the catalog: far more than the traced sample.
    assert data["peak_rss_mb"] > data["peak_memory_mb"] and data["peak_rss_mb"] > 20
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        assert s.execute(select(func.count()).select_from(SchoolClass)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(Plan)).scalar_one() == 0
    engine.dispose()
