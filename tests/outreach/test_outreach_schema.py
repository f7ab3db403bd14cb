"""The outreach migration builds exactly the outreach tables, and downgrades cleanly."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from curriculum.db import make_engine, upgrade_database

OUTREACH_TABLES = {
    "training_batch",
    "training_session",
    "trainee",
    "training_enrolment",
    "training_attendance",
    "online_item",
    "online_metric",
}


def _outreach_diff(engine) -> list:
    """compare_metadata restricted to this area's tables (others may be mid-way)."""
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)

    def touches_outreach(op) -> bool:
        if isinstance(op, list):
            return any(touches_outreach(o) for o in op)
        for part in op[1:]:
            table = getattr(part, "table", None)
            name = getattr(part, "name", None) if table is None else table.name
            if name in OUTREACH_TABLES or part in OUTREACH_TABLES:
                return True
        return False

    return [op for op in diff if touches_outreach(op)]


def test_outreach_tables_match_models(engine):
    assert set(inspect(engine).get_table_names()) >= OUTREACH_TABLES
    assert _outreach_diff(engine) == []


def test_downgrade_removes_outreach_tables_and_upgrade_restores_them(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    upgrade_database(engine)
    from alembic import command

    from curriculum.db import alembic_config

    cfg = alembic_config(str(engine.url))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    assert not OUTREACH_TABLES & set(inspect(engine).get_table_names())
    upgrade_database(engine)
    assert set(inspect(engine).get_table_names()) >= OUTREACH_TABLES
    engine.dispose()
