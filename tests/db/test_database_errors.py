"""A database that cannot be used gives a Chinese message naming the problem — no traceback, no URL, no password."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from curriculum.cli import main
from curriculum.db import DatabaseUnavailable, make_engine
from curriculum.settings import get_settings

SECRET = "s3cret-pw"


@pytest.fixture
def with_url(monkeypatch):
    def _set(url: str):
        monkeypatch.setenv("CLASSICS_DATABASE_URL", url)
        get_settings.cache_clear()

    yield _set
    get_settings.cache_clear()


def _cli_fails(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and SECRET not in result.output
    return result.output


@pytest.mark.parametrize("url,message", [
    (f"mysql://root:{SECRET}@localhost/x", "不支持的数据库类型“mysql”"),
    ("not a url at all", "数据库地址格式不对"),
    (f"postgresql+psycopg://postgres:{SECRET}@127.0.0.1:1/test", "无法连接数据库服务器"),
])
def test_bad_urls_and_a_server_that_is_down(with_url, url, message):
    with_url(url)
    assert message in _cli_fails("db", "upgrade")


def test_a_damaged_sqlite_file(with_url, tmp_path):
    damaged = tmp_path / "classics.db"
    damaged.write_bytes(b"this is not a database" * 100)
    with_url(f"sqlite:///{damaged}")
    assert "数据库文件已损坏" in _cli_fails("db", "upgrade")
    assert "数据库文件已损坏" in _cli_fails("db", "status")  # a command that does not migrate first


def test_make_engine_refuses_unsupported_back_ends_before_connecting():
    with pytest.raises(DatabaseUnavailable, match="只支持 SQLite 与 PostgreSQL") as err:
        make_engine("oracle://scott:tiger@db/orcl")
    assert err.value.field == "database_url"
