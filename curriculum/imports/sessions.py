"""Importing class-session records (班级诵读记录): done, minutes read and recitation pass rate per class and day.

A row's natural key is (学校, 班级, 日期[, 节次]): it updates the plan session
that class has on that day (slot 1 when 节次 is left out). Importing the same
file again finds every session already as the file says and changes nothing
(the rows are counted as unchanged).

What a row writes: 是否完成 = 是 (or blank — a record of a reading says it
happened) sets the session done, with 诵读分钟数 as its minutes (blank keeps the
planned minutes) and 背诵通过率 as its pass rate (blank keeps the one on
record). 是否完成 = 否 sets it back to not done and clears the pass rate.
The dashboard counts a done session's ``minutes`` as minutes read, so that
is where minutes read are kept. A pass rate under the plan's threshold is
stored as it is: the import records facts and does not re-plan (the planner's
“标记完成” adds extra reviews one session at a time; doing that for a
hundred thousand rows would re-plan every touched plan).

A date on which the class has no planned session is a row error naming the
date, never a new session: a session carries material the planner places
(an extra session re-plans the rest of the term), and a mistyped date — a
Sunday, a holiday — silently creating readings would inflate the very
figures the bureau reports. The message says how to add the session first
(“教学计划” → 加课) when the reading really took place.

Checking costs a fixed number of queries whatever the file's length: the
schools, their classes, their plans and their sessions in the file's date
range are loaded in one query each (``IN`` lists in chunks); the changes go
in with one executemany ``UPDATE`` and one commit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select, update
from sqlmodel import Session

from curriculum.clock import local_today
from curriculum.imports.common import ImportReport, Row, chunks
from curriculum.imports.tables import ImportFileError, Table, header_lookup, read_table, require_columns
from curriculum.models.calendar import School
from curriculum.models.plan import Plan, PlanSession, SchoolClass

COLUMNS: dict[str, tuple[str, ...]] = {
    "school": ("学校", "学校名称", "school_name"),
    "class": ("班级", "班级名称", "class_name"),
    "date": ("日期", "诵读日期", "上课日期"),
    "slot": ("节次", "第几节"),
    "done": ("是否完成", "完成", "已完成", "完成情况"),
    "minutes": ("诵读分钟数", "诵读分钟", "诵读时长", "诵读时长(分钟)", "分钟", "分钟数", "时长", "时长(分钟)",
                "minutes_read"),
    "pass_rate": ("背诵通过率", "通过率", "背诵通过率(%)", "通过率(%)"),
}
LABELS = {"school": "学校", "class": "班级", "date": "日期", "slot": "节次", "done": "是否完成",
          "minutes": "诵读分钟数", "pass_rate": "背诵通过率"}
REQUIRED = {k: LABELS[k] for k in ("school", "class", "date")}
DATA_COLUMNS = ("done", "minutes", "pass_rate")
MAX_MINUTES = 240
MAX_SLOT = 9
_LOOKUP = header_lookup(COLUMNS)
_SPACES = re.compile(r"\s+")
WEEKDAYS = "一二三四五六日"

SESSION_TABLE = PlanSession.__table__


def class_key(name: str) -> str:
    """A class name as compared: “一年级(2)班” typed in Excel is the planner's “一年级（2）班”."""
    return _SPACES.sub("", name).replace("(", "（").replace(")", "）")


@dataclass(frozen=True)
class _Parsed:
    line: int
    school: str
    klass: str
    date: dt.date
    slot: int  # 0-based, as stored
    done: bool
    minutes: int | None
    pass_rate: float | None


@dataclass
class _Stored:
    """What the database holds for the schools a file names, keyed for the row checks."""

    schools: dict[str, int] = field(default_factory=dict)  # name → id
    classes: dict[tuple[int, str], list[int]] = field(default_factory=lambda: defaultdict(list))  # (school, key)
    terms: dict[int, list[tuple[dt.date, dt.date]]] = field(default_factory=lambda: defaultdict(list))
    # (class, date, slot) → [(session id, done, minutes, pass_rate)] — scheduled sessions only
    sessions: dict[tuple[int, dt.date, int], list[tuple]] = field(default_factory=lambda: defaultdict(list))
    other_days: dict[tuple[int, dt.date], set[str]] = field(default_factory=lambda: defaultdict(set))
    slots: dict[tuple[int, dt.date], set[int]] = field(default_factory=lambda: defaultdict(set))


