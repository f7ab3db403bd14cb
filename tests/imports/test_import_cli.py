"""``classics import sessions|attendance|template`` (run through the group the lead registers in ``classics``)."""

from click.testing import CliRunner
from sqlmodel import Session

from curriculum.cli.import_cmd import COMMANDS, import_group
from curriculum.db import make_engine
from tests.imports import bulk


def _seed(url):
    engine = make_engine(url)
    with Session(engine) as session:
        keys = bulk.seed(session, schools=1, classes=1, days=2)
    engine.dispose()
    return keys


def test_sessions_import_reports_errors_and_writes_nothing_then_imports_once(app_env, tmp_path):
    assert [import_group] == COMMANDS
    (school, klass, d1), (_, _, d2) = _seed(app_env)
    path = tmp_path / "记录.csv"
    path.write_text(f"学校,班级,日期,是否完成,诵读分钟数\n{school},{klass},{d1},是,30\n{school},{klass},{d2},是,999\n",
                    encoding="gbk")
    bad = CliRunner().invoke(import_group, ["sessions", str(path)])
    assert bad.exit_code == 1
    assert "记录.csv 第 3 行“诵读分钟数”列：诵读分钟数应在 0–240 之间，读到 999" in bad.output
    assert "整个文件未导入" in bad.output

    path.write_text(f"学校,班级,日期,是否完成,诵读分钟数\n{school},{klass},{d1},是,30\n{school},{klass},{d2},是,40\n",
                    encoding="utf-8")
    dry = CliRunner().invoke(import_group, ["sessions", str(path), "--dry-run"])
    assert dry.exit_code == 0 and "检查通过（未写入" in dry.output and "将更新 2 行" in dry.output
    done = CliRunner().invoke(import_group, ["sessions", str(path)])
    assert done.exit_code == 0, done.output
    assert "已更新 2 行，0 行与已有数据相同" in done.output
    again = CliRunner().invoke(import_group, ["sessions", str(path)])
    assert "已更新 0 行，2 行与已有数据相同" in again.output


def test_file_problems_name_the_file(app_env, tmp_path):
    path = tmp_path / "到场.csv"
    path.write_text("诵读点,日期\n甲,2026-09-05\n", encoding="utf-8")
    result = CliRunner().invoke(import_group, ["attendance", str(path)])
    assert result.exit_code == 1 and "到场.csv：第 1 行：缺少“活动”“身份”“人数”列" in result.output


def test_template_command_writes_csv_and_xlsx(tmp_path):
    for name in ("模板.csv", "模板.xlsx"):
        result = CliRunner().invoke(import_group, ["template", "sessions", str(tmp_path / name)])
        assert result.exit_code == 0 and "已写出班级诵读记录模板" in result.output
    assert (tmp_path / "模板.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (tmp_path / "模板.xlsx").read_bytes().startswith(b"PK")
