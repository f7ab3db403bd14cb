"""Districts and counties (区县) of the city: the one list schools, reading points, events and programmes point at.

Rows referencing a district store its name (a natural key, unique), so tables
and exports stay readable, and the foreign key refuses a typo ("源汇" for
"源汇区") that would otherwise split the dashboards' per-district figures.
NULL means "city-wide / not given".
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from curriculum.models.base import Timestamped

DISTRICT_NAME_MAX = 60


class DistrictBase(SQLModel):
    name: str = Field(min_length=1, max_length=DISTRICT_NAME_MAX, unique=True, index=True)


class DistrictCreate(DistrictBase):
    pass


class District(DistrictBase, Timestamped, table=True):
    __tablename__ = "district"

    id: int | None = Field(default=None, primary_key=True)


def district_field(*, index: bool = False):
    """A nullable ``district`` column referencing ``district.name``."""
    return Field(default=None, max_length=DISTRICT_NAME_MAX, foreign_key="district.name", index=index)
