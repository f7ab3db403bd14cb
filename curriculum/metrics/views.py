"""Display shaping for the dashboard: Chinese labels and column names, rates as percentages.

The page and the CLI only render what these return; the frames built by the
other modules keep English column names for charts and JSON.
"""

from __future__ import annotations

import pandas as pd

KPI_LABELS: dict[str, str] = {
    "classes": "班级数",
    "compliance_rate": "每日诵读达标率",
    "school_days": "应诵读班级日",
    "compliant_days": "达标班级日",
    "class_sessions_done": "班级诵读完成节次",
    "community_activities": "社区活动场次",
    "community_attendance": "社区活动参与人次",
    "volunteer_hours": "志愿服务时长（小时）",
    "volunteers": "服务志愿者人数",
    "festival_events": "节日活动场次",
    "festival_attendance": "节日活动参与人次",
    "training_sessions": "师资培训课次",
    "training_attendance": "培训出勤人次",
    "online_items": "线上节目数",
    "online_views": "线上浏览量",
}

DISPLAY_COLUMNS: dict[str, dict[str, str]] = {
    "integrations": {"label": "融合方向", "activities": "活动数", "activity_measure": "活动口径",
                     "participants": "参与人次", "participant_measure": "参与口径"},
    "spheres": {"label": "领域", "activities": "活动数", "participants": "参与人次"},
    "coverage": {"category_label": "内容", "stage_label": "学段", "classes": "班级数",
                 "planned_minutes": "计划分钟数", "read_minutes": "已完成分钟数"},
    "compliance": {"school": "学校", "class_name": "班级", "stage_label": "学段", "school_days": "应诵读天数",
                   "compliant_days": "达标天数", "lost_days": "停课顺延天数", "done_sessions": "完成节次",
                   "rate": "达标率"},
    "summary": {"label": "分组", "classes": "班级数", "school_days": "应诵读班级日", "compliant_days": "达标班级日",
                "rate": "达标率"},
    "volunteer_hours": {"month": "月份", "district_label": "区县", "hours": "服务时长（小时）", "shifts": "岗位人次",
                        "volunteers": "志愿者人数"},
    "festivals": {"label": "节日", "events": "社区活动场次", "attendance": "社区活动参与人次",
                  "class_sessions": "班级节日诵读节次", "students": "学生人次"},
}


def format_rate(rate: float | None) -> str:
    """``0.75`` → ``"75.0%"``; ``None`` (no school days) → ``"—"``."""
    return "—" if rate is None else f"{rate:.1%}"


def display_frame(df: pd.DataFrame, kind: str) -> pd.DataFrame:
    """``df`` with the columns of ``DISPLAY_COLUMNS[kind]`` in Chinese.

    Rates become percentages; the coverage grid loses its empty cells.
    """
    columns = DISPLAY_COLUMNS[kind]
    out = df
    if kind == "coverage":
        out = out[out["planned_minutes"] > 0]
    out = out[list(columns)].copy()
    if "rate" in out:
        out["rate"] = [format_rate(None if pd.isna(r) else float(r)) for r in out["rate"]]
    return out.rename(columns=columns).reset_index(drop=True)
