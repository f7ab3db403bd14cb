"""What the participation imports share: rows that report at their columns, cell readers, the report.

Each import (``sessions``, ``attendance``) reads its file with
``tables.read_table``, checks every row through a ``Row`` and returns an
``ImportReport``: the errors (all of them, row by row), and — when there are
none — how many rows change the database and how many are already as the
file says. The writers refuse a report with errors, so a file is imported
whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from curriculum.imports.tables import MAX_BYTES, MAX_ROWS, RowError, Table, parse_date, parse_time

# Parameters per IN list: well under SQLite's 32,766 and PostgreSQL's 65,535 bind limits.
CHUNK = 500
MAX_ROWS_TEXT = f"{MAX_ROWS:,} 行"
MAX_BYTES_TEXT = f"{MAX_BYTES // 1024 // 1024} 兆字节"
ERROR_LIMIT = 1_000  # a file of 100,000 bad rows is reported by its first thousand problems

_TRUE = {"是", "完成", "已完成", "y", "yes", "true", "1", "√", "✓", "✔", "对"}
_FALSE = {"否", "未完成", "没完成", "n", "no", "false", "0", "×", "✗", "✘", "x", "不"}


def chunks(values: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for k in range(0, len(values), size):
        yield values[k : k + size]


@dataclass
class Row:
    """One row of the file: its cells by field, and the errors found so far at their columns."""

    table: Table
    line: int
    cells: list[str]
    errors: list[RowError] = field(default_factory=list)

    def cell(self, name: str) -> str:
        index = self.table.columns.get(name)
        return self.cells[index].strip() if index is not None and index < len(self.cells) else ""

    def error(self, name: str, message: str) -> None:
        """Report ``message`` at field ``name``'s column ("" for the whole row)."""
        self.errors.append(RowError(self.line, self.table.column_name(name), message))

    # --- cell readers: the value, or None with the problem reported at the cell's column ---

    def text(self, name: str, label: str) -> str | None:
        value = self.cell(name)
        if not value:
            self.error(name, f"{label}不能为空")
            return None
        return value

    def date(self, name: str, *, today: dt.date) -> dt.date | None:
        raw = self.cell(name)
        if not raw:
            self.error(name, "日期不能为空")
            return None
        try:
            day = parse_date(raw)
        except ValueError:
            self.error(name, f"日期格式不对，读到“{raw}”（例如 2026-10-09 或 2026/10/9）")
            return None
        if day > today:
            self.error(name, f"{day:%Y-%m-%d} 在今天（{today:%Y-%m-%d}）之后，不能导入还没发生的记录")
            return None
        return day

    def time(self, name: str) -> dt.time | None:
        raw = self.cell(name)
        if not raw:
            return None
        try:
            return parse_time(raw)
        except ValueError:
            self.error(name, f"时间格式不对，读到“{raw}”（例如 09:30）")
            return None

    def integer(self, name: str, label: str, low: int, high: int, *, required: bool = False) -> int | None:
        """An integer in ``low``–``high`` (``30``, ``30.0``, ``1,200``); blank is ``None`` unless required."""
        raw = self.cell(name).replace(",", "").replace("，", "")
        if not raw:
            if required:
                self.error(name, f"{label}不能为空")
            return None
        try:
            number = Decimal(raw)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number != number.to_integral_value():
            self.error(name, f"{label}应为整数，读到“{raw}”")
            return None
        if not low <= number <= high:
            self.error(name, f"{label}应在 {low}–{high} 之间，读到 {int(number)}")
            return None
        return int(number)

    def yes_no(self, name: str, label: str, default: bool) -> bool | None:
        raw = self.cell(name)
        if not raw:
            return default
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        self.error(name, f"{label}应填“是”或“否”，读到“{raw}”")
        return None

    def percent(self, name: str, label: str) -> float | None:
        """A share 0–100 % as a fraction: ``85``, ``85%``, ``85.5 %`` → 0.85, 0.855; blank → ``None``.

        A bare number strictly between 0 and 1 is refused: ``0.85`` is far
        more likely 85 % typed as a fraction than 0.85 %, and guessing either
        way would store a wrong rate without anyone noticing.
        """
        raw = self.cell(name).replace("％", "%").replace(" ", "")
        if not raw:
            return None
        text = raw[:-1] if raw.endswith("%") else raw
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            self.error(name, f"{label}应为 0–100 的百分数（例如 85 或 85%），读到“{raw}”")
            return None
        if not raw.endswith("%") and 0 < number < 1:
            self.error(name, f"{label}“{raw}”不明确：请写成百分数，例如 85 或 85%")
            return None
        if not 0 <= number <= 100:
            self.error(name, f"{label}应在 0–100% 之间，读到“{raw}”")
            return None
        return float(number) / 100


@dataclass
class ImportReport:
    """The outcome of checking (and, without errors, of writing) one file.

    ``changed`` counts rows that change the database (updates and inserts),
    ``unchanged`` rows already as the file says — importing the same file
    again gives ``changed == 0``. ``written`` is True once the changes are committed.
    """

    kind: str  # "sessions" | "attendance"
    total: int
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    updated: int = 0
    inserted: int = 0
    unchanged: int = 0
    written: bool = False
    truncated: bool = False  # more errors than ``ERROR_LIMIT`` were found; only the first are listed

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})

    @property
    def changed(self) -> int:
        return self.updated + self.inserted

    def add_errors(self, errors: list[RowError]) -> None:
        room = ERROR_LIMIT - len(self.errors)
        if len(errors) > room:
            self.truncated = True
        self.errors.extend(errors[: max(room, 0)])

    def summary(self) -> str:
        """One Chinese sentence: what was (or would be) done, or why nothing was."""
        if self.errors:
            more = f"（只列出前 {ERROR_LIMIT:,} 个问题）" if self.truncated else ""
            some = " 至少 " if self.truncated else " "
            return (f"共 {self.total:,} 行，其中{some}{self.bad_rows:,} 行有错误{more}；"
                    "整个文件未导入，请改正后重新导入。")
        verb = "已" if self.written else "将"
        parts = [f"{verb}更新 {self.updated:,} 行"]
        if self.kind == "attendance":
            parts.append(f"{verb}新增 {self.inserted:,} 行")
        parts.append(f"{self.unchanged:,} 行与已有数据相同（未改动）")
        return f"共 {self.total:,} 行：" + "，".join(parts) + "。"
