"""Templates for the participation imports: the columns, two example rows and the rules, as CSV or XLSX.

A template is what a school fills in, so it reads back through the import
unchanged: the header uses the import's Chinese column names (required ones
marked “*”, which the reader ignores), and the CSV carries a BOM so Excel
opens it as UTF-8 rather than as GBK mojibake. The XLSX has a second sheet,
“填写说明”, with one line per column.
"""

from __future__ import annotations

import csv
import io

from curriculum.imports import attendance, sessions
from curriculum.imports.common import MAX_BYTES_TEXT, MAX_ROWS_TEXT
from curriculum.vocab import ATTENDANCE_ROLES

KINDS = ("sessions", "attendance")
TITLES = {"sessions": "班级诵读记录", "attendance": "活动到场人数"}
FILE_NAMES = {"sessions": "班级诵读记录模板", "attendance": "活动到场人数模板"}

_COLUMNS = {
    "sessions": [
        ("school", True, "学校名称，须与系统中的完全一致"),
        ("class", True, "班级名称，如“三年级（2）班”（括号全角半角均可）"),
        ("date", True, "上课日期，如 2026-09-01 或 2026/9/1；不能晚于今天"),
        ("slot", False, "第几节（1、2…），不填为第 1 节；同一天有加课时填写"),
        ("done", False, "是 / 否，不填视为“是”；填“否”会把该课改回未完成"),
        ("minutes", False, f"诵读分钟数，0–{sessions.MAX_MINUTES} 的整数；不填则保留计划分钟数"),
        ("pass_rate", False, "背诵通过率，0–100 的百分数，如 85 或 85%；不填则保留原值"),
    ],
    "attendance": [
        ("point", True, "诵读点名称，须与系统中的完全一致"),
        ("event", True, "活动名称（活动日历中的标题）"),
        ("date", True, "活动日期，如 2026-10-17；不能晚于今天"),
        ("start", False, "开始时间，如 09:30；同一活动同一天有多场时必填"),
        ("role", True, f"身份：{'、'.join(ATTENDANCE_ROLES.values())}；每种身份一行"),
        ("count", True, f"到场人数，0–{attendance.MAX_COUNT:,} 的整数"),
        ("duration", False, "实际时长（分钟），同一场各行须相同；不填则用已记录的或计划的时长"),
    ],
}
_EXAMPLES = {
    "sessions": [
        ["源汇区实验小学", "三年级（2）班", "2026-09-01", "1", "是", "30", "85%"],
        ["源汇区实验小学", "三年级（2）班", "2026-09-02", "", "是", "35", "92"],
    ],
    "attendance": [
        ["老街社区诵读点", "周末公益诵读", "2026-09-05", "09:00", "学生", "18", "60"],
        ["老街社区诵读点", "周末公益诵读", "2026-09-05", "09:00", "家长", "12", "60"],
    ],
}


def _labels(kind: str) -> dict[str, str]:
    return sessions.LABELS if kind == "sessions" else attendance.LABELS


def header(kind: str) -> list[str]:
    """The template's header: the Chinese column names, required ones marked “*”."""
    labels = _labels(kind)
    return [labels[name] + ("*" if required else "") for name, required, _ in _COLUMNS[kind]]


def notes(kind: str) -> list[tuple[str, str]]:
    """(column, how to fill it) for every column, then the rules of the whole file."""
    labels = _labels(kind)
    rows = [(labels[name] + ("（必填）" if required else ""), note) for name, required, note in _COLUMNS[kind]]
    rows += [
        ("整个文件", "任何一行有错误时整个文件都不导入；错误报告会列出行号、列名和问题"),
        ("重复导入", "同一文件再次导入不会改动任何数据；改正后的行会覆盖原有记录"),
        ("上限", f"文件不超过 {MAX_BYTES_TEXT}、{MAX_ROWS_TEXT}；支持 CSV（UTF-8 或 GBK）和 XLSX"),
    ]
    return rows


def template_csv(kind: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header(kind))
    writer.writerows(_EXAMPLES[kind])
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(kind: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = TITLES[kind]
    sheet.append(header(kind))
    for row in _EXAMPLES[kind]:
        # Numbers as numbers, so a school typing more rows gets Excel's usual behaviour.
        sheet.append([int(v) if v.isdigit() else v for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter in "ABCDEFG":
        sheet.column_dimensions[letter].width = 18
    sheet.freeze_panes = "A2"
    help_sheet = book.create_sheet("填写说明")
    help_sheet.append(["列", "填写说明"])
    for row in notes(kind):
        help_sheet.append(list(row))
    help_sheet.column_dimensions["A"].width = 20
    help_sheet.column_dimensions["B"].width = 80
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
