"""Online items and channel totals shaped for display and charts.

``summary_frame`` keeps English columns (the contract of the channel chart in
``curriculum.charts.outreach`` and of JSON output); every other frame has the
Chinese column names users see.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from curriculum.outreach.online import ChannelTotals, ItemRow
from curriculum.vocab import ONLINE_METRICS

ITEM_COLUMNS_ZH = {
    "id": "编号",
    "title": "标题",
    "channel_label": "渠道",
    "publish_date": "发布日期",
    "views": "浏览量",
    "likes": "点赞",
    "comments": "评论",
    "shares": "转发",
    "recorded_at": "最近统计时间",
}


def item_label(row: ItemRow) -> str:
    """``标题（渠道，发布日期）`` — how an item is named in the picker."""
    return f"{row.title}（{row.channel_label}，{row.publish_date}）"


def items_frame(rows: Iterable[ItemRow]) -> pd.DataFrame:
    """Items as a DataFrame with Chinese column names, ready to show."""
    records = [{key: getattr(r, key) for key in ITEM_COLUMNS_ZH} for r in rows]
    frame = pd.DataFrame.from_records(records, columns=list(ITEM_COLUMNS_ZH))
    frame["recorded_at"] = [f"{m:%Y-%m-%d %H:%M}" if m else "未统计" for m in frame["recorded_at"]]
    return frame.rename(columns=ITEM_COLUMNS_ZH)


def summary_frame(rows: Iterable[ChannelTotals]) -> pd.DataFrame:
    """English columns ``channel, label, items, views, likes, comments, shares`` (for charts and JSON)."""
    columns = ["channel", "label", "items", *ONLINE_METRICS]
    return pd.DataFrame.from_records([vars(r) for r in rows], columns=columns)


def summary_display_frame(rows: Iterable[ChannelTotals]) -> pd.DataFrame:
    """The channel summary as shown to users (Chinese column names)."""
    columns = {"label": "渠道", "items": "节目数", **ONLINE_METRICS}
    return summary_frame(rows)[list(columns)].rename(columns=columns)
