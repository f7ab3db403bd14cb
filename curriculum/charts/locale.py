"""Chinese number and date formats for plotly figures (pure, no streamlit).

Plotly's defaults are English: date ticks read "Sep 6 2026" (month names come
from its locale, and the app's plotly.js bundle carries none for zh-CN), hover
labels "Sep 6, 2026", and large numbers "45k". ``apply_chinese_locale`` sets
explicit formats instead, so the figure reads the same whatever locale the
browser or the bundle has: dates as 9月6日 / 2026年9月 / 2026年, numbers with
thousands separators and no SI suffixes. Every ``build_*_figure`` calls it
last, after its own layout, so a chart's deliberate choice (e.g. a week axis
with ``tickformat``) is kept.

``PLOTLY_CONFIG`` is the ``config=`` a page passes to ``st.plotly_chart``:
plotly's mode bar has English tooltips ("Zoom", "Download plot as a png")
that no figure property can translate, so it is hidden.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import plotly.graph_objects as go

DAY_FORMAT = "%m月%d日"
MONTH_FORMAT = "%Y年%m月"
YEAR_FORMAT = "%Y年"
HOVER_DATE_FORMAT = "%Y年%m月%d日"
# Decimal point, then thousands separator (Chinese uses the same as English).
SEPARATORS = ".,"

_DAY_MS = 24 * 3600 * 1000
# Plotly picks the first stop whose dtick range contains the axis's tick step.
DATE_TICK_STOPS: tuple[dict[str, Any], ...] = (
    {"dtickrange": [None, _DAY_MS], "value": "%m月%d日 %H:%M"},
    {"dtickrange": [_DAY_MS, "M1"], "value": DAY_FORMAT},
    {"dtickrange": ["M1", "M12"], "value": MONTH_FORMAT},
    {"dtickrange": ["M12", None], "value": YEAR_FORMAT},
)

PLOTLY_CONFIG: dict[str, Any] = {"displayModeBar": False, "displaylogo": False}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$")


def _is_date(value: Any) -> bool:
    if isinstance(value, dt.date | np.datetime64):  # datetime and pandas.Timestamp are dates too
        return True
    # Plotly reads ISO date strings as dates too, so they get the Chinese format as well.
    return isinstance(value, str) and bool(_ISO_DATE.match(value))


def _looks_like_dates(values: Iterable[Any] | None) -> bool:
    if values is None:
        return False
    sample = [v for v in list(values)[:20] if v is not None]
    return bool(sample) and all(_is_date(v) for v in sample)


def _axis_name(ref: str | None, letter: str) -> str:
    """``"x2"`` → ``"xaxis2"``; a trace without a reference uses the first axis."""
    suffix = (ref or letter)[1:]
    return f"{letter}axis{suffix}"


def date_axes(fig: go.Figure) -> set[str]:
    """Layout names of the axes (``xaxis``, ``yaxis2`` …) that show dates."""
    names: set[str] = set()
    for trace in fig.data:
        for letter in ("x", "y"):
            if _looks_like_dates(getattr(trace, letter, None)):
                names.add(_axis_name(getattr(trace, f"{letter}axis", None), letter))
    for name in list(fig.layout.to_plotly_json()):
        if re.fullmatch(r"[xy]axis\d*", name) and fig.layout[name].type == "date":
            names.add(name)
    return {n for n in names if fig.layout[n].type in (None, "-", "date")}


def apply_chinese_locale(fig: go.Figure) -> go.Figure:
    """Chinese date ticks and hovers, thousands separators, no "k"/"M" suffixes; returns ``fig`` for chaining."""
    fig.update_layout(separators=SEPARATORS)
    dates = date_axes(fig)
    for name in dates:
        axis = fig.layout[name]
        if not axis.tickformat and not axis.tickformatstops:
            axis.tickformatstops = list(DATE_TICK_STOPS)
        if not axis.hoverformat:
            axis.hoverformat = HOVER_DATE_FORMAT
    numeric = {"linear", "log", None, "-"}

    def _numbers(axis) -> None:
        if axis.plotly_name not in dates and axis.type in numeric:
            # "45,000" rather than "45k"; log axes keep their powers of ten readable as plain numbers too.
            axis.update(exponentformat="none", separatethousands=True)

    fig.for_each_xaxis(_numbers)
    fig.for_each_yaxis(_numbers)
    return fig
