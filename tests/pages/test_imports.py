"""数据导入 page: templates offered, a bad file reported row by row and not imported, a good one imported once."""

import datetime as dt
from pathlib import Path

from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from curriculum.db import make_engine
from curriculum.imports.templates import template_xlsx
from tests.imports import bulk

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "imports.py")


def _run():
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _seed(url) -> list[tuple[str, str, dt.date]]:
    engine = make_engine(url)
    with Session(engine) as session:
        keys = bulk.seed(session, schools=1, classes=2, days=3)
    engine.dispose()
    return keys


def test_both_tabs_offer_templates(app_env, download_names):
    at = _run()
    assert [t.label for t in at.tabs] == ["班级诵读记录", "活动到场人数"]
    assert "班级诵读记录模板.xlsx" in download_names and "活动到场人数模板.csv" in download_names


def test_bad_file_is_reported_by_row_and_column_and_not_imported(app_env):
    school, klass, day = _seed(app_env)[0]
    text = f"学校,班级,日期,诵读分钟数\n{school},{klass},{day},30\n{school},{klass},{day},999\n"
    at = _run()
    at.file_uploader(key="imp_sessions_file").set_value(("记录.csv", text.encode("gbk"), "text/csv")).run()
    assert not at.exception
    assert any("整个文件未导入" in e.value for e in at.error)
    errors = next(df.value for df in at.dataframe if "问题" in df.value.columns)
    assert errors.to_dict("records") == [{"行": 3, "列": "诵读分钟数", "问题": "诵读分钟数应在 0–240 之间，读到 999"}]
    assert not [b for b in at.button if b.key == "imp_sessions_confirm"]


def test_valid_file_is_checked_then_imported_and_a_second_import_changes_nothing(app_env):
    keys = _seed(app_env)
    text = "学校,班级,日期,是否完成,诵读分钟数\n" + "".join(f"{s},{c},{d},是,35\n" for s, c, d in keys)
    at = _run()
    at.file_uploader(key="imp_sessions_file").set_value(("记录.csv", text.encode(), "text/csv")).run()
    assert any("检查通过" in s.value and "将更新 6 行" in s.value for s in at.success)
    at.button(key="imp_sessions_confirm").click().run()
    assert not at.exception
    assert any("已更新 6 行" in s.value for s in at.success)
    # The same file still uploaded: nothing left to change, the button is off.
    assert any("6 行与已有数据相同" in s.value for s in at.success)
    assert at.button(key="imp_sessions_confirm").disabled


def test_a_file_that_is_not_a_table_is_explained(app_env):
    at = _run()
    at.file_uploader(key="imp_attendance_file").set_value(("x.xlsx", b"PK\x03\x04junk", XLSX_MIME)).run()
    assert any("x.xlsx" in e.value and "无法读取 XLSX 文件" in e.value for e in at.error)
    at.file_uploader(key="imp_attendance_file").set_value(("t.xlsx", template_xlsx("attendance"), XLSX_MIME)).run()
    assert any("找不到诵读点" in problem for problem in at.dataframe[0].value["问题"])
