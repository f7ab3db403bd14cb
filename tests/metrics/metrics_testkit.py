"""Shared days and a festival stand-in for the metrics tests (a unique module name: tests are not packages)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

MON = date(2026, 9, 7)  # a Monday
WEEK1 = [MON + timedelta(days=k) for k in range(5)]  # Mon 7 – Fri 11 September 2026
WEEK2 = [MON + timedelta(days=7 + k) for k in range(5)]  # Mon 14 – Fri 18 September 2026


@dataclass(frozen=True)
class Fest:
    """What the planner engine needs of a festival (key, name, texts)."""

    key: str
    name: str
    date: date
    texts: tuple[str, ...]
