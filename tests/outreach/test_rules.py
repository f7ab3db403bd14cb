"""The checks training and online records share: text ids, and every problem reported at once."""

import datetime as dt

import pytest

from curriculum.errors import DomainError
from curriculum.outreach import OutreachError
from curriculum.outreach.rules import clean_texts, raise_all


def test_clean_texts_strips_and_deduplicates_in_order_and_reports_bad_ids():
    errors: list[DomainError] = []
    assert clean_texts([" lunyu", "", "daxue", "lunyu", "论语"], errors) == ["lunyu", "daxue", "论语"]
    assert [(e.field, "论语" in e.message) for e in errors] == [("texts", True)]


def test_raise_all_raises_nothing_the_one_problem_or_all_of_them():
    raise_all([])
    one = OutreachError("甲", "name")
    with pytest.raises(OutreachError) as err:
        raise_all([one])
    assert err.value is one
    with pytest.raises(OutreachError, match="甲；乙") as err:
        raise_all([one, DomainError("乙", "phone")])
    assert err.value.field == "name"  # where a form puts the cursor first


def test_a_programme_belongs_to_a_listed_district_or_an_existing_school_or_the_city(session):
    from curriculum.districts import DistrictError
    from curriculum.errors import NotFound
    from curriculum.models.outreach import OnlineItemCreate
    from curriculum.outreach import online

    item = online.create_item(OnlineItemCreate(title="中秋诗会", channel="radio", publish_date=dt.date(2026, 9, 25),
                                               district="郾城区"), session=session)
    assert (item.district, item.school_id) == ("郾城区", None)
    city = online.create_item(OnlineItemCreate(title="元宵灯谜", channel="radio", publish_date=dt.date(2026, 2, 12),
                                               district=""), session=session)
    assert city.district is None
    with pytest.raises(DistrictError, match="不在本市区县列表中"):
        online.create_item(OnlineItemCreate(title="x", channel="radio", publish_date=dt.date(2026, 2, 12),
                                            district="郾城"), session=session)
    with pytest.raises(NotFound, match="学校（编号 999）不存在"):
        online.create_item(OnlineItemCreate(title="y", channel="radio", publish_date=dt.date(2026, 2, 12),
                                            school_id=999), session=session)
