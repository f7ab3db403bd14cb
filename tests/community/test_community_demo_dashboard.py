"""The community demo seen through the bureau's dashboard: the current school year has numbers on every line.

The dashboard's default range is the school year (from 1 September); with
``today`` = 2026-11-28 the counted days are 2026-09-01..2026-11-27.

The demo is seeded once per module and back end (``demo_engine``); the tests
read it, and the one that seeds again works on a copy (``own_demo``).
"""

from datetime import date, datetime

import pytest
from sqlmodel import Session, select

from curriculum import metrics
from curriculum.community.events import list_occurrences
from curriculum.community.reminders import shifts_needing_people
from curriculum.community.views import pairings_table
from curriculum.db import make_engine
from curriculum.demo.community import seed
from curriculum.models.community import Attendance, EventOccurrence, ShiftAssignment, VolunteerShift
from tests.utils.community import DEMO_TODAY, copy_db, pg_database, seeded_demo_sqlite

TODAY = DEMO_TODAY
YEAR = (date(2026, 9, 1), date(2027, 8, 31))


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo_engine(request, demo_sqlite, tmp_path_factory):
    """The demo seeded once per module and back end; the tests only read it (one that writes takes a copy)."""
    if request.param == "sqlite":
        engine = make_engine(copy_db(demo_sqlite, tmp_path_factory.mktemp("demo_read") / "demo.db"))
        yield engine
        engine.dispose()
        return
    with pg_database(request.getfixturevalue("_pg_engine")) as engine:
        with Session(engine) as session:
            seed(session=session, today=TODAY)
        yield engine


@pytest.fixture
def demo(demo_engine):
    with Session(demo_engine) as session:
        yield session


@pytest.fixture
def own_demo(demo_engine, tmp_path):
    """A session on a private copy of the seeded demo (same back end), for a test that seeds again."""
    if demo_engine.dialect.name == "sqlite":
        engine = make_engine(copy_db(demo_engine.url.database, tmp_path / "own.db"))
        try:
            with Session(engine) as session:
                yield session
        finally:
            engine.dispose()
        return
    demo_engine.dispose()  # a template database must have no open connections
    with pg_database(demo_engine, template=demo_engine.url.database) as engine, Session(engine) as session:
        yield session


def _dashboard(session, **kw):
    return metrics.build_dashboard(*YEAR, session=session, today=TODAY, **kw)


def test_the_school_year_has_community_attendance_and_volunteer_hours(demo):
    kpis = _dashboard(demo).kpis
    assert kpis.through == date(2026, 11, 27)
    assert kpis.community_activities >= 20
    assert kpis.community_attendance > 20 * kpis.community_activities // 2  # every activity held had people
    assert kpis.volunteer_hours > 0 and kpis.volunteers >= 5
    hours = _dashboard(demo).volunteer_hours
    assert {"2026-09", "2026-10", "2026-11"} <= set(hours["month"])
    assert {"源汇区", "郾城区", "召陵区"} == set(hours["district"])


def test_every_held_activity_has_attendance_and_served_volunteers(demo):
    held = demo.exec(select(EventOccurrence).where(
        EventOccurrence.start >= datetime(2026, 9, 1), EventOccurrence.end <= datetime(2026, 11, 28))).all()
    assert held
    for occ in held:
        assert demo.exec(select(Attendance).where(Attendance.occurrence_id == occ.id)).first() is not None, occ
        served = demo.exec(select(ShiftAssignment).join(VolunteerShift).where(
            VolunteerShift.occurrence_id == occ.id, ShiftAssignment.served == True)).all()  # noqa: E712
        assert served, occ


def test_mid_autumn_and_double_ninth_reached_people(demo):
    festivals = _dashboard(demo).festivals.set_index("festival")
    for key in ("zhongqiu", "chongyang", "national_day"):
        assert festivals.loc[key, "events"] == 1
        assert festivals.loc[key, "attendance"] > 20
    assert "dongzhi" not in festivals.index  # 22 December has not happened yet


def test_the_community_lines_of_the_six_integrations_and_all_spheres_are_active(demo):
    board = _dashboard(demo)
    lines = board.integrations.set_index("integration")
    for key in ("campus", "urban_rural", "festivals", "moral"):
        assert lines.loc[key, "activities"] > 0 and lines.loc[key, "participants"] > 0, key
    spheres = board.spheres.set_index("sphere")
    for key in ("school", "family", "society"):
        assert spheres.loc[key, "activities"] > 0 and spheres.loc[key, "participants"] > 0, key


def test_a_district_sees_only_its_own_events(demo):
    city = _dashboard(demo).kpis
    park = _dashboard(demo, district="召陵区").kpis
    assert 0 < park.community_activities < city.community_activities
    assert park.festival_events == city.festival_events  # the festivals are held in the park


def test_the_pairing_has_a_joint_event_this_school_year(demo):
    (row,) = pairings_table(session=demo)
    assert "红色经典进社区" in row["联合活动"]
    autumn = list_occurrences(session=demo, start=datetime(2026, 9, 1), end=datetime(2026, 11, 28))
    assert any(r.title == "红色经典进社区" for r in autumn)


def test_later_shifts_are_still_open_so_reminders_appear(demo):
    assert shifts_needing_people(datetime(2026, 12, 4, 10, 0), session=demo) == []
    assert [(r.event_title, r.task) for r in shifts_needing_people(datetime(2026, 12, 18, 10, 0), session=demo)] == [
        ("周末公益诵读", "领读"), ("周末公益诵读", "签到引导")]
    assert any(r.event_title == "冬至数九 诵读家训" for r in shifts_needing_people(datetime(2026, 12, 21, 9, 0),
                                                                             session=demo))


def _snapshot(session):
    rows = session.exec(select(EventOccurrence.start, Attendance.role, Attendance.count, Attendance.duration_minutes)
                        .join(Attendance, Attendance.occurrence_id == EventOccurrence.id)).all()
    return sorted((start.isoformat(), role, count, minutes) for start, role, count, minutes in rows)


def test_the_same_day_gives_the_same_numbers(demo, demo_engine, demo_sqlite, _sqlite_template, tmp_path):
    # Another, independent seeding into SQLite: on PostgreSQL the module's SQLite seed is one; on SQLite
    # ``demo`` is that seed, so seed once more.
    other_db = demo_sqlite
    if demo_engine.dialect.name == "sqlite":
        other_db = seeded_demo_sqlite(_sqlite_template, tmp_path / "again.db", TODAY)
    engine = make_engine(f"sqlite:///{other_db}")
    try:
        with Session(engine) as other:
            assert _snapshot(other) == _snapshot(demo)
            assert _dashboard(other).kpis == _dashboard(demo).kpis
    finally:
        engine.dispose()


def test_a_later_day_adds_what_happened_since(own_demo):
    before = _dashboard(own_demo).kpis
    again = seed(session=own_demo, today=date(2026, 12, 10))
    assert again["出勤记录"] > 0 and again["活动"] == 0
    later = metrics.build_dashboard(*YEAR, session=own_demo, today=date(2026, 12, 10)).kpis
    assert later.community_attendance > before.community_attendance
    assert later.volunteer_hours > before.volunteer_hours
