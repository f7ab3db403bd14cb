"""Demo accounts: one per role, on the demo's own school, reading point and city, with one known password.

They exist so that a visitor of the demo can sign in as each kind of user;
the password is printed by ``classics seed demo`` and shown on the sign-in
page only while demo data is present. A real deployment creates its accounts
with ``classics user add`` instead.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from curriculum.accounts.service import create_account, find_account, grant, new_account
from curriculum.demo.community import POINTS
from curriculum.demo.schools import DEMO_SCHOOL
from curriculum.models.account import AccountGrantCreate
from curriculum.models.community import ReadingPoint
from curriculum.schoolcal.store import school_by_name

DEMO_PASSWORD = "诵读演示-2026"

# (username, display name, role, scope: "school" | "point" | None)
DEMO_ACCOUNTS: tuple[tuple[str, str, str, str | None], ...] = (
    ("demo_teacher", "王老师（演示）", "teacher", "school"),
    ("demo_leader", "李领读（演示）", "leader", "point"),
    ("demo_bureau", "教育局（演示）", "bureau", None),
    ("demo_admin", "管理员（演示）", "admin", None),
)


def _scope(kind: str | None, session: Session) -> dict[str, int]:
    if kind == "school":
        school = school_by_name(DEMO_SCHOOL, session=session)
        return {"school_id": school.id} if school else {}
    if kind == "point":
        point = session.exec(select(ReadingPoint).where(ReadingPoint.name == POINTS[0]["name"])).first()
        return {"point_id": point.id} if point else {}
    return {}


def seed(*, session: Session, today: date | None = None) -> dict[str, int]:
    """Add the demo accounts not yet there (idempotent); after schools and reading points."""
    added = 0
    for username, display_name, role, scope_kind in DEMO_ACCOUNTS:
        if find_account(username, session=session):
            continue
        scope = _scope(scope_kind, session)
        if scope_kind and not scope:
            continue  # the school or point it belongs to is not there (a partial demo)
        account = create_account(new_account(username, DEMO_PASSWORD, display_name), session=session)
        grant(account.id, AccountGrantCreate(role=role, **scope), session=session)
        added += 1
    return {"账号": added}
