"""Importing event attendance (活动到场人数): people present per occurrence and role, and the reading's length.

A row's natural key is (诵读点, 活动, 日期[, 开始时间], 身份): it sets the count
of that role at the occurrence of that event on that day (开始时间 tells
apart two occurrences of one event on one day; without it such a row is an
error listing the times). 时长（分钟）is the occurrence's actual length, the
same for every role (as ``community.attendance.record_attendance`` keeps
it): rows of one occurrence must agree, and a given length is written to the
occurrence's other role rows too; blank keeps the recorded length, or the
occurrence's scheduled length when nothing is recorded yet.

The event is matched by its title or the occurrence's own title (a moved or
renamed date); cancelled and future occurrences are refused. A count of 0
for a role with no row is already true and writes nothing. Importing the
same file again changes nothing.

Checking loads the points named, their events, the occurrences in the
file's date range and their attendance in one query each; the writes are one
executemany INSERT and one executemany UPDATE, then one commit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import bindparam, insert, select, update
from sqlmodel import Session

from curriculum.clock import local_now
from curriculum.imports.common import ImportReport, Row, chunks
from curriculum.imports.tables import Table, header_lookup, read_table, require_columns
from curriculum.models.community import Attendance, CommunityEvent, EventOccurrence, ReadingPoint
from curriculum.vocab import ATTENDANCE_ROLES

COLUMNS: dict[str, tuple[str, ...]] = {
    "point": ("诵读点", "诵读点名称", "reading_point", "point_name"),
    "event": ("活动", "活动名称", "活动标题", "title", "event_title"),
    "date": ("日期", "活动日期"),
    "start": ("开始时间", "时间", "start_time"),
    "role": ("身份", "人员类别", "类别", "人员身份"),
    "count": ("人数", "到场人数", "参加人数"),
    "duration": ("时长(分钟)", "时长", "实际时长", "实际时长(分钟)", "活动时长", "duration_minutes"),
}
LABELS = {"point": "诵读点", "event": "活动", "date": "日期", "start": "开始时间", "role": "身份", "count": "人数",
          "duration": "时长（分钟）"}
REQUIRED = {k: LABELS[k] for k in ("point", "event", "date", "role", "count")}
MAX_COUNT = 100_000
MAX_DURATION = 720
_LOOKUP = header_lookup(COLUMNS)
_ROLE_LOOKUP = {**{k: k for k in ATTENDANCE_ROLES}, **{v: k for k, v in ATTENDANCE_ROLES.items()},
                "学生（少儿）": "student", "小学生": "student", "老师": "teacher", "社区居民": "resident"}
ATT = Attendance.__table__
OCC = EventOccurrence.__table__


@dataclass(frozen=True)
class _Parsed:
    line: int
    point: str
    title: str
    date: dt.date
    start: dt.time | None
    role: str
    count: int
    duration: int | None


@dataclass(frozen=True)
class _Occurrence:
    id: int
    start: dt.datetime
    end: dt.datetime
    cancelled: bool


@dataclass
class _Stored:
    points: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # name → ids
    # (point id, title, date) → occurrences (an event matched by its title or the occurrence's)
    occurrences: dict[tuple[int, str, dt.date], list[_Occurrence]] = field(default_factory=lambda: defaultdict(list))
    # occurrence id → {role: (attendance id, count, duration)}
    attendance: dict[int, dict[str, tuple[int, int, int]]] = field(default_factory=lambda: defaultdict(dict))


# --- reading the rows (no database) ---------------------------------------------------------


def _role(row: Row) -> str | None:
    raw = row.cell("role")
    if not raw:
        row.error("role", "身份不能为空")
        return None
    key = _ROLE_LOOKUP.get(raw) or _ROLE_LOOKUP.get(raw.lower())
    if key is None:
        row.error("role", f"未知身份“{raw}”，可选：{'、'.join(ATTENDANCE_ROLES.values())}")
    return key


def _parse(row: Row, *, today: dt.date) -> _Parsed | None:
    point = row.text("point", "诵读点")
    title = row.text("event", "活动")
    day = row.date("date", today=today)
    start = row.time("start")
    role = _role(row)
    count = row.integer("count", "人数", 0, MAX_COUNT, required=True)
    duration = row.integer("duration", "时长", 1, MAX_DURATION)
    if row.errors:
        return None
    return _Parsed(row.line, point, title, day, start, role, count, duration)


# --- what the database holds -----------------------------------------------------------------


def _load(parsed: list[_Parsed], *, session: Session) -> _Stored:
    stored = _Stored()
    for part in chunks(sorted({p.point for p in parsed})):
        for pid, name in session.execute(select(ReadingPoint.id, ReadingPoint.name).where(ReadingPoint.name.in_(part))):
            stored.points[name].append(pid)
    point_ids = sorted({pid for ids in stored.points.values() for pid in ids})
    first = dt.datetime.combine(min(p.date for p in parsed), dt.time(0))
    after = dt.datetime.combine(max(p.date for p in parsed) + dt.timedelta(days=1), dt.time(0))
    o, a = OCC.c, ATT.c
    for part in chunks(point_ids):
        in_range = (CommunityEvent.point_id.in_(part), o.start >= first, o.start < after)
        for oid, pid, event_title, occ_title, start, end, cancelled in session.execute(
            select(o.id, CommunityEvent.point_id, CommunityEvent.title, o.title, o.start, o.end, o.cancelled)
            .join(CommunityEvent, CommunityEvent.id == o.event_id).where(*in_range)
        ):
            occ = _Occurrence(oid, start, end, cancelled)
            for title in {event_title, occ_title} - {None, ""}:
                stored.occurrences[pid, title.strip(), start.date()].append(occ)
        for aid, oid, role, count, duration in session.execute(
            select(a.id, a.occurrence_id, a.role, a.count, a.duration_minutes)
            .join(OCC, o.id == a.occurrence_id).join(CommunityEvent, CommunityEvent.id == o.event_id)
            .where(*in_range)
        ):
            stored.attendance[oid][role] = (aid, count, duration)
    return stored


# --- matching rows to occurrences ------------------------------------------------------------


def _point_id(row: Row, p: _Parsed, stored: _Stored) -> int | None:
    ids = stored.points.get(p.point, [])
    if not ids:
        row.error("point", f"找不到诵读点“{p.point}”（名称须与系统中的完全一致）")
        return None
    if len(ids) > 1:
        row.error("point", f"有 {len(ids)} 个名为“{p.point}”的诵读点，无法确定是哪一个，请先在系统中改名")
        return None
    return ids[0]


def _occurrence(row: Row, p: _Parsed, stored: _Stored, now: dt.datetime) -> _Occurrence | None:
    point_id = _point_id(row, p, stored)
    if point_id is None:
        return None
    found = sorted(stored.occurrences.get((point_id, p.title, p.date), []), key=lambda o: o.start)
    if p.start is not None:
        found = [o for o in found if o.start.time().replace(second=0) == p.start]
    day = f"{p.date:%Y-%m-%d}"
    if not found:
        at = f" {p.start:%H:%M}" if p.start else ""
        row.error("start" if p.start and row.cell("start") else "event",
                  f"诵读点“{p.point}”在 {day}{at} 没有名为“{p.title}”的活动")
        return None
    if len(found) > 1:
        times = "、".join(f"{o.start:%H:%M}" for o in found)
        row.error("start" if row.cell("start") else "event",
                  f"“{p.title}”在 {day} 有 {len(found)} 场（{times}），请在“开始时间”列注明是哪一场")
        return None
    occ = found[0]
    if occ.cancelled:
        row.error("date", f"“{p.title}” {day} {occ.start:%H:%M} 这一场已取消，不能记录到场人数")
        return None
    if occ.start > now:
        row.error("date", f"“{p.title}” {day} {occ.start:%H:%M} 这一场还没有开始，不能记录到场人数")
        return None
    return occ


@dataclass
class _Plan:
    """The writes a checked file asks for, per occurrence: counts by role and one duration."""

    counts: dict[int, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    # occurrence → (minutes, the row that set them, whether that row gave them)
    durations: dict[int, tuple[int, int, bool]] = field(default_factory=dict)


def _duration(row: Row, p: _Parsed, occ: _Occurrence, stored: _Stored, plan: _Plan) -> int | None:
    """The occurrence's length: the file's (rows must agree), else the recorded one, else the scheduled one."""
    earlier = plan.durations.get(occ.id)
    if p.duration is not None:
        if earlier is not None and earlier[2] and earlier[0] != p.duration:
            row.error("duration", f"与第 {earlier[1]} 行是同一场活动，时长却不同（{earlier[0]} 与 {p.duration} 分钟）")
            return None
        plan.durations[occ.id] = (p.duration, p.line, True)
        return p.duration
    if earlier is not None:
        return earlier[0]
    recorded = [d for _, _, d in stored.attendance.get(occ.id, {}).values()]
    minutes = max(recorded) if recorded else max(1, int((occ.end - occ.start).total_seconds() // 60))
    plan.durations[occ.id] = (minutes, p.line, False)
    return minutes


def _writes(plan: _Plan, stored: _Stored, report: ImportReport) -> tuple[list[dict], list[dict]]:
    """Inserts and updates for the planned counts; rows of the file that change nothing count as unchanged."""
    inserts, updates = [], []
    for oid, counts in plan.counts.items():
        minutes = plan.durations[oid][0]
        existing = stored.attendance.get(oid, {})
        for role, n in counts.items():
            current = existing.get(role)
            if current is None and n > 0:
                inserts.append({"occurrence_id": oid, "role": role, "count": n, "duration_minutes": minutes})
            elif current is not None and (current[1], current[2]) != (n, minutes):
                updates.append({"b_id": current[0], "b_count": n, "b_minutes": minutes})
                report.updated += 1
            else:  # already so (no row for a count of 0 means nobody of that role came)
                report.unchanged += 1
        # The occurrence's other roles take the new length too: one occurrence, one duration.
        updates += [{"b_id": aid, "b_count": count, "b_minutes": minutes}
                    for role, (aid, count, duration) in existing.items() if role not in counts and duration != minutes]
    report.inserted = len(inserts)
    return inserts, updates


# --- the whole file ------------------------------------------------------------------------------


def check_attendance(table: Table, *, session: Session,
                     now: dt.datetime | None = None) -> tuple[ImportReport, list[dict], list[dict]]:
    """Check every row against the database; returns the report, the inserts and the updates (saves nothing)."""
    now = now or local_now()
    require_columns(table, REQUIRED)
    report = ImportReport(kind="attendance", total=len(table.rows), ignored_columns=list(table.ignored))
    rows: list[tuple[Row, _Parsed]] = []
    for line, cells in table.rows:
        row = Row(table, line, cells)
        p = _parse(row, today=now.date())
        if p is not None:
            rows.append((row, p))
        report.add_errors(row.errors)
    stored = _load([p for _, p in rows], session=session) if rows else _Stored()
    plan, seen = _Plan(), {}
    for row, p in rows:
        occ = _occurrence(row, p, stored, now)
        if occ is not None and (occ.id, p.role) in seen:
            row.error("", f"与第 {seen[occ.id, p.role]} 行是同一场活动的同一身份（{ATTENDANCE_ROLES[p.role]}），重复了")
        elif occ is not None and _duration(row, p, occ, stored, plan) is not None:
            seen[occ.id, p.role] = p.line
            plan.counts[occ.id][p.role] = p.count
        report.add_errors(row.errors)
    if report.errors:
        report.errors.sort(key=lambda e: e.row)
        return report, [], []
    inserts, updates = _writes(plan, stored, report)
    return report, inserts, updates


def write_attendance(inserts: list[dict], updates: list[dict], *, session: Session) -> None:
    """Apply checked inserts and updates (one executemany each) and commit."""
    if inserts:
        session.execute(insert(ATT), inserts)
    if updates:
        stmt = (update(ATT).where(ATT.c.id == bindparam("b_id"))
                .values(count=bindparam("b_count"), duration_minutes=bindparam("b_minutes")))
        session.execute(stmt, updates)
    session.commit()


def import_attendance(data: bytes, *, session: Session, now: dt.datetime | None = None,
                      dry_run: bool = False) -> ImportReport:
    """Read, check and — when every row is valid and not ``dry_run`` — write an attendance file.

    File problems raise ``ImportFileError``; row problems are in the report, and then nothing is written.
    """
    table = read_table(data, _LOOKUP)
    report, inserts, updates = check_attendance(table, session=session, now=now)
    if report.ok and not dry_run:
        write_attendance(inserts, updates, session=session)
        report.written = True
    return report
