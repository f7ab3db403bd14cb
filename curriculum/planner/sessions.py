"""A plan's sessions and items as rows: bulk insert, read back as plain data, delete.

Sessions and items are written with bulk Core inserts (one statement per
table per plan), which is what keeps a full-year plan for a class under a few
milliseconds of storage time. Every reader returns ``StoredSession`` (plain
data, safe to cache in a page), never ORM rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select
from sqlmodel import Session

from curriculum.errors import DomainError
from curriculum.models.plan import PlanItem, PlanSession
from curriculum.planner.plan_types import PlannedItem

SESSION_TABLE = PlanSession.__table__
ITEM_TABLE = PlanItem.__table__


class PlanStoreError(DomainError):
    """An edit that cannot be made; Chinese message naming the day or field."""


@dataclass
class StoredSession:
    """A plan session as plain data (safe to cache in a page)."""

    id: int
    date: dt.date
    slot: int
    minutes: int
    locked: bool
    done: bool
    pass_rate: float | None
    festival_key: str | None
    status: str
    extra: bool
    items: list[PlannedItem] = field(default_factory=list)


def session_rows(plan_id: int, result_sessions: Iterable[Any], school_days: set[dt.date],
                 extra: set[tuple[dt.date, int]] = frozenset()) -> tuple[list[dict], list[list[tuple]]]:
    """Rows for ``insert_sessions``: a session planned off the school days or in a later slot is an extra."""
    rows, items = [], []
    for s in result_sessions:
        rows.append({
            "plan_id": plan_id, "date": s.date, "slot": s.slot, "minutes": s.minutes, "locked": False,
            "done": False, "pass_rate": None, "festival_key": s.festival_key, "status": "scheduled",
            "extra": s.slot > 0 or s.date not in school_days or (s.date, s.slot) in extra,
        })
        items.append([
            (pos, it.kind, it.text_id, it.section, it.passage_start, it.passage_end, it.label, it.minutes)
            for pos, it in enumerate(s.items)
        ])
    return rows, items


ITEM_COLUMNS = ("session_id", "position", "kind", "text_id", "section", "passage_start", "passage_end", "label",
                "minutes")
_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


SESSION_COLUMNS = ("id", "plan_id", "date", "slot", "minutes", "locked", "done", "pass_rate", "festival_key",
                   "status", "extra")


def _copy(conn, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    quote = conn.dialect.identifier_preparer.quote
    with conn.connection.driver_connection.cursor() as cur:
        with cur.copy(f"COPY {quote(table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def insert_sessions(session: Session, rows: list[dict], items: list[list[tuple]]) -> None:
    """Bulk insert one plan's sessions and all their items.

    ``rows`` are session dicts (all of one plan); ``items[k]`` are the rows of
    session ``k`` as tuples in ``ITEM_COLUMNS`` order without the leading
    ``session_id``. A full-year plan has about a thousand items, so nothing
    goes through per-row dictionaries or row-by-row statements:

    * PostgreSQL (psycopg): session ids are drawn from the sequence in one
      query, then sessions and items each go in with one ``COPY``.
    * Other back ends: sessions in one executemany, their ids read back (the
      newest ids of the plan, in order — RETURNING with parameter order made
      SQLAlchemy insert row by row on SQLite), items in one driver-level
      executemany with positional parameters (Core with dictionaries took
      twice as long).
    """
    if not rows:
        return
    plan_ids = {r["plan_id"] for r in rows}
    if len(plan_ids) != 1:
        raise ValueError("insert_sessions: rows of one plan at a time")
    conn = session.connection()
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        ids = conn.exec_driver_sql(
            f"SELECT nextval(pg_get_serial_sequence('plan_session', 'id')) FROM generate_series(1, {int(len(rows))})"
        ).scalars().all()
        _copy(conn, SESSION_TABLE.name, SESSION_COLUMNS,
              ((sid, *(r[c] for c in SESSION_COLUMNS[1:])) for sid, r in zip(ids, rows, strict=True)))
        _copy(conn, ITEM_TABLE.name, ITEM_COLUMNS,
              ((sid, *it) for sid, its in zip(ids, items, strict=True) for it in its))
        return
    session.execute(insert(SESSION_TABLE), rows)
    ids = session.execute(
        select(SESSION_TABLE.c.id).where(SESSION_TABLE.c.plan_id == plan_ids.pop())
        .order_by(SESSION_TABLE.c.id.desc()).limit(len(rows))
    ).scalars().all()[::-1]
    item_rows = [(sid, *it) for sid, its in zip(ids, items, strict=True) for it in its]
    if not item_rows:
        return
    mark = _PLACEHOLDERS.get(conn.dialect.paramstyle)
    if mark is None:  # a driver with another parameter style: plain Core
        session.execute(insert(ITEM_TABLE), [dict(zip(ITEM_COLUMNS, r)) for r in item_rows])
        return
    quote = conn.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(ITEM_TABLE.name)} ({', '.join(quote(c) for c in ITEM_COLUMNS)}) "
           f"VALUES ({', '.join([mark] * len(ITEM_COLUMNS))})")
    conn.exec_driver_sql(sql, item_rows)


def list_sessions(plan_id: int, *, session: Session, status: str | None = "scheduled") -> list[StoredSession]:
    """The plan's sessions in date order with their items; ``status=None`` for all (incl. unscheduled, cancelled)."""
    stmt = select(SESSION_TABLE).where(SESSION_TABLE.c.plan_id == plan_id)
    if status is not None:
        stmt = stmt.where(SESSION_TABLE.c.status == status)
    order = (SESSION_TABLE.c.date, SESSION_TABLE.c.slot, SESSION_TABLE.c.id)
    rows = session.execute(stmt.order_by(*order)).mappings().all()
    by_id = {r["id"]: StoredSession(
        id=r["id"], date=r["date"], slot=r["slot"], minutes=r["minutes"], locked=r["locked"], done=r["done"],
        pass_rate=r["pass_rate"], festival_key=r["festival_key"], status=r["status"], extra=r["extra"],
    ) for r in rows}
    if by_id:
        items = session.execute(
            select(ITEM_TABLE)
            .where(ITEM_TABLE.c.session_id.in_(select(SESSION_TABLE.c.id).where(SESSION_TABLE.c.plan_id == plan_id)))
            .order_by(ITEM_TABLE.c.session_id, ITEM_TABLE.c.position)
        ).mappings().all()
        for it in items:
            target = by_id.get(it["session_id"])
            if target is not None:
                target.items.append(PlannedItem(it["kind"], it["minutes"], it["label"], it["text_id"], it["section"],
                                                it["passage_start"], it["passage_end"]))
    return list(by_id.values())


