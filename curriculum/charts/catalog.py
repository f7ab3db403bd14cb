"""Catalog charts: the stage × text map and the category × stage coverage.

Both take the DataFrames built in ``curriculum.catalog.browse`` and return a
Plotly figure; nothing here reads the catalog itself.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from curriculum.catalog.stage_map import FEATURED, NOT_RECOMMENDED
from curriculum.charts.locale import apply_chinese_locale
from curriculum.stages import STAGE_KEYS, STAGE_LABELS
from curriculum.vocab import CATEGORIES

# One colour per content category, stable across every chart of the app.
CATEGORY_COLORS: dict[str, str] = {
    "traditional": "#8c6d31",  # ink / ochre
    "revolutionary": "#c0392b",  # red
    "socialist": "#2471a3",  # blue
}
FEATURED_COLOR = "#f1c40f"
FEATURED_TRACE_NAME = "重点篇目"

_FONT = dict(family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif")


def _stage_axis() -> dict:
    labels = [STAGE_LABELS[k] for k in STAGE_KEYS]
    # A fixed range keeps every stage on the axis, even one no shown text reaches.
    return dict(title="学段", categoryorder="array", categoryarray=labels, range=[-0.5, len(labels) - 0.5],
                side="top", tickangle=0, type="category")


def build_stage_map_figure(df: pd.DataFrame) -> go.Figure:
    """The "four connections" stage continuum: each text a bar across its stages.

    ``df`` is ``stage_map.stage_text_matrix``. One trace per category (a line with
    a marker per recommended stage, gaps between texts), plus one star trace
    for featured (重点) cells. Texts read top to bottom in ``df`` order, stages
    left to right 幼儿园 → 高校.
    """
    fig = go.Figure()
    stage_labels = [STAGE_LABELS[k] for k in STAGE_KEYS]
    for category, category_label in CATEGORIES.items():
        part = df[df["category"] == category]
        if part.empty:
            continue
        xs: list[str | None] = []
        ys: list[str | None] = []
        hover: list[str | None] = []
        for row in part.itertuples(index=False):
            row_d = row._asdict()
            for key, label in zip(STAGE_KEYS, stage_labels):
                if row_d[key] == NOT_RECOMMENDED:
                    # A gap inside a text's span breaks its line, as it should.
                    if xs and xs[-1] is not None:
                        xs.append(None)
                        ys.append(None)
                        hover.append(None)
                    continue
                xs.append(label)
                ys.append(row_d["label"])
                hover.append(f"{row_d['label']}（{row_d['author']}）<br>{label} · {category_label}")
            if xs and xs[-1] is not None:
                xs.append(None)
                ys.append(None)
                hover.append(None)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines+markers",
                name=category_label,
                line=dict(color=CATEGORY_COLORS[category], width=8),
                marker=dict(color=CATEGORY_COLORS[category], size=11),
                hovertext=hover,
                hoverinfo="text",
                connectgaps=False,
            )
        )

    fx, fy, fhover = [], [], []
    for row in df.itertuples(index=False):
        row_d = row._asdict()
        for key, label in zip(STAGE_KEYS, stage_labels):
            if row_d[key] == FEATURED:
                fx.append(label)
                fy.append(row_d["label"])
                fhover.append(f"{row_d['label']}：{label}重点篇目")
    if fx:
        fig.add_trace(
            go.Scatter(
                x=fx,
                y=fy,
                mode="markers",
                name=FEATURED_TRACE_NAME,
                marker=dict(symbol="star", size=17, color=FEATURED_COLOR, line=dict(color="#7d6608", width=1)),
                hovertext=fhover,
                hoverinfo="text",
            )
        )

    labels = list(df["label"])
    fig.update_layout(
        title=dict(text="学段图谱：各学段推荐篇目（★ 为重点篇目）"),
        xaxis=_stage_axis(),
        # First text at the top: Plotly draws categories bottom-up, so reverse.
        # No y-axis title: Plotly would draw 篇目 rotated sideways; the tick labels are the titles.
        yaxis=dict(categoryorder="array", categoryarray=labels[::-1], type="category", ticksuffix=" "),
        legend=dict(title=dict(text="类别"), yanchor="top", y=1.0),
        height=max(360, 26 * len(labels) + 160),
        margin=dict(l=10, r=10, t=110, b=20),
        font=_FONT,
        hovermode="closest",
    )
    return apply_chinese_locale(fig)


def build_coverage_figure(df: pd.DataFrame) -> go.Figure:
    """Category × stage coverage as grouped bars: one trace per category.

    ``df`` is ``stage_map.category_stage_coverage`` (tidy). Bar height is the
    number of texts; the hover adds the characters they hold.
    """
    fig = go.Figure()
    stage_labels = [STAGE_LABELS[k] for k in STAGE_KEYS]
    for category, category_label in CATEGORIES.items():
        part = df[df["category"] == category].set_index("stage").reindex(list(STAGE_KEYS))
        texts = part["texts"].fillna(0).astype(int).tolist()
        characters = part["characters"].fillna(0).astype(int).tolist()
        fig.add_trace(
            go.Bar(
                x=stage_labels,
                y=texts,
                name=category_label,
                marker_color=CATEGORY_COLORS[category],
                text=[str(n) if n else "" for n in texts],  # no "0" labels cluttering empty cells
                textposition="outside",
                customdata=characters,
                hovertemplate="%{x} · " + category_label + "<br>%{y} 篇 · %{customdata:,} 字<extra></extra>",
            )
        )
    fig.update_layout(
        title=dict(text="各学段内容类别覆盖"),
        barmode="group",
        xaxis=dict(title="学段", categoryorder="array", categoryarray=stage_labels, type="category"),
        yaxis=dict(title="篇目数", rangemode="tozero"),
        legend=dict(title=dict(text="类别")),
        font=_FONT,
        margin=dict(l=10, r=10, t=60, b=20),
    )
    return apply_chinese_locale(fig)
