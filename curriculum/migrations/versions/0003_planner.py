"""planner tables: school_class, plan, plan_session, plan_item, plan_operation.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op  # noqa: F401

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "school_class",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("stage", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("grade", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("reading_time", sa.Time(), nullable=False),
        sa.Column("chars_per_minute", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_school_class_school_id"), "school_class", ["school_id"], unique=False)
    op.create_table(
        "plan",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("pass_threshold", sa.Float(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("text_ids", sa.JSON(), nullable=False),
        sa.Column("review_intervals", sa.JSON(), nullable=False),
        sa.Column("weekday_pattern", sa.JSON(), nullable=False),
        sa.Column("school_days", sa.JSON(), nullable=False),
        sa.Column("timetable", sa.JSON(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("unscheduled", sa.JSON(), nullable=False),
        sa.Column("issued_slots", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["class_id"], ["school_class.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_plan_class_id"), "plan", ["class_id"], unique=False)
    op.create_table(
        "plan_operation",
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("detail", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_plan_operation_plan_id"), "plan_operation", ["plan_id"], unique=False)
    op.create_table(
        "plan_session",
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("pass_rate", sa.Float(), nullable=True),
        sa.Column("festival_key", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("extra", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_plan_session_plan_id"), "plan_session", ["plan_id"], unique=False)
    op.create_table(
        "plan_item",
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("text_id", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column("section", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("passage_start", sa.Integer(), nullable=True),
        sa.Column("passage_end", sa.Integer(), nullable=True),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["plan_session.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_plan_item_session_id"), "plan_item", ["session_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_plan_item_session_id"), table_name="plan_item")
    op.drop_table("plan_item")
    op.drop_index(op.f("ix_plan_session_plan_id"), table_name="plan_session")
    op.drop_table("plan_session")
    op.drop_index(op.f("ix_plan_operation_plan_id"), table_name="plan_operation")
    op.drop_table("plan_operation")
    op.drop_index(op.f("ix_plan_class_id"), table_name="plan")
    op.drop_table("plan")
    op.drop_index(op.f("ix_school_class_school_id"), table_name="school_class")
    op.drop_table("school_class")
