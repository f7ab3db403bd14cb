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

from pydantic import NaiveDatetime, ValidationInfo, field_validator
from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from curriculum.models.base import Timestamped, blank_to_none, one_of, required
from curriculum.models.district import district_field
from curriculum.textlists import join_list, split_list
from curriculum.vocab import (
    ATTENDANCE_ROLES,
    EVENT_STATUSES,
    FESTIVALS,
    INTEGRATIONS,
    PAIRING_RESOURCES,
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


# The rules of the ``*Create`` models below raise ``ValueError`` with a Chinese message that
# names the field; ``curriculum.errors.validated`` passes that message on as it is.


def _not_blank(value: str, label: str) -> str:
    return required(value, f"{label}：不能为空")


def _one_of(value: str, choices: dict[str, str], what: str) -> str:
    if value not in choices:
        raise ValueError(f"{what}“{value}”，可选：{'、'.join(choices.values())}")
    return value


def _weekly_hours(text: str, label: str) -> str:
    # Imported here: ``community.points`` imports these models, and the hours rule lives there.
    from curriculum.community.points import parse_hours

    parse_hours(text, field=label)
    return text


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
    """A new reading point: a name, a known venue type, a capacity of 0 or more, well-formed opening hours."""

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _not_blank(value, "诵读点名称")

    @field_validator("venue_type")
    @classmethod
    def _venue_type(cls, value: str) -> str:
        return _one_of(value, VENUE_TYPES, "场所类型：未知类型")

    @field_validator("capacity")
    @classmethod
    def _capacity(cls, value: int) -> int:
        if value < 0:
            raise ValueError("容纳人数：不能为负数")
        return value

    @field_validator("opening_hours")
    @classmethod
    def _opening_hours(cls, value: str) -> str:
        return _weekly_hours(value, "开放时间")


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
    """A new reading leader or volunteer: a name, a known role, well-formed weekly availability.

    The phone is cleaned by the service (``curriculum.phones``), which also checks the manager exists.
    """

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _not_blank(value, "姓名")

    @field_validator("role")
    @classmethod
    def _role(cls, value: str) -> str:
        return _one_of(value, PERSON_ROLES, "角色：未知角色")

    @field_validator("skills")
    @classmethod
    def _skills(cls, value: str) -> str:
        return join_list(split_list(value))

    @field_validator("availability")
    @classmethod
    def _availability(cls, value: str) -> str:
        return _weekly_hours(value, "可服务时间")


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
    """A new pairing: both sides named, known kinds, resources from ``PAIRING_RESOURCES`` (stored as a clean list)."""

    @field_validator("partner_name")
    @classmethod
    def _partner_name(cls, value: str) -> str:
        return _not_blank(value, "结对单位")

    @field_validator("target_name")
    @classmethod
    def _target_name(cls, value: str) -> str:
        return _not_blank(value, "结对社区/乡镇")

    @field_validator("partner_kind")
    @classmethod
    def _partner_kind(cls, value: str) -> str:
        return _one_of(value, PARTNER_KINDS, "结对单位类型：未知")

    @field_validator("target_kind")
    @classmethod
    def _target_kind(cls, value: str) -> str:
        return _one_of(value, TARGET_KINDS, "结对对象类型：未知")

    @field_validator("resources")
    @classmethod
    def _resources(cls, value: str) -> str:
        resources = split_list(value)
        unknown = [r for r in resources if r not in PAIRING_RESOURCES]
        if unknown:
            choices = "、".join(PAIRING_RESOURCES.values())
            raise ValueError(f"送到基层的资源：未知“{'、'.join(unknown)}”，可选：{choices}")
        return join_list(resources)


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


class SignUpCreate(SQLModel):
    """A new sign-up for one occurrence: a name and a known role.

    The phone is cleaned by the service (``curriculum.phones``), which also checks the occurrence,
    duplicates and the places left.
    """

    occurrence_id: int
    name: str
    role: str = "resident"
    phone: str | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _not_blank(value, "报名姓名")

    @field_validator("role")
    @classmethod
    def _role(cls, value: str) -> str:
        if value not in ATTENDANCE_ROLES:
            raise ValueError(f"报名身份：未知“{value}”")
        return value


class ShiftCreate(SQLModel):
    """A new volunteer shift: a task, at least one person, an end after the start.

    A start or end left empty is the occurrence's (filled in, and checked again, by the service).
    """

    occurrence_id: int
    task: str
    needed: int = 1
    start: NaiveDatetime | None = None
    end: NaiveDatetime | None = None

    @field_validator("task")
    @classmethod
    def _task(cls, value: str) -> str:
        return _not_blank(value, "岗位名称")

    @field_validator("needed")
    @classmethod
    def _needed(cls, value: int) -> int:
        if value < 1:
            raise ValueError("需要人数：应至少为 1")
        return value

    @field_validator("end")
    @classmethod
    def _end(cls, value: NaiveDatetime | None, info: ValidationInfo) -> NaiveDatetime | None:
        start = info.data.get("start")
        if value is not None and start is not None and value <= start:
            raise ValueError("岗位结束时间：应晚于开始时间")
        return value


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


class AttendanceRecordCreate(SQLModel):
    """Attendance of one occurrence: a duration over 0 minutes and a count of 0 or more per known role.

    Roles left out count 0; the service checks the occurrence exists.
    """

    occurrence_id: int
    duration_minutes: int
    counts: dict[str, int]

    @field_validator("duration_minutes")
    @classmethod
    def _duration(cls, value: int) -> int:
        if value <= 0:
            raise ValueError("实际时长：应大于 0 分钟")
        return value

    @field_validator("counts")
    @classmethod
    def _counts(cls, value: dict[str, int]) -> dict[str, int]:
        for role, n in value.items():
            if role not in ATTENDANCE_ROLES:
                raise ValueError(f"到场人数：未知身份“{role}”，可选：{'、'.join(ATTENDANCE_ROLES.values())}")
            if n < 0:
                raise ValueError(f"到场人数·{ATTENDANCE_ROLES[role]}：不能为负数")
        return value


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
