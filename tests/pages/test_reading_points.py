"""诵读点 page: create a point, a leader and a volunteer (phone masked except for the manager), a pairing."""

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

from curriculum.accounts.service import CurrentUser, Grant
from curriculum.districts import LUOHE_DISTRICTS

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "reading_points.py")


def _run():
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _table(at, column):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_empty_page_invites_creating(app_env):
    at = _run()
    assert at.title[0].value == "诵读点"
    assert any("还没有诵读点" in i.value for i in at.info)


def test_create_point_people_with_masked_phone_and_pairing(app_env):
    at = _run()
    at.text_input(key="pts_point_name").input("老街社区新时代文明实践站")
    at.selectbox(key="pts_point_district").set_value("源汇区")
    at.selectbox(key="pts_point_venue").set_value("practice_station")
    at.multiselect(key="pts_point_days").set_value([5, 6])
    at.button(key="pts_point_submit").click().run()
    assert not at.exception and not at.error
    points = _table(at, "开放时间")
    assert points["类型"].tolist() == ["新时代文明实践站"]
    assert points["开放时间"].tolist() == ["周六 08:00–18:00；周日 08:00–18:00"]

    # a leader, then a volunteer managed by that leader, with a phone
    at.text_input(key="pts_person_name").input("王老师")
    at.selectbox(key="pts_person_role").set_value("leader")
    at.button(key="pts_person_submit").click().run()
    assert not at.error
    assert any("已登记领读员“王老师”" in s.value for s in at.success)
    at.text_input(key="pts_person_name").input("张明")
    at.selectbox(key="pts_person_role").set_value("volunteer")
    at.multiselect(key="pts_person_skills").set_value(["朗诵", "摄影"])
    at.selectbox(key="pts_person_manager").set_value(1)
    at.text_input(key="pts_person_phone").input("13812340000")
    at.button(key="pts_person_submit").click().run()
    assert not at.exception and not at.error
    people = _table(at, "电话")
    row = people[people["姓名"] == "张明"].iloc[0]
    assert row["电话"] == "138****0000" and row["特长"] == "朗诵、摄影" and row["负责人"] == "王老师"
    assert "13812340000" not in people.to_string()
    # no preview that shows full numbers to anyone who opens it: only a signed-in administrator sees them
    assert not [e for e in at.expander if e.label.startswith("管理员预览")]
    at.session_state["auth_user"] = CurrentUser(id=1, username="admin", display_name="管理员", grants=(Grant("admin"),))
    at.session_state["auth_since"] = dt.datetime.now(dt.UTC)
    at.run()
    people = _table(at, "电话")
    assert people[people["姓名"] == "张明"].iloc[0]["电话"] == "13812340000"

    at.text_input(key="pts_pair_partner").input("漯河市第五初级中学")
    at.text_input(key="pts_pair_target").input("老街社区")
    at.date_input(key="pts_pair_start").set_value(dt.date(2026, 3, 1))
    at.multiselect(key="pts_pair_resources").set_value(["teachers", "works"])
    at.button(key="pts_pair_submit").click().run()
    assert not at.exception and not at.error
    pairs = _table(at, "结对单位")
    assert pairs["资源"].tolist() == ["师资、文化作品"]


def test_bad_phone_shows_chinese_error_and_saves_nothing(app_env):
    at = _run()
    at.text_input(key="pts_person_name").input("李四")
    at.text_input(key="pts_person_phone").input("12345")
    at.button(key="pts_person_submit").click().run()
    assert not at.exception
    assert any("11 位" in e.value for e in at.error)
    assert any("还没有登记" in i.value for i in at.info)


def test_districts_are_picked_from_the_city_list_and_a_blank_name_shows_a_chinese_error(app_env):
    at = _run()
    # No free text for a district: only the city's list (as tests/conftest.py sets it up) and “not given”.
    options = at.selectbox(key="pts_point_district").options
    assert options[0] == "（不指定）" and set(options[1:]) == set(LUOHE_DISTRICTS)
    at.text_input(key="pts_point_name").input("   ")
    at.selectbox(key="pts_point_district").set_value("源汇区")
    at.button(key="pts_point_submit").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["未能保存：诵读点名称：不能为空"]
    assert any("还没有诵读点" in i.value for i in at.info)