# --- reading the rows (no database) ---------------------------------------------------------


def _parse(row: Row, *, today: dt.date) -> _Parsed | None:
    school = row.text("school", "学校")
    klass = row.text("class", "班级")
    day = row.date("date", today=today)
    slot = row.integer("slot", "节次", 1, MAX_SLOT)
    done = row.yes_no("done", "是否完成", default=True)
    minutes = row.integer("minutes", "诵读分钟数", 0, MAX_MINUTES)
    rate = row.percent("pass_rate", "背诵通过率")
    if done is False:
        # A reading that did not happen has no minutes and no recitation to pass.
        if minutes:
            row.error("minutes", "“是否完成”为“否”时不应填写诵读分钟数（可留空或填 0）")
        if rate is not None:
            row.error("pass_rate", "“是否完成”为“否”时不应填写背诵通过率")
    if row.errors or None in (school, klass, day, done):
        return None
    return _Parsed(row.line, school, klass, day, (slot or 1) - 1, done, minutes, rate)


# --- what the database holds -----------------------------------------------------------------


def _load(parsed: list[_Parsed], *, session: Session) -> _Stored:
    stored = _Stored()
    names = sorted({p.school for p in parsed})
    for part in chunks(names):
        stored.schools.update(session.execute(select(School.name, School.id).where(School.name.in_(part))).all())
    school_ids = sorted(stored.schools.values())
    if not school_ids:
        return stored
    first, last = min(p.date for p in parsed), max(p.date for p in parsed)
    for part in chunks(school_ids):
        for cid, sid, name in session.execute(
            select(SchoolClass.id, SchoolClass.school_id, SchoolClass.name).where(SchoolClass.school_id.in_(part))
        ):
            stored.classes[sid, class_key(name)].append(cid)
        for cid, start, end in session.execute(
            select(Plan.class_id, Plan.term_start, Plan.term_end).join(SchoolClass, SchoolClass.id == Plan.class_id)
            .where(SchoolClass.school_id.in_(part))
        ):
            stored.terms[cid].append((start, end))
        _load_sessions(stored, part, first, last, session=session)
    return stored


def _load_sessions(stored: _Stored, school_ids, first: dt.date, last: dt.date, *, session: Session) -> None:
    s = SESSION_TABLE.c
    rows = session.execute(
        select(s.id, Plan.class_id, s.date, s.slot, s.status, s.done, s.minutes, s.pass_rate)
        .join(Plan, Plan.id == s.plan_id).join(SchoolClass, SchoolClass.id == Plan.class_id)
        .where(SchoolClass.school_id.in_(school_ids), s.date >= first, s.date <= last)
    )
    for sid, cid, day, slot, status, done, minutes, rate in rows:
        if status == "scheduled":
            stored.sessions[cid, day, slot].append((sid, done, minutes, rate))
            stored.slots[cid, day].add(slot)
        else:
            stored.other_days[cid, day].add(status)


# --- matching rows to sessions ------------------------------------------------------------------


def _class_id(row: Row, p: _Parsed, stored: _Stored) -> int | None:
    school_id = stored.schools.get(p.school)
    if school_id is None:
        row.error("school", f"找不到学校“{p.school}”（学校名称须与系统中的完全一致）")
        return None
    ids = stored.classes.get((school_id, class_key(p.klass)), [])
    if not ids:
        row.error("class", f"学校“{p.school}”没有班级“{p.klass}”")
        return None
    if len(ids) > 1:
        row.error("class", f"学校“{p.school}”有 {len(ids)} 个名为“{p.klass}”的班级，无法确定是哪一个，请先在系统中改名")
        return None
    return ids[0]


def _no_session(row: Row, p: _Parsed, class_id: int, stored: _Stored) -> None:
    """Say why the class has no session at the row's date and slot, at the column that is wrong."""
    day = f"{p.date:%Y-%m-%d}（星期{WEEKDAYS[p.date.weekday()]}）"
    if not any(start <= p.date <= end for start, end in stored.terms.get(class_id, [])):
        row.error("date", f"班级“{p.klass}”没有包含 {day}的教学计划（请先在“教学计划”页为该班制定计划）")
    elif stored.slots.get((class_id, p.date)):
        have = "、".join(f"第 {s + 1} 节" for s in sorted(stored.slots[class_id, p.date]))
        row.error("slot" if row.cell("slot") else "date", f"{day}只有{have}，没有第 {p.slot + 1} 节")
    elif "cancelled" in stored.other_days.get((class_id, p.date), set()):
        row.error("date", f"{day}的诵读课已停课顺延，这一天没有可记录的课")
    else:
        row.error("date", f"班级“{p.klass}”的计划在 {day}没有诵读课（不是上课日，或课已移走）；"
                          "如确有加课，请先在“教学计划”页加课后再导入")


