"""Many rows fast: schools, classes, plans and sessions inserted directly, and the matching import file.

The planner is bypassed on purpose (no items, one session per weekday): the
statement-count test and the timing script measure the import, not planning.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert
from sqlmodel import Session

from curriculum.models.calendar import School
from curriculum.models.plan import Plan, PlanSession, SchoolClass

START = dt.date(2026, 3, 2)  # a Monday


def weekdays(n: int, start: dt.date = START) -> list[dt.date]:
    out, day = [], start
    while len(out) < n:
        if day.weekday() < 5:
            out.append(day)
        day += dt.timedelta(days=1)
    return out


def seed(session: Session, *, schools: int, classes: int, days: int) -> list[tuple[str, str, dt.date]]:
    """``schools`` × ``classes`` classes with a plan of ``days`` weekday sessions; returns (school, class, day)."""
    days_list = weekdays(days)
    school_rows = [School(name=f"批量测试学校{k:03d}", district="源汇区") for k in range(schools)]
    session.add_all(school_rows)
    session.flush()
    class_rows = [k for s in school_rows for k in
                  [SchoolClass(name=f"第{c}班", stage="primary_lower", school_id=s.id) for c in range(classes)]]
    session.add_all(class_rows)
    session.flush()
    plans = [Plan(class_id=k.id, term_start=days_list[0], term_end=days_list[-1]) for k in class_rows]
    session.add_all(plans)
    session.flush()
    session.execute(insert(PlanSession.__table__), [
        {"plan_id": p.id, "date": d, "slot": 0, "minutes": 30, "locked": False, "done": False, "pass_rate": None,
         "festival_key": None, "status": "scheduled", "extra": False}
        for p in plans for d in days_list
    ])
    session.commit()
    names = {s.id: s.name for s in school_rows}
    return [(names[k.school_id], k.name, d) for k in class_rows for d in days_list]


def sessions_csv(keys: list[tuple[str, str, dt.date]]) -> bytes:
    lines = ["学校,班级,日期,是否完成,诵读分钟数,背诵通过率"]
    lines += [f"{s},{c},{d.isoformat()},是,{30 + k % 11},{70 + k % 31}%" for k, (s, c, d) in enumerate(keys)]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")
