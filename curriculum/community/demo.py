"""Demo data for community reading in 漯河 (源汇区, 郾城区, 召陵区); safe to run again.

Adds a few reading points, leaders and volunteers, a weekly Saturday reading,
a summer-morning series (Monday–Friday 07:00–07:40 in July and August), this
year's festival events (accepted), a pairing (结对子) and attendance for the
readings already held. Everything is looked up by name first, so a second run
adds nothing.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlmodel import Session, select

from curriculum.community.conflicts import ConflictError
from curriculum.community.events import (
    EventDraft,
    ShiftSpec,
    assign_person,
    create_event,
    mark_served,
    shift_views,
    occurrences_of,
)
from curriculum.community.attendance import record_attendance, attendance_of
from curriculum.community.pairings import create_pairing
from curriculum.community.people import create_person
from curriculum.community.points import create_point, dump_hours, simple_hours
from curriculum.community.recurrence import weekly_rule
from curriculum.models.community import (
    CommunityEvent,
    PairingCreate,
    Pairing,
    Person,
    PersonCreate,
    ReadingPoint,
    ReadingPointCreate,
)

EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)

POINTS = (
    dict(name="老街社区新时代文明实践站", district="源汇区", township="顺河街道", community="老街社区",
         venue_type="practice_station", capacity=40, hours=(EVERY_DAY, time(6, 30), time(21, 0)),
         contact="顺河街道办"),
    dict(name="郾城区图书馆诵读点", district="郾城区", township="城关镇", community="",
         venue_type="library", capacity=60, hours=((1, 2, 3, 4, 5, 6), time(9, 0), time(17, 0)),
         contact="图书馆少儿部"),
    dict(name="召陵区人民公园游园诵读点", district="召陵区", township="天桥街道", community="",
         venue_type="park", capacity=100, hours=(EVERY_DAY, time(6, 0), time(21, 0)),
         contact="公园管理处"),
)

PEOPLE = (
    dict(name="王老师", role="leader", skills="朗诵,组织", point=0, phone="13800001001"),
    dict(name="李老师", role="leader", skills="讲解,书法", point=1, phone="13800001002"),
    dict(name="张明", role="volunteer", skills="朗诵", point=1, phone="13900002001", manager="李老师"),
    dict(name="刘芳", role="volunteer", skills="组织,摄影", point=1, phone="13900002002", manager="李老师"),
    dict(name="陈静", role="volunteer", skills="朗诵,讲解", point=0, phone="13900002003", manager="王老师"),
    dict(name="赵磊", role="volunteer", skills="摄影", point=2, phone=None, manager="王老师"),
)


def _first_weekday(year: int, month: int, weekday: int) -> date:
    d = date(year, month, 1)
    return d + timedelta(days=(weekday - d.weekday()) % 7)


def _get_or_create_points(session: Session, counts: dict[str, int]) -> list[ReadingPoint]:
    result = []
    for spec in POINTS:
        point = session.exec(select(ReadingPoint).where(ReadingPoint.name == spec["name"])).first()
        if point is None:
            days, start, end = spec["hours"]
            data = ReadingPointCreate(**{k: v for k, v in spec.items() if k != "hours"},
                                      opening_hours=dump_hours(simple_hours(days, start, end)))
            point = create_point(data, session=session)
            counts["诵读点"] += 1
        result.append(point)
    return result


def _get_or_create_people(points: list[ReadingPoint], session: Session, counts: dict[str, int]) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for spec in PEOPLE:
        person = session.exec(select(Person).where(Person.name == spec["name"])).first()
        if person is None:
            manager = people.get(spec.get("manager", ""))
            person = create_person(PersonCreate(
                name=spec["name"], role=spec["role"], skills=spec["skills"], phone=spec["phone"],
                point_id=points[spec["point"]].id, managed_by=manager.id if manager else None,
            ), session=session)
            counts["人员"] += 1
        people[person.name] = person
    return people


def _event(title: str, point: ReadingPoint, session: Session) -> CommunityEvent | None:
    return session.exec(select(CommunityEvent).where(
        CommunityEvent.title == title, CommunityEvent.point_id == point.id)).first()


def _staff(event: CommunityEvent, people: dict[str, Person], plan: dict[str, list[str]], today: datetime,
           session: Session, *, until: datetime) -> None:
    """Assign people to each occurrence's shifts up to ``until``; past shifts count as served."""
    for occ in occurrences_of(event.id, session=session):
        if occ.start >= until:
            break
        for shift in shift_views(occ.id, session=session):
            for name in plan.get(shift.task, []):
                try:
                    row = assign_person(shift.id, people[name].id, session=session)
                except ConflictError:
                    continue
                if occ.end <= today:
                    mark_served(row.id, session=session, now=today)


