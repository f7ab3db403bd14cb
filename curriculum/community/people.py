"""People who run community reading: 领读员 (reading leaders) and 志愿者 (volunteers).

Personal data is kept minimal: a name, a role, skills, weekly availability and
an optional phone. The phone is shown masked (``138****0000``) to everyone
except the person who manages this one (``managed_by``) and the person
themself.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from curriculum.community.conflicts import CommunityError
from curriculum.community.points import Hours, format_hours, parse_hours, within_hours
from curriculum.models.community import Person, PersonCreate
from curriculum.phones import PhoneError, mask_phone, normalise_phone  # mask_phone: also the old import path
from curriculum.textlists import join_list, split_list
from curriculum.vocab import PERSON_ROLES as ROLES

SKILLS: tuple[str, ...] = ("朗诵", "讲解", "书法", "组织", "摄影", "主持", "音响", "急救")

def normalize_phone(phone: str | None, *, field: str = "手机号") -> str | None:
    """``phones.normalise_phone`` raising ``CommunityError`` (the community pages catch that)."""
    try:
        return normalise_phone(phone, field=field)
    except PhoneError as err:
        raise CommunityError(str(err)) from None


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
    if not data.name.strip():
        raise CommunityError("姓名：不能为空")
    if data.role not in ROLES:
        raise CommunityError(f"角色：未知角色“{data.role}”，可选：领读员、志愿者")
    data = data.model_copy(update={"phone": normalize_phone(data.phone)})
    if data.managed_by is not None and session.get(Person, data.managed_by) is None:
        raise CommunityError(f"负责人 #{data.managed_by} 不存在")
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


def people_table(*, session: Session, viewer_id: int | None = None) -> list[dict]:
    """Plain rows for the page, phones as ``viewer_id`` may see them."""
    from curriculum.models.community import ReadingPoint

    names = {p.id: p.name for p in session.exec(select(ReadingPoint))}
    people = list_people(session=session)
    by_id = {p.id: p.name for p in people}
    return [
        {
            "编号": p.id,
            "姓名": p.name,
            "角色": ROLES.get(p.role, p.role),
            "特长": "、".join(split_list(p.skills)),
            "可服务时间": format_hours(availability(p)),
            "诵读点": names.get(p.point_id, ""),
            "负责人": by_id.get(p.managed_by, ""),
            "电话": display_phone(p, viewer_id),
        }
        for p in people
    ]