def unscheduled_sessions(plan_id: int, *, session: Session) -> list[StoredSession]:
    """Sessions pushed past the term end by bumps (listed, never silently dropped)."""
    return list_sessions(plan_id, session=session, status="unscheduled")


def delete_sessions(plan_id: int, session_ids: Iterable[int] | None, *, session: Session) -> None:
    if session_ids is None:
        ids_q = select(SESSION_TABLE.c.id).where(SESSION_TABLE.c.plan_id == plan_id)
        session.execute(delete(ITEM_TABLE).where(ITEM_TABLE.c.session_id.in_(ids_q)))
        session.execute(delete(SESSION_TABLE).where(SESSION_TABLE.c.plan_id == plan_id))
        return
    ids = list(session_ids)
    for k in range(0, len(ids), 500):
        chunk = ids[k : k + 500]
        session.execute(delete(ITEM_TABLE).where(ITEM_TABLE.c.session_id.in_(chunk)))
        session.execute(delete(SESSION_TABLE).where(SESSION_TABLE.c.id.in_(chunk)))


def find_session(sessions: list[StoredSession], day: dt.date, slot: int) -> StoredSession:
    for s in sessions:
        if s.date == day and s.slot == slot and s.status == "scheduled":
            return s
    raise PlanStoreError(f"{day:%Y-%m-%d}：这一天没有安排诵读")


def slot_key(day: dt.date, slot: int) -> str:
    """``"2026-09-12/1"``: one place for a session, as kept in ``Plan.issued_slots``."""
    return f"{day.isoformat()}/{slot}"
