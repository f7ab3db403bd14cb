"""学段图谱 — the stage × text map (the "four connections" stage continuum) and category × stage coverage."""

from __future__ import annotations

import streamlit as st

from curriculum.catalog.stage_map import (
    category_stage_coverage,
    coverage_gaps,
    coverage_table,
    stage_text_matrix,
    stage_text_table,
)
from curriculum.charts.catalog import build_coverage_figure, build_stage_map_figure
from curriculum.stages import STAGE_KEYS, STAGE_LABELS
from curriculum.vocab import CATEGORIES
from ui.state import require_catalog
from ui.widgets import chart

st.title("学段图谱")
st.caption("“四个打通”之学段打通：从幼儿园到高校，各学段读什么、重点读什么，三类内容是否都覆盖。")
catalog = require_catalog()

coverage = category_stage_coverage(catalog)

st.header("各学段推荐篇目", anchor=False)
chosen = st.multiselect("只看这些类别", list(CATEGORIES), format_func=CATEGORIES.get, key="map_categories",
                        placeholder="全部类别")
shown = stage_text_matrix(catalog, categories=chosen)
chart(build_stage_map_figure(shown), key="map_stage_chart")
st.caption("● 推荐　★ 重点篇目（实践报告点名、本学段重点诵读）")
stage_columns = {STAGE_LABELS[k]: st.column_config.TextColumn(STAGE_LABELS[k], width="small") for k in STAGE_KEYS}
st.dataframe(
    stage_text_table(shown),
    hide_index=True,
    column_config={"字数": st.column_config.NumberColumn("字数", format="%d"), **stage_columns},
    key="map_stage_table",
)

st.header("内容类别 × 学段覆盖", anchor=False)
chart(build_coverage_figure(coverage), key="map_coverage_chart")
st.dataframe(coverage_table(coverage), hide_index=True, key="map_coverage_table")
gaps = coverage_gaps(coverage)
if gaps:
    st.warning("以下学段缺少该类别的篇目：" + "；".join(gaps))
else:
    st.success("每个学段三类内容均有篇目覆盖。")
