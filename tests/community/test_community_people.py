"""People: masked phones except for their manager, minimal data; points and pairings validation."""

from datetime import date

import pytest

from curriculum.accounts.service import CurrentUser, Grant
from curriculum.community.conflicts import CommunityError
from curriculum.community.pairings import create_pairing, pairing_input
from curriculum.community.people import create_person, display_phone, mask_phone, person_input
from curriculum.community.points import create_point, point_input
from curriculum.community.views import pairings_table, people_table, points_table
from curriculum.models.community import PairingCreate
from curriculum.vocab import VENUE_TYPES


def test_mask_phone():
    assert mask_phone("13812340000") == "138****0000"
    assert mask_phone(None) == "" and mask_phone("") == ""
    assert mask_phone("12345") == "*****"


def _user(*grants: Grant) -> CurrentUser:
    return CurrentUser(id=1, username="u", display_name="u", grants=grants)


def test_phone_shown_in_full_only_to_admins_and_the_leaders_of_the_persons_point(session, make_person, make_point):
    here, there = make_point("老街社区诵读点"), make_point("郾城区图书馆诵读点")
    leader = make_person("王老师", role="leader", phone="13800001001")
    make_person("李老师", role="leader")
    vol = make_person("张明", phone="138-1234-0000", managed_by=leader.id)
    vol.point_id = here.id
    assert vol.phone == "13812340000"
    assert display_phone(vol, _user(Grant("leader", point_id=here.id))) == "13812340000"
    assert display_phone(vol, _user(Grant("admin"))) == "13812340000"
    assert display_phone(vol, _user(Grant("leader", point_id=there.id))) == "138****0000"
    assert display_phone(vol, _user(Grant("bureau"))) == "138****0000"  # the bureau sees counts, not phones
    assert display_phone(vol, None) == "138****0000"  # nobody signed in
    rows = {r["姓名"]: r for r in people_table(session=session, viewer=_user(Grant("leader", point_id=there.id)))}
    assert rows["张明"]["电话"] == "138****0000" and rows["张明"]["负责人"] == "王老师"
    assert rows["李老师"]["电话"] == ""


def test_person_validation(session, make_person):
    with pytest.raises(CommunityError, match="11 位"):
        make_person("甲", phone="12345")
    with pytest.raises(CommunityError, match="角色") as err:
        create_person(person_input(name="乙", role="boss"), session=session)
    assert err.value.field == "role"


def test_venue_types_are_the_programme_list():
    assert list(VENUE_TYPES.values()) == ["社区", "图书馆", "爱国主义教育基地", "科技馆", "新时代文明实践站",
                                          "游园", "公交场站", "户外大屏", "学校", "线上"]


def test_point_validation_and_table(session, point):
    with pytest.raises(CommunityError, match="场所类型"):
        create_point(point_input(name="x", venue_type="mall"), session=session)
    with pytest.raises(CommunityError, match="周一.*格式不对"):
        create_point(point_input(name="x", opening_hours='{"0": [["9点", "17:00"]]}'), session=session)
    (row,) = points_table(session=session)
    assert row["类型"] == "社区" and row["开放时间"].startswith("周一 08:00–18:00")


def test_pairing_with_resources(session):
    create_pairing(PairingCreate(partner_name="漯河市第五初级中学", target_name="老街社区", start_date=date(2026, 3, 1),
                                 resources="teachers,exhibition"), session=session)
    (row,) = pairings_table(session=session)
    assert row["结对单位"] == "漯河市第五初级中学（学校）" and row["资源"] == "师资、展览"
    with pytest.raises(CommunityError, match="资源"):
        create_pairing(pairing_input(partner_name="a", target_name="b", start_date=date(2026, 3, 1),
                                     resources="money"), session=session)


