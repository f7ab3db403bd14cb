"""SQLModel tables for the community entity family.

Reading points (社区诵读点), the people who run them (领读员 and 志愿者),
pairings (结对子), events stored as a rule plus materialised occurrences,
sign-ups with a waitlist, volunteer shifts and attendance.

Lists (texts, stages, skills, resources) are stored as comma-separated keys and
weekly hours as a small JSON object (``{"5": [["09:00", "12:00"]]}``, Monday =
0), so the schema stays identical on SQLite and PostgreSQL; the helpers in
``curriculum.community`` parse them. Times are naive local Asia/Shanghai wall-clock times
(``NaiveDatetime`` → ``DateTime(timezone=False)``): a Saturday 09:00 reading
stays at 09:00 whatever the server's zone.
"""

from __future__ import annotations

from datetime import date

from pydantic import NaiveDatetime, field_validator
from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from curriculum.models.base import Timestamped, blank_to_none, one_of
from curriculum.models.district import district_field
from curriculum.vocab import (
    ATTENDANCE_ROLES,
    EVENT_STATUSES,
    FESTIVALS,
    INTEGRATIONS,
    PARTNER_KINDS,
    PERSON_ROLES,
    SIGNUP_STATUSES,
    SPHERES,
    TARGET_KINDS,
    VENUE_TYPES,
)


class _DistrictMixin(SQLModel):
    @field_validator("district", mode="before", check_fields=False)
    @classmethod
    def _no_blank_district(cls, value: object) -> object:
        return blank_to_none(value)

# --- reading points ---------------------------------------------------------

class ReadingPointBase(_DistrictMixin):
    name: str = Field(index=True)
    district: str | None = district_field(index=True)
    township: str = ""
    community: str = ""
    venue_type: str = "community"
    capacity: int = 0
    opening_hours: str = Field(default="{}", description="JSON: weekday (0=Mon) → [[start, end], …]")
    contact: str = ""


class ReadingPointCreate(ReadingPointBase):
    pass


class ReadingPoint(ReadingPointBase, Timestamped, table=True):
    __tablename__ = "reading_point"
    __table_args__ = (one_of("reading_point", "venue_type", VENUE_TYPES),)

    id: int | None = Field(default=None, primary_key=True)


# --- people -----------------------------------------------------------------

class PersonBase(SQLModel):
    name: str = Field(index=True)
    role: str = "volunteer"
    skills: str = ""
    availability: str = Field(default="{}", description="JSON: weekday (0=Mon) → [[start, end], …]")
    phone: str | None = None
    point_id: int | None = Field(default=None, foreign_key="reading_point.id", index=True)
    managed_by: int | None = Field(default=None, foreign_key="community_person.id")


class PersonCreate(PersonBase):
    pass


class Person(PersonBase, Timestamped, table=True):
    __tablename__ = "community_person"
    __table_args__ = (one_of("community_person", "role", PERSON_ROLES),)

    id: int | None = Field(default=None, primary_key=True)


# --- pairings ---------------------------------------------------------------

class PairingBase(_DistrictMixin):
    partner_name: str
    partner_kind: str = "school"
    target_name: str
    target_kind: str = "community"
    # The partner school and the receiving community's reading point, when they are
    # in the database (a cultural society or a township without a point has none).
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True)
    point_id: int | None = Field(default=None, foreign_key="reading_point.id", index=True)
    district: str | None = district_field()
    start_date: date
    resources: str = ""
    note: str = ""


class PairingCreate(PairingBase):
    pass


class Pairing(PairingBase, Timestamped, table=True):
    __tablename__ = "pairing"
    __table_args__ = (
        one_of("pairing", "partner_kind", PARTNER_KINDS),
        one_of("pairing", "target_kind", TARGET_KINDS),
    )

    id: int | None = Field(default=None, primary_key=True)


# --- events -----------------------------------------------------------------

class CommunityEventBase(SQLModel):
    title: str
    point_id: int | None = Field(default=None, foreign_key="reading_point.id", index=True)
    # The point's district, or the district a district-wide event serves.
    district: str | None = district_field()
    description: str = ""
    texts: str = ""
    integration: str = "urban_rural"
    sphere: str = "society"
    stages: str = ""
    capacity: int = 0
    start: NaiveDatetime
    duration_minutes: int = 60
    rrule: str | None = None
    status: str = Field(default="confirmed", index=True)
    festival_key: str | None = None
    pairing_id: int | None = Field(default=None, foreign_key="pairing.id")


class CommunityEvent(CommunityEventBase, Timestamped, table=True):
    __tablename__ = "community_event"
    __table_args__ = (
        one_of("community_event", "integration", INTEGRATIONS),
        one_of("community_event", "sphere", SPHERES),
        one_of("community_event", "status", EVENT_STATUSES),
        one_of("community_event", "festival_key", FESTIVALS, nullable=True),
    )

    id: int | None = Field(default=None, primary_key=True)


class EventOccurrence(Timestamped, table=True):
    """One dated occurrence; ``slot`` is its place in the rule, kept when it is moved."""

    __tablename__ = "event_occurrence"
    __table_args__ = (UniqueConstraint("event_id", "slot", name="uq_occurrence_slot"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="community_event.id", index=True)
    slot: NaiveDatetime
    start: NaiveDatetime = Field(index=True)
    end: NaiveDatetime
    title: str | None = None
    is_exception: bool = False
    cancelled: bool = False
    revision: int = Field(default=0, description="bumped on every edit; the iCalendar SEQUENCE")


class SignUp(Timestamped, table=True):
    __tablename__ = "event_signup"
    __table_args__ = (
        one_of("event_signup", "role", ATTENDANCE_ROLES),
        one_of("event_signup", "status", SIGNUP_STATUSES),
    )

    id: int | None = Field(default=None, primary_key=True)
    occurrence_id: int = Field(foreign_key="event_occurrence.id", index=True)
    name: str
    phone: str | None = None
    role: str = "resident"
    status: str = "confirmed"
    seq: int = 0


class VolunteerShift(Timestamped, table=True):
    __tablename__ = "volunteer_shift"

    id: int | None = Field(default=None, primary_key=True)
    occurrence_id: int = Field(foreign_key="event_occurrence.id", index=True)
    task: str = "领读"
    start: NaiveDatetime
    end: NaiveDatetime
    needed: int = 1


class ShiftAssignment(Timestamped, table=True):
    __tablename__ = "shift_assignment"
    __table_args__ = (UniqueConstraint("shift_id", "person_id", name="uq_shift_person"),)

    id: int | None = Field(default=None, primary_key=True)
    shift_id: int = Field(foreign_key="volunteer_shift.id", index=True)
    person_id: int = Field(foreign_key="community_person.id", index=True)
    backup: bool = False
    served: bool = False


class Attendance(Timestamped, table=True):
    __tablename__ = "event_attendance"
    __table_args__ = (
        UniqueConstraint("occurrence_id", "role", name="uq_attendance_role"),
        one_of("event_attendance", "role", ATTENDANCE_ROLES),
    )

    id: int | None = Field(default=None, primary_key=True)
    occurrence_id: int = Field(foreign_key="event_occurrence.id", index=True)
    role: str
    count: int = 0
    duration_minutes: int = 0
