"""People who run community reading: 领读员 (reading leaders) and 志愿者 (volunteers).

Personal data is kept minimal: a name, a role, skills, weekly availability and
an optional phone. The phone is shown masked (``138****0000``) to everyone
except the person who manages this one (``managed_by``) and the person
themself. The field rules of a new person are on ``PersonCreate`` (``person_input``
builds one from typed input); the page's table is in ``views``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from curriculum.accounts.service import CurrentUser
from curriculum.community.conflicts import CommunityError
from curriculum.community.points import Hours, parse_hours, within_hours
from curriculum.errors import get_or_raise, validated
from curriculum.models.community import Person, PersonCreate
from curriculum.phones import PhoneError, mask_phone, normalise_phone  # mask_phone: also the old import path

# What the registration form offers; free to extend (stored as a text list, not checked).
SKILLS: tuple[str, ...] = ("朗诵", "讲解", "书法", "组织", "摄影", "主持", "音响", "急救")

# The registration form's Chinese field names, for messages about fields whose rule has no message of its own.
PERSON_LABELS = {"name": "姓名", "role": "角色", "skills": "特长", "availability": "可服务时间", "phone": "手机号",
                 "point_id": "所属诵读点", "managed_by": "负责人"}


def normalize_phone(phone: str | None, *, field: str = "手机号") -> str | None:
    """``phones.normalise_phone`` raising ``CommunityError`` (the community pages catch that)."""
    try:
        return normalise_phone(phone, field=field)
    except PhoneError as err:
        raise CommunityError(str(err), field="phone") from None


def may_see_phone(person: Person, viewer: CurrentUser | None) -> bool:
    """Full numbers only for administrators and the leaders of the person's own reading point."""
    if viewer is None:
        return False
    return "admin" in viewer.roles or any(
        g.role == "leader" and g.point_id is not None and g.point_id == person.point_id for g in viewer.grants)


def display_phone(person: Person, viewer: CurrentUser | None) -> str:
    """The phone as ``viewer`` (the signed-in user, or nobody) may see it: in full or masked (138****0000)."""
    if not person.phone:
        return ""
    return person.phone if may_see_phone(person, viewer) else mask_phone(person.phone)


def availability(person: Person) -> Hours:
    return parse_hours(person.availability, field=f"“{person.name}”的可服务时间")


def is_available(person: Person, start: datetime, end: datetime) -> bool:
    """Within the person's weekly availability (none registered → available)."""
    return within_hours(availability(person), start, end)


def person_input(**fields: Any) -> PersonCreate:
    """A ``PersonCreate`` from typed input; ``CommunityError`` in Chinese naming the field the model refuses."""
    return validated(PersonCreate, CommunityError, labels=PERSON_LABELS, **fields)


def create_person(data: PersonCreate, *, session: Session) -> Person:
    """Save a reading leader or volunteer (the model holds the field rules; phone normalised, manager checked)."""
    data = data.model_copy(update={"phone": normalize_phone(data.phone)})
    if data.managed_by is not None:
        get_or_raise(session, Person, data.managed_by, what="负责人", field="managed_by")
    person = Person.model_validate(data)
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
