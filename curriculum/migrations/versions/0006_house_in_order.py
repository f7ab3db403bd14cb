"""house in order: districts, required schools, owners of programmes, pairing keys, timestamps, vocabulary checks.

* ``district`` table (names of the city's 区县); ``school``, ``reading_point``,
  ``community_event`` and ``pairing`` keep their ``district`` column, now NULL
  instead of '' and a foreign key to ``district.name``. Every name already in
  use becomes a district row, so no row loses its district.
* ``training_batch`` and ``online_item`` get an owner: ``district`` and
  ``school_id`` (both NULL = city-wide).
* ``school_class.school_id`` becomes required; classes without a school are
  attached to one school created for them ("未指定学校（升级时归入）").
* ``pairing`` gets ``school_id`` / ``point_id`` foreign keys, filled where the
  partner's or target's name matches a school or reading point.
* ``created_at`` / ``updated_at`` on every table (existing rows: the upgrade time).
* CHECK constraints for every controlled vocabulary column, frozen here as
  they were at this revision (``curriculum/vocab.py``).

On SQLite the tables are rebuilt (batch mode); ``curriculum.db`` switches
foreign-key enforcement off for the rebuild and checks every key afterwards.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_str = sqlmodel.sql.sqltypes.AutoString
_ts = sqlmodel.sql.sqltypes.UTCDateTime
NOW = sa.text("CURRENT_TIMESTAMP")
PLACEHOLDER_SCHOOL = "未指定学校（升级时归入）"

TABLES = (
    "school", "term", "calendar_adjustment", "school_class", "plan", "plan_session", "plan_item", "plan_operation",
    "reading_point", "community_person", "pairing", "community_event", "event_occurrence", "event_signup",
    "volunteer_shift", "shift_assignment", "event_attendance", "training_batch", "training_session", "trainee",
    "training_enrolment", "training_attendance", "online_item", "online_metric",
)
HAS_CREATED_AT = ("plan", "plan_operation")
DISTRICT_TABLES = ("school", "reading_point", "community_event", "pairing")
OWNED_TABLES = ("training_batch", "online_item")

CHECKS: dict[str, list[tuple[str, str]]] = {
    'reading_point': [
        ('ck_reading_point_venue_type',
         "venue_type IN ('community', 'library', 'patriotic_base', 'science_museum', 'practice_station', 'park', 'bus_station', 'outdoor_screen', 'school', 'online')"),
    ],
    'calendar_adjustment': [
        ('ck_calendar_adjustment_kind',
         "kind IN ('closure', 'makeup')"),
    ],
    'community_person': [
        ('ck_community_person_role',
         "role IN ('leader', 'volunteer')"),
    ],
    'online_item': [
        ('ck_online_item_channel',
         "channel IN ('wechat_account', 'video_account', 'radio', 'tv', 'mini_program', 'website')"),
        ('ck_online_item_integration',
         "integration IN ('campus', 'urban_rural', 'teachers', 'festivals', 'moral', 'online')"),
    ],
    'pairing': [
        ('ck_pairing_partner_kind',
         "partner_kind IN ('school', 'society')"),
        ('ck_pairing_target_kind',
         "target_kind IN ('community', 'township')"),
    ],
    'school_class': [
        ('ck_school_class_stage',
         "stage IN ('kindergarten', 'primary_lower', 'primary_middle', 'primary_upper', 'junior', 'senior', 'university')"),
    ],
    'training_batch': [
        ('ck_training_batch_cohort',
         "cohort IN ('cadres', 'backbone', 'principals', 'kindergarten_directors', 'teachers')"),
        ('ck_training_batch_integration',
         "integration IN ('campus', 'urban_rural', 'teachers', 'festivals', 'moral', 'online')"),
    ],
    'community_event': [
        ('ck_community_event_festival_key',
         "festival_key IS NULL OR festival_key IN ('chuxi', 'chunjie', 'yuanxiao', 'qingming', 'duanwu', 'qixi', 'zhongqiu', 'chongyang', 'dongzhi', 'world_book_day', 'children_day', 'party_day', 'teachers_day', 'national_day')"),
        ('ck_community_event_integration',
         "integration IN ('campus', 'urban_rural', 'teachers', 'festivals', 'moral', 'online')"),
        ('ck_community_event_sphere',
         "sphere IN ('school', 'family', 'society')"),
        ('ck_community_event_status',
         "status IN ('suggested', 'confirmed', 'dropped')"),
    ],
    'training_session': [
        ('ck_training_session_mode',
         "mode IN ('offline', 'online')"),
        ('ck_training_session_speaker_kind',
         "speaker_kind = '' OR speaker_kind IN ('cultural_expert', 'practitioner')"),
    ],
    'plan_operation': [
        ('ck_plan_operation_kind',
         "kind IN ('bump', 'lock', 'unlock', 'extra', 'reorder', 'mark_done', 'regenerate')"),
    ],
    'plan_session': [
        ('ck_plan_session_festival_key',
         "festival_key IS NULL OR festival_key IN ('chuxi', 'chunjie', 'yuanxiao', 'qingming', 'duanwu', 'qixi', 'zhongqiu', 'chongyang', 'dongzhi', 'world_book_day', 'children_day', 'party_day', 'teachers_day', 'national_day')"),
        ('ck_plan_session_status',
         "status IN ('scheduled', 'unscheduled', 'cancelled')"),
    ],
    'event_attendance': [
        ('ck_event_attendance_role',
         "role IN ('student', 'parent', 'resident', 'volunteer', 'teacher')"),
    ],
    'event_signup': [
        ('ck_event_signup_role',
         "role IN ('student', 'parent', 'resident', 'volunteer', 'teacher')"),
        ('ck_event_signup_status',
         "status IN ('confirmed', 'waitlist', 'cancelled')"),
    ],
    'plan_item': [
        ('ck_plan_item_kind',
         "kind IN ('new', 'review', 'activity')"),
    ],
}


def _batch(table: str):
    # SQLite cannot add a column with a non-constant default, nor constraints, in
    # place: rebuild the table there; elsewhere plain ALTERs.
    recreate = "always" if op.get_bind().dialect.name == "sqlite" else "never"
    return op.batch_alter_table(table, recreate=recreate)


def _create_districts() -> None:
    op.create_table(
        "district",
        sa.Column("created_at", _ts(), server_default=NOW, nullable=False),
        sa.Column("updated_at", _ts(), server_default=NOW, nullable=False),
        sa.Column("name", _str(length=60), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_district_name"), "district", ["name"], unique=True)
    used = " UNION ".join(f"SELECT TRIM(district) AS name FROM {t}" for t in DISTRICT_TABLES)
    op.execute(f"INSERT INTO district (name) SELECT name FROM ({used}) AS used WHERE name <> '' ORDER BY name")
    for table in DISTRICT_TABLES:
        with _batch(table) as batch:
            batch.alter_column("district", existing_type=_str(), type_=_str(length=60), nullable=True)
        op.execute(f"UPDATE {table} SET district = NULLIF(TRIM(district), '')")


def _owners() -> None:
    for table in OWNED_TABLES:
        with _batch(table) as batch:
            batch.add_column(sa.Column("district", _str(length=60), nullable=True))
            batch.add_column(sa.Column("school_id", sa.Integer(), nullable=True))
            batch.create_index(f"ix_{table}_district", ["district"], unique=False)
            batch.create_index(f"ix_{table}_school_id", ["school_id"], unique=False)
            batch.create_foreign_key(f"fk_{table}_school_id_school", "school", ["school_id"], ["id"])


def _required_school() -> None:
    bind = op.get_bind()
    orphans = bind.execute(sa.text("SELECT COUNT(*) FROM school_class WHERE school_id IS NULL")).scalar_one()
    if orphans:
        bind.execute(sa.text("INSERT INTO school (name) VALUES (:name)"), {"name": PLACEHOLDER_SCHOOL})
        bind.execute(
            sa.text("UPDATE school_class SET school_id = (SELECT id FROM school WHERE name = :name) "
                    "WHERE school_id IS NULL"),
            {"name": PLACEHOLDER_SCHOOL},
        )
    with _batch("school_class") as batch:
        batch.alter_column("school_id", existing_type=sa.Integer(), nullable=False)


def _pairing_keys() -> None:
    with _batch("pairing") as batch:
        batch.add_column(sa.Column("school_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("point_id", sa.Integer(), nullable=True))
        batch.create_index("ix_pairing_school_id", ["school_id"], unique=False)
        batch.create_index("ix_pairing_point_id", ["point_id"], unique=False)
        batch.create_foreign_key("fk_pairing_school_id_school", "school", ["school_id"], ["id"])
        batch.create_foreign_key("fk_pairing_point_id_reading_point", "reading_point", ["point_id"], ["id"])
    op.execute("UPDATE pairing SET school_id = (SELECT MIN(s.id) FROM school s WHERE s.name = pairing.partner_name) "
               "WHERE partner_kind = 'school'")
    op.execute("UPDATE pairing SET point_id = (SELECT MIN(p.id) FROM reading_point p "
               "WHERE p.name = pairing.target_name OR p.community = pairing.target_name)")


def _timestamps_keys_and_checks() -> None:
    for table in TABLES:
        with _batch(table) as batch:
            if table not in HAS_CREATED_AT:
                batch.add_column(sa.Column("created_at", _ts(), server_default=NOW, nullable=False))
            batch.add_column(sa.Column("updated_at", _ts(), server_default=NOW, nullable=False))
            if table in DISTRICT_TABLES + OWNED_TABLES:
                batch.create_foreign_key(f"fk_{table}_district_district", "district", ["district"], ["name"])
            for name, condition in CHECKS.get(table, []):
                batch.create_check_constraint(name, condition)


def upgrade() -> None:
    _create_districts()
    _owners()
    _required_school()
    _pairing_keys()
    _timestamps_keys_and_checks()


def downgrade() -> None:
    for table in reversed(TABLES):
        with _batch(table) as batch:
            for name, _condition in CHECKS.get(table, []):
                batch.drop_constraint(name, type_="check")
            if table in DISTRICT_TABLES + OWNED_TABLES:
                batch.drop_constraint(f"fk_{table}_district_district", type_="foreignkey")
            batch.drop_column("updated_at")
            if table not in HAS_CREATED_AT:
                batch.drop_column("created_at")
    with _batch("pairing") as batch:
        batch.drop_constraint("fk_pairing_point_id_reading_point", type_="foreignkey")
        batch.drop_constraint("fk_pairing_school_id_school", type_="foreignkey")
        batch.drop_index("ix_pairing_point_id")
        batch.drop_index("ix_pairing_school_id")
        batch.drop_column("point_id")
        batch.drop_column("school_id")
    with _batch("school_class") as batch:
        batch.alter_column("school_id", existing_type=sa.Integer(), nullable=True)
    for table in OWNED_TABLES:
        with _batch(table) as batch:
            batch.drop_constraint(f"fk_{table}_school_id_school", type_="foreignkey")
            batch.drop_index(f"ix_{table}_school_id")
            batch.drop_index(f"ix_{table}_district")
            batch.drop_column("school_id")
            batch.drop_column("district")
    for table in DISTRICT_TABLES:
        op.execute(f"UPDATE {table} SET district = '' WHERE district IS NULL")
        with _batch(table) as batch:
            batch.alter_column("district", existing_type=_str(length=60), type_=_str(), nullable=False)
    op.drop_index(op.f("ix_district_name"), table_name="district")
    op.drop_table("district")
