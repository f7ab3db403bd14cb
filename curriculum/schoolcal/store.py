"""Schools, terms and the school's own calendar changes in the database.

Every function takes ``*, session``; writes commit on success. Validation runs
before anything is added, so a rejected change (``CalendarError`` with a
Chinese message) leaves the database exactly as it was. The pure rules live on
the ``XCreate`` models (``models/calendar.py``: a term or closure does not end
before it starts, a make-up day is one day with a timetable); what needs the
database — unique names, the term's range, the term's calendar — is checked here.

Closures and make-up days belong to a school (they are dated, so every term of
that school that covers the date sees them); they are added through a term so
that the term's range and calendar can be checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from curriculum.districts import require_district
from curriculum.errors import get_or_raise, validated
from curriculum.models.calendar import (
    CalendarAdjustment,
    CalendarAdjustmentCreate,
    ClosureCreate,
    MakeupDayCreate,
    School,
    SchoolCreate,
    Term,
    TermCreate,
)
from curriculum.schoolcal.days import CalendarError, Closure, MakeupDay, TermCalendar, build_term_calendar

_SCHOOL_NAME_MAX = 120
_TERM_MAX_DAYS = 366

# The 停课/补课 forms' Chinese field names, for messages about fields whose rule has no message of its own.
ADJUSTMENT_LABELS = {"term_id": "学期", "start": "开始日期", "end": "结束日期", "reason": "原因", "day": "补课日期",
                     "timetable_weekday": "按哪天的课表"}

# --------------------------------------------------------------------------- schools


def list_schools(*, session: Session) -> list[School]:
    return list(session.exec(select(School).order_by(School.name)))


def school_by_name(name: str, *, session: Session) -> School | None:
    return session.exec(select(School).where(School.name == (name or "").strip())).first()


def get_school(school_id: int, *, session: Session) -> School:
    return get_or_raise(session, School, school_id, what="学校", field="school_id")


def create_school(data: SchoolCreate, *, session: Session) -> School:
    """Add a school. Raises ``CalendarError`` for an empty or already used name."""
    # Blank and over-long names are refused here too: a name of spaces passes the model's min_length.
    name = data.name.strip()
    if not name:
        raise CalendarError("学校名称不能为空", field="name")
    if len(name) > _SCHOOL_NAME_MAX:
        raise CalendarError(f"学校名称不能超过 {_SCHOOL_NAME_MAX} 个字", field="name")
    if school_by_name(name, session=session) is not None:
        raise CalendarError(f"学校“{name}”已存在", field="name")
    school = School(name=name, district=require_district(data.district, session=session))
    session.add(school)
    try:
        session.commit()
    except IntegrityError:  # a concurrent insert of the same name
        session.rollback()
        raise CalendarError(f"学校“{name}”已存在", field="name") from None
    session.refresh(school)
    return school


def get_or_create_school(data: SchoolCreate, *, session: Session) -> School:
    existing = school_by_name(data.name, session=session)
    return existing if existing is not None else create_school(data, session=session)


def school_input(name: str, district: str = "") -> SchoolCreate:
    """A ``SchoolCreate`` from typed text; ``CalendarError`` in Chinese when the model refuses it."""
    return validated(SchoolCreate, CalendarError, labels={"name": "学校名称", "district": "所在区县"},
                     name=name or "", district=district or "")


# --------------------------------------------------------------------------- terms


def term_input(school_id: int, name: str, start: date, end: date) -> TermCreate:
    """A ``TermCreate`` from typed input (the model checks the dates); ``CalendarError`` in Chinese."""
    return validated(TermCreate, CalendarError, labels={"name": "学期名称"},
                     school_id=school_id, name=name or "", start=start, end=end)


def create_term(data: TermCreate, *, session: Session) -> Term:
    """Add a term to a school. Raises ``CalendarError`` if the name is empty or used, or the term is over a year."""
    get_school(data.school_id, session=session)
    name = data.name.strip()
    if not name:
        raise CalendarError("学期名称不能为空", field="name")
    if (data.end - data.start).days > _TERM_MAX_DAYS:
        raise CalendarError("一个学期不能超过一年", field="end")
    same = session.exec(select(Term).where(Term.school_id == data.school_id, Term.name == name)).first()
    if same is not None:
        raise CalendarError(f"本校已有名为“{name}”的学期", field="name")
    term = Term(school_id=data.school_id, name=name, start=data.start, end=data.end)
    session.add(term)
    session.commit()
    session.refresh(term)
    return term


def list_terms(school_id: int, *, session: Session) -> list[Term]:
    return list(session.exec(select(Term).where(Term.school_id == school_id).order_by(Term.start, Term.id)))


def get_term(term_id: int, *, session: Session) -> Term:
    return get_or_raise(session, Term, term_id, what="学期", field="term_id")


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
            f"（{term.start.isoformat()} 至 {term.end.isoformat()}）",
            field="start",
        )


def _save(data: CalendarAdjustmentCreate, *, session: Session) -> CalendarAdjustment:
    row = CalendarAdjustment.model_validate(data)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def closure_input(**fields: Any) -> ClosureCreate:
    """A ``ClosureCreate`` from typed input; ``CalendarError`` in Chinese naming the field the model refuses."""
    return validated(ClosureCreate, CalendarError, labels=ADJUSTMENT_LABELS, **fields)


def makeup_day_input(**fields: Any) -> MakeupDayCreate:
    """A ``MakeupDayCreate`` from typed input; ``CalendarError`` in Chinese naming the field the model refuses."""
    return validated(MakeupDayCreate, CalendarError, labels=ADJUSTMENT_LABELS, **fields)


def create_closure(data: ClosureCreate, *, session: Session) -> CalendarAdjustment:
    """Close the school ``data.start``..``data.end`` (inclusive) for ``data.reason``.

    The model holds the field rules (a reason, ``end`` not before ``start``).

    Raises:
        CalendarError: outside the term, over one of the school's make-up days,
            or no school day in the range.
    """
    term = get_term(data.term_id, session=session)
    start, end = data.start, data.end
    adjustment = validated(CalendarAdjustmentCreate, CalendarError, school_id=term.school_id, kind="closure",
                           start=start, end=end, reason=data.reason)
    _check_in_term(term, start, end, "停课日期")
    closures, makeups = term_adjustments(term.id, session=session)
    clash = [m for m in makeups if start <= m.date <= end]
    if clash:
        raise CalendarError(f"{clash[0].date.isoformat()} 已设为补课日（{clash[0].reason}），请先删除该补课日",
                            field="start")
    before = build_term_calendar(term.start, term.end, closures=closures, makeup_days=makeups)
    if not any(start <= d.date <= end for d in before.days):
        raise CalendarError(f"{start.isoformat()} 至 {end.isoformat()} 本来就没有要上课的日子，无需停课", field="start")
    return _save(adjustment, session=session)


def create_makeup_day(data: MakeupDayCreate, *, session: Session) -> CalendarAdjustment:
    """Make ``data.day`` (usually a Saturday) a school day that follows ``data.timetable_weekday``'s timetable.

    The model holds the field rules (a Monday–Friday timetable).

    Raises:
        CalendarError: outside the term, a day that already has lessons, or inside
            one of the school's closures.
    """
    term = get_term(data.term_id, session=session)
    day, timetable_weekday, reason = data.day, data.timetable_weekday, data.reason
    adjustment = validated(CalendarAdjustmentCreate, CalendarError, school_id=term.school_id, kind="makeup",
                           start=day, end=day, reason=reason, timetable_weekday=timetable_weekday)
    _check_in_term(term, day, day, "补课日")
    closures, makeups = term_adjustments(term.id, session=session)
    closed = [c for c in closures if c.start <= day <= c.end]
    if closed:
        raise CalendarError(f"{day.isoformat()} 在停课期间（{closed[0].reason}），不能设为补课日", field="start")
    makeups = [m for m in makeups if term.start <= m.date <= term.end]
    # Raises CalendarError for a day that already has lessons (incl. an official 调休上班 day).
    build_term_calendar(
        term.start, term.end, closures=closures, makeup_days=[*makeups, MakeupDay(day, timetable_weekday, reason)]
    )
    return _save(adjustment, session=session)


def delete_adjustment(adjustment_id: int, *, session: Session) -> None:
    """Remove one closure or make-up day. Raises ``NotFound`` if it does not exist."""
    row = get_or_raise(session, CalendarAdjustment, adjustment_id, what="停课或补课记录", field="adjustment_id")
    session.delete(row)
    session.commit()
