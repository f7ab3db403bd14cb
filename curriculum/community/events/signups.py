"""Sign-ups for one occurrence: places up to the event's capacity, then a waitlist served in queue order.

Capacity 0 means unlimited. Nobody jumps the queue: while anyone waits, a new
sign-up waits behind them even if a place looks free, and every freed place
goes to the first in the queue.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from curriculum.community.conflicts import CommunityError, Conflict, fmt_dt
from curriculum.community.events.records import get_event, get_occurrence, signups_of
from curriculum.community.people import normalize_phone
from curriculum.errors import get_or_raise, validated
from curriculum.models.community import EventOccurrence, SignUp, SignUpCreate

# The sign-up form's Chinese field names, for messages about fields whose rule has no message of its own.
SIGNUP_LABELS = {"occurrence_id": "活动场次", "name": "报名姓名", "role": "报名身份", "phone": "报名手机号"}


def capacity_conflict(occurrence_id: int, *, session: Session, adding: int = 1) -> Conflict | None:
    """Info: ``adding`` more sign-ups would exceed the places; they will go on the waitlist."""
    occ = get_occurrence(occurrence_id, session=session)
    event = get_event(occ.event_id, session=session)
    confirmed = len(signups_of(occ.id, session=session, status="confirmed"))
    if event.capacity and confirmed + adding > event.capacity:
        waiting = len(signups_of(occ.id, session=session, status="waitlist"))
        return Conflict(
            "over_capacity",
            f"报名超过名额：“{occ.title or event.title}”{fmt_dt(occ.start)} 名额 {event.capacity} 人已满"
            f"（已报名 {confirmed} 人），新报名将进入候补（目前候补 {waiting} 人）。",
            "info", start=occ.start, event_id=event.id,
        )
    return None


def _same_person(row: SignUp, name: str, phone: str | None) -> bool:
    """Same name, and the same phone when both gave one (two 王芳 with different phones are two people)."""
    return row.name == name and (not phone or not row.phone or row.phone == phone)


def _refuse_duplicate(occ: EventOccurrence, name: str, phone: str | None, session: Session) -> None:
    for row in signups_of(occ.id, session=session):
        if row.status != "cancelled" and _same_person(row, name, phone):
            where = "候补名单中" if row.status == "waitlist" else "已报名"
            raise CommunityError(f"报名姓名：“{name}”{fmt_dt(occ.start)} 这一场{where}，不能重复报名", field="name")


def sign_up_input(**fields: Any) -> SignUpCreate:
    """A ``SignUpCreate`` from typed input; ``CommunityError`` in Chinese naming the field the model refuses."""
    return validated(SignUpCreate, CommunityError, labels=SIGNUP_LABELS, **fields)


def sign_up(data: SignUpCreate, *, session: Session) -> SignUp:
    """Sign ``data.name`` up; beyond the event's capacity (0 = unlimited) they join the waitlist.

    The model holds the field rules (a name, a known role). While anyone is
    waiting, a new sign-up queues behind them even if a place looks free
    (nobody jumps the queue). The same person (name, plus phone if given)
    cannot sign up twice for one occurrence.
    """
    name, role, occurrence_id = data.name, data.role, data.occurrence_id
    phone = normalize_phone(data.phone, field="报名手机号")
    occ = get_occurrence(occurrence_id, session=session)
    if occ.cancelled:
        raise CommunityError(f"{fmt_dt(occ.start)} 这一场已取消，不能报名", field="occurrence_id")
    _refuse_duplicate(occ, name, phone, session)
    full = (capacity_conflict(occurrence_id, session=session) is not None
            or bool(signups_of(occ.id, session=session, status="waitlist")))
    seq = (session.exec(select(func.max(SignUp.seq)).where(SignUp.occurrence_id == occ.id)).one() or 0) + 1
    row = SignUp(occurrence_id=occ.id, name=name, phone=phone, role=role,
                 status="waitlist" if full else "confirmed", seq=seq)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def cancel_signup(signup_id: int, *, session: Session) -> SignUp | None:
    """Cancel a sign-up; if it held a place, the first on the waitlist is promoted (and returned)."""
    row = get_or_raise(session, SignUp, signup_id, what="报名", field="signup_id")
    held_place = row.status == "confirmed"
    row.status = "cancelled"
    session.add(row)
    session.flush()
    promoted = None
    if held_place:
        occ = get_occurrence(row.occurrence_id, session=session)
        moved = promote_waitlist(occ, get_event(occ.event_id, session=session).capacity, session=session)
        promoted = moved[0] if moved else None
    session.commit()
    if promoted is not None:
        session.refresh(promoted)
    return promoted


def promote_waitlist(occ: EventOccurrence, capacity: int, *, session: Session) -> list[SignUp]:
    """Move people from the waitlist, in queue order, into the free places (``capacity`` 0 = unlimited).

    Flushes, does not commit (callers commit with their own change).
    """
    confirmed = len(signups_of(occ.id, session=session, status="confirmed"))
    promoted = []
    for row in signups_of(occ.id, session=session, status="waitlist"):
        if capacity and confirmed >= capacity:
            break
        row.status = "confirmed"
        session.add(row)
        confirmed += 1
        promoted.append(row)
    session.flush()
    return promoted


def signup_lists(occurrence_id: int, *, session: Session) -> tuple[list[SignUp], list[SignUp]]:
    """(confirmed in sign-up order, waitlist in queue order)."""
    return (signups_of(occurrence_id, session=session, status="confirmed"),
            signups_of(occurrence_id, session=session, status="waitlist"))
