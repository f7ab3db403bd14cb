"""``classics dashboard``: the education bureau's headline numbers (数据看板) for a date range."""

from __future__ import annotations

import datetime as dt

import click
import pandas as pd

from curriculum import metrics
from curriculum.cli.common import echo_json, fail, session_scope

_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _kpi_lines(kpis: metrics.DashboardKpis) -> list[str]:
    labels = metrics.KPI_LABELS
    return [
        f"{labels['compliance_rate']}：{metrics.format_rate(kpis.compliance_rate)}"
        f"（{kpis.classes} 个班级，{kpis.compliant_days}/{kpis.school_days} 个班级日"
        f"达到 {metrics.DAILY_MINUTES} 分钟）",
        f"{labels['class_sessions_done']}：{kpis.class_sessions_done:,}",
        f"{labels['community_activities']}：{kpis.community_activities:,}",
        f"{labels['community_attendance']}：{kpis.community_attendance:,}",
        f"{labels['volunteer_hours']}：{kpis.volunteer_hours:,.1f}（{kpis.volunteers} 名志愿者）",
        f"{labels['festival_attendance']}：{kpis.festival_attendance:,}（{kpis.festival_events} 场节日活动）",
        f"{labels['training_attendance']}：{kpis.training_attendance:,}（{kpis.training_sessions} 次培训课）",
        f"{labels['online_views']}：{kpis.online_views:,}（{kpis.online_items} 个线上节目）",
    ]


@click.command("dashboard")
@click.option("--start", type=_DATE, default=None, help="开始日期（YYYY-MM-DD），默认本学年 9 月 1 日。")
@click.option("--end", type=_DATE, default=None, help="结束日期（YYYY-MM-DD，含当天），默认本学年 8 月 31 日。")
@click.option("--district", default="", help="只统计某个区县（师资培训与线上节目始终为全市数据）。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（含六个融合与各学段达标率）。")
def dashboard(start: dt.datetime | None, end: dt.datetime | None, district: str, as_json: bool) -> None:
    """数据看板：每日诵读达标率、社区活动、志愿服务、节日活动、师资培训与线上节目的统计。"""
    default_start, default_end = metrics.school_year_bounds()
    first = start.date() if start else default_start
    last = end.date() if end else default_end
    with session_scope() as session:
        districts = metrics.district_options(session=session)
        if district and district not in districts:
            fail(f"--district：数据中没有区县“{district}”" + (f"，可选：{'、'.join(districts)}" if districts else ""))
        try:
            board = metrics.build_dashboard(first, last, session=session, district=district or None)
        except metrics.MetricsError as err:
            fail(f"--end：{err}")
    kpis = board.kpis
    if as_json:
        stages = metrics.compliance_summary(board.compliance, "stage")
        echo_json({
            "kpis": kpis.as_dict(),
            "integrations": board.integrations[["integration", "label", "activities", "participants"]]
            .to_dict(orient="records"),
            "compliance_by_stage": [
                {"stage": r["group"], "label": r["label"], "classes": int(r["classes"]),
                 "school_days": int(r["school_days"]), "compliant_days": int(r["compliant_days"]),
                 "rate": None if pd.isna(r["rate"]) else round(float(r["rate"]), 4)}
                for r in stages.to_dict(orient="records")
            ],
        })
        return
    scope = f" · {district}" if district else " · 全市"
    click.echo(f"数据看板：{kpis.start} 至 {kpis.end}{scope}（统计截至 {kpis.through}）")
    if kpis.through < kpis.start:
        click.echo("所选时间段还没有开始，暂无数据。")
    for line in _kpi_lines(kpis):
        click.echo(f"  {line}")
    click.echo("六个融合（活动数 / 参与人次）：")
    for row in board.integrations.itertuples(index=False):
        click.echo(f"  {row.label}：{row.activities:,} / {row.participants:,}")


COMMANDS = [dashboard]
