"""outreach tables: training cohorts and online programmes.

Training batches (期/批次) with sessions, trainees, enrolments and per-session
attendance; online items (云上读经典) with metric snapshots. Written by hand to
match ``curriculum/models/outreach.py`` exactly (tests/db/test_migrations.py).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_str = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "training_batch",
        sa.Column("name", _str(), nullable=False),
        sa.Column("cohort", _str(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("organiser", _str(), nullable=False),
        sa.Column("location", _str(), nullable=False),
        sa.Column("planned_participants", sa.Integer(), nullable=False),
        sa.Column("completion_percent", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("integration", _str(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_training_batch_cohort"), "training_batch", ["cohort"], unique=False)
    op.create_index(op.f("ix_training_batch_integration"), "training_batch", ["integration"], unique=False)
    op.create_index(op.f("ix_training_batch_name"), "training_batch", ["name"], unique=False)

    op.create_table(
        "trainee",
        sa.Column("name", _str(), nullable=False),
        sa.Column("organisation", _str(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phone", _str(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_trainee_name"), "trainee", ["name"], unique=False)

    op.create_table(
        "training_session",
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("topic", _str(), nullable=False),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.Column("speaker_name", _str(), nullable=False),
        sa.Column("speaker_kind", _str(), nullable=False),
        sa.Column("speaker_affiliation", _str(), nullable=False),
        sa.Column("mode", _str(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["training_batch.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_training_session_batch_id"), "training_session", ["batch_id"], unique=False)

    op.create_table(
        "training_enrolment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("trainee_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["training_batch.id"]),
        sa.ForeignKeyConstraint(["trainee_id"], ["trainee.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("batch_id", "trainee_id", name="uq_training_enrolment_batch_trainee"),
    )
    op.create_index(op.f("ix_training_enrolment_batch_id"), "training_enrolment", ["batch_id"], unique=False)
    op.create_index(op.f("ix_training_enrolment_trainee_id"), "training_enrolment", ["trainee_id"], unique=False)

    op.create_table(
        "training_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("trainee_id", sa.Integer(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["training_session.id"]),
        sa.ForeignKeyConstraint(["trainee_id"], ["trainee.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "trainee_id", name="uq_training_attendance_session_trainee"),
    )
    op.create_index(op.f("ix_training_attendance_session_id"), "training_attendance", ["session_id"], unique=False)
    op.create_index(op.f("ix_training_attendance_trainee_id"), "training_attendance", ["trainee_id"], unique=False)

    op.create_table(
        "online_item",
        sa.Column("title", _str(), nullable=False),
        sa.Column("channel", _str(), nullable=False),
        sa.Column("publish_date", sa.Date(), nullable=False),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.Column("url", _str(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("integration", _str(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_online_item_channel"), "online_item", ["channel"], unique=False)
    op.create_index(op.f("ix_online_item_integration"), "online_item", ["integration"], unique=False)
    op.create_index(op.f("ix_online_item_publish_date"), "online_item", ["publish_date"], unique=False)
    op.create_index(op.f("ix_online_item_title"), "online_item", ["title"], unique=False)

    op.create_table(
        "online_metric",
        sa.Column("recorded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("views", sa.Integer(), nullable=False),
        sa.Column("likes", sa.Integer(), nullable=False),
        sa.Column("comments", sa.Integer(), nullable=False),
        sa.Column("shares", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["online_item.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("item_id", "recorded_at", name="uq_online_metric_item_recorded"),
    )
    op.create_index(op.f("ix_online_metric_item_id"), "online_metric", ["item_id"], unique=False)


def downgrade() -> None:
    # Children before parents so foreign keys never dangle.
    op.drop_index(op.f("ix_online_metric_item_id"), table_name="online_metric")
    op.drop_table("online_metric")
    for index in ("channel", "integration", "publish_date", "title"):
        op.drop_index(op.f(f"ix_online_item_{index}"), table_name="online_item")
    op.drop_table("online_item")
    op.drop_index(op.f("ix_training_attendance_trainee_id"), table_name="training_attendance")
    op.drop_index(op.f("ix_training_attendance_session_id"), table_name="training_attendance")
    op.drop_table("training_attendance")
    op.drop_index(op.f("ix_training_enrolment_trainee_id"), table_name="training_enrolment")
    op.drop_index(op.f("ix_training_enrolment_batch_id"), table_name="training_enrolment")
    op.drop_table("training_enrolment")
    op.drop_index(op.f("ix_training_session_batch_id"), table_name="training_session")
    op.drop_table("training_session")
    op.drop_index(op.f("ix_trainee_name"), table_name="trainee")
    op.drop_table("trainee")
    for index in ("cohort", "integration", "name"):
        op.drop_index(op.f(f"ix_training_batch_{index}"), table_name="training_batch")
    op.drop_table("training_batch")
