"""Accounts: slow hashes, sign-in that gives nothing away and slows down guessing, scoped grants, the CLI."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from curriculum.accounts.service import (
    MAX_FAILURES_PER_ACCOUNT,
    AccountError,
    SignInRefused,
    authenticate,
    create_account,
    find_account,
    grant,
    new_account,
    set_active,
)
from curriculum.cli import main
from curriculum.errors import DomainError
from curriculum.models.account import AccountGrantCreate
from curriculum.models.calendar import School

NOW = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
PASSWORD = "诵读-2026-春"


@pytest.fixture
def teacher(session):
    school = School(name="郾城区实验小学")
    session.add(school)
    session.flush()
    account = create_account(new_account("wang", PASSWORD, "王老师"), session=session)
    grant(account.id, AccountGrantCreate(role="teacher", school_id=school.id), session=session)
    session.commit()
    return account, school


def test_the_password_is_stored_as_an_argon2_hash_only(session, teacher):
    account, _ = teacher
    assert account.password_hash.startswith("$argon2id$")
    assert PASSWORD not in account.password_hash


def test_sign_in_returns_the_user_with_their_scoped_role(session, teacher):
    account, school = teacher
    user = authenticate("wang", PASSWORD, session=session, address="10.0.0.1", now=NOW)
    assert (user.id, user.display_name, user.roles) == (account.id, "王老师", frozenset({"teacher"}))
    assert user.grants[0].school_id == school.id
    assert not user.has_role("bureau")


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(session, teacher):
    with pytest.raises(SignInRefused) as wrong:
        authenticate("wang", "not-the-password", session=session, now=NOW)
    with pytest.raises(SignInRefused) as unknown:
        authenticate("nobody", PASSWORD, session=session, now=NOW)
    assert str(wrong.value) == str(unknown.value) == "用户名或密码不正确，或账号已停用"


def test_repeated_failures_lock_the_account_for_a_while_even_with_the_right_password(session, teacher):
    for _ in range(MAX_FAILURES_PER_ACCOUNT):
        with pytest.raises(SignInRefused):
            authenticate("wang", "guess-guess", session=session, address="10.0.0.9", now=NOW)
    with pytest.raises(SignInRefused, match="失败次数过多"):
        authenticate("wang", PASSWORD, session=session, address="10.0.0.1", now=NOW + dt.timedelta(minutes=1))
    later = NOW + dt.timedelta(minutes=16)
    assert authenticate("wang", PASSWORD, session=session, now=later).username == "wang"


def test_a_disabled_account_cannot_sign_in(session, teacher):
    account, _ = teacher
    set_active(account.id, False, session=session)
    with pytest.raises(SignInRefused):
        authenticate("wang", PASSWORD, session=session, now=NOW)


def test_grants_name_their_scope_and_refuse_missing_ones(session, teacher):
    account, _ = teacher
    with pytest.raises(AccountError, match="教师要指定所属学校") as err:
        grant(account.id, AccountGrantCreate(role="teacher"), session=session)
    assert err.value.field == "school_id"
    with pytest.raises(DomainError, match="学校（编号 999）不存在"):
        grant(account.id, AccountGrantCreate(role="teacher", school_id=999), session=session)


def test_weak_input_is_refused_in_chinese():
    with pytest.raises(AccountError, match="密码：至少 8 个字符"):
        new_account("li", "short")
    with pytest.raises(AccountError, match="过于简单"):
        new_account("li", "aaaaaaaaaa")
    with pytest.raises(AccountError, match="用户名"):
        new_account("a b", PASSWORD)


def test_cli_adds_lists_and_disables_accounts_without_showing_passwords(app_env):
    runner = CliRunner()
    added = runner.invoke(main, ["user", "add", "admin", "--role", "admin", "--password-stdin"],
                          input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    listed = runner.invoke(main, ["user", "list"]).output
    assert "admin" in listed and "管理员" in listed and PASSWORD not in listed and "argon2" not in listed
    weak = runner.invoke(main, ["user", "add", "li", "--role", "admin", "--password-stdin"], input="123\n")
    assert weak.exit_code == 1 and "未添加：密码" in weak.output
    assert runner.invoke(main, ["user", "disable", "admin"]).exit_code == 0
    assert "（已停用）" in runner.invoke(main, ["user", "list"]).output
    teacher = runner.invoke(main, ["user", "add", "zhao", "--role", "teacher", "--password-stdin"],
                            input=PASSWORD + "\n")
    assert teacher.exit_code == 1 and "教师要指定所属学校" in teacher.output
    assert "Traceback" not in teacher.output


def test_find_account_ignores_surrounding_spaces(session, teacher):
    assert find_account(" wang ", session=session).display_name == "王老师"
