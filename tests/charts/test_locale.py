"""Chinese chart formats: date axes tick and hover in 月/日, numbers without SI suffixes, every builder applies it."""

from __future__ import annotations

import datetime as dt
import inspect

import pandas as pd
import plotly.graph_objects as go
import pytest

from curriculum.charts import catalog, community, dashboard, outreach
from curriculum.charts.locale import DATE_TICK_STOPS, HOVER_DATE_FORMAT, apply_chinese_locale, date_axes


def test_date_axes_get_chinese_ticks_and_hover():
    fig = go.Figure(go.Scatter(x=[dt.date(2026, 9, 6), dt.date(2026, 9, 13)], y=[1, 2]))
    apply_chinese_locale(fig)
    axis = fig.layout.xaxis
    assert [s.value for s in axis.tickformatstops] == [s["value"] for s in DATE_TICK_STOPS]
    assert "%m月%d日" in [s.value for s in axis.tickformatstops]
    assert "%Y年%m月" in [s.value for s in axis.tickformatstops]
    assert axis.hoverformat == HOVER_DATE_FORMAT
    assert fig.layout.yaxis.exponentformat == "none" and fig.layout.yaxis.separatethousands
    assert fig.layout.separators == ".,"


def test_iso_strings_and_second_axes_are_dates_too_but_categories_are_not():
    fig = go.Figure([go.Bar(x=["2026-09-06", "2026-09-13"], y=[1, 2]),
                     go.Bar(x=["甲", "乙"], y=[dt.date(2026, 1, 1), dt.date(2026, 2, 1)], xaxis="x2", yaxis="y2")])
    fig.update_layout(xaxis2={"anchor": "y2"}, yaxis2={"anchor": "x2"})
    assert date_axes(fig) == {"xaxis", "yaxis2"}
    cat = go.Figure(go.Bar(x=["2026-09-06 周末诵读"], y=[3]))
    assert date_axes(cat) == set()


def test_a_chosen_tick_format_is_kept():
    fig = go.Figure(go.Scatter(x=[pd.Timestamp("2026-09-07")], y=[90]))
    fig.update_xaxes(tickformat="%m月%d日")
    apply_chinese_locale(fig)
    assert fig.layout.xaxis.tickformat == "%m月%d日" and not fig.layout.xaxis.tickformatstops


BUILDERS = [fn for module in (catalog, community, dashboard, outreach)
            for name, fn in inspect.getmembers(module, inspect.isfunction)
            if name.startswith("build_") and fn.__module__ == module.__name__]


@pytest.mark.parametrize("builder", BUILDERS, ids=[b.__name__ for b in BUILDERS])
def test_every_builder_applies_the_chinese_locale(builder):
    source = inspect.getsource(builder)
    assert "apply_chinese_locale(" in source, builder.__name__
