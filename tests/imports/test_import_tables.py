"""The shared spreadsheet reader: encodings, XLSX cells as typed text, limits, header aliases."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from curriculum.imports import tables
from curriculum.imports.tables import ImportFileError, cell_text, header_lookup, read_table

LOOKUP = header_lookup({"school": ("学校",), "minutes": ("诵读分钟数", "时长(分钟)"), "rate": ("通过率",)})
CSV = "学校,诵读分钟数,通过率\n甲小学,30,85%\n\n乙小学,25,90\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_every_encoding_excel_saves(encoding):
    table = read_table(CSV.encode(encoding), LOOKUP)
    assert table.columns == {"school": 0, "minutes": 1, "rate": 2}
    assert table.rows == [(2, ["甲小学", "30", "85%"]), (4, ["乙小学", "25", "90"])]  # blank line 3 skipped


def test_header_names_ignore_spaces_brackets_and_the_required_mark():
    table = read_table("学校*, 时长（分钟） ,备注\n甲,1,x\n".encode(), LOOKUP)
    assert table.columns == {"school": 0, "minutes": 1} and table.ignored == ["备注"]
    with pytest.raises(ImportFileError, match="第 1 行：“时长\\(分钟\\)”列与“诵读分钟数”列重复"):
        read_table("学校,诵读分钟数,时长(分钟)\n".encode(), LOOKUP)


def _xlsx(rows, formats=None) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for ref, fmt in (formats or {}).items():
        sheet[ref].number_format = fmt
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_cells_read_as_what_the_user_typed():
    data = _xlsx([["学校", "诵读分钟数", "通过率", "日期"],
                  ["甲小学", 30.0, 0.85, dt.datetime(2026, 9, 1)],
                  [None, None, None, None],
                  ["乙小学", 25, 90, dt.date(2026, 9, 2)]], formats={"C2": "0%"})
    table = read_table(data, LOOKUP)
    assert table.rows == [(2, ["甲小学", "30", "85%", "2026-09-01"]), (4, ["乙小学", "25", "90", "2026-09-02"])]
    assert table.ignored == ["日期"]


def test_cell_text_for_times_and_flags():
    assert cell_text(dt.time(9, 30)) == "09:30"
    assert cell_text(dt.datetime(1899, 12, 30, 7, 40)) == "07:40"
    assert cell_text(True) == "是" and cell_text(None) == ""


def test_limits_are_checked_before_reading(monkeypatch):
    with pytest.raises(ImportFileError, match="超过单次导入上限 1 兆字节"):
        read_table(b"x" * (1024 * 1024 + 1), LOOKUP, max_bytes=1024 * 1024)
    with pytest.raises(ImportFileError, match="文件超过 2 行数据"):
        read_table(("学校\n" + "甲\n" * 3).encode(), LOOKUP, max_rows=2)
    with pytest.raises(ImportFileError, match="文件超过 2 行数据"):
        read_table(_xlsx([["学校"], ["甲"], ["乙"], ["丙"]]), LOOKUP, max_rows=2)


@pytest.mark.parametrize("data, words", [
    (b"", "文件是空的"),
    (b"\xd0\xcf\x11\xe0rest", "旧版 Excel"),
    (b"PK\x03\x04not a zip", "无法读取 XLSX 文件"),
    ("学校\n\ud800".encode("utf-8", "surrogatepass"), "无法识别文件编码"),
])
def test_unreadable_files_say_why(data, words):
    with pytest.raises(ImportFileError, match=words):
        read_table(data, LOOKUP)


def test_outreach_keeps_its_own_error_on_the_shared_reader():
    from curriculum.outreach import OutreachError, online_csv

    with pytest.raises(OutreachError, match="文件是空的"):
        online_csv.read_csv_table(b"")
    assert online_csv.CsvTable is tables.Table
