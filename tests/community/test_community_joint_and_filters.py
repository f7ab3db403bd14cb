"""Joint events of a pairing (结对子 → 联合活动) and the calendar filters by point, district and integration."""

from datetime import date, datetime

from curriculum.community.events import create_event, list_occurrences
from curriculum.community.festival_events import drop_suggestion
from curriculum.community.pairings import create_pairing, pairing_events
from curriculum.community.views import pairings_table
from curriculum.models.community import PairingCreate
from tests.utils.community import SAT, draft

SEPT = dict(start=datetime(2026, 9, 1), end=datetime(2026, 10, 1))


def test_joint_events_of_a_pairing(session, point):
    school = create_pairing(PairingCreate(partner_name="漯河市第五初级中学", target_name="老街社区",
                                          start_date=date(2026, 3, 1), resources="teachers"), session=session)
    other = create_pairing(PairingCreate(partner_name="诗词学会", partner_kind="society", target_name="新村",
                                         target_kind="township", start_date=date(2026, 4, 1)), session=session)
    create_event(draft(point.id, title="红色经典进社区", pairing_id=school.id), session=session)
    create_event(draft(point.id, title="家风诵读", start=SAT.replace(hour=14), pairing_id=school.id), session=session)
    dropped = create_event(draft(point.id, title="放弃的联合活动", start=SAT.replace(hour=16), status="suggested",
                                 pairing_id=school.id), session=session)
    drop_suggestion(dropped.id, session=session)
    create_event(draft(point.id, title="不相关", start=SAT.replace(hour=11)), session=session)
    joint = ["红色经典进社区", "家风诵读", "放弃的联合活动"]
    assert [e.title for e in pairing_events(school.id, session=session)] == joint
    rows = {r["编号"]: r for r in pairings_table(session=session)}
    assert rows[school.id]["联合活动"] == "红色经典进社区、家风诵读"  # dropped ones are not joint events
    assert rows[other.id]["联合活动"] == ""


def test_calendar_filters_by_point_district_and_integration(session, make_point):
    laojie = make_point("老街社区诵读点", district="源汇区")
    library = make_point("郾城区图书馆诵读点", district="郾城区")
    create_event(draft(laojie.id, title="周末公益诵读"), session=session)
    create_event(draft(laojie.id, title="家风家训", start=SAT.replace(hour=14), integration="moral",
                       sphere="family"), session=session)
    create_event(draft(library.id, title="图书馆诵读"), session=session)

    def titles(**filters):
        return [r.title for r in list_occurrences(session=session, **SEPT, **filters)]

    assert titles() == ["周末公益诵读", "图书馆诵读", "家风家训"]
    assert titles(point_id=library.id) == ["图书馆诵读"]
    assert titles(district="源汇区") == ["周末公益诵读", "家风家训"]
    assert titles(integration="moral") == ["家风家训"]
    assert titles(district="源汇区", integration="urban_rural") == ["周末公益诵读"]
    assert titles(district="召陵区") == []
