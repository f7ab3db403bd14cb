"""The community demo data: believable, and idempotent."""

from datetime import date, datetime

from sqlmodel import select

from curriculum.community.attendance import volunteer_hours
from curriculum.community.events import list_occurrences
from curriculum.demo.community import seed
from curriculum.models.community import ReadingPoint


def test_seed_demo_is_idempotent_and_complete(session):
    first = seed(session=session, today=date(2026, 11, 28))
    assert first["诵读点"] == 4 and first["人员"] == 10 and first["结对子"] == 1
    assert first["节日活动"] == 14 and first["出勤记录"] > 0
    assert all(v == 0 for v in seed(session=session, today=date(2026, 11, 28)).values())
    assert {p.district for p in session.exec(select(ReadingPoint))} == {"源汇区", "郾城区", "召陵区"}
    summer = list_occurrences(session=session, start=datetime(2026, 7, 1), end=datetime(2026, 9, 1))
    assert any(r.title == "暑期公益晨读" and r.start.hour == 7 for r in summer)
    assert volunteer_hours(session=session)  # served shifts in the past give hours
