"""Demo schools: 漯河市第二实验小学 with its two 2026–2027 terms, closures and a make-up day."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from curriculum.models.calendar import ClosureCreate, MakeupDayCreate, Term
from curriculum.schoolcal import store

DEMO_SCHOOL = "漯河市第二实验小学"
DEMO_DISTRICT = "源汇区"

_DEMO_TERMS = (
    ("2026–2027 学年第一学期", date(2026, 9, 1), date(2027, 1, 22)),
    ("2026–2027 学年第二学期", date(2027, 2, 22), date(2027, 7, 2)),
)
# (index into _DEMO_TERMS, start, end, reason)
_DEMO_CLOSURES = (
    (0, date(2026, 10, 29), date(2026, 10, 30), "秋季运动会"),
    (0, date(2026, 11, 12), date(2026, 11, 13), "期中考试"),
    (1, date(2027, 4, 22), date(2027, 4, 23), "期中考试"),
)
# (index into _DEMO_TERMS, day, timetable weekday, reason)
_DEMO_MAKEUPS = ((0, date(2026, 10, 31), 4, "运动会补课"),)


def _terms(school_id: int, *, session: Session, counts: dict[str, int]) -> list[Term]:
    existing = {t.name: t for t in store.list_terms(school_id, session=session)}
    terms: list[Term] = []
    for name, start, end in _DEMO_TERMS:
        if name not in existing:
            existing[name] = store.create_term(store.term_input(school_id, name, start, end), session=session)
            counts["学期"] += 1
        terms.append(existing[name])
    return terms


def _adjustments(terms: list[Term], *, session: Session, counts: dict[str, int]) -> None:
    for index, start, end, reason in _DEMO_CLOSURES:
        rows = store.list_adjustments(terms[index].id, session=session)
        if not any(r.kind == "closure" and r.start == start and r.reason == reason for r in rows):
            store.create_closure(ClosureCreate(term_id=terms[index].id, start=start, end=end, reason=reason),
                                 session=session)
            counts["停课与补课"] += 1
    for index, day, weekday, reason in _DEMO_MAKEUPS:
        rows = store.list_adjustments(terms[index].id, session=session)
        if not any(r.kind == "makeup" and r.start == day for r in rows):
            makeup = MakeupDayCreate(term_id=terms[index].id, day=day, timetable_weekday=weekday, reason=reason)
            store.create_makeup_day(makeup, session=session)
            counts["停课与补课"] += 1


def seed(*, session: Session, today: date | None = None) -> dict[str, int]:
    """Create the demo school, its two 2026–2027 terms, closures and a make-up day.

    Idempotent: returns the rows created by this call by Chinese label
    (``{"学校": 1, "学期": 2, "停课与补课": 4}`` the first time, zeros after).
    ``today`` is accepted for the common seeding signature and not used: the
    demo calendar is the same fixed school year whatever the date.
    """
    counts = {"学校": 0, "学期": 0, "停课与补课": 0}
    school = store.school_by_name(DEMO_SCHOOL, session=session)
    if school is None:
        school = store.create_school(store.school_input(DEMO_SCHOOL, DEMO_DISTRICT), session=session)
        counts["学校"] += 1
    _adjustments(_terms(school.id, session=session, counts=counts), session=session, counts=counts)
    return counts
