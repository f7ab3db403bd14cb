"""Generate the year's festival events: one suggestion per festival, accepted / edited / dropped."""

from datetime import date, datetime, time

import pytest

from curriculum.community.conflicts import CommunityError, ConflictError
from curriculum.community.events import create_event, list_occurrences, occurrences_of, shift_views
from curriculum.community.festival_events import accept_suggestion, drop_suggestion, suggest_festival_events
from curriculum.festivals import FestivalDay, festivals_for_year
from tests.utils.community import draft

FAKE = [
    FestivalDay("chunjie", "春节", date(2027, 2, 6), "lunar", "读论语 拜大年", ("lunyu",)),
    FestivalDay("zhongqiu", "中秋节", date(2027, 9, 15), "lunar", "中秋诗会", ("shuidiao_getou", "jingyesi")),
]


@pytest.fixture
def fake_festivals(monkeypatch):
    import curriculum.festivals

    monkeypatch.setattr(curriculum.festivals, "festivals_for_year", lambda year: list(FAKE))


def test_one_suggestion_per_festival_with_theme_and_texts(session, point, fake_festivals):
    events = suggest_festival_events(2027, point_id=point.id, session=session)
    assert [(e.title, e.start, e.texts, e.status, e.integration) for e in events] == [
        ("读论语 拜大年", datetime(2027, 2, 6, 9, 0), "lunyu", "suggested", "festivals"),
        # 中秋 is celebrated in the evening: its suggestion starts at 19:00, not at 09:00
        ("中秋诗会", datetime(2027, 9, 15, 19, 0), "shuidiao_getou,jingyesi", "suggested", "festivals"),
    ]
    # suggestions are not on the calendar yet, and running again adds nothing
    assert list_occurrences(session=session, start=datetime(2027, 1, 1), end=datetime(2028, 1, 1)) == []
    again = suggest_festival_events(2027, point_id=point.id, session=session)
    assert [e.id for e in again] == [e.id for e in events]


def test_real_festival_calendar_dates_are_used(session, point):
    events = suggest_festival_events(2026, point_id=point.id, session=session)
    festivals = festivals_for_year(2026)
    assert [e.start.date() for e in events] == sorted(f.date for f in festivals)
    assert sorted(e.festival_key for e in events) == sorted(f.key for f in festivals)
    by_key = {e.festival_key: e for e in events}
    assert by_key["zhongqiu"].start.date() == date(2026, 9, 25)
    assert by_key["chunjie"].title == "读论语 拜大年"


def test_accept_edit_and_drop(session, point, fake_festivals):
    spring, autumn = suggest_festival_events(2027, point_id=point.id, session=session)
    accept_suggestion(spring.id, session=session)
    accept_suggestion(autumn.id, title="中秋诗会·月下诵读", start=datetime(2027, 9, 15, 15, 0), session=session)
    rows = list_occurrences(session=session, start=datetime(2027, 1, 1), end=datetime(2028, 1, 1))
    assert [(r.title, r.start) for r in rows] == [
        ("读论语 拜大年", datetime(2027, 2, 6, 9, 0)),
        ("中秋诗会·月下诵读", datetime(2027, 9, 15, 15, 0)),
    ]
    occ = occurrences_of(autumn.id, session=session)[0]
    assert {s.start for s in shift_views(occ.id, session=session)} == {datetime(2027, 9, 15, 15, 0)}
    drop_suggestion(spring.id, session=session)
    rows = list_occurrences(session=session, start=datetime(2027, 1, 1), end=datetime(2028, 1, 1))
    assert [r.title for r in rows] == ["中秋诗会·月下诵读"]


def test_accepting_into_a_booked_venue_is_refused(session, point, fake_festivals):
    # the suggestion starts at 19:00 (中秋 evening), after the point's closing time: book the evening too
    create_event(draft(point.id, title="中秋夜读", start=datetime(2027, 9, 15, 19, 30)), session=session,
                 override=True)
    _, autumn = suggest_festival_events(2027, point_id=point.id, session=session)
    with pytest.raises(ConflictError) as err:
        accept_suggestion(autumn.id, session=session)
    assert "venue_double_booked" in [c.code for c in err.value.conflicts]
    # moving it to the afternoon resolves it
    accept_suggestion(autumn.id, start=datetime(2027, 9, 15, 14, 0), session=session)


def test_district_wide_suggestions(session, make_point, fake_festivals):
    events = suggest_festival_events(2027, district="郾城区", session=session)
    assert {(e.point_id, e.district) for e in events} == {(None, "郾城区")}
    assert len(suggest_festival_events(2027, district="召陵区", session=session)) == 2
    with pytest.raises(CommunityError, match="二选一"):
        suggest_festival_events(2027, session=session)


def test_festival_events_outside_hours_need_override(session, make_point, fake_festivals):
    late = make_point("晚开放", open_=time(14, 0), close=time(20, 0))
    spring, _ = suggest_festival_events(2027, point_id=late.id, session=session)
    with pytest.raises(ConflictError) as err:
        accept_suggestion(spring.id, session=session)
    assert err.value.overridable
    assert accept_suggestion(spring.id, session=session, override=True).status == "confirmed"


def test_accept_with_date_time_length_and_texts_edited(session, point, fake_festivals):
    spring, _ = suggest_festival_events(2027, point_id=point.id, session=session)
    accepted = accept_suggestion(spring.id, day=date(2027, 2, 7), start_time=time(14, 30), duration_minutes=60,
                                 texts=["lunyu", "sanzijing"], session=session)
    assert (accepted.start, accepted.duration_minutes, accepted.texts) == (
        datetime(2027, 2, 7, 14, 30), 60, "lunyu,sanzijing")
    occ = occurrences_of(spring.id, session=session)[0]
    assert (occ.start, occ.end) == (datetime(2027, 2, 7, 14, 30), datetime(2027, 2, 7, 15, 30))
    assert {(s.start, s.end) for s in shift_views(occ.id, session=session)} == {(occ.start, occ.end)}
