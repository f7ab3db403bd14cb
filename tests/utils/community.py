"""Factories for community tests: reading points open at known hours, people, event drafts, a seeded demo.

``seeded_demo_sqlite`` seeds the whole community demo once into a SQLite file
(~5–15 s), so modules that only need "the demo" copy that file instead of
seeding again in every test; ``pg_database`` gives a module a PostgreSQL
database of its own (the shared test database is emptied before every test).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from curriculum.community.events.drafts import EventDraft, ShiftSpec
from curriculum.community.people import create_person
from curriculum.community.points import create_point, dump_hours, simple_hours
from curriculum.db import make_engine, upgrade_database
from curriculum.districts import LUOHE_DISTRICTS, ensure_districts
from curriculum.models.community import Person, PersonCreate, ReadingPoint, ReadingPointCreate

SAT = datetime(2026, 9, 5, 9, 0)  # a Saturday
DEMO_TODAY = date(2026, 11, 28)  # the day every demo-based test seeds for
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)


def make_point(session: Session, name: str = "老街社区诵读点", *, district: str = "源汇区",
               days=EVERY_DAY, open_: time = time(8, 0), close: time = time(18, 0),
               venue_type: str = "community", capacity: int = 30) -> ReadingPoint:
    """A reading point open ``open_``–``close`` on ``days`` (no days: hours not recorded)."""
    return create_point(ReadingPointCreate(
        name=name, district=district, venue_type=venue_type, capacity=capacity,
        opening_hours=dump_hours(simple_hours(days, open_, close)) if days else "{}",
    ), session=session)


def make_person(session: Session, name: str = "张明", *, role: str = "volunteer", phone: str | None = None,
                managed_by: int | None = None, availability: str = "{}") -> Person:
    return create_person(PersonCreate(name=name, role=role, phone=phone, managed_by=managed_by,
                                      availability=availability), session=session)


ONE_LEADER = (ShiftSpec("领读", 1),)


def draft(point_id, *, title="周末公益诵读", start=SAT, minutes=60, rrule=None, shifts=ONE_LEADER,
          **kw) -> EventDraft:
    """A one-hour event at ``point_id`` on Saturday 5 September 2026 with one 领读 shift (override any field)."""
    return EventDraft(title=title, start=start, duration_minutes=minutes, point_id=point_id, rrule=rrule,
                      shifts=shifts, **kw)


def seed_demo_into(url: str, today: date = DEMO_TODAY) -> None:
    """Seed the community demo for ``today`` into the database at ``url`` (after the districts it names)."""
    from curriculum.demo import districts
    from curriculum.demo.community import seed

    engine = make_engine(url)
    try:
        with Session(engine) as session:
            districts.seed(session=session)
            seed(session=session, today=today)
    finally:
        engine.dispose()


def seeded_demo_sqlite(template: Path, dest: Path, today: date = DEMO_TODAY) -> Path:
    """A copy of the migrated ``template`` at ``dest`` with the community demo seeded into it."""
    shutil.copy(template, dest)
    seed_demo_into(f"sqlite:///{dest}", today)
    return dest


def copy_db(seeded: Path, dest: Path) -> str:
    """A private copy of a seeded SQLite file; returns its URL."""
    shutil.copy(seeded, dest)
    return f"sqlite:///{dest}"


@contextmanager
def pg_database(server: Engine, *, template: str | None = None) -> Iterator[Engine]:
    """A PostgreSQL database of its own on ``server``'s server, migrated (or copied from ``template``); dropped after.

    A copy (``CREATE DATABASE … TEMPLATE``) takes a second where seeding the
    demo takes ten; the template must have no open connections.
    """
    admin = make_engine(server.url.render_as_string(hide_password=False), isolation_level="AUTOCOMMIT")
    name = f"classics_demo_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    engine = make_engine(server.url.set(database=name).render_as_string(hide_password=False))
    try:
        if template is None:
            upgrade_database(engine)
            with Session(engine) as session:  # as every test database: the city's districts listed
                ensure_districts(LUOHE_DISTRICTS, session=session)
                session.commit()
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
