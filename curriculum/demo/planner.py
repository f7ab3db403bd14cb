"""Demo classes across four stages in two schools, each with a term plan and a believable past."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from sqlalchemy import bindparam, select
from sqlmodel import Session

from curriculum.catalog.schema import Catalog
from curriculum.clock import local_today
from curriculum.demo.schools import DEMO_DISTRICT, DEMO_SCHOOL
from curriculum.models.calendar import School, Term
from curriculum.models.plan import Plan, SchoolClass
from curriculum.planner.classes import class_input, create_class
from curriculum.planner.edits import bump, mark_done
from curriculum.planner.plans import create_plan, list_plans, plan_input, school_days
from curriculum.planner.sessions import SESSION_TABLE, list_sessions
from curriculum.schoolcal import started_term
from curriculum.schoolcal import store as school_store
from curriculum.schoolcal.terms import stored_term_inputs

DEMO_CLASS = "一年级（2）班"
# The demo classes: (school, name, stage, grade, size, reading time, weekday pattern). The first is the
# class the plan page's demo button names; the junior class is in another school and district so the
# dashboard's school and district views have something to compare.
DEMO_JUNIOR_SCHOOL = ("漯河市第五初级中学", "郾城区")
_DEMO_CLASSES = (
    (None, DEMO_CLASS, "primary_lower", "一年级", 45, dt.time(7, 40), {4: "recitation_check"}),
    (None, "四年级（1）班", "primary_middle", "四年级", 48, dt.time(7, 40), {4: "recitation_check"}),
    (None, "六年级（3）班", "primary_upper", "六年级", 50, dt.time(7, 30), {}),
    (DEMO_JUNIOR_SCHOOL, "初二（1）班", "junior", "八年级", 52, dt.time(7, 20), {}),
)
# Share of past school days a demo class did not read (the teacher forgot to record it, an assembly …).
_DEMO_MISSED_SHARE = 0.09
# The last recorded day of the first class goes under the pass threshold: the plan gets extra reviews.
_DEMO_LOW_PASS_RATE = 0.76


def _term_name(start: dt.date) -> str:
    """``2026–2027 学年第一学期`` for an autumn start, ``… 第二学期`` for a spring one (the calendar's names)."""
    if start.month >= 8:
        return f"{start.year}–{start.year + 1} 学年第一学期"
    return f"{start.year - 1}–{start.year} 学年第二学期"


def _demo_term(session: Session, school_id: int, today: dt.date) -> tuple[Term, int]:
    """The school's stored term around ``today``; else the usual term of that name (created if missing)."""
    terms = school_store.list_terms(school_id, session=session)
    around = next((t for t in terms if t.start <= today <= t.end), None)
    if around is not None:
        return around, 0
    # The term that has begun (not the coming one in a break): the demo needs a past.
    start, end, _name = started_term(today)
    name = _term_name(start)
    named = next((t for t in terms if t.name == name), None)
    if named is not None:
        return named, 0
    return school_store.create_term(school_store.term_input(school_id, name, start, end), session=session), 1


def _demo_school(session: Session, spec: tuple[str, str] | None) -> tuple[School, int]:
    """The calendar's demo school (or the first school) for ``None``; else the named school, created if missing."""
    schools = school_store.list_schools(session=session)
    if spec is None:
        school = next((x for x in schools if x.name == DEMO_SCHOOL), None) or (schools[0] if schools else None)
        spec = (DEMO_SCHOOL, DEMO_DISTRICT)
    else:
        school = next((x for x in schools if x.name == spec[0]), None)
    if school is not None:
        return school, 0
    return school_store.create_school(school_store.school_input(*spec), session=session), 1


def _demo_pass_rates(rng: random.Random, days: Sequence[dt.date]) -> dict[dt.date, float]:
    """Recorded days and their pass rates: most days 85–98 %, about one in eleven not recorded."""
    rates: dict[dt.date, float] = {}
    for day in days:
        if rng.random() < _DEMO_MISSED_SHARE:
            continue
        rates[day] = round(rng.uniform(0.85, 0.98), 2)
    return rates


def _seed_history(plan: Plan, today: dt.date, *, session: Session, catalog: Catalog,
                  rng: random.Random, bump_day: bool, low_last: bool) -> dict[str, int]:
    """A believable past for a new demo plan: one lost day (optional), recorded days, some missed.

    The lost day goes through ``bump`` (it re-plans the rest of the term like a
    teacher's click would). The recorded days are written in one statement:
    ``mark_done`` per day re-reads the whole plan for its undo snapshot (about
    27 ms a day on SQLite, 1.5 s for a class's half term), which would make
    seeding several classes slow, and a demo history does not need one undo
    step per day. Every rate written that way is above the plan's threshold,
    so no re-planning is skipped; the last recorded day of ``low_last`` goes
    through ``mark_done`` and, being under the threshold, gets extra reviews.
    """
    counts = {"顺延": 0, "完成记录": 0}
    past = [d for d in school_days(plan) if d < today]
    if not past:
        return counts
    if bump_day and len(past) >= 15:
        # About three weeks back: the rest of the term (today included) moves on one school day.
        bump(plan.id, past[-15], session=session, catalog=catalog)
        counts["顺延"] += 1
    sessions = {s.date: s for s in list_sessions(plan.id, session=session) if s.slot == 0 and not s.extra}
    rates = _demo_pass_rates(rng, [d for d in past if d in sessions])
    last = max(rates) if (low_last and rates) else None
    bulk = [{"sid": sessions[d].id, "rate": r} for d, r in sorted(rates.items())
            if r >= plan.pass_threshold and d != last]
    if bulk:
        session.execute(SESSION_TABLE.update().where(SESSION_TABLE.c.id == bindparam("sid"))
                        .values(done=True, pass_rate=bindparam("rate")), bulk)
        session.commit()
    if last is not None:
        mark_done(plan.id, last, _DEMO_LOW_PASS_RATE, session=session, catalog=catalog)
    counts["完成记录"] = len(bulk) + (last is not None)
    return counts


def _demo_class(session: Session, school: School, row: tuple) -> tuple[SchoolClass, int]:
    _school, name, stage, grade, size, reading_time, _pattern = row
    klass = session.execute(
        select(SchoolClass).where(SchoolClass.name == name, SchoolClass.school_id == school.id)
    ).scalars().first()
    if klass is not None:
        return klass, 0
    data = class_input(name=name, stage=stage, grade=grade, size=size, reading_time=reading_time,
                       school_id=school.id)
    return create_class(data, session=session), 1


def seed(*, session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Demo classes across four stages in two schools, each with a term plan and a believable past. Idempotent.

    一年级（2）班, 四年级（1）班 and 六年级（3）班 at the calendar's demo school,
    初二（1）班 at 漯河市第五初级中学 (郾城区, created here with its term). Each
    class gets a plan for its school's term around ``today`` (the stored term,
    or the usual one, created if the school has none), and — when the plan is
    new — the school days before ``today`` recorded: most done with pass rates
    of 85–98 %, about one in eleven missed, one lost (bumped) day in the first
    two classes and one low pass rate that adds extra reviews. So the
    dashboard's daily-reading rate is around 90 % rather than 0.

    ``today`` defaults to the real date (the page and the CLI); tests pass a
    fixed day. The same ``today`` gives the same data (seeded random numbers);
    a second run adds nothing (a class that has a plan is left alone).
    """
    from curriculum.catalog.loader import try_load_catalog
    from curriculum.settings import Settings

    today = today or local_today()
    counts = {"学校": 0, "学期": 0, "班级": 0, "教学计划": 0, "顺延": 0, "完成记录": 0}
    catalog: Catalog | None = None
    for index, row in enumerate(_DEMO_CLASSES):
        school, created = _demo_school(session, row[0])
        counts["学校"] += created
        klass, created = _demo_class(session, school, row)
        counts["班级"] += created
        if list_plans(session=session, class_id=klass.id):
            continue
        if catalog is None:
            catalog, _errors = try_load_catalog(Settings().catalog_path)
            if catalog is None:
                return counts
        term, created = _demo_term(session, school.id, today)
        counts["学期"] += created
        data = plan_input(class_id=klass.id, term_start=term.start, term_end=term.end, weekday_pattern=row[6],
                          name=f"{klass.name} {term.name}")
        plan, _result = create_plan(data, session=session, catalog=catalog,
                                    term=stored_term_inputs(term.id, session=session))
        counts["教学计划"] += 1
        rng = random.Random(f"{klass.name}/{term.start.isoformat()}/{today.isoformat()}")
        history = _seed_history(plan, today, session=session, catalog=catalog, rng=rng,
                                bump_day=index < 2, low_last=index == 0)
        for key, n in history.items():
            counts[key] += n
    return counts
