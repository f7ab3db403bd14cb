"""``classics dashboard``: KPIs for a range as text and JSON; Chinese errors for bad input."""

from __future__ import annotations

import json
from datetime import datetime, time

from click.testing import CliRunner
from sqlmodel import Session

from curriculum.cli import main
from curriculum.community.attendance import attendance_input, record_attendance
from curriculum.community.events import EventDraft, create_event, occurrences_of
from curriculum.community.points import create_point, dump_hours, simple_hours
from curriculum.db import make_engine
from curriculum.models.community import ReadingPointCreate


def _seed_2025_readings(url: str) -> None:
    """Two Saturday readings in 召陵区 in March 2025, 25 and 30 people."""
    engine = make_engine(url)
    with Session(engine) as session:
        point = create_point(ReadingPointCreate(
            name="人民公园诵读点", district="召陵区",
            opening_hours=dump_hours(simple_hours((5,), time(8, 0), time(12, 0))),
        ), session=session)
        event = create_event(EventDraft(title="周末公益诵读", start=datetime(2025, 3, 1, 9, 0), point_id=point.id,
                                        rrule="FREQ=WEEKLY;COUNT=2;BYDAY=SA"), session=session)
        for occ, n in zip(occurrences_of(event.id, session=session), (25, 30)):
            record_attendance(attendance_input(occurrence_id=occ.id, counts={"resident": n}, duration_minutes=60),
                              session=session)
    engine.dispose()


def test_kpis_as_json_and_text(app_env):
    _seed_2025_readings(app_env)
    runner = CliRunner()
    result = runner.invoke(main, ["dashboard", "--start", "2025-01-01", "--end", "2025-12-31", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["kpis"]["community_activities"] == 2
    assert data["kpis"]["community_attendance"] == 55
    assert data["kpis"]["compliance_rate"] is None
    urban = next(r for r in data["integrations"] if r["integration"] == "urban_rural")
    assert (urban["label"], urban["activities"], urban["participants"]) == ("城乡同步融合", 2, 55)

    text = runner.invoke(main, ["dashboard", "--start", "2025-03-01", "--end", "2025-03-01", "--district", "召陵区"])
    assert text.exit_code == 0, text.output
    assert "2025-03-01 至 2025-03-01 · 召陵区" in text.output
    assert "社区活动场次：1" in text.output and "社区活动参与人次：25" in text.output


def test_bad_range_and_unknown_district_are_chinese_errors(app_env):
    _seed_2025_readings(app_env)
    runner = CliRunner()
    result = runner.invoke(main, ["dashboard", "--start", "2025-05-01", "--end", "2025-01-01"])
    assert result.exit_code == 1 and "早于开始日期" in result.output
    result = runner.invoke(main, ["dashboard", "--district", "北京"])
    assert result.exit_code == 1 and "没有区县“北京”" in result.output and "召陵区" in result.output
