"""The term plan as a calendar: one square per session, weeks across, weekdays down.

Input is a DataFrame with one row per session (see
``curriculum.planner.document.session_frame_rows``): ``date``, ``status``
(计划中 / 节日 / 已锁定 / 已完成), ``new``, ``review``, ``activity`` minutes and a
``summary`` shown on hover. One scatter trace per status gives the legend;
each marker is labelled with the day of the month. Dates and numbers are
formatted the Chinese way (``charts.locale.apply_chinese_locale``).
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go

from curriculum.charts.locale import apply_chinese_locale
from curriculum.vocab import WEEKDAY_LABELS

STATUS_ORDER: tuple[str, ...] = ("计划中", "节日", "已锁定", "已完成")
STATUS_COLORS: dict[str, str] = {
    "计划中": "#6fa8dc",
    "节日": "#e06666",
    "已锁定": "#f6b26b",
    "已完成": "#6aa84f",
}
REQUIRED_COLUMNS = ("date", "status", "new", "review", "activity", "summary")
_FONT = dict(family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif")


def build_plan_calendar_figure(df: pd.DataFrame, title: str = "诵读计划日历") -> go.Figure:
    """A week-by-weekday calendar of the plan's sessions, coloured by status."""
    fig = go.Figure()
    fig.update_layout(title=title, font=_FONT, height=360, margin=dict(l=40, r=20, t=50, b=40),
                      plot_bgcolor="white", legend=dict(orientation="h", y=-0.2))
    if df is None or df.empty:
        fig.add_annotation(text="暂无诵读安排", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return apply_chinese_locale(fig)
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"计划数据缺少列：{'、'.join(missing)}")
    data = df.copy()
    data["date"] = pd.to_datetime(data["date"])
    data["week_start"] = data["date"] - pd.to_timedelta(data["date"].dt.day_of_week, unit="D")
    data["weekday_label"] = data["date"].dt.day_of_week.map(lambda i: WEEKDAY_LABELS[i])
    statuses = [s for s in STATUS_ORDER if s in set(data["status"])]
    statuses += sorted(set(data["status"]) - set(statuses))
    for status in statuses:
        part = data[data["status"] == status]
        hover = [
            f"{d:%Y-%m-%d} {w}<br>新授 {n} 分 · 复习 {r} 分 · 活动 {a} 分<br>{s}"
            for d, w, n, r, a, s in zip(part["date"], part["weekday_label"], part["new"], part["review"],
                                        part["activity"], part["summary"].str.replace("；", "<br>"))
        ]
        fig.add_trace(go.Scatter(
            x=part["week_start"], y=part["weekday_label"], mode="markers+text", name=status,
            text=part["date"].dt.day.astype(str), textfont=dict(color="white", size=10),
            marker=dict(symbol="square", size=22, color=STATUS_COLORS.get(status, "#999999")),
            hovertext=hover, hoverinfo="text",
        ))
    start = data["week_start"].min()
    end = data["week_start"].max()
    fig.update_xaxes(title="周（起始日）", tickformat="%m月%d日", hoverformat="%Y年%m月%d日",
                     dtick=7 * 24 * 3600 * 1000, range=[start - timedelta(days=4), end + timedelta(days=4)],
                     showgrid=False)
    weekday_rows = [w for w in WEEKDAY_LABELS if w in set(data["weekday_label"])]
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(weekday_rows)), showgrid=False)
    return apply_chinese_locale(fig)


def build_plan_minutes_figure(df: pd.DataFrame, title: str = "每日时间分配") -> go.Figure:
    """Stacked bars of new / review / activity minutes per session."""
    fig = go.Figure()
    fig.update_layout(title=title, font=_FONT, barmode="stack", height=320, margin=dict(l=40, r=20, t=50, b=40))
    if df is None or df.empty:
        return apply_chinese_locale(fig)
    for column, name, color in (("new", "新授", "#3d85c6"), ("review", "复习", "#93c47d"),
                                ("activity", "活动", "#f6b26b")):
        fig.add_trace(go.Bar(x=pd.to_datetime(df["date"]), y=df[column], name=name, marker_color=color))
    fig.update_yaxes(title="分钟")
    return apply_chinese_locale(fig)
