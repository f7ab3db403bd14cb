"""The Alembic migrations build exactly the schema the models describe, on both back ends."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from curriculum.db import current_revision


def test_migrations_reach_head_and_match_models(engine):
    assert current_revision(engine) is not None
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == [], f"models and migrations differ: {diff}"
