"""Charts for community reading: attendance by role per event.

Pure functions from a DataFrame to a plotly Figure; pages only call
``st.plotly_chart``. The column contract is the frame built by
``curriculum.community.attendance.attendance_frame``.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from curriculum.charts.locale import apply_chinese_locale
from curriculum.vocab import ATTENDANCE_ROLES


def build_attendance_figure(df: pd.DataFrame) -> go.Figure:
    """Stacked bars, one per event occurrence (``date title``), one trace per role (学生, 家长, 居民, 志愿者, 教师).

    ``df`` has ``date``, ``title`` and one count column per role key.
    """
    fig = go.Figure()
    x = [f"{d} {t}" for d, t in zip(df["date"], df["title"])] if len(df) else []
    for key, label in ATTENDANCE_ROLES.items():
        y = [int(v) for v in df[key]] if len(df) and key in df else []
        fig.add_trace(go.Bar(name=label, x=x, y=y, hovertemplate="%{x} · " + label + "：%{y} 人<extra></extra>"))
    fig.update_layout(barmode="stack", title="活动出勤（按身份）", xaxis_title="活动", yaxis_title="人数",
                      legend_title_text="身份")
    return apply_chinese_locale(fig)
