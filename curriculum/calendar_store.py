"""Schools, terms and the school's own calendar changes in the database.

Every function takes ``*, session``; writes commit on success. Validation runs
before anything is added, so a rejected change (``CalendarError`` with a
Chinese message) leaves the database exactly as it was.

Closures and make-up days belong to a school (they are dated, so every term of
that school that covers the date sees them); they are added through a term so
that the term's range and calendar can be checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from curriculum.models.calendar import CalendarAdjustment, School, Term
from curriculum.schoolcal import (
    CalendarError,
    Closure,
    MakeupDay,
    TermCalendar,
    build_term_calendar,
)
from curriculum.vocab import WEEKDAY_LABELS

__all__ = [
    "CalendarError",
    "DEMO_SCHOOL",
    "add_closure",
    "add_makeup_day",
    "create_school",
    "create_term",
    "delete_adjustment",
    "get_or_create_school",
    "get_term",
    "list_adjustments",
    "list_schools",
    "list_terms",
    "seed_demo",
    "term_adjustments",
    "term_calendar",
]

DEMO_SCHOOL = "漯河市第二实验小学"


# --------------------------------------------------------------------------- schools


def list_schools(*, session: Session) -> list[School]:
    return list(session.exec(select(School).order_by(School.name)))


def _school_by_name(name: str, *, session: Session) -> School | None:
    return session.exec(select(School).where(School.name == name)).first()


def create_school(name: str, district: str = "", *, session: Session) -> School:
    """Add a school. Raises ``CalendarError`` for an empty or already used name."""
    name = (name or "").strip()
    if not name:
        raise CalendarError("学校名称不能为空")
    if len(name) > 120:
        raise CalendarError("学校名称不能超过 120 个字")
    if _school_by_name(name, session=session) is not None:
        raise CalendarError(f"学校“{name}”已存在")
    school = School(name=name, district=(district or "").strip()[:60])
    session.add(school)
    try:
        session.commit()
    except IntegrityError:  # a concurrent insert of the same name
        session.rollback()
        raise CalendarError(f"学校“{name}”已存在") from None
    session.refresh(school)
    return school


def get_or_create_school(name: str, district: str = "", *, session: Session) -> School:
    existing = _school_by_name((name or "").strip(), session=session)
    return existing if existing is not None else create_school(name, district, session=session)


def _get_school(school_id: int, *, session: Session) -> School:
    school = session.get(School, school_id)
    if school is None:
        raise CalendarError(f"找不到编号为 {school_id} 的学校")
    return school


# --------------------------------------------------------------------------- terms


def create_term(school_id: int, name: str, start: date, end: date, *, session: Session) -> Term:
    """Add a term to a school. Raises ``CalendarError`` if ``end < start`` or the name is empty/used."""
    _get_school(school_id, session=session)
    name = (name or "").strip()
    if not name:
        raise CalendarError("学期名称不能为空")
    if end < start:
        raise CalendarError(f"学期结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}")
    if (end - start).days > 366:
        raise CalendarError("一个学期不能超过一年")
    same = session.exec(select(Term).where(Term.school_id == school_id, Term.name == name)).first()
    if same is not None:
        raise CalendarError(f"本校已有名为“{name}”的学期")
    term = Term(school_id=school_id, name=name, start=start, end=end)
    session.add(term)
    session.commit()
    session.refresh(term)
    return term


def list_terms(school_id: int, *, session: Session) -> list[Term]:
    return list(session.exec(select(Term).where(Term.school_id == school_id).order_by(Term.start, Term.id)))


def get_term(term_id: int, *, session: Session) -> Term:
    term = session.get(Term, term_id)
    if term is None:
        raise CalendarError(f"找不到编号为 {term_id} 的学期")
    return term


# --------------------------------------------------------------------------- adjustments


def list_adjustments(term_id: int, *, session: Session) -> list[CalendarAdjustment]:
    """The school's closures and make-up days that touch the term, by date."""
    term = get_term(term_id, session=session)
    statement = (
        select(CalendarAdjustment)
        .where(
            CalendarAdjustment.school_id == term.school_id,
            CalendarAdjustment.start <= term.end,
            CalendarAdjustment.end >= term.start,
        )
        .order_by(CalendarAdjustment.start, CalendarAdjustment.id)
    )
    return list(session.exec(statement))


