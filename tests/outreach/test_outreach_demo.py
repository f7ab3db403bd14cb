"""The training and online demos follow ``today``: the dashboard's school year has training and online numbers."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from curriculum import metrics
from curriculum.db import make_engine
from curriculum.demo import online as demo_online
from curriculum.demo import training as demo_training
from curriculum.models.outreach import OnlineMetric, Trainee, TrainingAttendance, TrainingBatch, TrainingSession
from curriculum.outreach import attendance, online, training

D = dt.date
TODAY = dt.date(2026, 11, 28)
SCHOOL_YEAR = metrics.school_year_bounds(TODAY)


def _seed(session: Session, today: dt.date = TODAY) -> tuple[dict, dict]:
    return demo_training.seed(session=session, today=today), demo_online.seed(session=session, today=today)


def _totals(session: Session) -> dict:
    return {t.channel: t for t in online.online_summary(session=session)}


def _kpis(session: Session) -> metrics.DashboardKpis:
    return metrics.dashboard_kpis(*SCHOOL_YEAR, session=session, today=TODAY)


def test_training_this_school_year_one_batch_finished_one_running(session):
    _seed(session)
    kpis = _kpis(session)
    assert kpis.training_sessions >= 5 and kpis.training_attendance > 0
    batches = {b.cohort: b for b in training.list_batches(session=session)}
    cadres, teachers, summer = batches["cadres"], batches["teachers"], batches["principals"]
    assert SCHOOL_YEAR[0] <= cadres.start_date <= cadres.end_date < TODAY  # finished
    assert SCHOOL_YEAR[0] <= teachers.start_date < TODAY < teachers.end_date  # running
    assert summer.end_date < SCHOOL_YEAR[0]  # the summer course before the school year
    # The running batch has attendance for the sessions held, none for those to come.
    rows = session.exec(
        select(TrainingSession.date, TrainingAttendance.present)
        .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
        .where(TrainingSession.batch_id == teachers.id)
    ).all()
    assert rows and all(day < TODAY for day, _ in rows) and any(present for _, present in rows)
    # The cadres' report still has one trainee short of completion.
    report = attendance.completion_report(cadres.id, session=session)
    assert sum(r.completed for r in report) == 3 and not next(r for r in report if r.name == "黄丽").completed


def test_online_items_over_the_past_months_with_snapshots_only_before_today(session):
    _seed(session)
    kpis = _kpis(session)
    assert kpis.online_items >= 8 and kpis.online_views > 10_000
    items = online.list_items(session=session)
    assert all(TODAY - dt.timedelta(days=366) <= i.publish_date < TODAY for i in items)
    by_title = {i.title: i for i in items}
    # Festival items are published on the festival.
    assert by_title["中秋诗会 · 但愿人长久"].publish_date == dt.date(2026, 9, 25)
    assert by_title["重阳 · 敬老赞歌"].publish_date == dt.date(2026, 10, 18)
    snapshots = session.exec(select(OnlineMetric.recorded_at)).all()
    assert snapshots and max(online.to_local(s).date() for s in snapshots) < TODAY


def test_another_year_moves_the_demo_with_it(session):
    today = dt.date(2027, 11, 20)
    _seed(session, today)
    start, end = metrics.school_year_bounds(today)
    kpis = metrics.dashboard_kpis(start, end, session=session, today=today)
    assert kpis.training_attendance > 0 and kpis.online_items > 0
    assert any(b.name.startswith("2027–2028 学年") for b in training.list_batches(session=session))


def test_seeding_again_adds_nothing(session):
    first = _seed(session)
    assert first[0]["培训批次"] == 3 and first[1]["线上节目"] == 14
    before = _kpis(session)
    assert _seed(session) == ({}, {})
    # Later in the same school year: the batches and items are there already.
    assert _seed(session, TODAY + dt.timedelta(days=10)) == ({}, {})
    assert _kpis(session) == before


def test_the_same_day_seeds_the_same_numbers(session, sqlite_url):
    _seed(session)
    engine = make_engine(sqlite_url)
    try:
        with Session(engine) as other:
            _seed(other)
            assert _kpis(other) == _kpis(session)
            assert sorted((i.title, i.publish_date, i.views) for i in online.list_items(session=other)) == sorted(
                (i.title, i.publish_date, i.views) for i in online.list_items(session=session))
    finally:
        engine.dispose()


def test_seed_demo_is_idempotent_and_has_one_trainee_short_of_completion(session):
    first = demo_training.seed(session=session, today=D(2026, 11, 28))
    assert first["培训批次"] == 3 and first["课次"] >= 4 and first["学员"] >= 4
    assert demo_training.seed(session=session, today=D(2026, 11, 28)) == {}
    assert len(session.exec(select(TrainingBatch)).all()) == 3
    assert len(session.exec(select(Trainee)).all()) == first["学员"]
    batch = training.list_batches(session=session, cohort="cadres")[0]
    report = attendance.completion_report(batch.id, session=session)
    assert any(r.completed for r in report) and any(not r.completed for r in report)


def test_seed_demo_is_idempotent_and_spans_every_channel(session):
    first = demo_online.seed(session=session, today=D(2026, 11, 28))
    # A three-day-old item has only its first-day snapshot.
    assert first == {"线上节目": 14, "统计快照": 27}
    assert demo_online.seed(session=session, today=D(2026, 11, 28)) == {}
    totals = _totals(session)
    assert all(t.items >= 1 for t in totals.values())
    assert sum(t.views for t in totals.values()) > 0
