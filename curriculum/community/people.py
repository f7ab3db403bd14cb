"""People who run community reading: 领读员 (reading leaders) and 志愿者 (volunteers).

Personal data is kept minimal: a name, a role, skills, weekly availability and
an optional phone. The phone is shown masked (``138****0000``) to everyone
except the person who manages this one (``managed_by``) and the person
themself. The page's table is in ``views``.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from curriculum.community.conflicts import CommunityError
from curriculum.community.points import Hours, parse_hours, within_hours
from curriculum.errors import get_or_raise
from curriculum.models.community import Person, PersonCreate
from curriculum.phones import PhoneError, mask_phone, normalise_phone  # mask_phone: also the old import path
from curriculum.textlists import join_list, split_list
from curriculum.vocab import PERSON_ROLES

# What the registration form offers; free to extend (stored as a text list, not checked).
SKILLS: tuple[str, ...] = ("朗诵", "讲解", "书法", "组织", "摄影", "主持", "音响", "急救")


def normalize_phone(phone: str | None, *, field: str = "手机号") -> str | None:
    """``phones.normalise_phone`` raising ``CommunityError`` (the community pages catch that)."""
    try:
        return normalise_phone(phone, field=field)
    except PhoneError as err:
        raise CommunityError(str(err), field="phone") from None


def display_phone(person: Person, viewer_id: int | None) -> str:
    """The phone as ``viewer_id`` may see it: in full for the manager (or the person), otherwise masked."""
    if not person.phone:
        return ""
    if viewer_id is not None and viewer_id in (person.managed_by, person.id):
        return person.phone
    return mask_phone(person.phone)


def availability(person: Person) -> Hours:
    return parse_hours(person.availability, field=f"“{person.name}”的可服务时间")


def is_available(person: Person, start: datetime, end: datetime) -> bool:
    """Within the person's weekly availability (none registered → available)."""
    return within_hours(availability(person), start, end)


def create_person(data: PersonCreate, *, session: Session) -> Person:
    """Validate and save a reading leader or volunteer (phone normalised, skills as a clean list)."""
    if not data.name.strip():
        raise CommunityError("姓名：不能为空", field="name")
    if data.role not in PERSON_ROLES:
        raise CommunityError(f"角色：未知角色“{data.role}”，可选：{'、'.join(PERSON_ROLES.values())}", field="role")
    data = data.model_copy(update={"phone": normalize_phone(data.phone)})
    if data.managed_by is not None:
        get_or_raise(session, Person, data.managed_by, what="负责人", field="managed_by")
    parse_hours(data.availability, field="可服务时间")
    person = Person.model_validate(data.model_copy(update={"skills": join_list(split_list(data.skills))}))
    session.add(person)
    session.commit()
    session.refresh(person)
    return person


def list_people(*, session: Session, point_id: int | None = None, role: str | None = None) -> list[Person]:
    stmt = select(Person).order_by(Person.role, Person.name)
    if point_id is not None:
        stmt = stmt.where(Person.point_id == point_id)
    if role:
        stmt = stmt.where(Person.role == role)
    return list(session.exec(stmt))
