"""Accounts: create, sign in, grant, disable, change passwords.

Passwords are hashed with argon2id (argon2-cffi's defaults), never stored or
logged. Sign-in answers the same for an unknown name and a wrong password, and
refuses further tries for a while after repeated failures for one account or
from one address, so guessing a password online takes years, not minutes.

References: OWASP Authentication and Password Storage cheat sheets (argon2id,
throttling per account and per source).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func
from sqlmodel import Session, select

from curriculum.districts import require_district
from curriculum.errors import DomainError, get_or_raise
from curriculum.models.account import (
    USERNAME_PATTERN,
    Account,
    AccountCreate,
    AccountGrant,
    AccountGrantCreate,
    SignInAttempt,
)
from curriculum.models.base import utcnow
from curriculum.models.calendar import School
from curriculum.models.community import ReadingPoint
from curriculum.vocab import ACCOUNT_ROLES

PASSWORD_MIN = 8
PASSWORD_MAX = 200
FAILURE_WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20

_HASHER = PasswordHasher()
# Verified against when the name is unknown, so both answers take as long.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


class AccountError(DomainError):
    """Invalid account input or a refused account action (Chinese message, field named)."""


class SignInRefused(AccountError):
    """Wrong name or password, a disabled account, or too many recent failures."""


@dataclass(frozen=True)
class Grant:
    role: str
    school_id: int | None = None
    point_id: int | None = None
    district: str | None = None

    @property
    def label(self) -> str:
        scope = (f"学校 {self.school_id}" if self.school_id else f"诵读点 {self.point_id}" if self.point_id
                 else self.district or ("全市" if self.role in ("bureau", "admin") else ""))
        return f"{ACCOUNT_ROLES[self.role]}（{scope}）" if scope else ACCOUNT_ROLES[self.role]


@dataclass(frozen=True)
class CurrentUser:
    """The signed-in person: plain data, kept in the page session, checked by the core."""

    id: int
    username: str
    display_name: str
    grants: tuple[Grant, ...]

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(g.role for g in self.grants)

    def has_role(self, role: str) -> bool:
        return role in self.roles or "admin" in self.roles


def check_username(username: str) -> str:
    name = (username or "").strip()
    if not re.match(USERNAME_PATTERN, name):
        raise AccountError("用户名：2 到 40 个字，只能用汉字、字母、数字和 _ . -", field="username")
    return name


def check_password(password: str) -> str:
    if not PASSWORD_MIN <= len(password or "") <= PASSWORD_MAX:
        raise AccountError(f"密码：至少 {PASSWORD_MIN} 个字符（最多 {PASSWORD_MAX} 个）", field="password")
    if password.strip() != password or len(set(password)) < 4:
        raise AccountError("密码：首尾不能有空格，且不能过于简单（至少 4 种不同字符）", field="password")
    return password


def new_account(username: str, password: str, display_name: str = "") -> AccountCreate:
    """The validated ``AccountCreate`` for raw input, with Chinese messages naming the field."""
    return AccountCreate(username=check_username(username), password=check_password(password),
                         display_name=(display_name or "").strip()[:60])


def find_account(username: str, *, session: Session) -> Account | None:
    return session.exec(select(Account).where(Account.username == username.strip())).first()


def get_account(account_id: int, *, session: Session) -> Account:
    return get_or_raise(session, Account, account_id, what="账号")


def create_account(data: AccountCreate, *, session: Session) -> Account:
    username = check_username(data.username)
    if find_account(username, session=session):
        raise AccountError(f"用户名“{username}”已被使用", field="username")
    account = Account(username=username, display_name=data.display_name,
                      password_hash=_HASHER.hash(check_password(data.password)))
    session.add(account)
    session.flush()
    return account


def set_password(account_id: int, password: str, *, session: Session) -> None:
    account = get_account(account_id, session=session)
    account.password_hash = _HASHER.hash(check_password(password))
    session.add(account)
    session.flush()


def set_active(account_id: int, active: bool, *, session: Session) -> Account:
    account = get_account(account_id, session=session)
    account.active = active
    session.add(account)
    session.flush()
    return account


def _check_scope(data: AccountGrantCreate) -> None:
    if data.role not in ACCOUNT_ROLES:
        raise AccountError(f"角色：未知“{data.role}”，可选：{'、'.join(ACCOUNT_ROLES)}", field="role")
    needs = {"teacher": ("school_id", "学校"), "leader": ("point_id", "诵读点")}
    if data.role in needs:
        field, what = needs[data.role]
        if getattr(data, field) is None:
            raise AccountError(f"{ACCOUNT_ROLES[data.role]}要指定所属{what}", field=field)


def _check_scope_exists(data: AccountGrantCreate, session: Session) -> None:
    if data.school_id is not None:
        get_or_raise(session, School, data.school_id, what="学校", field="school_id")
    if data.point_id is not None:
        get_or_raise(session, ReadingPoint, data.point_id, what="诵读点", field="point_id")
    require_district(data.district, session=session)


def grant(account_id: int, data: AccountGrantCreate, *, session: Session) -> AccountGrant:
    """Give ``account_id`` one role within one scope (given twice: the existing grant)."""
    get_account(account_id, session=session)
    _check_scope(data)
    _check_scope_exists(data, session)
    same = select(AccountGrant).where(
        AccountGrant.account_id == account_id, AccountGrant.role == data.role,
        AccountGrant.school_id == data.school_id if data.school_id else AccountGrant.school_id.is_(None),
        AccountGrant.point_id == data.point_id if data.point_id else AccountGrant.point_id.is_(None),
        AccountGrant.district == data.district if data.district else AccountGrant.district.is_(None),
    )
    if existing := session.exec(same).first():
        return existing
    row = AccountGrant(account_id=account_id, **data.model_dump())
    session.add(row)
    session.flush()
    return row


def current_user(account: Account, *, session: Session) -> CurrentUser:
    grants = session.exec(select(AccountGrant).where(AccountGrant.account_id == account.id)
                          .order_by(AccountGrant.id)).all()
    return CurrentUser(
        id=account.id, username=account.username, display_name=account.display_name or account.username,
        grants=tuple(Grant(g.role, g.school_id, g.point_id, g.district) for g in grants),
    )


def _recent_failures(column, value: str, since: dt.datetime, session: Session) -> int:
    query = select(func.count()).select_from(SignInAttempt).where(
        column == value, SignInAttempt.succeeded.is_(False), SignInAttempt.created_at >= since)
    return session.exec(query).one()


def _record(username: str, address: str, succeeded: bool, now: dt.datetime, session: Session) -> None:
    # Committed at once, refused or not: a failure rolled back with the refusal would never slow anyone down.
    session.add(SignInAttempt(username=username[:40], address=address[:64], succeeded=succeeded,
                              created_at=now, updated_at=now))
    session.commit()


def authenticate(username: str, password: str, *, session: Session, address: str = "",
                 now: dt.datetime | None = None) -> CurrentUser:
    """The signed-in user, or ``SignInRefused``; the attempt is recorded and committed either way."""
    now = now or utcnow()
    name = (username or "").strip()
    since = now - FAILURE_WINDOW
    if (_recent_failures(SignInAttempt.username, name, since, session) >= MAX_FAILURES_PER_ACCOUNT
            or (address and _recent_failures(SignInAttempt.address, address, since, session)
                >= MAX_FAILURES_PER_ADDRESS)):
        _record(name, address, False, now, session)
        minutes = int(FAILURE_WINDOW.total_seconds() // 60)
        raise SignInRefused(f"登录失败次数过多，请 {minutes} 分钟后再试", field="username")
    account = find_account(name, session=session) if name else None
    ok = _verify(account.password_hash if account else _DUMMY_HASH, password or "") and account is not None
    if not ok or not account.active:
        _record(name, address, False, now, session)
        raise SignInRefused("用户名或密码不正确，或账号已停用", field="password")
    if _HASHER.check_needs_rehash(account.password_hash):
        account.password_hash = _HASHER.hash(password)
        session.add(account)
    _record(name, address, True, now, session)
    return current_user(account, session=session)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class AccountSummary:
    username: str
    display_name: str
    active: bool
    grants: tuple[str, ...]


def list_accounts(*, session: Session) -> list[AccountSummary]:
    out = []
    for account in session.exec(select(Account).order_by(Account.username)).all():
        user = current_user(account, session=session)
        out.append(AccountSummary(account.username, account.display_name, account.active,
                                  tuple(g.label for g in user.grants)))
    return out
