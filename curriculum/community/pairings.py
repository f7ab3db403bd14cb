"""Pairings (结对子): a school or cultural society paired with a community or township.

Each pairing has a start date, the resources it delivers (师资, 展览, 文化作品,
学习资源) and the joint events it produced (events whose ``pairing_id`` points
here). The page's table is in ``views``.
"""

from __future__ import annotations

from sqlmodel import Session, select

from curriculum.community.conflicts import CommunityError
from curriculum.districts import require_district
from curriculum.errors import get_or_raise
from curriculum.models.calendar import School
from curriculum.models.community import CommunityEvent, Pairing, PairingCreate, ReadingPoint
from curriculum.textlists import join_list, split_list
from curriculum.vocab import PAIRING_RESOURCES, PARTNER_KINDS, TARGET_KINDS


def _linked_keys(data: PairingCreate, *, session: Session) -> dict[str, int | None]:
    """The school and reading point the pairing joins: ids given are checked, else found by the names typed."""
    school_id, point_id = data.school_id, data.point_id
    if school_id is not None:
        get_or_raise(session, School, school_id, what="学校", field="school_id")
    elif data.partner_kind == "school":
        school_id = session.exec(select(School.id).where(School.name == data.partner_name.strip())).first()
    if point_id is not None:
        get_or_raise(session, ReadingPoint, point_id, what="诵读点", field="point_id")
    else:
        name = data.target_name.strip()
        point_id = session.exec(select(ReadingPoint.id).where(
            (ReadingPoint.name == name) | (ReadingPoint.community == name)).order_by(ReadingPoint.id)).first()
    return {"school_id": school_id, "point_id": point_id}


def create_pairing(data: PairingCreate, *, session: Session) -> Pairing:
    """Validate and save a pairing (resources as a clean list of ``PAIRING_RESOURCES`` keys)."""
    if not data.partner_name.strip():
        raise CommunityError("结对单位：不能为空", field="partner_name")
    if not data.target_name.strip():
        raise CommunityError("结对社区/乡镇：不能为空", field="target_name")
    if data.partner_kind not in PARTNER_KINDS:
        raise CommunityError(f"结对单位类型：未知“{data.partner_kind}”，可选：{'、'.join(PARTNER_KINDS.values())}",
                             field="partner_kind")
    if data.target_kind not in TARGET_KINDS:
        raise CommunityError(f"结对对象类型：未知“{data.target_kind}”，可选：{'、'.join(TARGET_KINDS.values())}",
                             field="target_kind")
    resources = split_list(data.resources)
    unknown = [r for r in resources if r not in PAIRING_RESOURCES]
    if unknown:
        choices = "、".join(PAIRING_RESOURCES.values())
        raise CommunityError(f"送到基层的资源：未知“{'、'.join(unknown)}”，可选：{choices}", field="resources")
    district = require_district(data.district, session=session)
    keys = _linked_keys(data, session=session)
    pairing = Pairing.model_validate(data.model_copy(update={"resources": join_list(resources), "district": district,
                                                             **keys}))
    session.add(pairing)
    session.commit()
    session.refresh(pairing)
    return pairing


def list_pairings(*, session: Session) -> list[Pairing]:
    return list(session.exec(select(Pairing).order_by(Pairing.start_date, Pairing.id)))


def pairing_events(pairing_id: int, *, session: Session) -> list[CommunityEvent]:
    return list(session.exec(
        select(CommunityEvent).where(CommunityEvent.pairing_id == pairing_id).order_by(CommunityEvent.start)
    ))