def _to_domain(rows: Iterable[CalendarAdjustment]) -> tuple[list[Closure], list[MakeupDay]]:
    closures: list[Closure] = []
    makeups: list[MakeupDay] = []
    for row in rows:
        if row.kind == "closure":
            closures.append(Closure(row.start, row.end, row.reason))
        else:
            makeups.append(MakeupDay(row.start, row.timetable_weekday or 0, row.reason))
    return closures, makeups


def term_adjustments(term_id: int, *, session: Session) -> tuple[list[Closure], list[MakeupDay]]:
    """The term's closures and make-up days as domain objects (for ``build_term_calendar``)."""
    return _to_domain(list_adjustments(term_id, session=session))


def term_calendar(term_id: int, *, session: Session) -> TermCalendar:
    """The term's school days: official calendar plus the school's closures and make-up days."""
    term = get_term(term_id, session=session)
    closures, makeups = term_adjustments(term_id, session=session)
    # A make-up day outside this term (another term's) does not concern it.
    makeups = [m for m in makeups if term.start <= m.date <= term.end]
    return build_term_calendar(term.start, term.end, closures=closures, makeup_days=makeups)


def _check_in_term(term: Term, start: date, end: date, what: str) -> None:
    if start < term.start or end > term.end:
        raise CalendarError(
            f"{what}（{start.isoformat()} 至 {end.isoformat()}）不在学期“{term.name}”内"
            f"（{term.start.isoformat()} 至 {term.end.isoformat()}）"
        )


def add_closure(term_id: int, start: date, end: date, reason: str, *, session: Session) -> CalendarAdjustment:
    """Close the school ``start``..``end`` (inclusive) for ``reason``.

    Raises:
        CalendarError: empty reason, ``end < start``, outside the term, over one of
            the school's make-up days, or no school day in the range.
    """
    term = get_term(term_id, session=session)
    reason = (reason or "").strip()
    if not reason:
        raise CalendarError("请填写停课原因（如：期中考试、运动会）")
    if end < start:
        raise CalendarError(f"停课结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}")
    _check_in_term(term, start, end, "停课日期")
    closures, makeups = term_adjustments(term_id, session=session)
    clash = [m for m in makeups if start <= m.date <= end]
    if clash:
        raise CalendarError(f"{clash[0].date.isoformat()} 已设为补课日（{clash[0].reason}），请先删除该补课日")
    before = build_term_calendar(term.start, term.end, closures=closures, makeup_days=makeups)
    if not any(start <= d.date <= end for d in before.days):
        raise CalendarError(f"{start.isoformat()} 至 {end.isoformat()} 本来就没有要上课的日子，无需停课")
    row = CalendarAdjustment(school_id=term.school_id, kind="closure", start=start, end=end, reason=reason[:120])
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def add_makeup_day(
    term_id: int, day: date, timetable_weekday: int, reason: str, *, session: Session
) -> CalendarAdjustment:
    """Make ``day`` (usually a Saturday) a school day that follows ``timetable_weekday``'s timetable.

    Raises:
        CalendarError: outside the term, a day that already has lessons, inside
            one of the school's closures, or a timetable other than Monday–Friday.
    """
    term = get_term(term_id, session=session)
    if not isinstance(timetable_weekday, int) or not 0 <= timetable_weekday <= 4:
        raise CalendarError("补课日要按周一到周五中某一天的课表上课")
    _check_in_term(term, day, day, "补课日")
    closures, makeups = term_adjustments(term_id, session=session)
    closed = [c for c in closures if c.start <= day <= c.end]
    if closed:
        raise CalendarError(f"{day.isoformat()} 在停课期间（{closed[0].reason}），不能设为补课日")
    reason = (reason or "").strip() or "学校补课"
    makeups = [m for m in makeups if term.start <= m.date <= term.end]
    # Raises CalendarError for a day that already has lessons (incl. an official 调休上班 day).
    build_term_calendar(
        term.start, term.end, closures=closures, makeup_days=[*makeups, MakeupDay(day, timetable_weekday, reason)]
    )
    row = CalendarAdjustment(
        school_id=term.school_id,
        kind="makeup",
        start=day,
        end=day,
        reason=reason[:120],
        timetable_weekday=timetable_weekday,
    )
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def delete_adjustment(adjustment_id: int, *, session: Session) -> None:
    """Remove one closure or make-up day. Raises ``CalendarError`` if it does not exist."""
    row = session.get(CalendarAdjustment, adjustment_id)
    if row is None:
        raise CalendarError(f"找不到编号为 {adjustment_id} 的停课或补课记录")
    session.delete(row)
    session.commit()