def seed_demo(*, session: Session, today: date | None = None) -> dict[str, int]:
    """Add the community demo programme; returns how many rows of each kind were added."""
    today = today or date.today()
    now = datetime.combine(today, time(0, 0))
    year = today.year
    counts = {"诵读点": 0, "人员": 0, "活动": 0, "节日活动": 0, "结对子": 0, "出勤记录": 0}
    points = _get_or_create_points(session, counts)
    people = _get_or_create_people(points, session, counts)
    community, library, park = points

    pairing = session.exec(select(Pairing).where(Pairing.partner_name == "漯河市第五初级中学")).first()
    if pairing is None:
        pairing = create_pairing(PairingCreate(
            partner_name="漯河市第五初级中学", partner_kind="school", target_name="老街社区",
            target_kind="community", district="源汇区", start_date=date(year, 3, 1),
            resources="teachers,works,materials", note="红色经典诵读进社区",
        ), session=session)
        counts["结对子"] += 1

    saturday_title = "周末公益诵读"
    saturdays = _event(saturday_title, library, session)
    if saturdays is None:
        first = _first_weekday(year, 3, 5)
        saturdays = create_event(EventDraft(
            title=saturday_title, start=datetime.combine(first, time(9, 0)), duration_minutes=60,
            point_id=library.id, rrule=weekly_rule([5], until=date(year, 12, 31)),
            texts=("dizigui", "sanzijing"), integration="urban_rural", sphere="society",
            stages=("primary_lower", "primary_middle"), capacity=30,
            description="每周六上午，亲子共读《弟子规》《三字经》。",
            shifts=(ShiftSpec("领读", 1), ShiftSpec("签到引导", 1)),
        ), session=session)
        counts["活动"] += 1
        _staff(saturdays, people, {"领读": ["张明"], "签到引导": ["刘芳"]}, now, session,
               until=now + timedelta(days=21))

    summer_title = "暑期公益晨读"
    summer = _event(summer_title, community, session)
    if summer is None:
        first = _first_weekday(year, 7, 0)
        summer = create_event(EventDraft(
            title=summer_title, start=datetime.combine(first, time(7, 0)), duration_minutes=40,
            point_id=community.id, rrule=weekly_rule([0, 1, 2, 3, 4], until=date(year, 8, 31)),
            texts=("lunyu", "daxue"), integration="urban_rural", sphere="family",
            stages=("primary_upper", "junior"), capacity=40, pairing_id=pairing.id,
            description="暑假周一至周五清晨，社区少年晨读《论语》《大学》。",
            shifts=(ShiftSpec("领读", 1),),
        ), session=session)
        counts["活动"] += 1
        _staff(summer, people, {"领读": ["陈静"]}, now, session, until=datetime(year, 9, 1))

    counts["节日活动"] += _seed_festivals(year, park, session)

    for i, occ in enumerate(o for o in occurrences_of(saturdays.id, session=session) if o.end <= now):
        if attendance_of(occ.id, session=session) is None and i < 12:
            record_attendance(occ.id, {"student": 12 + i % 5, "parent": 8 + i % 3, "resident": 5,
                                       "volunteer": 2}, 60, session=session)
            counts["出勤记录"] += 1
    return counts


def _seed_festivals(year: int, park: ReadingPoint, session: Session) -> int:
    try:
        from curriculum.community.festival_events import accept_suggestion, suggest_festival_events

        events = suggest_festival_events(year, point_id=park.id, session=session)
    except ImportError:  # the festival calendar is not installed: no festival events
        return 0
    added = 0
    for event in events:
        if event.status == "suggested":
            try:
                accept_suggestion(event.id, session=session, override=True)
                added += 1
            except ConflictError:
                continue
    return added
