"""What the community pages show, shaped as plain data: Chinese tables, labels, captions and detail panels.

Pure reading and formatting — nothing here writes, and nothing imports
streamlit. Pages (``pages/reading_points.py``, ``pages/events.py`` and the
``ui/community`` / ``ui/events`` sections) pass these rows to ``st.dataframe``
or ``st.markdown`` as they are.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlmodel import Session, select

from curriculum.accounts.service import CurrentUser
from curriculum.community.attendance import attendance_of, volunteer_hours
from curriculum.community.conflicts import fmt_span
from curriculum.community.events.listing import OccurrenceRow
from curriculum.community.events.records import get_event, get_occurrence, point_of
from curriculum.community.events.shifts import ShiftView, shift_views
from curriculum.community.events.signups import signup_lists
from curriculum.community.pairings import list_pairings, pairing_events
from curriculum.community.people import availability, display_phone, list_people
from curriculum.community.points import format_hours, list_points, point_hours
from curriculum.community.recurrence import describe_rule, rule_until, rule_weekdays
from curriculum.models.community import Person, ReadingPoint
from curriculum.stages import STAGE_LABELS
from curriculum.textlists import split_list
from curriculum.vocab import (
    ATTENDANCE_ROLES,
    INTEGRATIONS,
    PAIRING_RESOURCES,
    PARTNER_KINDS,
    PERSON_ROLES,
    SPHERES,
    TARGET_KINDS,
    VENUE_TYPES,
    WEEKDAY_LABELS,
)

# --------------------------------------------------------------------------- 诵读点 page tables


def points_table(*, session: Session) -> list[dict]:
    """Plain rows for the 诵读点 page."""
    return [
        {
            "编号": p.id,
            "名称": p.name,
            "区县": p.district or "",
            "乡镇/街道": p.township,
            "社区/村": p.community,
            "类型": VENUE_TYPES.get(p.venue_type, p.venue_type),
            "容纳人数": p.capacity,
            "开放时间": format_hours(point_hours(p)),
            "联系人": p.contact,
        }
        for p in list_points(session=session)
    ]


def people_table(*, session: Session, viewer: CurrentUser | None = None) -> list[dict]:
    """Plain rows for the page, phones as ``viewer`` (the signed-in user) may see them."""
    names = {p.id: p.name for p in session.exec(select(ReadingPoint))}
    people = list_people(session=session)
    by_id = {p.id: p.name for p in people}
    return [
        {
            "编号": p.id,
            "姓名": p.name,
            "角色": PERSON_ROLES.get(p.role, p.role),
            "特长": "、".join(split_list(p.skills)),
            "可服务时间": format_hours(availability(p)),
            "诵读点": names.get(p.point_id, ""),
            "负责人": by_id.get(p.managed_by, ""),
            "电话": display_phone(p, viewer),
        }
        for p in people
    ]


def pairings_table(*, session: Session) -> list[dict]:
    """One row per pairing, with the joint events it produced (dropped suggestions left out)."""
    rows = []
    for p in list_pairings(session=session):
        events = pairing_events(p.id, session=session)
        rows.append({
            "编号": p.id,
            "结对单位": f"{p.partner_name}（{PARTNER_KINDS.get(p.partner_kind, p.partner_kind)}）",
            "结对对象": f"{p.target_name}（{TARGET_KINDS.get(p.target_kind, p.target_kind)}）",
            "区县": p.district or "",
            "开始日期": p.start_date.isoformat(),
            "资源": "、".join(PAIRING_RESOURCES.get(r, r) for r in split_list(p.resources)),
            "联合活动": "、".join(e.title for e in events if e.status != "dropped"),
        })
    return rows


def volunteer_hours_table(*, session: Session) -> list[dict]:
    """Served hours per person, most first."""
    hours = volunteer_hours(session=session)
    names = {p.id: p.name for p in session.exec(select(Person))}
    return [{"姓名": names.get(pid, f"#{pid}"), "志愿服务时长（小时）": h}
            for pid, h in sorted(hours.items(), key=lambda kv: -kv[1])]


def person_label(person: Person) -> str:
    """``张明（志愿者）`` for pickers."""
    return f"{person.name}（{PERSON_ROLES.get(person.role, person.role)}）"


# --------------------------------------------------------------------------- 活动日历 page


def occurrence_label(row: OccurrenceRow) -> str:
    """``9月5日 周六 09:00 周末公益诵读 · 老街社区诵读点`` for pickers."""
    where = row.point_name or row.district
    return (f"{row.start.month}月{row.start.day}日 {WEEKDAY_LABELS[row.start.weekday()]} {row.start:%H:%M} "
            f"{row.title}" + (f" · {where}" if where else "") + ("（已取消）" if row.cancelled else ""))


def occurrence_detail(occurrence_id: int, *, session: Session) -> dict:
    """Everything the event detail panel shows, as plain data."""
    occ = get_occurrence(occurrence_id, session=session)
    event = get_event(occ.event_id, session=session)
    point = point_of(event.point_id, session=session)
    confirmed, waitlist = signup_lists(occ.id, session=session)
    return {
        "occurrence_id": occ.id,
        "event_id": event.id,
        "title": occ.title or event.title,
        "series_title": event.title,
        "start": occ.start,
        "end": occ.end,
        "when": fmt_span(occ.start, occ.end),
        "duration_minutes": int((occ.end - occ.start).total_seconds() // 60),
        "rule": describe_rule(event.rrule, event.start, event.duration_minutes),
        "recurring": bool(event.rrule),
        "is_exception": occ.is_exception,
        "cancelled": occ.cancelled,
        "status": event.status,
        "point": point.name if point else "",
        "venue_type": VENUE_TYPES.get(point.venue_type, "") if point else "",
        "district": event.district,
        "texts": split_list(event.texts),
        "integration": event.integration,
        "sphere": event.sphere,
        "stages": split_list(event.stages),
        "capacity": event.capacity,
        "confirmed": [(s.id, s.name, s.role) for s in confirmed],
        "waitlist": [(s.id, s.name, s.role) for s in waitlist],
        "shifts": shift_views(occ.id, session=session),
        "attendance": attendance_of(occ.id, session=session),
    }


def series_form(event_id: int, *, session: Session) -> dict:
    """What the 修改整个系列 form starts from: every field ``series.edit_series_from_form`` takes, as plain data."""
    event = get_event(event_id, session=session)
    return {
        "title": event.title, "start_time": event.start.time(), "duration_minutes": event.duration_minutes,
        "repeat_days": rule_weekdays(event.rrule, event.start), "until": rule_until(event.rrule),
        "point_id": event.point_id, "capacity": event.capacity, "texts": split_list(event.texts),
        "stages": split_list(event.stages), "integration": event.integration, "sphere": event.sphere,
        "description": event.description,
    }


def detail_caption(detail: Mapping, titles: Mapping[str, str]) -> str:
    """``时间 · 地点 · 融合方向 · 领域 · 篇目：… · 面向：…`` under the occurrence's title."""
    texts = "、".join(titles.get(t, t) for t in detail["texts"]) or "未指定"
    stages = (f" · 面向：{'、'.join(STAGE_LABELS.get(s, s) for s in detail['stages'])}"
              if detail["stages"] else "")
    return (f"{detail['when']} · {detail['point'] or detail['district']} · "
            f"{INTEGRATIONS.get(detail['integration'], '')} · {SPHERES.get(detail['sphere'], '')} · 篇目：{texts}"
            + stages)


