"""Demo districts: the reference city's districts and counties (漯河市), which every demo row names."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from curriculum.districts import LUOHE_DISTRICTS, ensure_districts


def seed(*, session: Session, today: date | None = None) -> dict[str, int]:
    """Add the districts not yet listed (idempotent); ``today`` is unused, as in every demo step."""
    return {"区县": ensure_districts(LUOHE_DISTRICTS, session=session)}
