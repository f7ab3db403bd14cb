"""School-calendar month view: a calendar grid coloured by what happens each day.

``month_frame`` turns a ``TermCalendar`` into one row per day of a month
(status 上课/周末/节假日/调休上班/停课, or 学期外 outside the term, plus the
festival of the day); ``build_month_figure`` draws that frame as a Plotly
heatmap laid out like a wall calendar (Monday first), with one legend entry
per status and the festival names annotated in their cells.
"""

from __future__ import annotations

import calendar as pycalendar
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from curriculum.charts.locale import apply_chinese_locale
from curriculum.festivals import FestivalRangeError, festivals_between
from curriculum.schoolcal.days import TermCalendar
from curriculum.vocab import DAY_STATUSES, WEEKDAY_LABELS

OUTSIDE = "outside"
# Legend order and colours; "outside" = a day of the month outside the term.
STATUS_LABELS: dict[str, str] = {**DAY_STATUSES, OUTSIDE: "学期外"}
STATUS_COLORS: dict[str, str] = {
    "school": "#6aa84f",  # green: lessons
    "weekend": "#d9d9d9",  # grey
    "holiday": "#e06666",  # red: public holiday
    "makeup": "#f6b26b",  # orange: 调休上班 / 学校补课
    "closure": "#8e7cc3",  # purple: the school's own closure
    OUTSIDE: "#f3f3f3",  # near white
}
STATUS_KEYS: tuple[str, ...] = tuple(STATUS_LABELS)

FRAME_COLUMNS = ("date", "day", "weekday", "week", "status", "label", "detail", "festival")
_FONT = dict(family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif")


def term_months(cal: TermCalendar) -> list[tuple[int, int]]:
    """``(year, month)`` of every month the term touches, in order."""
    months: list[tuple[int, int]] = []
    year, month = cal.start.year, cal.start.month
    while (year, month) <= (cal.end.year, cal.end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_frame(cal: TermCalendar, year: int, month: int) -> pd.DataFrame:
    """One row per day of ``year``-``month``: its grid place, status and festival.

    ``week`` is the row in a Monday-first month grid (0 = first row).
    """
    first = date(year, month, 1)
    last = date(year, month, pycalendar.monthrange(year, month)[1])
    statuses = {s.date: s for s in cal.statuses()}
    try:
        festivals = festivals_between(first, last)
    except FestivalRangeError:  # outside 1901–2099: simply no festival names
        festivals = []
    festival_names: dict[date, list[str]] = {}
    for f in festivals:
        festival_names.setdefault(f.date, []).append(f.name)
    offset = first.weekday()
    rows = []
    for day in range(1, last.day + 1):
        d = date(year, month, day)
        status = statuses.get(d)
        rows.append(
            {
                "date": d,
                "day": day,
                "weekday": d.weekday(),
                "week": (offset + day - 1) // 7,
                "status": status.status if status else OUTSIDE,
                "label": status.label if status else STATUS_LABELS[OUTSIDE],
                "detail": status.detail if status else "",
                "festival": "、".join(festival_names.get(d, [])),
            }
        )
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))


def _colorscale() -> list[list]:
    """A stepwise colour scale: status index i gets exactly STATUS_COLORS[i]."""
    n = len(STATUS_KEYS)
    scale: list[list] = []
    for i, key in enumerate(STATUS_KEYS):
        scale.append([i / n, STATUS_COLORS[key]])
        scale.append([(i + 1) / n, STATUS_COLORS[key]])
    return scale


def build_month_figure(df: pd.DataFrame, title: str = "") -> go.Figure:
    """The month grid: heatmap cells coloured by status, day numbers, festival annotations.

    ``df`` is ``month_frame(...)``. Trace 0 is the heatmap (x = 周一…周日,
    y = week rows, top to bottom); then one legend-only trace per status; each
    festival is a layout annotation in its cell.
    """
    weeks = int(df["week"].max()) + 1 if not df.empty else 1
    index = {key: i for i, key in enumerate(STATUS_KEYS)}
    z: list[list[float | None]] = [[None] * 7 for _ in range(weeks)]
    text: list[list[str]] = [[""] * 7 for _ in range(weeks)]
    hover: list[list[str]] = [[""] * 7 for _ in range(weeks)]
    for row in df.itertuples(index=False):
        z[row.week][row.weekday] = index[row.status]
        text[row.week][row.weekday] = str(row.day)
        parts = [f"{row.date:%Y年%m月%d日}", WEEKDAY_LABELS[row.weekday], row.label]
        if row.detail and row.detail != WEEKDAY_LABELS[row.weekday]:
            parts.append(row.detail)
        if row.festival:
            parts.append(row.festival)
        hover[row.week][row.weekday] = " · ".join(parts)
    x = list(WEEKDAY_LABELS)
    y = [f"第{w + 1}周" for w in range(weeks)]
    fig = go.Figure()
    fig.add_trace(
        go.Heatmap(
            z=z,
            x=x,
            y=y,
            text=text,
            texttemplate="%{text}",
            textfont=dict(size=14),
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=_colorscale(),
            # Index i maps to (i + 0.5) / n: the middle of its own colour step.
            zmin=-0.5,
            zmax=len(STATUS_KEYS) - 0.5,
            showscale=False,
            xgap=3,
            ygap=3,
            name="校历",
        )
    )
    present = [k for k in STATUS_KEYS if k in set(df["status"])]
    for key in present:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker=dict(symbol="square", size=14, color=STATUS_COLORS[key]),
                name=STATUS_LABELS[key],
                showlegend=True,
                hoverinfo="skip",
            )
        )
    for row in df[df["festival"] != ""].itertuples(index=False):
        fig.add_annotation(
            x=WEEKDAY_LABELS[row.weekday],
            y=f"第{row.week + 1}周",
            text=row.festival,
            showarrow=False,
            yshift=-16,
            font=dict(size=11, color="#7f1d1d"),
        )
    fig.update_layout(
        title=title or None,
        font=_FONT,
        xaxis=dict(side="top", showgrid=False, zeroline=False, fixedrange=True),
        yaxis=dict(autorange="reversed", showgrid=False, zeroline=False, fixedrange=True, showticklabels=False),
        plot_bgcolor="white",
        height=90 + 70 * weeks,
        margin=dict(l=10, r=10, t=60 if title else 30, b=10),
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0),
    )
    # The axes are weekday and week names (categories): this sets the Chinese number separators,
    # and any date axis a later change adds gets Chinese ticks like every other chart.
    return apply_chinese_locale(fig)
