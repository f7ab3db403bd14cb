"""Reading points (社区诵读点): weekly opening hours, create and list (the page's table is in ``views``).

The field rules of a new point are on ``ReadingPointCreate``; ``point_input`` builds one from typed input.

Opening hours are per weekday (Monday = 0), a list of ``(start, end)`` times,
stored as JSON text on ``ReadingPoint.opening_hours``. A point with no hours
recorded at all is not checked (we do not know its hours); once any day has
hours, a weekday without hours is closed.
"""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any

from sqlmodel import Session, select

from curriculum.community.conflicts import CommunityError
from curriculum.districts import require_district
from curriculum.errors import validated
from curriculum.models.community import ReadingPoint, ReadingPointCreate
from curriculum.vocab import WEEKDAY_LABELS

Hours = dict[int, list[tuple[time, time]]]

# The 诵读点 form's Chinese field names, for messages about fields whose rule has no message of its own.
POINT_LABELS = {"name": "诵读点名称", "district": "区县", "township": "乡镇/街道", "community": "社区/村",
                "venue_type": "场所类型", "capacity": "容纳人数", "opening_hours": "开放时间",
                "contact": "联系人/联系方式"}


def _parse_time(value: str, where: str) -> time:
    try:
        if not isinstance(value, str):
            raise TypeError(value)
        return time.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommunityError(f"{where}：时间“{value}”格式不对，应为 HH:MM") from None


def parse_hours(text: str | None, *, field: str = "开放时间") -> Hours:
    """JSON text → ``{weekday: [(start, end), …]}``; raises ``CommunityError`` naming the day."""
    if not text:
        return {}
    try:
        raw = json.loads(text)
    except json.JSONDecodeError:
        raise CommunityError(f"{field}不是有效的 JSON") from None
    if not isinstance(raw, dict):
        raise CommunityError(f"{field}：应为按星期列出的时段，如 {{\"5\": [[\"09:00\", \"12:00\"]]}}")
    hours: Hours = {}
    for day, spans in raw.items():
        try:
            wd = int(day)
        except (TypeError, ValueError):
            wd = -1
        if not 0 <= wd <= 6:
            raise CommunityError(f"{field}：星期“{day}”不存在（0=周一 … 6=周日）")
        where = f"{field}·{WEEKDAY_LABELS[wd]}"
        if not isinstance(spans, list):
            raise CommunityError(f"{where}：应为时段列表，如 [[\"09:00\", \"12:00\"]]")
        parsed = []
        for span in spans:
            if not isinstance(span, (list, tuple)) or len(span) != 2:
                raise CommunityError(f"{where}：时段“{span}”应为 [开始, 结束] 两个时间")
            start, end = _parse_time(span[0], where), _parse_time(span[1], where)
            if end <= start:
                raise CommunityError(f"{where}：结束时间 {end:%H:%M} 应晚于开始时间 {start:%H:%M}")
            parsed.append((start, end))
        if parsed:
            hours[wd] = sorted(parsed)
    return hours


def dump_hours(hours: Hours) -> str:
    return json.dumps(
        {str(d): [[s.strftime("%H:%M"), e.strftime("%H:%M")] for s, e in spans]
         for d, spans in sorted(hours.items()) if spans},
        ensure_ascii=False,
    )


def simple_hours(weekdays: list[int] | tuple[int, ...], start: time, end: time) -> Hours:
    """The same span on each of ``weekdays`` (what the create form offers)."""
    if end <= start:
        raise CommunityError(f"开放时间：结束时间 {end:%H:%M} 应晚于开始时间 {start:%H:%M}")
    return {wd: [(start, end)] for wd in sorted(set(weekdays))}


def format_hours(hours: Hours) -> str:
    """``周一 09:00–17:00；周六 08:00–12:00`` (empty → 未登记)."""
    if not hours:
        return "未登记"
    return "；".join(
        f"{WEEKDAY_LABELS[d]} " + "、".join(f"{s:%H:%M}–{e:%H:%M}" for s, e in spans)
        for d, spans in sorted(hours.items())
    )


def within_hours(hours: Hours, start: datetime, end: datetime) -> bool:
    """Whether ``[start, end]`` lies inside one opening span of its weekday (unknown hours → True)."""
    if not hours:
        return True
    if end.date() != start.date():
        return False
    return any(s <= start.time() and end.time() <= e for s, e in hours.get(start.weekday(), []))


def point_hours(point: ReadingPoint) -> Hours:
    return parse_hours(point.opening_hours, field=f"诵读点“{point.name}”的开放时间")


def point_input(**fields: Any) -> ReadingPointCreate:
    """A ``ReadingPointCreate`` from typed input; ``CommunityError`` in Chinese naming the field the model refuses."""
    return validated(ReadingPointCreate, CommunityError, labels=POINT_LABELS, **fields)


def create_point(data: ReadingPointCreate, *, session: Session) -> ReadingPoint:
    """Save a reading point (the model holds the field rules; the district must be one of the city's)."""
    district = require_district(data.district, session=session)
    point = ReadingPoint.model_validate(data, update={"district": district})
    session.add(point)
    session.commit()
    session.refresh(point)
    return point


def list_points(*, session: Session, district: str | None = None) -> list[ReadingPoint]:
    stmt = select(ReadingPoint).order_by(ReadingPoint.district, ReadingPoint.name)
    if district:
        stmt = stmt.where(ReadingPoint.district == district)
    return list(session.exec(stmt))


def districts(*, session: Session) -> list[str]:
    return sorted({p.district for p in session.exec(select(ReadingPoint)) if p.district})
