"""Charts for the education bureau's dashboard (数据看板).

Pure functions from a DataFrame to a plotly Figure; pages only call
``st.plotly_chart``. Column contracts are the frames built in
``curriculum.metrics`` (``integration_frame``, ``coverage_frame``,
``compliance_weekly``, ``volunteer_hours_frame``, ``festival_reach_frame``).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from curriculum.charts.locale import apply_chinese_locale
from curriculum.stages import STAGE_KEYS, STAGE_LABELS
from curriculum.vocab import CATEGORIES

_ACTIVITY_COLOUR = "#1f77b4"
_PARTICIPANT_COLOUR = "#ff7f0e"
_COMMUNITY_COLOUR = "#c62828"
_CLASS_COLOUR = "#2e7d32"
_WEEK_MS = 7 * 24 * 3600 * 1000


def build_integration_figure(df: pd.DataFrame) -> go.Figure:
    """Six integrations side by side: activities (left) and participants (right), one horizontal bar each.

    ``df`` has ``label``, ``activities``, ``participants`` and the Chinese
    ``activity_measure`` / ``participant_measure`` shown on hover. Two panels,
    because online views run to tens of thousands while activities are tens.
    The first integration is at the top.
    """
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.04,
                        subplot_titles=("活动数", "参与人次"))
    labels = list(df["label"]) if len(df) else []
    for col, (column, measure, name, colour) in enumerate((
        ("activities", "activity_measure", "活动数", _ACTIVITY_COLOUR),
        ("participants", "participant_measure", "参与人次", _PARTICIPANT_COLOUR),
    ), start=1):
        values = [int(v) for v in df[column]] if len(df) else []
        notes = list(df[measure]) if len(df) and measure in df else [""] * len(values)
        fig.add_trace(go.Bar(
            name=name, orientation="h", x=values, y=labels, marker_color=colour, customdata=notes,
            text=[f"{v:,}" for v in values], textposition="auto",
            hovertemplate="%{y}<br>" + name + "：%{x:,}<br>口径：%{customdata}<extra></extra>",
        ), row=1, col=col)
    fig.update_yaxes(autorange="reversed", row=1, col=1)
    fig.update_xaxes(tickformat=",")  # 45,000 rather than plotly's "45k"
    fig.update_layout(title="六个融合：活动与参与", showlegend=False, margin={"l": 10, "r": 10},
                      height=120 + 45 * max(len(labels), 1))
    return apply_chinese_locale(fig)


def build_coverage_heatmap_figure(df: pd.DataFrame) -> go.Figure:
    """Content category (rows) × school stage (columns): planned reading minutes, read minutes on hover.

    ``df`` has ``category``, ``category_label``, ``stage``, ``planned_minutes``
    and ``read_minutes`` (one row per cell, as ``coverage_frame`` gives it).
    Stages are in stage order and categories in vocabulary order, extra
    categories (``other``) last; an empty cell is 0, so gaps in coverage show.
    """
    categories = list(CATEGORIES)
    labels = dict(CATEGORIES)
    if len(df):
        for key, label in zip(df["category"], df["category_label"]):
            if key not in labels:
                categories.append(key)
                labels[key] = label
    planned = {(c, s): 0 for c in categories for s in STAGE_KEYS}
    read = dict(planned)
    for row in df.itertuples(index=False) if len(df) else ():
        planned[(row.category, row.stage)] = int(row.planned_minutes)
        read[(row.category, row.stage)] = int(row.read_minutes)
    z = [[planned[(c, s)] for s in STAGE_KEYS] for c in categories]
    done = [[read[(c, s)] for s in STAGE_KEYS] for c in categories]
    fig = go.Figure(go.Heatmap(
        z=z, x=[STAGE_LABELS[s] for s in STAGE_KEYS], y=[labels[c] for c in categories], customdata=done,
        colorscale="Blues", zmin=0, colorbar={"title": {"text": "分钟"}},
        text=[[f"{v:,}" if v else "" for v in row] for row in z], texttemplate="%{text}",
        hovertemplate="%{y} · %{x}<br>计划 %{z:,} 分钟<br>已完成 %{customdata:,} 分钟<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed")
    # No y-axis title: plotly turns it sideways, which CJK text does not survive.
    fig.update_layout(title="四个打通：各学段诵读内容（计划分钟数）", xaxis_title="学段")
    return apply_chinese_locale(fig)


def build_compliance_figure(df: pd.DataFrame) -> go.Figure:
    """Weekly daily-30-minute compliance (%), one line per stage or school.

    ``df`` has ``week`` (Monday), ``group``, ``label``, ``school_days``,
    ``compliant_days`` and ``rate`` (0–1), as ``compliance_weekly`` gives it;
    groups keep their first-appearance order.
    """
    fig = go.Figure()
    if len(df):
        for group in dict.fromkeys(df["group"]):
            part = df[df["group"] == group].sort_values("week")
            label = str(part["label"].iloc[0])
            fig.add_trace(go.Scatter(
                name=label, mode="lines+markers", x=list(part["week"]),
                y=[round(float(r) * 100, 1) for r in part["rate"]],
                customdata=list(zip(part["compliant_days"], part["school_days"])),
                hovertemplate=label
                + "：%{y:.1f}%（%{customdata[0]}/%{customdata[1]} 班级日）<extra></extra>",
            ))
    fig.update_layout(title="每日诵读半小时达标率（按周，%）", xaxis_title="周（周一）", yaxis_range=[0, 105],
                      yaxis_ticksuffix="%", legend_title_text="", hovermode="x unified",
                      showlegend=True)
    # Ticks on the weeks' Mondays, Chinese dates (plotly's default is "Sep 6").
    weeks = sorted(set(df["week"])) if len(df) else []
    if weeks:
        step = max(1, -(-len(weeks) // 12))
        fig.update_xaxes(tick0=pd.Timestamp(weeks[0]), dtick=step * _WEEK_MS, tickformat="%m月%d日",
                         hoverformat="%Y年%m月%d日当周")
    return apply_chinese_locale(fig)


def build_volunteer_hours_figure(df: pd.DataFrame) -> go.Figure:
    """Volunteer hours per month, stacked by district.

    ``df`` has ``month`` (``YYYY-MM``), ``district_label`` and ``hours``.
    """
    fig = go.Figure()
    months = sorted(set(df["month"])) if len(df) else []
    if len(df):
        for district in dict.fromkeys(df["district_label"]):
            part = df[df["district_label"] == district]
            by_month = dict(zip(part["month"], part["hours"]))
            fig.add_trace(go.Bar(
                name=str(district), x=months, y=[float(by_month.get(m, 0)) for m in months],
                hovertemplate="%{x} · " + str(district) + "：%{y:.1f} 小时<extra></extra>",
            ))
    fig.update_layout(barmode="stack", title="志愿服务时长（小时，按月）", xaxis_title="月份", xaxis_type="category",
                      legend_title_text="区县", showlegend=True)
    return apply_chinese_locale(fig)


def build_festival_reach_figure(df: pd.DataFrame) -> go.Figure:
    """Per festival: people at festival events and students in class festival readings (grouped bars).

    ``df`` has ``label``, ``events``, ``attendance``, ``class_sessions`` and
    ``students``, festivals in the order given.
    """
    fig = go.Figure()
    labels = list(df["label"]) if len(df) else []
    for column, count, name, unit, colour in (
        ("attendance", "events", "社区节日活动参与人次", "场活动", _COMMUNITY_COLOUR),
        ("students", "class_sessions", "班级节日诵读学生人次", "节诵读", _CLASS_COLOUR),
    ):
        values = [int(v) for v in df[column]] if len(df) else []
        counts = [int(v) for v in df[count]] if len(df) else []
        fig.add_trace(go.Bar(
            name=name, x=labels, y=values, customdata=counts, marker_color=colour,
            hovertemplate="%{x} · " + name + "：%{y:,}（%{customdata} " + unit + "）<extra></extra>",
        ))
    fig.update_layout(barmode="group", title="“我们的节日”覆盖（人次）", xaxis_title="节日", legend_title_text="",
                      showlegend=True)
    return apply_chinese_locale(fig)
