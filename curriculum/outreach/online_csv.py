"""Reading a metrics CSV as spreadsheets export it: encoding, delimiter, header names, dates, moments, counts.

Nothing here touches the database. Decoding, delimiters, header aliases and
the count and date cells are the shared reader's (``curriculum.imports.tables``,
re-exported here); what is the metrics file's own is its columns, the rule
that a file must name an item and give a count, moments and text lists.
``read_csv_table`` splits a file into its header and rows and maps the
columns it knows (Chinese or English names); problems with the file as a
whole raise ``OutreachError`` naming row 1 or the row where the CSV broke.
The ``parse_*`` helpers read one cell each and raise ``ValueError`` for
anything they cannot read, leaving the Chinese message to the row checks in
``outreach.online_import``.
"""

from __future__ import annotations

import datetime as dt
import re

from curriculum.imports.tables import (
    MAX_ROWS,
    Table,
    check_size,
    header_lookup,
    parse_count,
    parse_date,
    read_csv,
)
from curriculum.outreach import OutreachError
from curriculum.outreach.online import local_moment
from curriculum.vocab import ONLINE_METRICS

__all__ = ["CSV_COLUMNS", "CsvTable", "parse_count", "parse_date", "parse_moment", "read_csv_table", "split_texts"]

# Accepted header names per field (compared without spaces and case, see ``tables.normalize_header``).
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "item_id": ("item_id", "id", "编号", "节目编号"),
    "title": ("title", "标题", "节目", "节目名称", "名称"),
    "channel": ("channel", "渠道", "平台"),
    "publish_date": ("publish_date", "发布日期", "发布时间"),
    "views": ("views", "浏览量", "阅读量", "播放量", "浏览"),
    "likes": ("likes", "点赞", "点赞数", "点赞量"),
    "comments": ("comments", "评论", "评论数", "评论量"),
    "shares": ("shares", "转发", "分享", "转发数", "分享数", "转发量"),
    "recorded_at": ("recorded_at", "统计时间", "统计日期", "记录时间"),
    "texts": ("texts", "篇目", "经典篇目"),
    "url": ("url", "链接"),
}
_HEADER_LOOKUP = header_lookup(CSV_COLUMNS)

_DATETIME_RE = re.compile(
    r"^(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
    r"(?:[ T]+(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?)?$"
)
# A texts cell lists ids with any separator people use, spaces included.
_TEXTS_SEPARATORS = re.compile(r"[\s,，、;；]+")

# The shared reader's table, under the name this module has always exported.
CsvTable = Table


def _require_columns(table: CsvTable) -> None:
    """A file must say which item each row is about and give at least one count."""
    if "item_id" not in table.columns and not {"title", "channel"} <= table.columns.keys():
        raise OutreachError("第 1 行：缺少“标题”和“渠道”列（或“编号”列），无法确定是哪个节目", "file")
    if not set(ONLINE_METRICS) & table.columns.keys():
        raise OutreachError("第 1 行：至少需要一列数据（浏览量、点赞、评论、转发）", "file")


def read_csv_table(data: bytes | str) -> CsvTable:
    """Split a CSV into header and rows and map its columns; header problems raise ``OutreachError``."""
    if isinstance(data, bytes):
        check_size(len(data), error=OutreachError)
    table = read_csv(data, _HEADER_LOOKUP, max_rows=MAX_ROWS, error=OutreachError)
    _require_columns(table)
    return table


def parse_moment(value: str) -> dt.datetime:
    """A local date with optional ``HH:MM[:SS]`` (midnight if no time), made aware."""
    match = _DATETIME_RE.match(value.strip())
    if not match:
        raise ValueError(value)
    day = parse_date(match["date"])
    return local_moment(day, dt.time(int(match["h"] or 0), int(match["m"] or 0), int(match["s"] or 0)))


def split_texts(value: str) -> tuple[str, ...]:
    """The text ids of a texts cell, in order."""
    return tuple(t for t in _TEXTS_SEPARATORS.split(value) if t)
