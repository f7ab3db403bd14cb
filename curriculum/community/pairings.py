"""Pairings (结对子): a school or cultural society paired with a community or township.

Each pairing has a start date, the resources it delivers (师资, 展览, 文化作品,
学习资源) and the joint events it produced (events whose ``pairing_id`` points
here). The field rules of a new pairing are on ``PairingCreate`` (``pairing_input``
builds one from typed input); the page's table is in ``views``.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from curriculum.community.conflicts import CommunityError
from curriculum.districts import require_district
from curriculum.errors import get_or_raise, validated
from curriculum.models.calendar import School
from curriculum.models.community import CommunityEvent, Pairing, PairingCreate, ReadingPoint

# The pairing form's Chinese field names, for messages about fields whose rule has no message of its own.
PAIRING_LABELS = {"partner_name": "结对单位", "partner_kind": "结对单位类型", "target_name": "结对社区/乡镇",
                  "target_kind": "结对对象类型", "district": "区县", "start_date": "开始日期",
                  "resources": "送到基层的资源", "note": "备注", "school_id": "学校", "point_id": "诵读点"}


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


def pairing_input(**fields: Any) -> PairingCreate:
    """A ``PairingCreate`` from typed input; ``CommunityError`` in Chinese naming the field the model refuses."""
    return validated(PairingCreate, CommunityError, labels=PAIRING_LABELS, **fields)


def create_pairing(data: PairingCreate, *, session: Session) -> Pairing:
    """Save a pairing (the model holds the field rules; district, school and reading point checked here)."""
    district = require_district(data.district, session=session)
    keys = _linked_keys(data, session=session)
    pairing = Pairing.model_validate(data.model_copy(update={"district": district, **keys}))
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
