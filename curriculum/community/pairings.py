"""Pairings (结对子): a school or cultural society paired with a community or township.

Each pairing has a start date, the resources it delivers (师资, 展览, 文化作品,
学习资源) and the joint events it produced (events whose ``pairing_id`` points
here).
"""

from __future__ import annotations

from sqlmodel import Session, select

from curriculum.community.conflicts import CommunityError
from curriculum.models.community import CommunityEvent, Pairing, PairingCreate
from curriculum.textlists import join_list, split_list
from curriculum.vocab import PAIRING_RESOURCES as RESOURCES
from curriculum.vocab import PARTNER_KINDS, TARGET_KINDS


def create_pairing(data: PairingCreate, *, session: Session) -> Pairing:
    if not data.partner_name.strip():
        raise CommunityError("结对单位：不能为空")
    if not data.target_name.strip():
        raise CommunityError("结对社区/乡镇：不能为空")
    if data.partner_kind not in PARTNER_KINDS:
        raise CommunityError(f"结对单位类型：未知“{data.partner_kind}”，可选：学校、文化社团")
    if data.target_kind not in TARGET_KINDS:
        raise CommunityError(f"结对对象类型：未知“{data.target_kind}”，可选：社区、乡镇")
    resources = split_list(data.resources)
    unknown = [r for r in resources if r not in RESOURCES]
    if unknown:
        raise CommunityError(f"送到基层的资源：未知“{'、'.join(unknown)}”，可选：{'、'.join(RESOURCES.values())}")
    pairing = Pairing.model_validate(data.model_copy(update={"resources": join_list(resources)}))
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


def pairings_table(*, session: Session) -> list[dict]:
    rows = []
    for p in list_pairings(session=session):
        events = pairing_events(p.id, session=session)
        rows.append({
            "编号": p.id,
            "结对单位": f"{p.partner_name}（{PARTNER_KINDS.get(p.partner_kind, p.partner_kind)}）",
            "结对对象": f"{p.target_name}（{TARGET_KINDS.get(p.target_kind, p.target_kind)}）",
            "区县": p.district,
            "开始日期": p.start_date.isoformat(),
            "资源": "、".join(RESOURCES.get(r, r) for r in split_list(p.resources)),
            "联合活动": "、".join(e.title for e in events if e.status != "dropped"),
        })
    return rows
