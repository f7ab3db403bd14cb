"""The ``classics`` command: the domain core for admins and scripts.

Each command group lives in its own module of this package and is registered
here, so ``classics --help`` lists every subcommand.
"""

from __future__ import annotations

import click
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError

from curriculum.cli import (
    bench_cmd,
    calendar_cmd,
    catalog_cmd,
    community_cmd,
    corpus_cmd,
    dashboard_cmd,
    db_cmd,
    district_cmd,
    festivals_cmd,
    i18n,
    import_cmd,
    outreach_cmd,
    pinyin_cmd,
    plan_cmd,
    seed_cmd,
    user_cmd,
)
from curriculum.cli.common import fail
from curriculum.db import describe_database_error
from curriculum.errors import DomainError, from_validation_error

i18n.install()  # click's own words (Usage, Options, errors) in Chinese


class _Classics(click.Group):
    """The command group; a refusal from the core or the database ends a command with its Chinese message."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DomainError as err:
            fail(str(err))
        except ValidationError as err:  # input that skipped ``validated``: still Chinese, still no traceback
            fail(str(from_validation_error(err)))
        except DBAPIError as err:
            fail(describe_database_error(err))


@click.group(cls=_Classics, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="classics-planner", prog_name="classics")
def main() -> None:
    """经典诵读规划命令行工具：书目检查、节日、教学计划、数据导入与演示数据。"""


for _module in (
    catalog_cmd,
    corpus_cmd,
    pinyin_cmd,
    festivals_cmd,
    calendar_cmd,
    plan_cmd,
    community_cmd,
    outreach_cmd,
    dashboard_cmd,
    import_cmd,
    district_cmd,
    db_cmd,
    seed_cmd,
    user_cmd,
    bench_cmd,
):
    for _command in _module.COMMANDS:
        main.add_command(_command)
