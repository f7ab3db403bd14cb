"""``classics district``: the city's list of districts and counties (区县) that every district field must name."""

from __future__ import annotations

import click

from curriculum.cli.common import echo_json, fail, session_scope
from curriculum.districts import create_district, list_districts
from curriculum.errors import DomainError
from curriculum.models.district import DISTRICT_NAME_MAX, DistrictCreate


@click.group("district")
def district() -> None:
    """区县列表：学校、诵读点、活动和培训只能填写列表中的区县。"""


@district.command("list")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def list_command(as_json: bool) -> None:
    """列出本市全部区县。"""
    with session_scope() as session:
        names = list_districts(session=session)
    if as_json:
        echo_json(names)
    else:
        click.echo("\n".join(names) if names else "（尚未登记任何区县）")


@district.command("add")
@click.argument("names", nargs=-1, required=True)
def add_command(names: tuple[str, ...]) -> None:
    """登记一个或多个区县（如：classics district add 源汇区 郾城区）。"""
    for name in names:
        if not name.strip() or len(name.strip()) > DISTRICT_NAME_MAX:
            fail(f"未登记：区县名称“{name}”应为 1 到 {DISTRICT_NAME_MAX} 个字")
    with session_scope() as session:
        try:
            for name in names:
                create_district(DistrictCreate(name=name.strip()), session=session)
        except DomainError as err:
            fail(f"未登记：{err}")
        session.commit()
    click.echo(f"已登记 {len(names)} 个区县：{'、'.join(names)}")


COMMANDS = [district]