def signup_summary(detail: Mapping) -> str:
    """``**已报名 2/30**，候补 0 人`` (``（不限名额）`` when capacity is 0)."""
    n = len(detail["confirmed"])
    places = f"{n}/{detail['capacity']}" if detail["capacity"] else f"{n}（不限名额）"
    return f"**已报名 {places}**，候补 {len(detail['waitlist'])} 人"


def confirmed_table(detail: Mapping) -> list[dict]:
    return [{"姓名": n, "身份": ATTENDANCE_ROLES.get(r, r)} for _, n, r in detail["confirmed"]]


def waitlist_table(detail: Mapping) -> list[dict]:
    return [{"顺序": i + 1, "姓名": n, "身份": ATTENDANCE_ROLES.get(r, r)}
            for i, (_, n, r) in enumerate(detail["waitlist"])]


def shift_line(shift: ShiftView) -> str:
    """``- **领读** 09:00–10:00，需要 1 人：张明（已到岗）；候补：无；人员已齐``."""
    on_duty = "、".join(a.name + ("（已到岗）" if a.served else "") for a in shift.assigned) or "无"
    backups = "、".join(a.name for a in shift.backups) or "无"
    state = f"还缺 {shift.missing} 人" if shift.missing else "人员已齐"
    return (f"- **{shift.task}** {shift.start:%H:%M}–{shift.end:%H:%M}，需要 {shift.needed} 人："
            f"{on_duty}；候补：{backups}；{state}")


def copyable_events(*, session: Session, limit: int = 50) -> dict[int, str]:
    """Confirmed events, latest first, as ``id → “2026年9月5日 周六 周末公益诵读”`` for the copy picker."""
    from curriculum.models.community import CommunityEvent

    events = session.exec(select(CommunityEvent).where(CommunityEvent.status == "confirmed")
                          .order_by(CommunityEvent.start.desc()).limit(limit))
    return {e.id: f"{e.start.year}年{e.start.month}月{e.start.day}日 {WEEKDAY_LABELS[e.start.weekday()]} {e.title}"
            for e in events}


def copy_form(event_id: int, today, *, session: Session) -> dict:
    """The 新建活动 form's values copied from an event: everything but the date, which moves to the next same weekday.

    Keys are the form's fields (see ``ui.events.new_event``); the shift counts
    come from the event's first occurrence.
    """
    from datetime import timedelta

    from curriculum.community.events.records import occurrences_of, shifts_of

    event = get_event(event_id, session=session)
    ahead = (event.start.weekday() - today.weekday()) % 7
    occurrences = occurrences_of(event.id, session=session)
    shifts = shifts_of(occurrences[0].id, session=session) if occurrences else []
    needed = {task: sum(s.needed for s in shifts if s.task == task) for task in ("领读", "签到引导")}
    return {
        "title": event.title, "point": event.point_id, "day": today + timedelta(days=ahead),
        "time": event.start.time(), "minutes": event.duration_minutes,
        "repeat": rule_weekdays(event.rrule, event.start), "until": None,
        "integration": event.integration, "sphere": event.sphere, "capacity": event.capacity,
        "stages": split_list(event.stages), "texts": split_list(event.texts),
        "leaders": needed["领读"], "helpers": needed["签到引导"], "pairing": event.pairing_id or 0,
        "desc": event.description,
    }
