"""The city's districts and counties (区县): the list every district field must come from.

Schools, reading points, events, pairings and programmes store a district's
name; the database refuses a name that is not in this list (foreign key), and
``require_district`` refuses it first with a Chinese message naming the field.
"""

from __future__ import annotations

from sqlmodel import Session, select

from curriculum.errors import DomainError
from curriculum.models.district import District, DistrictCreate

# The reference city's districts and counties (漯河市), for demo data and a new deployment's first list.
LUOHE_DISTRICTS: tuple[str, ...] = ("源汇区", "郾城区", "召陵区", "舞阳县", "临颍县")


class DistrictError(DomainError):
    """A district name that is not in the city's list."""


def list_districts(*, session: Session) -> list[str]:
    """Every district name, sorted."""
    return list(session.exec(select(District.name).order_by(District.name)))


def create_district(data: DistrictCreate, *, session: Session) -> District:
    """Add a district (a name already there is refused)."""
    name = data.name.strip()
    if session.exec(select(District).where(District.name == name)).first():
        raise DistrictError(f"区县“{name}”已存在", field="name")
    district = District(name=name)
    session.add(district)
    session.flush()
    return district


def ensure_districts(names: tuple[str, ...] | list[str], *, session: Session) -> int:
    """Add the names not yet there (demo data, first set-up); returns how many were added."""
    present = set(list_districts(session=session))
    added = [District(name=n) for n in dict.fromkeys(names) if n not in present]
    session.add_all(added)
    session.flush()
    return len(added)


def require_district(name: str | None, *, session: Session, field: str = "district") -> str | None:
    """``name`` itself when it is a known district or empty (None); otherwise a ``DistrictError``."""
    name = (name or "").strip() or None
    if name is not None and _id_of(name, session) is None:
        known = "、".join(list_districts(session=session)) or "（尚未登记任何区县）"
        raise DistrictError(f"区县：“{name}”不在本市区县列表中，可选：{known}", field=field)
    return name


def _id_of(name: str, session: Session) -> int | None:
    return session.exec(select(District.id).where(District.name == name)).first()
