"""Reading a spreadsheet file (CSV or XLSX) into located rows of text cells; no database, no domain rules.

Every import of the programme reads its file here: participation records
(``curriculum.imports``) and online metrics (``curriculum.outreach.online_csv``).

* ``read_table`` — limits first (bytes, then rows: checked on the server,
  whatever the browser allowed), then CSV or XLSX by the file's first bytes
  (an XLSX is a zip), then the header mapped to field names through aliases.
* CSV: UTF-8, UTF-8 with BOM or GBK/GB18030 (what Excel in China saves);
  comma- or tab-separated (a paste from a spreadsheet).
* XLSX: the first sheet, read with openpyxl in read-only mode; every cell is
  turned into the text a user would have typed (dates as ``2026-10-09``,
  times as ``07:40``, ``30.0`` as ``30``, a 百分比 cell as ``85%``), so the
  row checks see one kind of input whatever the format.

Row numbers are those a spreadsheet shows (the header is row 1). Problems
with the file as a whole raise ``ImportFileError`` (or the ``error`` class a
caller passes, so outreach keeps raising its own ``OutreachError``); problems
of one cell are the caller's, reported as ``RowError``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from curriculum.errors import DomainError

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: a year of one city's class records as CSV is well under this
MAX_ROWS = 200_000
XLSX_MAGIC = b"PK\x03\x04"  # an .xlsx is a zip archive
XLS_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls (an OLE compound file)
EXCEL_EPOCH = dt.date(1899, 12, 30)

_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_TIME_RE = re.compile(r"^(\d{1,2})\s*[:：点时]\s*(\d{1,2})\s*分?(?::(\d{1,2}))?$")
# Header names compare without spaces, case, a trailing “*” (the template marks required columns) or
# the width of brackets, so “时长(分钟)” and “时长（分钟） *” are the same column.
_HEADER_NOISE = re.compile(r"[\s*＊]+")


class ImportFileError(DomainError):
    """The file as a whole cannot be imported (too big, unreadable, a missing column); Chinese message."""


@dataclass(frozen=True)
class RowError:
    """One problem of one row: the spreadsheet row (header = 1), the column as written in the file, the message."""

    row: int
    column: str  # "" for the whole row
    message: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行" + (f"“{self.column}”列" if self.column else "")
        return f"{where}：{self.message}"


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells)
    columns: dict[str, int] = field(default_factory=dict)  # field → cell index
    ignored: list[str] = field(default_factory=list)

    def column_name(self, name: str) -> str:
        """The header of field ``name`` as written in the file ("" when the file has no such column)."""
        return self.header[self.columns[name]] if name in self.columns else ""


def normalize_header(name: str) -> str:
    return _HEADER_NOISE.sub("", name).lower().replace("（", "(").replace("）", ")")


def header_lookup(aliases: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """``{normalised alias: field}`` for ``map_header``."""
    return {normalize_header(alias): name for name, names in aliases.items() for alias in (name, *names)}


# --- the file as a whole ------------------------------------------------------------------


def check_size(size: int, *, max_bytes: int = MAX_BYTES, error: type[DomainError] = ImportFileError) -> None:
    if size > max_bytes:
        raise error(f"文件有 {size / 1024 / 1024:.1f} 兆字节，超过单次导入上限 {max_bytes / 1024 / 1024:.0f} 兆字节，"
                    "请拆分后分批导入", "file")


def _too_many_rows(max_rows: int, error: type[DomainError]) -> DomainError:
    return error(f"文件超过 {max_rows:,} 行数据，超过单次导入上限，请拆分后分批导入", "file")


def decode_text(data: bytes, *, error: type[DomainError] = ImportFileError) -> str:
    # Spreadsheet exports in China are UTF-8 (often with BOM) or GBK/GB18030 (a superset of GBK).
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise error("无法识别文件编码，请另存为 UTF-8 编码的 CSV 文件", "file")


def csv_delimiter(text: str) -> str:
    # Copying from a spreadsheet gives tabs; a comma anywhere in the header means a real CSV.
    first_line = text.split("\n", 1)[0]
    return "\t" if "\t" in first_line and "," not in first_line else ","


def map_header(table: Table, lookup: Mapping[str, str], *, error: type[DomainError] = ImportFileError) -> None:
    """Map each known header to its field; unknown ones are listed, a field named twice is an error."""
    for index, name in enumerate(table.header):
        key = lookup.get(normalize_header(name))
        if key is None:
            if name:
                table.ignored.append(name)
        elif key in table.columns:
            raise error(f"第 1 行：“{name}”列与“{table.column_name(key)}”列重复", "file")
        else:
            table.columns[key] = index


def require_columns(table: Table, required: Mapping[str, str], *, error: type[DomainError] = ImportFileError) -> None:
    """Every field of ``required`` (field → Chinese column name) must have a column; all missing ones named."""
    missing = [label for name, label in required.items() if name not in table.columns]
    if missing:
        raise error(f"第 1 行：缺少“{'”“'.join(missing)}”列（可下载模板查看列名）", "file")


def read_csv(data: bytes | str, lookup: Mapping[str, str], *, max_rows: int | None = None,
             error: type[DomainError] = ImportFileError) -> Table:
    """Split a CSV into header and rows and map its columns; file problems raise ``error``."""
    text = decode_text(data, error=error) if isinstance(data, bytes) else data.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        raise error("文件是空的", "file") from None
    except csv.Error as exc:
        raise error(f"第 1 行：CSV 格式错误（{exc}）", "file") from None
    table = Table(header=[h.strip().lstrip("\ufeff") for h in header], rows=[])
    map_header(table, lookup, error=error)
    try:
        for cells in reader:
            if any(c.strip() for c in cells):  # blank lines are not rows people meant
                table.rows.append((reader.line_num, cells))
                if max_rows is not None and len(table.rows) > max_rows:
                    raise _too_many_rows(max_rows, error)
    except csv.Error as exc:
        raise error(f"第 {reader.line_num} 行：CSV 格式错误（{exc}）", "file") from None
    return table


# --- XLSX ------------------------------------------------------------------------------------


def _number_text(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def cell_text(value: object, number_format: str = "General") -> str:
    """What a user typed into an XLSX cell, as text (``None`` → "")."""
    if value is None:
        return ""
    if isinstance(value, bool):  # before numbers: a bool is an int
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        if value.date() == EXCEL_EPOCH:  # a time-only cell, which Excel stores on its epoch day
            return value.strftime("%H:%M")
        return value.date().isoformat() if value.time() == dt.time(0) else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, int | float):
        if "%" in (number_format or ""):  # a 百分比 cell holds 0.85 and shows 85%
            return _number_text(round(value * 100, 6)) + "%"
        return _number_text(value)
    return str(value).strip()


def _xlsx_rows(data: bytes, error: type[DomainError]) -> Iterator[list[str]]:
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise error(f"无法读取 XLSX 文件（{type(exc).__name__}），请用 Excel 或 WPS 另存为 .xlsx 或 CSV 后再试",
                    "file") from None
    try:
        sheet = book.worksheets[0]
        for row in sheet.iter_rows():
            yield [cell_text(getattr(c, "value", None), getattr(c, "number_format", "General")) for c in row]
    finally:
        book.close()


def read_xlsx(data: bytes, lookup: Mapping[str, str], *, max_rows: int | None = None,
              error: type[DomainError] = ImportFileError) -> Table:
    """The first sheet of an XLSX workbook as a ``Table`` (header on row 1)."""
    rows = _xlsx_rows(data, error)
    header = next(rows, None)
    if header is None or not any(header):
        raise error("文件是空的（第一个工作表第 1 行应为列名）", "file")
    while header and not header[-1]:  # Excel often reports trailing empty header cells
        header.pop()
    table = Table(header=header, rows=[])
    map_header(table, lookup, error=error)
    for line, cells in enumerate(rows, start=2):
        if any(cells):
            table.rows.append((line, cells))
            if max_rows is not None and len(table.rows) > max_rows:
                raise _too_many_rows(max_rows, error)
    return table


def read_table(data: bytes, lookup: Mapping[str, str], *, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS,
               error: type[DomainError] = ImportFileError) -> Table:
    """A CSV or XLSX file (told apart by its first bytes, not its name) as a ``Table``, limits checked first."""
    check_size(len(data), max_bytes=max_bytes, error=error)
    if data.startswith(XLS_MAGIC):
        raise error("这是旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后再导入", "file")
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data, lookup, max_rows=max_rows, error=error)
    return read_csv(data, lookup, max_rows=max_rows, error=error)


# --- one cell ----------------------------------------------------------------------------------


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


@functools.lru_cache(maxsize=4096)  # a file repeats the same few hundred dates; the regex is the row's costliest step
def parse_date(value: str) -> dt.date:
    """``2026-11-20``, ``2026/11/20``, ``2026.11.20`` or ``2026年11月20日``; else ``ValueError``."""
    match = _DATE_RE.match(value.strip())
    if not match:
        raise ValueError(value)
    return dt.date(*(int(g) for g in match.groups()))


def parse_time(value: str) -> dt.time:
    """``9:30``, ``09:30:00``, ``9：30`` or ``9点30分``; else ``ValueError``."""
    match = _TIME_RE.match(value.strip())
    if not match:
        raise ValueError(value)
    return dt.time(int(match[1]), int(match[2]))
