"""Reading a metrics CSV as spreadsheets export it: encoding, delimiter, header names, dates, moments, counts.

Nothing here touches the database. ``read_csv_table`` splits a file into its
header and rows and maps the columns it knows (Chinese or English names);
problems with the file as a whole raise ``OutreachError`` naming row 1 or the
row where the CSV broke. The ``parse_*`` helpers read one cell each and raise
``ValueError`` for anything they cannot read, leaving the Chinese message to
the row checks in ``outreach.online_import``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from curriculum.outreach import OutreachError
from curriculum.outreach.online import local_moment
from curriculum.vocab import ONLINE_METRICS

# Accepted header names per field (compared after stripping and lower-casing).
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
_HEADER_LOOKUP = {alias.lower(): name for name, aliases in CSV_COLUMNS.items() for alias in aliases}

_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATETIME_RE = re.compile(
    r"^(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
    r"(?:[ T]+(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?)?$"
)
# A texts cell lists ids with any separator people use, spaces included.
_TEXTS_SEPARATORS = re.compile(r"[\s,，、;；]+")


@dataclass
class CsvTable:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells)
    columns: dict[str, int] = field(default_factory=dict)  # field → cell index
    ignored: list[str] = field(default_factory=list)

    def column_name(self, name: str) -> str:
        """The header of field ``name`` as written in the file ("" when the file has no such column)."""
        return self.header[self.columns[name]] if name in self.columns else ""


def _decode(data: bytes) -> str:
    # Spreadsheet exports in China are UTF-8 (often with BOM) or GBK/GB18030.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OutreachError("无法识别文件编码，请另存为 UTF-8 编码的 CSV 文件", "file")


def _delimiter(text: str) -> str:
    # Copying from a spreadsheet gives tabs; a comma anywhere in the header means a real CSV.
    first_line = text.split("\n", 1)[0]
    return "\t" if "\t" in first_line and "," not in first_line else ","


def _map_header(table: CsvTable) -> None:
    """Map each known header to its field; unknown ones are listed, a field named twice is an error."""
    for index, name in enumerate(table.header):
        key = _HEADER_LOOKUP.get(name.lower())
        if key is None:
            if name:
                table.ignored.append(name)
        elif key in table.columns:
            raise OutreachError(f"第 1 行：“{name}”列与“{table.column_name(key)}”列重复", "file")
        else:
            table.columns[key] = index


def _require_columns(table: CsvTable) -> None:
    """A file must say which item each row is about and give at least one count."""
    if "item_id" not in table.columns and not {"title", "channel"} <= table.columns.keys():
        raise OutreachError("第 1 行：缺少“标题”和“渠道”列（或“编号”列），无法确定是哪个节目", "file")
    if not set(ONLINE_METRICS) & table.columns.keys():
        raise OutreachError("第 1 行：至少需要一列数据（浏览量、点赞、评论、转发）", "file")


def read_csv_table(data: bytes | str) -> CsvTable:
    """Split a CSV into header and rows and map its columns; header problems raise ``OutreachError``."""
    text = _decode(data) if isinstance(data, bytes) else data.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        raise OutreachError("文件是空的", "file") from None
    except csv.Error as exc:
        raise OutreachError(f"第 1 行：CSV 格式错误（{exc}）", "file") from None
    table = CsvTable(header=[h.strip().lstrip("\ufeff") for h in header], rows=[])
    _map_header(table)
    _require_columns(table)
    try:
        for cells in reader:
            if any(c.strip() for c in cells):  # blank lines are not rows people meant
                table.rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise OutreachError(f"第 {reader.line_num} 行：CSV 格式错误（{exc}）", "file") from None
    return table


def parse_count(value: str) -> int:
    """``1,234`` → 1234, ``1.2万`` → 12000, blank → 0; anything else raises ``ValueError``."""
    value = value.strip().replace(",", "").replace("，", "")
    if not value:
        return 0
    scale = 1
    if value.endswith("万"):
        value, scale = value[:-1].strip(), 10_000
    try:
        number = Decimal(value) * scale
    except InvalidOperation:
        raise ValueError(value) from None
    if number < 0 or number != number.to_integral_value():
        raise ValueError(value)
    return int(number)


def parse_date(value: str) -> dt.date:
    """``2026-11-20``, ``2026/11/20``, ``2026.11.20`` or ``2026年11月20日``; else ``ValueError``."""
    match = _DATE_RE.match(value.strip())
    if not match:
        raise ValueError(value)
    return dt.date(*(int(g) for g in match.groups()))


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