def describe_adjustment(row: CalendarAdjustment) -> str:
    """One Chinese line for lists: "停课 2026-11-12 至 2026-11-13：期中考试"."""
    if row.kind == "makeup":
        timetable = WEEKDAY_LABELS[row.timetable_weekday or 0]
        return f"补课 {row.start.isoformat()}（{WEEKDAY_LABELS[row.start.weekday()]}，按{timetable}课表）：{row.reason}"
    span = row.start.isoformat() if row.start == row.end else f"{row.start.isoformat()} 至 {row.end.isoformat()}"
    return f"停课 {span}：{row.reason}"


# --------------------------------------------------------------------------- demo data


_DEMO_TERMS = (
    ("2026–2027 学年第一学期", date(2026, 9, 1), date(2027, 1, 22)),
    ("2026–2027 学年第二学期", date(2027, 2, 22), date(2027, 7, 2)),
)
_DEMO_CLOSURES = (
    (0, date(2026, 10, 29), date(2026, 10, 30), "秋季运动会"),
    (0, date(2026, 11, 12), date(2026, 11, 13), "期中考试"),
    (1, date(2027, 4, 22), date(2027, 4, 23), "期中考试"),
)
_DEMO_MAKEUPS = ((0, date(2026, 10, 31), 4, "运动会补课"),)


def seed_demo(*, session: Session) -> dict[str, int]:
    """Create the demo school, its two 2026–2027 terms, closures and a make-up day.

    Idempotent: returns the rows created by this call by Chinese label
    (``{"学校": 1, "学期": 2, "停课与补课": 4}`` the first time, zeros after).
    """
    counts = {"学校": 0, "学期": 0, "停课与补课": 0}
    school = _school_by_name(DEMO_SCHOOL, session=session)
    if school is None:
        school = create_school(DEMO_SCHOOL, "源汇区", session=session)
        counts["学校"] += 1
    terms: list[Term] = []
    existing = {t.name: t for t in list_terms(school.id, session=session)}
    for name, start, end in _DEMO_TERMS:
        if name in existing:
            terms.append(existing[name])
        else:
            terms.append(create_term(school.id, name, start, end, session=session))
            counts["学期"] += 1
    for index, start, end, reason in _DEMO_CLOSURES:
        rows = list_adjustments(terms[index].id, session=session)
        if not any(r.kind == "closure" and r.start == start and r.reason == reason for r in rows):
            add_closure(terms[index].id, start, end, reason, session=session)
            counts["停课与补课"] += 1
    for index, day, weekday, reason in _DEMO_MAKEUPS:
        rows = list_adjustments(terms[index].id, session=session)
        if not any(r.kind == "makeup" and r.start == day for r in rows):
            add_makeup_day(terms[index].id, day, weekday, reason, session=session)
            counts["停课与补课"] += 1
    return counts
