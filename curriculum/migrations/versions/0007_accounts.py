"""accounts: who signs in (argon2 hashes), their role grants with scopes, and sign-in attempts.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_str = sqlmodel.sql.sqltypes.AutoString
_ts = sqlmodel.sql.sqltypes.UTCDateTime
NOW = sa.text("CURRENT_TIMESTAMP")


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", _ts(), server_default=NOW, nullable=False),
        sa.Column("updated_at", _ts(), server_default=NOW, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "account",
        *_timestamps(),
        sa.Column("username", _str(length=40), nullable=False),
        sa.Column("display_name", _str(length=60), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("password_hash", _str(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_account_username"), "account", ["username"], unique=True)
    op.create_table(
        "account_grant",
        *_timestamps(),
        sa.Column("role", _str(length=20), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=True),
        sa.Column("point_id", sa.Integer(), nullable=True),
        sa.Column("district", _str(length=60), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("role IN ('teacher', 'leader', 'bureau', 'admin')", name="ck_account_grant_role"),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.ForeignKeyConstraint(["district"], ["district.name"]),
        sa.ForeignKeyConstraint(["point_id"], ["reading_point.id"]),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "role", "school_id", "point_id", "district", name="uq_account_grant"),
    )
    op.create_index(op.f("ix_account_grant_account_id"), "account_grant", ["account_id"], unique=False)
    op.create_index(op.f("ix_account_grant_point_id"), "account_grant", ["point_id"], unique=False)
    op.create_index(op.f("ix_account_grant_school_id"), "account_grant", ["school_id"], unique=False)
    op.create_table(
        "sign_in_attempt",
        *_timestamps(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", _str(length=40), nullable=False),
        sa.Column("address", _str(length=64), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_sign_in_attempt_address"), "sign_in_attempt", ["address"], unique=False)
    op.create_index(op.f("ix_sign_in_attempt_username"), "sign_in_attempt", ["username"], unique=False)


def downgrade() -> None:
    op.drop_table("sign_in_attempt")
    op.drop_table("account_grant")
    op.drop_table("account")
