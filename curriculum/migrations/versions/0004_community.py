"""community tables: reading points, people, pairings, events, occurrences,
sign-ups, volunteer shifts and attendance.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op  # noqa: F401

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pairing',
    sa.Column('partner_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('partner_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('target_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('target_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('district', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('resources', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('reading_point',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('district', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('township', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('community', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('venue_type', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('opening_hours', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('contact', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_reading_point_district'), 'reading_point', ['district'], unique=False)
    op.create_index(op.f('ix_reading_point_name'), 'reading_point', ['name'], unique=False)
    op.create_table('community_event',
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('point_id', sa.Integer(), nullable=True),
    sa.Column('district', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('texts', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('integration', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sphere', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('stages', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('start', sa.DateTime(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('rrule', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('festival_key', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('pairing_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['pairing_id'], ['pairing.id'], ),
    sa.ForeignKeyConstraint(['point_id'], ['reading_point.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_community_event_point_id'), 'community_event', ['point_id'], unique=False)
    op.create_index(op.f('ix_community_event_status'), 'community_event', ['status'], unique=False)
    op.create_table('community_person',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('skills', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('availability', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('point_id', sa.Integer(), nullable=True),
    sa.Column('managed_by', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['managed_by'], ['community_person.id'], ),
    sa.ForeignKeyConstraint(['point_id'], ['reading_point.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_community_person_name'), 'community_person', ['name'], unique=False)
    op.create_index(op.f('ix_community_person_point_id'), 'community_person', ['point_id'], unique=False)
    op.create_table('event_occurrence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('slot', sa.DateTime(), nullable=False),
    sa.Column('start', sa.DateTime(), nullable=False),
    sa.Column('end', sa.DateTime(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('is_exception', sa.Boolean(), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['community_event.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id', 'slot', name='uq_occurrence_slot')
    )
    op.create_index(op.f('ix_event_occurrence_event_id'), 'event_occurrence', ['event_id'], unique=False)
    op.create_index(op.f('ix_event_occurrence_start'), 'event_occurrence', ['start'], unique=False)
    op.create_table('event_attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['occurrence_id'], ['event_occurrence.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('occurrence_id', 'role', name='uq_attendance_role')
    )
    op.create_index(op.f('ix_event_attendance_occurrence_id'), 'event_attendance', ['occurrence_id'], unique=False)
    op.create_table('event_signup',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['occurrence_id'], ['event_occurrence.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_event_signup_occurrence_id'), 'event_signup', ['occurrence_id'], unique=False)
    op.create_table('volunteer_shift',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('task', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('start', sa.DateTime(), nullable=False),
    sa.Column('end', sa.DateTime(), nullable=False),
    sa.Column('needed', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['occurrence_id'], ['event_occurrence.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_volunteer_shift_occurrence_id'), 'volunteer_shift', ['occurrence_id'], unique=False)
    op.create_table('shift_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('backup', sa.Boolean(), nullable=False),
    sa.Column('served', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['community_person.id'], ),
    sa.ForeignKeyConstraint(['shift_id'], ['volunteer_shift.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('shift_id', 'person_id', name='uq_shift_person')
    )
    op.create_index(op.f('ix_shift_assignment_person_id'), 'shift_assignment', ['person_id'], unique=False)
    op.create_index(op.f('ix_shift_assignment_shift_id'), 'shift_assignment', ['shift_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_shift_assignment_shift_id'), table_name='shift_assignment')
    op.drop_index(op.f('ix_shift_assignment_person_id'), table_name='shift_assignment')
    op.drop_table('shift_assignment')
    op.drop_index(op.f('ix_volunteer_shift_occurrence_id'), table_name='volunteer_shift')
    op.drop_table('volunteer_shift')
    op.drop_index(op.f('ix_event_signup_occurrence_id'), table_name='event_signup')
    op.drop_table('event_signup')
    op.drop_index(op.f('ix_event_attendance_occurrence_id'), table_name='event_attendance')
    op.drop_table('event_attendance')
    op.drop_index(op.f('ix_event_occurrence_start'), table_name='event_occurrence')
    op.drop_index(op.f('ix_event_occurrence_event_id'), table_name='event_occurrence')
    op.drop_table('event_occurrence')
    op.drop_index(op.f('ix_community_person_point_id'), table_name='community_person')
    op.drop_index(op.f('ix_community_person_name'), table_name='community_person')
    op.drop_table('community_person')
    op.drop_index(op.f('ix_community_event_status'), table_name='community_event')
    op.drop_index(op.f('ix_community_event_point_id'), table_name='community_event')
    op.drop_table('community_event')
    op.drop_index(op.f('ix_reading_point_name'), table_name='reading_point')
    op.drop_index(op.f('ix_reading_point_district'), table_name='reading_point')
    op.drop_table('reading_point')
    op.drop_table('pairing')
