"""The planner's demo data gives the dashboard a believable daily-reading record (seeded for a fixed day)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from curriculum import metrics
from curriculum.db import make_engine
from curriculum.demo import planner as demo_planner
from curriculum.demo import schools as demo_schools
from curriculum.models.plan import PlanOperation, PlanSession
from curriculum.planner import classes, plans

TODAY = date(2026, 11, 28)


def _seed(session: Session) -> dict[str, int]:
    demo_schools.seed(session=session)
    session.commit()
    return demo_planner.seed(session=session, today=TODAY)


def _compliance(session: Session):
    start, end = metrics.school_year_bounds(TODAY)
    return metrics.compliance_by_class(start, end, session=session, today=TODAY).set_index("class_name")


def _history(session: Session) -> list[tuple]:
    rows = session.execute(
        select(PlanSession.date, PlanSession.slot, PlanSession.status, PlanSession.done, PlanSession.pass_rate)
        .order_by(PlanSession.plan_id, PlanSession.date, PlanSession.slot, PlanSession.status)
    ).all()
    return [tuple(r) for r in rows]


def test_demo_classes_span_four_stages_in_two_schools_and_districts(session):
    counts = _seed(session)
    assert (counts["学校"], counts["班级"], counts["教学计划"]) == (1, 4, 4)
    table = _compliance(session)
    assert dict(table["stage"]) == {
        "一年级（2）班": "primary_lower", "四年级（1）班": "primary_middle", "六年级（3）班": "primary_upper",
        "初二（1）班": "junior",
    }
    assert table.loc["初二（1）班", "school"] == "漯河市第五初级中学"
    assert set(table["district"]) == {"源汇区", "郾城区"}
    # Every class reads in the current term: its plan starts on the school's first day of the autumn term.
    for klass in classes.list_classes(session=session):
        plan = plans.list_plans(session=session, class_id=klass.id)[0]
        assert plan.term_start == date(2026, 9, 1) and plan.term_end > TODAY


def test_past_school_days_are_mostly_done_so_the_daily_rate_is_high_but_not_perfect(session):
    _seed(session)
    table = _compliance(session)
    for name, row in table.iterrows():
        assert 0.8 <= row["rate"] < 1.0, name  # a few missed days in every class
        assert row["school_days"] >= 50, name  # 9/1 … 11/27 less holidays and closures
    assert table["lost_days"].sum() >= 1  # a bumped day is left out of the denominator
    summary = metrics.compliance_summary(table.reset_index(), "school").set_index("label")
    assert 0.85 <= summary.loc["漯河市第二实验小学", "rate"] <= 0.95

    # Nothing after yesterday is done; done days have realistic pass rates.
    done = session.execute(select(PlanSession.date, PlanSession.pass_rate).where(PlanSession.done == True)).all()  # noqa: E712
    assert done and max(d for d, _ in done) < TODAY
    rates = sorted(r for _, r in done)
    assert rates[0] < 0.8  # one low day: the plan got extra reviews …
    assert all(0.85 <= r <= 0.98 for r in rates[1:])  # … the rest pass comfortably
    kinds = {k for (k,) in session.execute(select(PlanOperation.kind)).all()}
    assert {"bump", "mark_done"} <= kinds  # made through the store's own operations, so undo works


def test_the_dashboard_counts_class_readings_for_campus_culture(session):
    _seed(session)
    start, end = metrics.school_year_bounds(TODAY)
    board = metrics.build_dashboard(start, end, session=session, today=TODAY)
    assert 0.8 <= board.kpis.compliance_rate < 1.0
    campus = board.integrations.set_index("integration").loc["campus"]
    assert campus["activities"] >= board.kpis.class_sessions_done > 150
    assert campus["participants"] >= 45 * 50  # dozens of days × class sizes


def test_seeding_again_adds_nothing(session):
    _seed(session)
    before = _history(session)
    assert set(demo_planner.seed(session=session, today=TODAY).values()) == {0}
    # A later day changes nothing either: the classes have their plans.
    assert set(demo_planner.seed(session=session, today=date(2026, 12, 10)).values()) == {0}
    assert _history(session) == before
    assert session.execute(select(func.count()).select_from(PlanOperation)).scalar_one() >= 3


def test_the_same_day_seeds_the_same_history(session, sqlite_url):
    _seed(session)
    engine = make_engine(sqlite_url)
    try:
        with Session(engine) as other:
            _seed(other)
            assert _history(other) == _history(session)
    finally:
        engine.dispose()


def test_without_a_school_calendar_the_demo_creates_the_school_and_its_term(session):
    counts = demo_planner.seed(session=session, today=TODAY)
    assert counts["学校"] == 2 and counts["学期"] == 2
    table = _compliance(session)
    assert (table["rate"] >= 0.8).all()
    # The calendar's own demo, run afterwards, finds its school and term and only adds its closures.
    again = demo_schools.seed(session=session)
    assert again["学校"] == 0 and again["学期"] == 1  # the spring term
