"""The ``classics`` command speaks Chinese, click's own words included."""

from click.testing import CliRunner

from curriculum.cli import main


def test_help_headings_are_chinese():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert result.output.startswith("用法：")
    assert "显示本帮助并退出。" in result.output and "子命令" in result.output
    assert "Show this message" not in result.output


def test_usage_errors_are_chinese():
    result = CliRunner().invoke(main, ["plan", "--stage", "junior"])
    assert result.exit_code == 2
    assert "错误：缺少选项 '--start'" in result.output
    unknown = CliRunner().invoke(main, ["nope"])
    assert "没有子命令 'nope'" in unknown.output


def test_extra_arguments_are_named_in_chinese():
    result = CliRunner().invoke(main, ["db", "upgrade", "extra"])
    assert "多余的参数" in result.output
