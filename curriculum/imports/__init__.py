"""Participation imports: class-session records and event attendance from CSV or XLSX files.

* ``tables`` — any spreadsheet file into located text rows (CSV in UTF-8,
  UTF-8 with BOM or GBK; XLSX), with the size and row limits; shared with
  the online-metrics import in ``curriculum.outreach.online_csv``.
* ``common`` — cell readers that report at their column, the ``ImportReport``.
* ``sessions`` — 班级诵读记录: (学校, 班级, 日期[, 节次]) → done, minutes, pass rate.
* ``attendance`` — 活动到场人数: (诵读点, 活动, 日期[, 开始时间], 身份) → count, duration.
* ``templates`` — the downloadable CSV and XLSX templates.

Every import checks every row first and writes only when the whole file is
valid, in one transaction; importing the same file again changes nothing.
File problems raise ``ImportFileError`` (a ``DomainError``); row problems
are listed in the report, each naming its row, column and problem in Chinese.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from curriculum.imports.tables import ImportFileError, RowError

if TYPE_CHECKING:
    from sqlmodel import Session

    from curriculum.imports.common import ImportReport

KINDS = {"sessions": "班级诵读记录", "attendance": "活动到场人数"}

__all__ = ["KINDS", "ImportFileError", "RowError", "import_file"]


def import_file(kind: str, data: bytes, *, session: Session, dry_run: bool = False) -> ImportReport:
    """Check (and unless ``dry_run``, write) a file of ``kind`` ("sessions" or "attendance")."""
    # Imported here: the page and the CLI need only this function, the modules load the models.
    from curriculum.imports import attendance, sessions

    if kind == "sessions":
        return sessions.import_sessions(data, session=session, dry_run=dry_run)
    if kind == "attendance":
        return attendance.import_attendance(data, session=session, dry_run=dry_run)
    raise ValueError(f"unknown import kind {kind!r}")
