"""Six integrations, spheres, volunteer hours, festival reach and the KPIs, on one small programme.

The programme (today = 30 September 2026):

* class 一年级（1）班 (40 pupils, 源汇区) reads on the ten school days of
  7–18 September; done on 7, 8 and 14 September (14th = 教师节 reading);
* 周末公益诵读 (城乡同步, society, 源汇区) on the Saturdays 5, 12, 19, 26
  September: 20 and 15 people came on the first two, the 19th was cancelled,
  the 26th has no attendance yet; 张明 led and served on the 5th and 12th
  (1 h each), 刘芳 was assigned on the 12th but never served;
* 家风家训诵读 (道德实践, family, 源汇区) on 20 September: 10 people;
* 中秋诗会 (我们的节日, 郾城区) on 25 September: 50 people, 刘芳 served 1.5 h;
* a suggested (not accepted) 国庆 event and a 3 October event do not count;
* training: two sessions in September (3 and 2 trainees present), one in October;
* online: two items published in September (latest views 500 and 100), one in October.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from metrics_testkit import WEEK1, WEEK2, Fest

from curriculum import metrics
from curriculum.community.attendance import attendance_input, record_attendance, volunteer_hours
from curriculum.community.events import (
    EventDraft,
    ShiftSpec,
    assign_person,
    create_event,
    mark_served,
    occurrences_of,
    shift_views,
    update_occurrence,
)
from curriculum.community.people import create_person
from curriculum.community.points import create_point, dump_hours, simple_hours
from curriculum.models.community import PersonCreate, ReadingPointCreate
from curriculum.models.outreach import (
    OnlineItemCreate,
    OnlineMetricCreate,
    TraineeCreate,
    TrainingBatchCreate,
    TrainingSessionCreate,
)
from curriculum.outreach import attendance as outreach_attendance
from curriculum.outreach import online, training
from curriculum.outreach import trainees as outreach_trainees

TODAY = date(2026, 9, 30)
SEPT = (date(2026, 9, 1), date(2026, 9, 30))
LEAD = (ShiftSpec("领读", 1),)


def _point(session, name, district):
    return create_point(ReadingPointCreate(
        name=name, district=district, capacity=60,
        opening_hours=dump_hours(simple_hours((0, 1, 2, 3, 4, 5, 6), time(7, 0), time(20, 0))),
    ), session=session)


def _event(session, point, title, start, **kw):
    return create_event(EventDraft(title=title, start=start, duration_minutes=kw.pop("minutes", 60),
                                   point_id=point.id, **kw), session=session)


def _serve(session, occurrence, person, served=True):
    shift = shift_views(occurrence.id, session=session)[0]
    row = assign_person(shift.id, person.id, session=session)
    if served:
        mark_served(row.id, session=session)


@pytest.fixture
def programme(session, make_class, make_plan, done):
    klass = make_class("一年级（1）班", size=40)
    teachers_day = Fest("teachers_day", "教师节", WEEK2[0], ("dizigui",))
    plan = make_plan(klass, WEEK1 + WEEK2, festivals={WEEK2[0]: teachers_day})
    done(plan, WEEK1[0], WEEK1[1], WEEK2[0])

    laojie = _point(session, "老街社区诵读点", "源汇区")
    park = _point(session, "人民公园诵读点", "郾城区")
    zhang = create_person(PersonCreate(name="张明"), session=session)
    liu = create_person(PersonCreate(name="刘芳"), session=session)

    saturdays = _event(session, laojie, "周末公益诵读", datetime(2026, 9, 5, 9, 0),
                       rrule="FREQ=WEEKLY;COUNT=4;BYDAY=SA", integration="urban_rural", sphere="society", shifts=LEAD)
    sat = occurrences_of(saturdays.id, session=session)
    record_attendance(attendance_input(occurrence_id=sat[0].id, counts={"student": 12, "parent": 8},
                                       duration_minutes=60), session=session)
    record_attendance(attendance_input(occurrence_id=sat[1].id, counts={"resident": 15}, duration_minutes=60),
                      session=session)
    update_occurrence(sat[2].id, cancelled=True, session=session)
    _serve(session, sat[0], zhang)
    _serve(session, sat[1], zhang)
    _serve(session, sat[1], liu, served=False)

    moral = _event(session, laojie, "家风家训诵读", datetime(2026, 9, 20, 15, 0), integration="moral", sphere="family")
    record_attendance(attendance_input(occurrence_id=occurrences_of(moral.id, session=session)[0].id,
                                       counts={"parent": 6, "student": 4}, duration_minutes=60), session=session)

    mid_autumn = _event(session, park, "中秋诗会", datetime(2026, 9, 25, 9, 0), minutes=90, integration="festivals",
                        festival_key="zhongqiu", shifts=LEAD)
    occ = occurrences_of(mid_autumn.id, session=session)[0]
    record_attendance(attendance_input(occurrence_id=occ.id, counts={"resident": 30, "student": 20},
                                       duration_minutes=90), session=session)
    _serve(session, occ, liu)
    _event(session, park, "国庆诵读", datetime(2026, 9, 28, 9, 0), integration="festivals",
           festival_key="national_day", status="suggested")
    _event(session, laojie, "十月诵读", datetime(2026, 10, 3, 9, 0), integration="urban_rural")

    batch = training.create_batch(TrainingBatchCreate(
        name="校长经典诵读培训班", cohort="principals", start_date=date(2026, 9, 8), end_date=date(2026, 10, 10),
    ), session=session)
    trainees = [outreach_trainees.create_trainee(TraineeCreate(name=n), session=session).id
                for n in ("马俊", "朱红梅", "胡晓燕")]
    for t in trainees:
        outreach_trainees.enrol(batch.id, t, session=session)
    held = ((date(2026, 9, 8), trainees), (date(2026, 9, 9), trainees[:2]), (date(2026, 10, 10), trainees))
    for day, present in held:
        s = training.create_session(TrainingSessionCreate(batch_id=batch.id, date=day, start_time=time(9, 0),
                                                       end_time=time(11, 0), topic="经典诵读"), session=session)
        data = outreach_attendance.attendance_input(session_id=s.id, present_ids=present)
        outreach_attendance.record_attendance(data, session=session)

    items = (("每日一诵", date(2026, 9, 10), (300, 500)), ("中秋诗会直播", date(2026, 9, 25), (100,)),
             ("国庆特辑", date(2026, 10, 1), (900,)))
    for title, day, snapshots in items:
        item = online.create_item(OnlineItemCreate(title=title, channel="video_account", publish_date=day),
                                  session=session)
        for k, views in enumerate(snapshots):
            online.create_metric(OnlineMetricCreate(
                item_id=item.id, recorded_at=datetime.combine(day + timedelta(days=k + 1), time(18, 0)), views=views,
            ), session=session)
    return {"zhang": zhang, "liu": liu}


def test_six_integrations_in_order_with_activities_and_participants(session, programme):
    df = metrics.integration_frame(*SEPT, session=session, today=TODAY)

    assert list(df["label"]) == ["经典诵读与校园文化融合", "城乡同步融合", "与师资队伍建设融合", "与“我们的节日”融合",
                                 "与道德实践养成融合", "线上线下融合"]
    got = {k: (a, p) for k, a, p in zip(df["integration"], df["activities"], df["participants"])}
    assert got == {
        "campus": (3, 120),  # three readings done × 40 pupils
        "urban_rural": (3, 35),  # 5, 12, 26 September (19th cancelled); 20 + 15 people
        "teachers": (2, 5),  # two September sessions, 3 + 2 present
        "festivals": (1, 50),  # 中秋诗会; the suggested 国庆 event is not held
        "moral": (1, 10),
        "online": (2, 600),  # latest snapshot of each September item
    }


def test_district_filter_keeps_citywide_outreach(session, programme):
    df = metrics.integration_frame(*SEPT, session=session, district="源汇区", today=TODAY).set_index("integration")
    assert df.loc["festivals", "activities"] == 0  # 中秋诗会 was in 郾城区
    assert df.loc["urban_rural", "participants"] == 35
    assert (df.loc["teachers", "activities"], df.loc["online", "participants"]) == (2, 600)
    assert bool(df.loc["online", "citywide"]) and not bool(df.loc["campus", "citywide"])
    assert metrics.district_options(session=session) == sorted(["源汇区", "郾城区"])


def test_spheres_school_family_society(session, programme):
    df = metrics.sphere_frame(*SEPT, session=session, today=TODAY)
    assert list(df["label"]) == ["学校", "家庭", "社会"]
    assert list(df["activities"]) == [3, 1, 4]
    assert list(df["participants"]) == [120, 10, 85]


def test_volunteer_hours_only_from_served_shifts_by_month_and_district(session, programme):
    df = metrics.volunteer_hours_frame(*SEPT, session=session, today=TODAY).set_index("district")
    assert df.loc["源汇区", "hours"] == pytest.approx(2.0)  # 张明 twice; 刘芳 assigned, never served
    assert df.loc["郾城区", "hours"] == pytest.approx(1.5)
    assert set(df["month"]) == {"2026-09"}
    # Same rule as the community module's own count.
    totals = volunteer_hours(session=session, start=datetime(2026, 9, 1), end=datetime(2026, 10, 1))
    assert df["hours"].sum() == pytest.approx(sum(totals.values()))


def test_festival_reach_per_festival(session, programme):
    df = metrics.festival_reach_frame(*SEPT, session=session, today=TODAY).set_index("festival")
    assert df.loc["zhongqiu", ["label", "events", "attendance"]].tolist() == ["中秋节", 1, 50]
    assert df.loc["teachers_day", ["class_sessions", "students"]].tolist() == [1, 40]
    assert "national_day" not in df.index  # only suggested


def test_kpis_and_that_a_later_today_counts_more(session, programme):
    kpis = metrics.build_dashboard(*SEPT, session=session, today=TODAY).kpis
    assert kpis.through == date(2026, 9, 29)
    assert (kpis.classes, kpis.school_days, kpis.compliant_days) == (1, 10, 3)
    assert kpis.compliance_rate == pytest.approx(0.3)
    assert (kpis.community_activities, kpis.community_attendance) == (5, 95)
    assert (kpis.volunteer_hours, kpis.volunteers) == (3.5, 2)  # 张明 and 刘芳
    assert (kpis.festival_events, kpis.festival_attendance) == (1, 50)
    assert (kpis.training_sessions, kpis.training_attendance, kpis.online_items, kpis.online_views) == (2, 5, 2, 600)
    assert kpis.as_dict()["start"] == "2026-09-01"

    # Seen from mid-September, the rest of the month has not happened yet.
    early = metrics.build_dashboard(*SEPT, session=session, today=date(2026, 9, 13)).kpis
    assert (early.school_days, early.community_activities, early.volunteer_hours) == (5, 2, 2.0)
    assert (early.training_sessions, early.online_items) == (2, 1)
