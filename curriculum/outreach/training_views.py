"""Training records shaped for display: DataFrames with Chinese column names, so pages only render.

``completion_frame`` keeps English columns: it is the contract of the
completion chart (``curriculum.charts.outreach``) and of the Chinese table
built from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict

import pandas as pd

from curriculum.models.outreach import TraineePublic, TrainingSessionPublic
from curriculum.outreach.attendance import CompletionRow
from curriculum.outreach.training import BatchSummary
from curriculum.vocab import SPEAKER_KINDS, TRAINING_MODES

BATCH_COLUMNS_ZH = {
    "id": "编号",
    "name": "培训名称",
    "cohort_label": "培训对象",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "organiser": "主办单位",
    "location": "地点",
    "planned_participants": "计划人数",
    "enrolled": "已报名",
    "sessions": "课次",
    "completion_percent": "结业出勤要求(%)",
}

SESSION_COLUMNS_ZH = ["编号", "日期", "时间", "主题", "主讲人", "主讲人类别", "单位", "方式", "经典篇目"]

TRAINEE_COLUMNS_ZH = ["编号", "姓名", "单位", "手机"]

COMPLETION_COLUMNS_ZH = {
    "name": "姓名",
    "organisation": "单位",
    "attended": "出勤课次",
    "total": "总课次",
    "required": "结业需出勤",
    "rate": "出勤率",
    "completed": "结业",
}


def batches_frame(rows: Iterable[BatchSummary]) -> pd.DataFrame:
    records = [{key: getattr(r, key) for key in BATCH_COLUMNS_ZH} for r in rows]
    return pd.DataFrame.from_records(records, columns=list(BATCH_COLUMNS_ZH)).rename(columns=BATCH_COLUMNS_ZH)


def batch_label(batch: BatchSummary) -> str:
    """``名称（培训对象）`` — how a batch is named in the picker."""
    return f"{batch.name}（{batch.cohort_label}）"


def batch_caption(batch: BatchSummary) -> str:
    """One line under the picker: dates, place and the completion rule."""
    return (
        f"{batch.start_date} 至 {batch.end_date} · {batch.location or '地点未填'} · "
        f"出勤达到 {batch.completion_percent}% 的课次即可结业"
    )


def sessions_frame(rows: Iterable[TrainingSessionPublic], text_titles: dict[str, str] | None = None) -> pd.DataFrame:
    """Sessions for display; ``text_titles`` (catalog id → title) names the texts when available."""
    text_titles = text_titles or {}
    records = [
        {
            "编号": s.id,
            "日期": s.date,
            "时间": f"{s.start_time:%H:%M}–{s.end_time:%H:%M}",
            "主题": s.topic,
            "主讲人": s.speaker_name,
            "主讲人类别": SPEAKER_KINDS.get(s.speaker_kind, ""),
            "单位": s.speaker_affiliation,
            "方式": TRAINING_MODES.get(s.mode, s.mode),
            "经典篇目": "、".join(text_titles.get(t, t) for t in s.texts),
        }
        for s in rows
    ]
    return pd.DataFrame.from_records(records, columns=SESSION_COLUMNS_ZH)


def trainee_label(trainee: TraineePublic) -> str:
    """``姓名（单位）`` — how a trainee is named in pickers and checklists."""
    return f"{trainee.name}（{trainee.organisation}）"


def trainees_frame(rows: Iterable[TraineePublic]) -> pd.DataFrame:
    records = [{"编号": t.id, "姓名": t.name, "单位": t.organisation, "手机": t.phone_masked} for t in rows]
    return pd.DataFrame.from_records(records, columns=TRAINEE_COLUMNS_ZH)


def completion_frame(rows: Iterable[CompletionRow]) -> pd.DataFrame:
    """The report as a DataFrame (English columns, see ``COMPLETION_COLUMNS_ZH`` for display)."""
    records = [{**asdict(r), "rate": r.rate} for r in rows]
    columns = ["trainee_id", *COMPLETION_COLUMNS_ZH]
    return pd.DataFrame.from_records(records, columns=columns)


def completion_display_frame(rows: Iterable[CompletionRow]) -> pd.DataFrame:
    """The completion report as shown to users: Chinese columns, 出勤率 as a percentage, 结业 是/否."""
    frame = completion_frame(rows).drop(columns=["trainee_id"])
    frame["rate"] = [f"{rate:.0%}" for rate in frame["rate"]]
    frame["completed"] = ["是" if done else "否" for done in frame["completed"]]
    return frame.rename(columns=COMPLETION_COLUMNS_ZH)
