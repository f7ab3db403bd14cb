"""Term plans: create one (engine result stored as rows), read, list; the plan's stored term as plain data.

What does not fit the term is never lost: ``Plan.unscheduled`` holds the
passage ranges no session covers. It is set when the plan is made and
recomputed by every re-plan (see ``planner.edits``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from curriculum.catalog.schema import Catalog
from curriculum.clock import local_today
from curriculum.errors import DomainError, get_or_raise, validated
from curriculum.models.plan import Plan, PlanCreate, SchoolClass
from curriculum.planner.classes import get_class
from curriculum.planner.engine import generate_plan
from curriculum.planner.plan_types import PassageRange, PlanResult
from curriculum.planner.sessions import insert_sessions, session_rows, slot_key
from curriculum.planner.spec import DEFAULT_MINUTES, PlanError, PlanSpec, check_minutes, validate_spec
from curriculum.schoolcal import default_term_dates
from curriculum.schoolcal.terms import TermInputs, term_inputs

_LABELS = {"name": "计划名称", "term_start": "开始日期", "term_end": "结束日期", "minutes": "每次时长",
           "pass_threshold": "达标线", "class_id": "班级", "text_ids": "篇目", "review_intervals": "复习间隔",
           "weekday_pattern": "每周安排"}


def plan_input(**fields: Any) -> PlanCreate:
    """A ``PlanCreate`` from typed input (weekday pattern keys may be ints); ``PlanError`` in Chinese.

    The session length is checked first with the engine's own message (“每日至少诵读半小时”).
    """
    check_minutes(fields.get("minutes", DEFAULT_MINUTES))
    if "weekday_pattern" in fields:
        fields["weekday_pattern"] = {str(k): v for k, v in (fields["weekday_pattern"] or {}).items()}
    return validated(PlanCreate, PlanError, labels=_LABELS, **fields)


def plan_spec(plan: Plan | PlanCreate, klass: SchoolClass) -> PlanSpec:
    """The engine's view of a stored (or about to be stored) plan for ``klass``."""
    return PlanSpec(
        stage=klass.stage,
        text_ids=tuple(plan.text_ids),
        minutes=plan.minutes,
        chars_per_minute=klass.chars_per_minute,
        review_intervals=tuple(plan.review_intervals),
        pass_threshold=plan.pass_threshold,
        weekday_pattern={int(k): v for k, v in plan.weekday_pattern.items()},
    )


def ranges_json(ranges: Iterable[PassageRange]) -> list[dict[str, Any]]:
    return [{"text_id": r.text_id, "section": r.section, "passage_start": r.passage_start,
             "passage_end": r.passage_end} for r in ranges]


def unscheduled_ranges(plan: Plan) -> list[PassageRange]:
    """The passages of ``plan`` that no session covers (they did not fit the term)."""
    return [PassageRange(r["text_id"], r.get("section") or "", int(r["passage_start"]), int(r["passage_end"]))
            for r in (plan.unscheduled or [])]


def school_days(plan: Plan) -> list[dt.date]:
    """The term's school days as the calendar gave them when the plan was made."""
    return [dt.date.fromisoformat(d) for d in plan.school_days]


def plan_timetable(plan: Plan) -> dict[dt.date, int]:
    """School days that run another weekday's timetable (调休, make-up days)."""
    return {dt.date.fromisoformat(d): int(w) for d, w in (plan.timetable or {}).items()}


def create_plan(data: PlanCreate, *, session: Session, catalog: Catalog, term: TermInputs | None = None,
                commit: bool = True) -> tuple[Plan, PlanResult]:
    """Generate a plan for a class and a term and store it; returns the plan and the engine result.

    ``term`` is the stored term's calendar (closures and make-up days included);
    without it the official calendar of ``term_start``–``term_end`` is used.
    """
    klass = get_class(data.class_id, session=session)
    start, end = data.term_start, data.term_end
    # A stored term may begin before the plan (a plan made mid-term): only the plan's own days count,
    # so the days before it are not sessions nobody read.
    term = within(term, start, end) if term is not None else term_inputs(start, end)
    spec = validate_spec(plan_spec(data, klass), catalog)
    result = generate_plan(spec, term.days, catalog, term.festivals, validate=False, timetable=term.timetable)
    plan = Plan(
        name=data.name or f"{klass.name} {start:%Y-%m-%d}–{end:%Y-%m-%d}",
        term_start=start, term_end=end, minutes=spec.minutes, pass_threshold=spec.pass_threshold,
        class_id=klass.id, text_ids=list(spec.text_ids), review_intervals=list(spec.review_intervals),
        weekday_pattern={str(k): v for k, v in spec.weekday_pattern.items()},
        school_days=[d.isoformat() for d in term.days],
        timetable={d.isoformat(): w for d, w in term.timetable.items()},
        unscheduled=ranges_json(result.unscheduled),
        issued_slots=sorted(slot_key(s.date, s.slot) for s in result.sessions),
    )
    session.add(plan)
    session.flush()
    rows, items = session_rows(plan.id, result.sessions, set(term.days))
    insert_sessions(session, rows, items)
    if commit:
        session.commit()
        session.refresh(plan)
    return plan, result


def within(term: TermInputs, start: dt.date, end: dt.date) -> TermInputs:
    """``term`` cut to ``start``–``end`` (days, skipped days, festivals and timetable)."""
    def inside(day: dt.date) -> bool:
        return start <= day <= end

    return dataclasses.replace(
        term, start=max(term.start, start), end=min(term.end, end),
        days=[d for d in term.days if inside(d)], skipped=[s for s in term.skipped if inside(s[0])],
        festivals={d: f for d, f in term.festivals.items() if inside(d)},
        timetable={d: w for d, w in term.timetable.items() if inside(d)},
    )


def start_in_term(start: dt.date, term_start: dt.date, term_end: dt.date) -> dt.date:
    """The plan's first day in a chosen term: the form's date when it falls inside the term, else the term's start."""
    return start if term_start < start <= term_end else term_start


def default_plan_dates(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The new-plan form's dates: the current term, from the next school day once the term is under way.

    A class that starts mid-term starts now; starting on the term's first day
    would count three months of unread days against it.
    """
    today = today or local_today()
    start, end = current_term(today)
    if not (start < today <= end):  # not under way (or its first day): the whole term
        return start, end
    try:
        days = term_inputs(start, end).days
    except DomainError:
        return start, end
    return next((d for d in days if d > today), start), end


def get_plan(plan_id: int, *, session: Session) -> Plan:
    return get_or_raise(session, Plan, plan_id, what="教学计划", field="plan_id")


def list_plans(*, session: Session, class_id: int | None = None) -> list[Plan]:
    stmt = select(Plan).order_by(Plan.id)
    if class_id is not None:
        stmt = stmt.where(Plan.class_id == class_id)
    return list(session.execute(stmt).scalars())


def day_in_term(plan: Plan, day: dt.date) -> dt.date:
    """``day`` clamped into the plan's term (the page's default for date pickers)."""
    return min(max(day, plan.term_start), plan.term_end)


def current_term(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The term a new plan most likely covers: ``schoolcal.default_term_dates`` (the next one in a break)."""
    start, end, _name = default_term_dates(today or local_today())
    return start, end
