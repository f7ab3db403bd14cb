"""SQLModel tables for accounts: who signs in, what they may do where, and sign-in attempts.

An ``Account`` holds a slow password hash (argon2, never the password). Each
``AccountGrant`` gives one role within one scope: a ``teacher`` a school, a
``leader`` a reading point, a ``bureau`` officer a district (or the whole city
when the district is empty), an ``admin`` everything. A person may hold
several grants. ``SignInAttempt`` rows let sign-in slow down guessing per
account and per address.
"""

from __future__ import annotations

import sqlalchemy as sa
from pydantic import field_validator
from sqlmodel import Field, SQLModel

from curriculum.models.base import Timestamped, blank_to_none, one_of
from curriculum.models.district import district_field
from curriculum.vocab import ACCOUNT_ROLES

USERNAME_PATTERN = r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,40}$"


class AccountBase(SQLModel):
    username: str = Field(min_length=2, max_length=40, unique=True, index=True)
    display_name: str = Field(default="", max_length=60)


class AccountCreate(AccountBase):
    password: str = Field(min_length=8, max_length=200)


class Account(AccountBase, Timestamped, table=True):
    __tablename__ = "account"

    id: int | None = Field(default=None, primary_key=True)
    password_hash: str = Field(max_length=255)
    active: bool = True


class AccountGrantBase(SQLModel):
    role: str = Field(max_length=20)
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True)
    point_id: int | None = Field(default=None, foreign_key="reading_point.id", index=True)
    district: str | None = district_field()

    @field_validator("district", mode="before")
    @classmethod
    def _no_blank_district(cls, value: object) -> object:
        return blank_to_none(value)


class AccountGrantCreate(AccountGrantBase):
    pass


class AccountGrant(AccountGrantBase, Timestamped, table=True):
    __tablename__ = "account_grant"
    __table_args__ = (
        one_of("account_grant", "role", ACCOUNT_ROLES),
        sa.UniqueConstraint("account_id", "role", "school_id", "point_id", "district", name="uq_account_grant"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True)


class SignInAttempt(Timestamped, table=True):
    """One sign-in try; ``created_at`` is when it happened."""

    __tablename__ = "sign_in_attempt"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=40, index=True)
    address: str = Field(default="", max_length=64, index=True)
    succeeded: bool = False