def _session_of(row: Row, p: _Parsed, class_id: int, stored: _Stored) -> tuple | None:
    found = stored.sessions.get((class_id, p.date, p.slot), [])
    if len(found) > 1:  # two plans of one class overlapping: which one the reading belongs to is a guess
        row.error("date", f"班级“{p.klass}”有 {len(found)} 个教学计划在 {p.date:%Y-%m-%d} 都有课，无法确定记到哪一个")
    elif not found:
        _no_session(row, p, class_id, stored)
    return found[0] if len(found) == 1 else None


def _change(p: _Parsed, current: tuple) -> dict | None:
    """The update a row asks for, or ``None`` when the session is already as the row says."""
    sid, done, minutes, rate = current
    if p.done:
        new = (True, p.minutes if p.minutes is not None else minutes, p.pass_rate if p.pass_rate is not None else rate)
    else:
        new = (False, minutes, None)
    same_rate = (new[2] is None and rate is None) or (
        new[2] is not None and rate is not None and abs(new[2] - rate) < 1e-9)
    if new[0] == done and new[1] == minutes and same_rate:
        return None
    return {"b_id": sid, "b_done": new[0], "b_minutes": new[1], "b_rate": new[2]}


# --- the whole file ------------------------------------------------------------------------------


def check_sessions(table: Table, *, session: Session, today: dt.date | None = None) -> tuple[ImportReport, list]:
    """Check every row of ``table`` against the database; returns the report and the updates (saves nothing)."""
    today = today or local_today()
    require_columns(table, REQUIRED)
    if not set(DATA_COLUMNS) & table.columns.keys():
        raise ImportFileError("第 1 行：至少需要一列数据（是否完成、诵读分钟数、背诵通过率）", "file")
    report = ImportReport(kind="sessions", total=len(table.rows), ignored_columns=list(table.ignored))
    rows: list[tuple[Row, _Parsed]] = []
    seen: dict[tuple, int] = {}
    for line, cells in table.rows:
        row = Row(table, line, cells)
        p = _parse(row, today=today)
        if p is not None:
            key = (p.school, class_key(p.klass), p.date, p.slot)
            if key in seen:
                row.error("", f"与第 {seen[key]} 行是同一学校、同一班级、同一天的同一节课，重复了")
            else:
                seen[key] = line
                rows.append((row, p))
        report.add_errors(row.errors)
    stored = _load([p for _, p in rows], session=session) if rows else _Stored()
    updates = []
    for row, p in rows:
        class_id = _class_id(row, p, stored)
        if class_id is None:
            report.add_errors(row.errors)
            continue
        found = _session_of(row, p, class_id, stored)
        if found is None:
            report.add_errors(row.errors)
            continue
        change = _change(p, found)
        if change is None:
            report.unchanged += 1
        else:
            updates.append(change)
    if report.errors:
        report.errors.sort(key=lambda e: e.row)
        return report, []
    report.updated = len(updates)
    return report, updates


def write_sessions(updates: list[dict], *, session: Session) -> None:
    """Apply checked updates in one executemany and commit (the caller checked the whole file first)."""
    if updates:
        s = SESSION_TABLE.c
        # Only still-scheduled sessions: a re-plan between check and write must not be overwritten blindly.
        stmt = (update(SESSION_TABLE).where(s.id == bindparam("b_id"), s.status == "scheduled")
                .values(done=bindparam("b_done"), minutes=bindparam("b_minutes"), pass_rate=bindparam("b_rate")))
        session.execute(stmt, updates)
    session.commit()


def import_sessions(data: bytes, *, session: Session, today: dt.date | None = None,
                    dry_run: bool = False) -> ImportReport:
    """Read, check and — when every row is valid and not ``dry_run`` — write a class-session file.

    File problems (size, rows, encoding, columns) raise ``ImportFileError``;
    row problems are in the report, and then nothing is written.
    """
    table = read_table(data, _LOOKUP)
    report, updates = check_sessions(table, session=session, today=today)
    if report.ok and not dry_run:
        write_sessions(updates, session=session)
        report.written = True
    return report
