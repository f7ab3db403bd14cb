"""Charts for training (师资培训) and online programmes (云上读经典).

Pure functions from a DataFrame to a plotly Figure; pages only call
``st.plotly_chart``. Column contracts are the frames built by
``curriculum.outreach.online_views.summary_frame`` and
``curriculum.outreach.training_views.completion_frame``.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from curriculum.charts.locale import apply_chinese_locale
from curriculum.vocab import ONLINE_METRICS

_COMPLETED_COLOUR = "#2e7d32"
_NOT_COMPLETED_COLOUR = "#c62828"


def build_online_channel_figure(df: pd.DataFrame) -> go.Figure:
    """Grouped bars per channel: one trace per metric (浏览量, 点赞, 评论, 转发).

    ``df`` has ``label`` (channel name) and the metric columns ``views``,
    ``likes``, ``comments``, ``shares``. Views dwarf the others, so the y axis
    is logarithmic when they differ by more than a hundredfold.
    """
    fig = go.Figure()
    labels = list(df["label"]) if "label" in df else []
    for key, name in ONLINE_METRICS.items():
        values = [int(v) for v in df[key]] if key in df else [0] * len(labels)
        fig.add_trace(go.Bar(name=name, x=labels, y=values, hovertemplate="%{x} · " + name + "：%{y:,}<extra></extra>"))
    positive = [v for key in ONLINE_METRICS if key in df for v in df[key] if v > 0]
    log_axis = bool(positive) and max(positive) > 100 * min(positive)
    fig.update_layout(
        barmode="group",
        title="各渠道传播情况（取每个节目最新一次统计）",
        xaxis_title="渠道",
        yaxis_title="次数",
        yaxis_type="log" if log_axis else "linear",
        legend_title_text="指标",
    )
    return apply_chinese_locale(fig)


def build_training_completion_figure(df: pd.DataFrame) -> go.Figure:
    """Sessions attended per trainee, green if they complete (结业), red if not, with the required line.

    ``df`` has ``name``, ``attended``, ``total``, ``required`` and ``completed``.
    """
    fig = go.Figure()
    for completed, name, colour in ((True, "已结业", _COMPLETED_COLOUR), (False, "未结业", _NOT_COMPLETED_COLOUR)):
        part = df[df["completed"] == completed] if len(df) else df
        fig.add_trace(
            go.Bar(
                name=name,
                x=list(part["name"]) if len(part) else [],
                y=[int(v) for v in part["attended"]] if len(part) else [],
                marker_color=colour,
                hovertemplate="%{x}：出勤 %{y} 次<extra>" + name + "</extra>",
            )
        )
    total = int(df["total"].max()) if len(df) else 0
    required = int(df["required"].max()) if len(df) else 0
    if total:
        fig.add_hline(
            y=required, line_dash="dash", line_color="#555", annotation_text=f"结业需出勤 {required}/{total} 次"
        )
    fig.update_layout(
        title="学员出勤与结业",
        xaxis_title="学员",
        yaxis_title="出勤课次",
        yaxis_range=[0, max(total, 1)],
        barmode="overlay",
        legend_title_text="",
    )
    return apply_chinese_locale(fig)
