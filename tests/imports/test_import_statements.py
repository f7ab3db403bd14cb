"""A 2,000-row file costs a handful of SQL statements, whatever its length (never one per row)."""

import datetime as dt
from contextlib import contextmanager

from sqlalchemy import event

from curriculum.imports.attendance import import_attendance
from curriculum.imports.sessions import import_sessions
from tests.imports import bulk

TODAY = dt.date(2026, 11, 30)


@contextmanager
def counted(session):
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_two_thousand_session_rows_in_a_few_statements(session):
    keys = bulk.seed(session, schools=4, classes=10, days=50)
    data = bulk.sessions_csv(keys)
    assert len(keys) == 2_000
    with counted(session) as statements:
        report = import_sessions(data, session=session, today=TODAY)
    assert report.ok and report.updated == 2_000
    # schools, classes, plans, sessions, one executemany UPDATE
    assert len(statements) <= 6, statements
    with counted(session) as statements:
        again = import_sessions(data, session=session, today=TODAY)
    assert again.unchanged == 2_000 and len(statements) <= 5


def test_two_thousand_attendance_rows_in_a_few_statements(session):
    from curriculum.community.events import create_event
    from curriculum.community.recurrence import weekly_rule
    from tests.utils.community import draft, make_point

    points = [make_point(session, f"第{k}诵读点") for k in range(8)]
    for point in points:
        create_event(draft(point.id, rrule=weekly_rule([5], count=50), shifts=()), session=session)
    saturdays = [dt.date(2026, 9, 5) + dt.timedelta(weeks=w) for w in range(50)]
    roles = ["学生", "家长", "居民", "志愿者", "教师"]
    lines = ["诵读点,活动,日期,身份,人数,时长"]
    lines += [f"{p.name},周末公益诵读,{d},{role},{k + 1},60" for p in points for d in saturdays
              for k, role in enumerate(roles)]
    data = ("\n".join(lines) + "\n").encode()
    assert len(lines) - 1 == 2_000
    now = dt.datetime(2028, 1, 1)  # every Saturday of the series has happened
    with counted(session) as statements:
        report = import_attendance(data, session=session, now=now)
    assert report.ok and report.inserted == 2_000, report.errors[:3]
    # points, occurrences, attendance, the INSERT in driver-sized batches
    assert len(statements) <= 8, statements
    with counted(session) as statements:
        again = import_attendance(data, session=session, now=now)
    assert again.unchanged == 2_000 and len(statements) <= 4
