"""``classics user``: accounts for scripts and admins — add, list, disable, change password, grant a role."""

from __future__ import annotations

import sys

import click

from curriculum.accounts.service import (
    check_password,
    create_account,
    find_account,
    grant,
    list_accounts,
    new_account,
    set_active,
    set_password,
)
from curriculum.cli.common import echo_json, fail, session_scope
from curriculum.errors import DomainError
from curriculum.models.account import AccountGrantCreate
from curriculum.vocab import ACCOUNT_ROLES

_scope_options = [
    click.option("--school", "school_id", type=click.IntRange(1, 2**31 - 1), help="教师所属学校编号。"),
    click.option("--point", "point_id", type=click.IntRange(1, 2**31 - 1), help="诵读点负责人所管诵读点编号。"),
    click.option("--district", help="教育局账号所管区县（不填为全市）。"),
]


def _scope(func):
    for option in reversed(_scope_options):
        func = option(func)
    return func


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt("密码", hide_input=True, confirmation_prompt="再输入一次密码")


def _account_id(username: str, session) -> int:
    account = find_account(username, session=session)
    if account is None:
        fail(f"没有用户“{username}”。")
    return account.id


@click.group("user")
def user() -> None:
    """账号：添加、列出、停用、改密码、授予角色。"""


@user.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(list(ACCOUNT_ROLES)), required=True, help="角色。")
@click.option("--name", "display_name", default="", help="显示名称（如真实姓名）。")
@click.option("--password-stdin", is_flag=True, help="从标准输入读一行作为密码（供脚本使用）。")
@_scope
def add_command(username, role, display_name, password_stdin, school_id, point_id, district) -> None:
    """添加账号并授予一个角色（不带 --password-stdin 时提示输入密码）。"""
    try:
        data = new_account(username, _read_password(password_stdin), display_name)
        with session_scope() as session:
            account = create_account(data, session=session)
            grant(account.id, AccountGrantCreate(role=role, school_id=school_id, point_id=point_id,
                                                 district=district), session=session)
            session.commit()
    except DomainError as err:
        fail(f"未添加：{err}")
    click.echo(f"已添加账号“{data.username}”（{ACCOUNT_ROLES[role]}）。")


@user.command("list")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def list_command(as_json: bool) -> None:
    """列出全部账号及其角色（不显示密码）。"""
    with session_scope() as session:
        rows = list_accounts(session=session)
    if as_json:
        echo_json([r.__dict__ for r in rows])
        return
    for r in rows:
        state = "" if r.active else "（已停用）"
        click.echo(f"{r.username}{state}  {r.display_name}  {'、'.join(r.grants) or '无角色'}")


@user.command("disable")
@click.argument("username")
def disable_command(username: str) -> None:
    """停用账号（保留记录，不能再登录）。"""
    with session_scope() as session:
        set_active(_account_id(username, session), False, session=session)
        session.commit()
    click.echo(f"已停用“{username}”。")


@user.command("passwd")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="从标准输入读一行作为新密码。")
def passwd_command(username: str, password_stdin: bool) -> None:
    """修改账号的密码。"""
    try:
        password = check_password(_read_password(password_stdin))
        with session_scope() as session:
            set_password(_account_id(username, session), password, session=session)
            session.commit()
    except DomainError as err:
        fail(f"未修改：{err}")
    click.echo(f"已修改“{username}”的密码。")


@user.command("grant")
@click.argument("username")
@click.argument("role", type=click.Choice(list(ACCOUNT_ROLES)))
@_scope
def grant_command(username, role, school_id, point_id, district) -> None:
    """给账号再授予一个角色（如：classics user grant 王老师 teacher --school 3）。"""
    try:
        with session_scope() as session:
            grant(_account_id(username, session), AccountGrantCreate(
                role=role, school_id=school_id, point_id=point_id, district=district), session=session)
            session.commit()
    except DomainError as err:
        fail(f"未授予：{err}")
    click.echo(f"已授予“{username}”：{ACCOUNT_ROLES[role]}。")


COMMANDS = [user]