@pytest.mark.parametrize("text, message", [
    ('[["09:00", "17:00"]]', "开放时间：应为按星期"),
    ('{"周六": [["09:00", "17:00"]]}', "开放时间：星期“周六”不存在"),
    ('{"5": [["09:00"]]}', "开放时间·周六：时段"),
    ('{"5": "09:00-17:00"}', "开放时间·周六：应为时段列表"),
    ('{"5": [[9, 17]]}', "开放时间·周六：时间“9”格式不对"),
])
def test_bad_opening_hours_name_the_field_and_the_day(text, message):
    from curriculum.community.points import parse_hours

    with pytest.raises(CommunityError) as err:
        parse_hours(text)
    assert str(err.value).startswith(message)


def test_a_pairing_is_linked_to_the_school_and_reading_point_it_names(session, make_point):
    from curriculum.errors import NotFound
    from tests.utils.planner import make_school

    school = make_school(session, "漯河市第五初级中学", "源汇区")
    point = make_point("老街社区新时代文明实践站")
    linked = create_pairing(PairingCreate(partner_name="漯河市第五初级中学", target_name="老街社区新时代文明实践站",
                                          start_date=date(2026, 3, 1)), session=session)
    assert (linked.school_id, linked.point_id) == (school.id, point.id)
    society = create_pairing(PairingCreate(partner_name="漯河诗词学会", partner_kind="society", target_name="某乡镇",
                                           target_kind="township", start_date=date(2026, 3, 1)), session=session)
    assert (society.school_id, society.point_id) == (None, None)
    with pytest.raises(NotFound, match="学校（编号 999）不存在"):
        create_pairing(PairingCreate(partner_name="x", target_name="y", school_id=999, start_date=date(2026, 3, 1)),
                       session=session)


@pytest.mark.parametrize("build, fields, field, message", [
    (point_input, {"name": "  "}, "name", "诵读点名称：不能为空"),
    (point_input, {"name": "x", "capacity": -1}, "capacity", "容纳人数：不能为负数"),
    (point_input, {"name": "x", "district": "区" * 61}, "district", "区县：最多 60 个字，现在 61 个"),
    (point_input, {"name": "x", "opening_hours": '{"5": [["12:00", "09:00"]]}'}, "opening_hours",
     "开放时间·周六：结束时间 09:00 应晚于开始时间 12:00"),
    (person_input, {"name": ""}, "name", "姓名：不能为空"),
    (person_input, {"name": "甲", "availability": "[]"}, "availability", "可服务时间：应为按星期"),
    (pairing_input, {"partner_name": " ", "target_name": "b", "start_date": date(2026, 3, 1)}, "partner_name",
     "结对单位：不能为空"),
    (pairing_input, {"partner_name": "a", "target_name": "", "start_date": date(2026, 3, 1)}, "target_name",
     "结对社区/乡镇：不能为空"),
    (pairing_input, {"partner_name": "a", "target_name": "b", "partner_kind": "company",
                     "start_date": date(2026, 3, 1)}, "partner_kind", "结对单位类型：未知“company”"),
    (pairing_input, {"partner_name": "a", "target_name": "b", "target_kind": "city",
                     "start_date": date(2026, 3, 1)}, "target_kind", "结对对象类型：未知“city”"),
    (pairing_input, {"partner_name": "a", "target_name": "b"}, "start_date", "开始日期：必须填写"),
])
def test_the_create_models_hold_the_rules_and_name_the_field_in_chinese(build, fields, field, message):
    with pytest.raises(CommunityError) as err:
        build(**fields)
    assert str(err.value).startswith(message) and err.value.field == field


def test_the_create_models_clean_what_they_keep():
    assert point_input(name=" 老街诵读点 ").name == "老街诵读点"
    assert person_input(name="张明", skills="朗诵，书法、朗诵").skills == "朗诵,书法"
    assert pairing_input(partner_name="a", target_name="b", start_date=date(2026, 3, 1),
                         resources="teachers、exhibition").resources == "teachers,exhibition"
