"""What every table shares: creation and update times, and CHECK constraints built from the vocabularies.

``Timestamped`` gives a table ``created_at`` / ``updated_at`` (aware, UTC). The
database fills both when a bulk insert leaves them out (``server_default``),
and SQLAlchemy refreshes ``updated_at`` on every UPDATE it issues.

``one_of`` turns a controlled vocabulary (``curriculum.vocab``) into a CHECK
constraint, so a value the code would refuse is refused by the database too —
also for rows written by scripts or imports that bypass the services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

CURRENT_TIMESTAMP = sa.text("CURRENT_TIMESTAMP")


def utcnow() -> dt.datetime:
    """Now, aware, in UTC (SQLModel stores datetimes as ``timestamp with time zone``)."""
    return dt.datetime.now(dt.UTC)


class Timestamped(SQLModel):
    created_at: dt.datetime = Field(
        default_factory=utcnow, nullable=False, sa_column_kwargs={"server_default": CURRENT_TIMESTAMP}
    )
    updated_at: dt.datetime = Field(
        default_factory=utcnow, nullable=False,
        sa_column_kwargs={"server_default": CURRENT_TIMESTAMP, "onupdate": utcnow},
    )


def check_name(table: str, column: str) -> str:
    return f"ck_{table}_{column}"


def one_of(table: str, column: str, values: Iterable[str], *, nullable: bool = False,
           allow_empty: bool = False) -> sa.CheckConstraint:
    """``CHECK (column IN (...))`` named ``ck_<table>_<column>``; NULL or '' allowed when asked."""
    keys = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    condition = f"{column} IN ({keys})"
    if allow_empty:
        condition = f"{column} = '' OR {condition}"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return sa.CheckConstraint(condition, name=check_name(table, column))


def required(value: str, message: str) -> str:
    """``value`` stripped, or ``ValueError(message)`` when nothing but spaces was given (a validator's rule)."""
    if not value.strip():
        raise ValueError(message)
    return value.strip()


def blank_to_none(value: object) -> object:
    """Forms give '' for “no district”; the column stores NULL (a foreign key cannot point at '')."""
    if isinstance(value, str) and not value.strip():
        return None
    return value.strip() if isinstance(value, str) else value
