"""``classics festivals``: the festival dates, themes and suggested texts of a year."""

from __future__ import annotations

import click

from curriculum.cli.common import echo_json, fail
from curriculum.festivals import FestivalRangeError, festivals_for_year
from curriculum.vocab import FESTIVAL_KINDS, WEEKDAY_LABELS


@click.command("festivals")
@click.argument("year", type=int)
@click.option("--json", "as_json", is_flag=True,
              help="以 JSON 输出（每个节日一行：key、name、date、kind、theme、texts）。")
def festivals(year: int, as_json: bool) -> None:
    """列出 YEAR 年（1901–2099）的节日日期、诵读主题和推荐篇目。"""
    try:
        found = festivals_for_year(year)
    except FestivalRangeError as err:
        fail(str(err))
    if as_json:
        echo_json([f.as_dict() for f in found])
        return
    click.echo(f"{year} 年节日诵读")
    for f in found:
        weekday = WEEKDAY_LABELS[f.date.weekday()]
        kind = FESTIVAL_KINDS[f.kind]
        click.echo(f"{f.date.isoformat()} {weekday}  {f.name}（{kind}）  {f.theme}  篇目：{', '.join(f.texts)}")


COMMANDS = [festivals]
