"""Timing of a 100,000-row class-session import (a script, not a test: wall-clock time is never asserted).

    .venv/bin/python tests/imports/time_import.py [sqlite|postgresql URL]

Seeds 50 schools × 20 classes × 100 weekday sessions into a fresh database
(SQLite file in a temporary directory by default), writes the matching CSV
and XLSX, and times: the CSV import (check + write), the same CSV again
(everything unchanged), and the XLSX check (dry run).
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from curriculum.db import make_engine, upgrade_database  # noqa: E402
from curriculum.districts import LUOHE_DISTRICTS, ensure_districts  # noqa: E402
from curriculum.imports.sessions import import_sessions  # noqa: E402
from tests.imports import bulk  # noqa: E402

TODAY = bulk.START.replace(year=bulk.START.year + 1)


def _xlsx(csv_bytes: bytes) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for line in csv_bytes.decode("utf-8-sig").splitlines():
        sheet.append(line.split(","))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _timed(label: str, fn):
    started = time.perf_counter()
    report = fn()
    print(f"{label}: {time.perf_counter() - started:.2f} s — {report.summary()}")
    return report


def main() -> None:
    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{tempfile.mkdtemp()}/timing.db"
    engine = make_engine(url)
    upgrade_database(engine)
    with Session(engine) as session:
        ensure_districts(LUOHE_DISTRICTS, session=session)
        session.commit()
        started = time.perf_counter()
        keys = bulk.seed(session, schools=50, classes=20, days=100)
        print(f"seeded {len(keys):,} sessions in {time.perf_counter() - started:.1f} s ({engine.dialect.name})")
    data = bulk.sessions_csv(keys)
    print(f"CSV: {len(data) / 1024 / 1024:.1f} MB")
    with Session(engine) as session:
        _timed("CSV import (check + write)", lambda: import_sessions(data, session=session, today=TODAY))
    with Session(engine) as session:
        _timed("same CSV again (all unchanged)", lambda: import_sessions(data, session=session, today=TODAY))
    xlsx = _xlsx(data)
    print(f"XLSX: {len(xlsx) / 1024 / 1024:.1f} MB")
    with Session(engine) as session:
        _timed("XLSX check (dry run)", lambda: import_sessions(xlsx, session=session, today=TODAY, dry_run=True))
    engine.dispose()


if __name__ == "__main__":
    main()
