"""Demo data for community reading in 漯河 (源汇区, 郾城区, 召陵区); ``seed`` is safe to run again.

Adds reading points (a practice station, a library, a park and a school),
leaders and volunteers, and a programme that covers the six integrations and
the three spheres around ``today``:

* a weekly Saturday reading at the library (urban–rural, society) from March;
* a summer-morning series (Monday–Friday 07:00–07:40 in July and August, the
  family sphere, the pairing's joint event) in the summer before the school year;
* this year's festival events at the park (accepted, staffed);
* in the current school year (from 1 September): 《弟子规》与文明行为 every other
  Wednesday evening at the practice station (moral practice), 亲子诵读 every
  other Sunday afternoon (family sphere), 校园诵读展示 every four weeks at the
  school (campus culture, school sphere) and a joint event of the pairing
  (红色经典进社区).

Shifts are staffed up to three weeks ahead of ``today`` (later ones are left
open, so the 48-hour reminder list has something to say); the people on
shifts that already took place are marked served, and every occurrence that
already took place gets an attendance record by role. Counts come from a
``random.Random`` seeded per occurrence, so the same ``today`` always gives the
same numbers. Everything is looked up by name first, so a second run adds
nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlmodel import Session, select

from curriculum.clock import local_today
from curriculum.community.attendance import attendance_of, record_attendance
from curriculum.community.conflicts import ConflictError
from curriculum.community.events.drafts import EventDraft, ShiftSpec
from curriculum.community.events.records import occurrences_of
from curriculum.community.events.series import create_event
from curriculum.community.events.shifts import assign_person, mark_served, shift_views
from curriculum.community.festival_events import accept_suggestion, suggest_festival_events
from curriculum.community.pairings import create_pairing
from curriculum.community.people import create_person
from curriculum.community.points import create_point, dump_hours, simple_hours
from curriculum.community.recurrence import weekly_rule
from curriculum.models.community import (
    AttendanceRecordCreate,
    CommunityEvent,
    Pairing,
    PairingCreate,
    Person,
    PersonCreate,
    ReadingPoint,
    ReadingPointCreate,
)
from curriculum.schoolcal import school_year_bounds

EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)
SCHOOL_DAYS = (0, 1, 2, 3, 4)
STAFF_AHEAD = timedelta(days=21)  # leaders roster three weeks ahead; later shifts are still open

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
    dict(name="漯河市第五初级中学诵读点", district="源汇区", township="顺河街道", community="",
         venue_type="school", capacity=300, hours=(SCHOOL_DAYS, time(7, 30), time(18, 0)),
         contact="学校德育处"),
)
LAOJIE, LIBRARY, PARK, SCHOOL = range(4)

PEOPLE = (
    dict(name="王老师", role="leader", skills="朗诵,组织", point=LAOJIE, phone="13800001001"),
    dict(name="李老师", role="leader", skills="讲解,书法", point=LIBRARY, phone="13800001002"),
    dict(name="张明", role="volunteer", skills="朗诵", point=LIBRARY, phone="13900002001", manager="李老师"),
    dict(name="刘芳", role="volunteer", skills="组织,摄影", point=LIBRARY, phone="13900002002", manager="李老师"),
    dict(name="陈静", role="volunteer", skills="朗诵,讲解", point=LAOJIE, phone="13900002003", manager="王老师"),
    dict(name="赵磊", role="volunteer", skills="摄影", point=PARK, phone=None, manager="王老师"),
    dict(name="孙老师", role="leader", skills="朗诵,讲解,组织", point=SCHOOL, phone="13800001003"),
    dict(name="周婷", role="volunteer", skills="朗诵,讲解", point=LAOJIE, phone="13900002004", manager="王老师"),
    dict(name="吴刚", role="volunteer", skills="组织", point=PARK, phone="13900002005", manager="王老师"),
    dict(name="郑洁", role="volunteer", skills="朗诵,书法", point=SCHOOL, phone="13900002006", manager="孙老师"),
)

PAIRING_PARTNER = "漯河市第五初级中学"


@dataclass(frozen=True)
class Crowd:
    """Who typically comes to an event, as (low, high) per attendance role; volunteers/teachers as counted on site."""

    student: tuple[int, int] = (0, 0)
    parent: tuple[int, int] = (0, 0)
    resident: tuple[int, int] = (0, 0)
    volunteer: tuple[int, int] = (0, 0)
    teacher: tuple[int, int] = (0, 0)

    def draw(self, rng: random.Random) -> dict[str, int]:
        return {role: rng.randint(*span) for role, span in vars(self).items() if span != (0, 0)}


SATURDAY_CROWD = Crowd(student=(8, 15), parent=(5, 10), resident=(2, 5), volunteer=(2, 2))
SUMMER_CROWD = Crowd(student=(12, 26), parent=(2, 6), resident=(1, 4), volunteer=(1, 1))
FESTIVAL_CROWD = Crowd(student=(10, 30), parent=(8, 20), resident=(20, 45), volunteer=(3, 3), teacher=(0, 3))
MORAL_CROWD = Crowd(student=(5, 12), parent=(3, 8), resident=(10, 22), volunteer=(1, 1))
FAMILY_CROWD = Crowd(student=(8, 14), parent=(8, 14), resident=(0, 2), volunteer=(1, 1))
CAMPUS_CROWD = Crowd(student=(120, 220), parent=(10, 30), volunteer=(2, 2), teacher=(6, 12))
JOINT_CROWD = Crowd(student=(15, 25), parent=(4, 8), resident=(10, 18), volunteer=(2, 2), teacher=(3, 5))


def school_year_start(today: date) -> date:
    """1 September of the school year ``today`` is in (the dashboard's default range starts there)."""
    return school_year_bounds(today)[0]


def _first_weekday(year: int, month: int, weekday: int) -> date:
    return _on_or_after(date(year, month, 1), weekday)


def _on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


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


def _staff(event: CommunityEvent, people: dict[str, Person], plan: dict[str, list[str]], session: Session, *,
           until: datetime) -> None:
    """Assign people to each occurrence's shifts that start before ``until`` (someone already busy is skipped)."""
    for occ in occurrences_of(event.id, session=session):
        if occ.start >= until:
            break
        for shift in shift_views(occ.id, session=session):
            for name in plan.get(shift.task, []):
                try:
                    assign_person(shift.id, people[name].id, session=session)
                except ConflictError:
                    continue


def _series(title: str, point: ReadingPoint, draft: EventDraft, people: dict[str, Person],
            plan: dict[str, list[str]], session: Session, counts: dict[str, int], *,
            until: datetime) -> CommunityEvent:
    """The event called ``title`` at ``point``; created from ``draft`` and staffed up to ``until`` if new."""
    event = _event(title, point, session)
    if event is None:
        event = create_event(draft, session=session)
        counts["活动"] += 1
        _staff(event, people, plan, session, until=until)
    return event


def _record_the_past(event: CommunityEvent, crowd: Crowd, now: datetime, session: Session) -> int:
    """For occurrences already over: mark the people on shift served and record attendance (if none yet).

    Returns how many attendance records were added. The counts are drawn from
    a generator seeded with the event and the occurrence's start, so they do
    not depend on the order or the number of runs.
    """
    added = 0
    for occ in occurrences_of(event.id, session=session):
        if occ.end > now:
            break
        if occ.cancelled:
            continue
        for shift in shift_views(occ.id, session=session):
            for person in shift.assigned:
                if not person.served:
                    mark_served(person.id, session=session, now=now)
        if attendance_of(occ.id, session=session) is None:
            rng = random.Random(f"{event.title}|{event.point_id}|{occ.start.isoformat()}")
            # Readings sometimes run a little short (late start, weather); never longer than planned.
            minutes = event.duration_minutes - rng.choice((0, 0, 0, 5, 10))
            record = AttendanceRecordCreate(occurrence_id=occ.id, counts=crowd.draw(rng), duration_minutes=minutes)
            record_attendance(record, session=session)
            added += 1
    return added


def seed(*, session: Session, today: date | None = None) -> dict[str, int]:
    """Add the community demo programme; returns how many rows of each kind were added."""
    today = today or local_today()
    now = datetime.combine(today, time(0, 0))
    staff_until = now + STAFF_AHEAD
    year = school_year_start(today).year  # the calendar year the current school year began in
    counts = {"诵读点": 0, "人员": 0, "活动": 0, "节日活动": 0, "结对子": 0, "出勤记录": 0}
    points = _get_or_create_points(session, counts)
    people = _get_or_create_people(points, session, counts)
    laojie, library, park, school = points

    pairing = session.exec(select(Pairing).where(Pairing.partner_name == PAIRING_PARTNER)).first()
    if pairing is None:
        pairing = create_pairing(PairingCreate(
            partner_name=PAIRING_PARTNER, partner_kind="school", target_name="老街社区",
            target_kind="community", district="源汇区", start_date=date(year, 3, 1),
            resources="teachers,works,materials", note="红色经典诵读进社区",
        ), session=session)
        counts["结对子"] += 1

    plans: list[tuple[CommunityEvent, Crowd]] = []

    def add(title, point, crowd, plan, *, until=staff_until, **fields):
        draft = EventDraft(title=title, point_id=point.id, **fields)
        plans.append((_series(title, point, draft, people, plan, session, counts, until=until), crowd))

    add("周末公益诵读", library, SATURDAY_CROWD, {"领读": ["张明"], "签到引导": ["刘芳"]},
        start=datetime.combine(_first_weekday(year, 3, 5), time(9, 0)), duration_minutes=60,
        rrule=weekly_rule([5], until=date(today.year, 12, 31)),
        texts=("dizigui", "sanzijing"), integration="urban_rural", sphere="society",
        stages=("primary_lower", "primary_middle"), capacity=30,
        description="每周六上午，亲子共读《弟子规》《三字经》。",
        shifts=(ShiftSpec("领读", 1), ShiftSpec("签到引导", 1)))

    add("暑期公益晨读", laojie, SUMMER_CROWD, {"领读": ["陈静"]}, until=datetime(year, 9, 1),
        start=datetime.combine(_first_weekday(year, 7, 0), time(7, 0)), duration_minutes=40,
        rrule=weekly_rule([0, 1, 2, 3, 4], until=date(year, 8, 31)),
        texts=("lunyu", "daxue"), integration="urban_rural", sphere="family",
        stages=("primary_upper", "junior"), capacity=40, pairing_id=pairing.id,
        description="暑假周一至周五清晨，社区少年晨读《论语》《大学》。",
        shifts=(ShiftSpec("领读", 1),))

    # The school year's own programme starts in the first full week of September.
    term = date(year, 9, 1)
    winter = date(year + 1, 1, 31)  # the autumn term's evening and weekend series stop for the winter break
    add("《弟子规》与文明行为", laojie, MORAL_CROWD, {"领读": ["陈静"]},
        start=datetime.combine(_on_or_after(term + timedelta(days=7), 2), time(19, 0)), duration_minutes=60,
        rrule=weekly_rule([2], until=winter, interval=2),
        texts=("dizigui", "zhongxiaoxuesheng_shouze_2015"), integration="moral", sphere="society",
        stages=("primary_middle", "primary_upper"), capacity=40,
        description="对照《中小学生守则》和《漯河市文明行为促进条例》读《弟子规》，说一说身边的文明行为。",
        shifts=(ShiftSpec("领读", 1),))

    add("亲子诵读·家风家训", laojie, FAMILY_CROWD, {"领读": ["周婷"]},
        start=datetime.combine(_on_or_after(term + timedelta(days=7), 6), time(15, 0)), duration_minutes=60,
        rrule=weekly_rule([6], until=winter, interval=2),
        texts=("sanzijing", "zhuzi_jiaxun"), integration="urban_rural", sphere="family",
        stages=("kindergarten", "primary_lower"), capacity=30,
        description="隔周周日下午，家长和孩子一起读《三字经》《朱子家训》，讲自家的家风故事。",
        shifts=(ShiftSpec("领读", 1),))

    add("校园诵读展示", school, CAMPUS_CROWD, {"领读": ["孙老师"], "秩序引导": ["郑洁"]},
        start=datetime.combine(_on_or_after(term, 4), time(15, 30)), duration_minutes=60,
        rrule=weekly_rule([4], until=date(year + 1, 6, 30), interval=4),
        texts=("lunyu", "manjianghong_nufachongguan", "shaonian_zhongguo_shuo"), integration="campus",
        sphere="school", stages=("junior",), capacity=300,
        description="每四周一次，各班轮流在操场展示集中诵读，邀请家长观摩。",
        shifts=(ShiftSpec("领读", 1), ShiftSpec("秩序引导", 1)))

    add("红色经典进社区", laojie, JOINT_CROWD, {"领读": ["孙老师"], "签到引导": ["王老师"]},
        start=datetime.combine(_first_weekday(year, 10, 5) + timedelta(days=14), time(14, 30)),
        duration_minutes=90, texts=("qiu_ge", "meiling_sanzhang", "yiyongjun_jinxingqu"),
        integration="urban_rural", sphere="society", stages=("junior",), capacity=40, pairing_id=pairing.id,
        description="第五初级中学师生走进老街社区，与居民同诵红色经典（结对子联合活动）。",
        shifts=(ShiftSpec("领读", 1), ShiftSpec("签到引导", 1)))

    festivals = []
    for festival_year in sorted({year, today.year}):
        added, events = _seed_festivals(festival_year, park, session)
        counts["节日活动"] += added
        festivals += events
    plan = {"领读": ["周婷"], "签到引导": ["赵磊", "吴刚"]}
    for event in festivals:
        if event.status == "confirmed" and event.start < staff_until and not _staffed(event, session):
            _staff(event, people, plan, session, until=staff_until)
        plans.append((event, FESTIVAL_CROWD))

    for event, crowd in plans:
        if event.status == "confirmed":
            counts["出勤记录"] += _record_the_past(event, crowd, now, session)
    return counts


def _staffed(event: CommunityEvent, session: Session) -> bool:
    return any(shift.assigned or shift.backups
               for occ in occurrences_of(event.id, session=session)
               for shift in shift_views(occ.id, session=session))


def _seed_festivals(year: int, park: ReadingPoint, session: Session) -> tuple[int, list[CommunityEvent]]:
    """Suggest and accept ``year``'s festival events at the park: (how many were accepted now, the events)."""
    try:
        events = suggest_festival_events(year, point_id=park.id, session=session)
    except ImportError:  # the festival calendar is not installed: no festival events
        return 0, []
    added, result = 0, []
    for event in events:
        if event.status == "suggested":
            try:
                event = accept_suggestion(event.id, session=session, override=True)
                added += 1
            except ConflictError:
                continue
        result.append(event)
    return added, result
