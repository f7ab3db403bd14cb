"""活动日历 page: create a recurring event, get a conflict message, fill a shift, record attendance, festivals."""

import datetime as dt
from pathlib import Path

from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from curriculum.community.events import EventDraft, ShiftSpec, create_event
from curriculum.community.people import create_person
from curriculum.community.points import create_point, dump_hours, simple_hours
from curriculum.db import make_engine
from curriculum.models.community import EventOccurrence, PersonCreate, ReadingPointCreate

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "events.py")


def _seed(url):
    engine = make_engine(url)
    with Session(engine) as session:
        point = create_point(ReadingPointCreate(
            name="郾城区图书馆诵读点", district="郾城区", venue_type="library", capacity=2,
            opening_hours=dump_hours(simple_hours((1, 2, 3, 4, 5, 6), dt.time(9, 0), dt.time(17, 0))),
        ), session=session)
        person = create_person(PersonCreate(name="张明", role="volunteer"), session=session)
        ids = point.id, person.id
    engine.dispose()
    return ids


def _occurrence_ids(url):
    engine = make_engine(url)
    with Session(engine) as session:
        ids = [o.id for o in session.exec(select(EventOccurrence).order_by(EventOccurrence.slot))]
    engine.dispose()
    return ids


def _run():
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _table(at, column):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def _create(at, title, day, time, *, repeat=(), until=None, override=False, capacity=30):
    at.text_input(key="evt_new_title").input(title)
    at.number_input(key="evt_new_capacity").set_value(capacity)
    at.date_input(key="evt_new_day").set_value(day)
    at.time_input(key="evt_new_time").set_value(time)
    at.multiselect(key="evt_new_repeat").set_value(list(repeat))
    if until:
        at.date_input(key="evt_new_until").set_value(until)
    at.checkbox(key="evt_new_override").check() if override else at.checkbox(key="evt_new_override").uncheck()
    at.button(key="evt_new_submit").click().run()
    assert not at.exception
    return at


def test_recurring_event_conflict_shift_and_attendance(app_env):
    point_id, person_id = _seed(app_env)
    at = _run()
    assert at.title[0].value == "活动日历"

    # create a recurring event: every Saturday 09:00–10:00 in September and October
    _create(at, "周末公益诵读", dt.date(2026, 9, 5), dt.time(9, 0), repeat=[5], until=dt.date(2026, 10, 31), capacity=2)
    assert not at.error
    assert any("已创建活动“周末公益诵读”，共 9 场" in s.value for s in at.success)

    # a one-off overlapping the second Saturday: a hard conflict, in Chinese, nothing saved
    _create(at, "书法体验", dt.date(2026, 9, 12), dt.time(9, 30))
    assert any("场地重复预约" in e.value and "周末公益诵读" in e.value for e in at.error)
    # back to back at 10:00 is fine, but before opening time on a Tuesday is a soft conflict …
    _create(at, "晨读", dt.date(2026, 9, 15), dt.time(7, 0))
    assert any("超出开放时间" in w.value for w in at.warning)
    assert not any("已创建" in s.value for s in at.success)
    # … which the leader may override
    _create(at, "晨读", dt.date(2026, 9, 15), dt.time(7, 0), override=True)
    assert any("已创建活动“晨读”，共 1 场" in s.value for s in at.success)

    # open the first Saturday in the week view and fill its 领读 shift
    at.radio(key="evt_view").set_value("week")
    at.date_input(key="evt_day").set_value(dt.date(2026, 9, 5)).run()
    week = _table(at, "星期")
    assert week["活动"].tolist() == ["周末公益诵读"] and week["时间"].tolist() == ["09:00–10:00"]
    assert any("还缺 1 人" in m.value for m in at.markdown)
    at.selectbox(key="evt_assign_person").set_value(person_id)
    at.button(key="evt_assign_submit").click().run()
    assert not at.exception and not at.error
    assert any("已安排张明（志愿者）担任领读" in s.value for s in at.success)
    assert any("**领读**" in m.value and "张明" in m.value for m in at.markdown)

    # sign-ups beyond capacity (2) go on the waitlist
    for name in ("甲", "乙", "丙"):
        at.text_input(key="evt_signup_name").input(name)
        at.button(key="evt_signup_submit").click().run()
    assert any("已加入候补名单" in s.value for s in at.success)
    assert _table(at, "顺序")["姓名"].tolist() == ["丙"]

    # record attendance
    at.number_input(key="evt_att_student").set_value(18)
    at.number_input(key="evt_att_parent").set_value(9)
    at.number_input(key="evt_att_minutes").set_value(70)
    at.button(key="evt_att_submit").click().run()
    assert not at.exception and not at.error
    assert any("已记录出勤：共 27 人，70 分钟" in s.value for s in at.success)
    assert any("出勤统计（1 场有记录）" in e.label for e in at.expander)
    assert len(at.get("plotly_chart")) == 1


def test_edit_one_occurrence_then_series(app_env):
    point_id, _ = _seed(app_env)
    at = _run()
    _create(at, "周末公益诵读", dt.date(2026, 9, 5), dt.time(9, 0), repeat=[5], until=dt.date(2026, 9, 26),
            capacity=2)
    at.radio(key="evt_view").set_value("month")
    at.date_input(key="evt_day").set_value(dt.date(2026, 9, 1)).run()
    assert any("09:00 周末公益诵读" in m.value for m in at.markdown)  # the month grid
    options = at.selectbox(key="evt_occ").options
    assert len(options) == 4
    ids = _occurrence_ids(app_env)
    # move the second Saturday to the afternoon (an exception)
    at.selectbox(key="evt_occ").set_value(ids[1]).run()
    at.time_input(key="evt_occ_time").set_value(dt.time(14, 0))
    at.button(key="evt_occ_submit").click().run()
    assert any("已保存这一场的修改" in s.value for s in at.success)
    # the whole series to 10:00 from the first one: the moved one keeps 14:00
    at.selectbox(key="evt_occ").set_value(ids[0]).run()
    at.time_input(key="evt_series_start_time").set_value(dt.time(10, 0))
    at.button(key="evt_series_submit").click().run()
    assert not at.exception and not at.error
    labels = at.selectbox(key="evt_occ").options
    assert [" ".join(label.split(" ")[:3]) for label in labels] == [
        "9月5日 周六 10:00", "9月12日 周六 14:00", "9月19日 周六 10:00", "9月26日 周六 10:00"]


def test_reminder_list_on_opening(app_env, monkeypatch):
    from curriculum.community import reminders

    # a fixed local clock far from the real one: the page must ask the community clock, not the server's
    monkeypatch.setattr(reminders, "local_now", lambda: dt.datetime(2030, 1, 8, 10, 0))
    point_id, _ = _seed(app_env)
    engine = make_engine(app_env)
    soon = dt.datetime(2030, 1, 9, 10, 0)
    with Session(engine) as session:
        create_event(EventDraft(title="明日诵读", start=soon, duration_minutes=30, point_id=point_id,
                                shifts=(ShiftSpec("签到引导", 2),)), session=session, override=True)
    engine.dispose()
    at = _run()
    assert "48 小时内有 1 个志愿岗位人手不足" in at.warning[0].value
    assert "“明日诵读”（郾城区图书馆诵读点）的签到引导岗位还缺 2 人" in at.warning[0].value


def test_generate_accept_and_drop_festival_events(app_env):
    point_id, _ = _seed(app_env)
    at = _run()
    at.number_input(key="evt_fest_year").set_value(2027)
    at.selectbox(key="evt_fest_point").set_value(point_id)
    at.button(key="evt_fest_generate").click().run()
    assert not at.exception
    assert any("已生成 2027 年节日活动建议" in s.value for s in at.success)
    accept_keys = [b.key for b in at.button if b.key and b.key.startswith("evt_fest_accept_")]
    drop_keys = [b.key for b in at.button if b.key and b.key.startswith("evt_fest_drop_")]
    assert len(accept_keys) >= 10
    at.button(key=drop_keys[0]).click().run()
    assert any("已放弃" in s.value for s in at.success)
    at.checkbox(key="evt_fest_override").check()
    at.button(key=accept_keys[1]).click().run()
    assert any("已确认" in s.value for s in at.success)
    assert any(m.value == "已确认" for m in at.markdown)


def test_empty_database_shows_guidance(app_env):
    at = _run()
    assert any("所选时间段没有活动" in i.value for i in at.info)
    assert any("请先在“诵读点”页面新建诵读点" in i.value for i in at.info)


def test_festival_confirm_shows_domain_errors_in_chinese(app_env, monkeypatch):
    from curriculum.community import festival_events
    from curriculum.community.conflicts import CommunityError

    point_id, _ = _seed(app_env)
    at = _run()
    at.number_input(key="evt_fest_year").set_value(2027)
    at.selectbox(key="evt_fest_point").set_value(point_id)
    at.button(key="evt_fest_generate").click().run()

    def refuse(*args, **kwargs):
        raise CommunityError("诵读点 #99 不存在")

    monkeypatch.setattr(festival_events, "accept_suggestion", refuse)
    accept = next(b.key for b in at.button if b.key and b.key.startswith("evt_fest_accept_"))
    at.button(key=accept).click().run()
    assert not at.exception
    assert any("未能确认：诵读点 #99 不存在" in e.value for e in at.error)


def _labels(at):
    return [" ".join(label.split(" ")[:3]) for label in at.selectbox(key="evt_occ").options]


def test_edit_whole_series_weekdays_places_and_stop_it(app_env):
    point_id, _ = _seed(app_env)
    at = _run()
    _create(at, "周末公益诵读", dt.date(2026, 9, 5), dt.time(9, 0), repeat=[5], until=dt.date(2026, 9, 26),
            capacity=2)
    at.date_input(key="evt_day").set_value(dt.date(2026, 9, 1)).run()
    # the series form starts from the series as it is
    assert at.multiselect(key="evt_series_repeat_days").value == [5]
    assert at.date_input(key="evt_series_until").value == dt.date(2026, 9, 26)
    assert at.number_input(key="evt_series_capacity").value == 2
    # Saturdays and Sundays, one more week, for middle-school pupils
    at.multiselect(key="evt_series_repeat_days").set_value([5, 6])
    at.date_input(key="evt_series_until").set_value(dt.date(2026, 10, 4))
    at.multiselect(key="evt_series_stages").set_value(["junior"])
    at.button(key="evt_series_submit").click().run()
    assert not at.exception and not at.error
    assert any("已修改整个系列" in s.value for s in at.success)
    assert _labels(at) == ["9月5日 周六 09:00", "9月6日 周日 09:00", "9月12日 周六 09:00", "9月13日 周日 09:00",
                           "9月19日 周六 09:00", "9月20日 周日 09:00", "9月26日 周六 09:00", "9月27日 周日 09:00"]
    assert any("每周六、周日 09:00–10:00，至2026年10月4日" in c.value for c in at.caption)

    # stop the series from 20 Sep: those occurrences are cancelled, not deleted
    at.date_input(key="evt_stop_day").set_value(dt.date(2026, 9, 20))
    at.button(key="evt_stop_submit").click().run()
    assert not at.exception and not at.error
    assert any("9月20日起共取消 5 场" in s.value for s in at.success)  # 20, 26, 27 Sep, 3 and 4 Oct
    assert [label.endswith("（已取消）") for label in at.selectbox(key="evt_occ").options] == [
        False, False, False, False, False, True, True, True]


def test_dropping_a_staffed_date_from_the_series_asks_first(app_env):
    point_id, person_id = _seed(app_env)
    at = _run()
    _create(at, "周末公益诵读", dt.date(2026, 9, 5), dt.time(9, 0), repeat=[5], until=dt.date(2026, 9, 26),
            capacity=2)
    at.date_input(key="evt_day").set_value(dt.date(2026, 9, 1)).run()
    ids = _occurrence_ids(app_env)
    at.selectbox(key="evt_occ").set_value(ids[3]).run()  # 26 Sep
    at.text_input(key="evt_signup_name").input("王小明")
    at.button(key="evt_signup_submit").click().run()
    at.selectbox(key="evt_occ").set_value(ids[0]).run()
    at.date_input(key="evt_series_until").set_value(dt.date(2026, 9, 19))
    at.button(key="evt_series_submit").click().run()
    assert any("将删除场次" in w.value and "报名 1 人" in w.value for w in at.warning)
    assert len(at.selectbox(key="evt_occ").options) == 4
    at.checkbox(key="evt_series_override").check()
    at.button(key="evt_series_submit").click().run()
    assert any("已修改整个系列" in s.value for s in at.success)
    assert len(at.selectbox(key="evt_occ").options) == 3


def test_edit_a_festival_suggestion_date_length_and_texts(app_env):
    from curriculum.models.community import CommunityEvent

    point_id, _ = _seed(app_env)
    at = _run()
    at.number_input(key="evt_fest_year").set_value(2027)
    at.selectbox(key="evt_fest_point").set_value(point_id)
    at.button(key="evt_fest_generate").click().run()
    pick = at.selectbox(key="evt_fest_pick").value
    assert at.date_input(key="evt_fest_day").value is not None
    at.date_input(key="evt_fest_day").set_value(dt.date(2027, 2, 7))
    at.time_input(key="evt_fest_time").set_value(dt.time(14, 0))
    at.number_input(key="evt_fest_minutes").set_value(60)
    suggested_texts = at.multiselect(key="evt_fest_texts").value
    assert suggested_texts  # the festival's texts come pre-filled
    at.multiselect(key="evt_fest_texts").set_value(suggested_texts[:1])
    at.checkbox(key="evt_fest_override").check()
    at.button(key="evt_fest_edit_submit").click().run()
    assert not at.exception and not at.error
    assert any("已修改并确认" in s.value for s in at.success)
    engine = make_engine(app_env)
    with Session(engine) as session:
        event = session.get(CommunityEvent, pick)
        assert (event.status, event.start, event.duration_minutes, event.texts) == (
            "confirmed", dt.datetime(2027, 2, 7, 14, 0), 60, suggested_texts[0])
    engine.dispose()


def _seed_two_points_with_events(url):
    """Two points in two districts; a Saturday reading at each, one of them a moral-practice event."""
    engine = make_engine(url)
    with Session(engine) as session:
        library = create_point(ReadingPointCreate(
            name="郾城区图书馆诵读点", district="郾城区", venue_type="library", capacity=30,
            opening_hours=dump_hours(simple_hours((5, 6), dt.time(8, 0), dt.time(18, 0)))), session=session)
        laojie = create_point(ReadingPointCreate(
            name="老街社区诵读点", district="源汇区", capacity=30,
            opening_hours=dump_hours(simple_hours((5, 6), dt.time(8, 0), dt.time(18, 0)))), session=session)
        person = create_person(PersonCreate(name="张明", role="volunteer"), session=session)
        sat = dt.datetime(2026, 9, 5, 9, 0)
        first = create_event(EventDraft(title="图书馆诵读", start=sat, point_id=library.id, capacity=1,
                                        shifts=(ShiftSpec("领读", 1),)), session=session)
        create_event(EventDraft(title="家风家训诵读", start=sat, point_id=laojie.id, integration="moral",
                                sphere="family"), session=session)
        ids = dict(library=library.id, laojie=laojie.id, person=person.id, event=first.id)
    engine.dispose()
    return ids


def _week_of_5_sept(at):
    at.radio(key="evt_view").set_value("week")
    at.date_input(key="evt_day").set_value(dt.date(2026, 9, 5)).run()
    assert not at.exception


def test_calendar_filters_by_point_district_and_integration(app_env):
    ids = _seed_two_points_with_events(app_env)
    at = _run()
    _week_of_5_sept(at)
    assert sorted(_table(at, "星期")["活动"]) == ["图书馆诵读", "家风家训诵读"]
    at.selectbox(key="evt_point").set_value(ids["library"]).run()
    assert _table(at, "星期")["活动"].tolist() == ["图书馆诵读"]
    at.selectbox(key="evt_point").set_value(0)
    at.selectbox(key="evt_district").set_value("源汇区").run()
    assert _table(at, "星期")["活动"].tolist() == ["家风家训诵读"]
    at.selectbox(key="evt_district").set_value("")
    at.selectbox(key="evt_integration").set_value("urban_rural").run()
    assert _table(at, "星期")["活动"].tolist() == ["图书馆诵读"]
    at.selectbox(key="evt_integration").set_value("festivals").run()
    assert any("所选时间段没有活动" in i.value for i in at.info)


def test_cancel_a_sign_up_promotes_the_waitlist(app_env):
    ids = _seed_two_points_with_events(app_env)
    at = _run()
    at.selectbox(key="evt_point").set_value(ids["library"])
    _week_of_5_sept(at)
    for name in ("甲", "乙"):
        at.text_input(key="evt_signup_name").input(name)
        at.button(key="evt_signup_submit").click().run()
    assert _table(at, "顺序")["姓名"].tolist() == ["乙"]
    # the same name again is refused, in Chinese
    at.text_input(key="evt_signup_name").input("甲")
    at.button(key="evt_signup_submit").click().run()
    assert any("不能重复报名" in e.value for e in at.error)
    assert at.selectbox(key="evt_cancel_pick").options[0] == "甲"  # the default pick
    at.button(key="evt_cancel_submit").click().run()
    assert not at.exception
    assert any("已取消“甲”的报名。候补“乙”已递补为正式报名。" in s.value for s in at.success)
    assert _table(at, "身份")["姓名"].tolist() == ["乙"]
    assert any("已报名 1/1**，候补 0 人" in m.value for m in at.markdown)


def test_add_a_shift_fill_it_mark_served_and_see_volunteer_hours(app_env, monkeypatch):
    from curriculum.community import reminders

    monkeypatch.setattr(reminders, "local_now", lambda: dt.datetime(2026, 10, 1, 12, 0))
    ids = _seed_two_points_with_events(app_env)
    at = _run()
    at.selectbox(key="evt_point").set_value(ids["library"])
    _week_of_5_sept(at)
    at.text_input(key="evt_shift_task").input("摄影")
    at.number_input(key="evt_shift_needed").set_value(2)
    at.button(key="evt_shift_submit").click().run()
    assert not at.exception and not at.error
    assert any("已新增岗位“摄影”" in s.value for s in at.success)
    assert any("**摄影**" in m.value and "需要 2 人" in m.value and "还缺 2 人" in m.value for m in at.markdown)

    at.selectbox(key="evt_assign_person").set_value(ids["person"])
    at.button(key="evt_assign_submit").click().run()  # the first shift: 领读
    assert any("已安排张明（志愿者）担任领读" in s.value for s in at.success)
    at.button(key="evt_served_submit").click().run()
    assert not at.exception and not at.error
    assert any("已登记到岗：领读：张明" in s.value for s in at.success)
    assert any("张明（已到岗）" in m.value for m in at.markdown)

    people = AppTest.from_file(str(Path(PAGE).parent / "reading_points.py"), default_timeout=60)
    people.run()
    assert not people.exception
    hours = _table(people, "志愿服务时长（小时）")
    assert hours.to_dict("records") == [{"姓名": "张明", "志愿服务时长（小时）": 1.0}]


def test_served_before_the_shift_starts_is_refused_on_the_page(app_env, monkeypatch):
    from curriculum.community import reminders

    monkeypatch.setattr(reminders, "local_now", lambda: dt.datetime(2026, 9, 5, 8, 0))
    ids = _seed_two_points_with_events(app_env)
    at = _run()
    at.selectbox(key="evt_point").set_value(ids["library"])
    _week_of_5_sept(at)
    at.selectbox(key="evt_assign_person").set_value(ids["person"])
    at.button(key="evt_assign_submit").click().run()
    at.button(key="evt_served_submit").click().run()
    assert not at.exception
    assert any("未能登记" in e.value and "还没有开始" in e.value for e in at.error)


def test_cancelling_a_sign_up_that_is_gone_shows_an_error_not_a_traceback(app_env, monkeypatch):
    from curriculum.community.conflicts import CommunityError
    from curriculum.community.events import signups

    ids = _seed_two_points_with_events(app_env)
    at = _run()
    at.selectbox(key="evt_point").set_value(ids["library"])
    _week_of_5_sept(at)
    at.text_input(key="evt_signup_name").input("甲")
    at.button(key="evt_signup_submit").click().run()

    # Between this page's render and the click, another leader removed the date (and its sign-ups).
    def gone(signup_id, **kwargs):
        raise CommunityError(f"报名 #{signup_id} 不存在")

    monkeypatch.setattr(signups, "cancel_signup", gone)
    at.button(key="evt_cancel_submit").click().run()
    assert not at.exception
    assert any(e.value.startswith("未能取消报名：报名 #") for e in at.error)
    assert not any("已取消" in s.value for s in at.success)


def test_dropping_a_suggestion_that_is_gone_shows_an_error(app_env, monkeypatch):
    from curriculum.community import festival_events
    from curriculum.community.conflicts import CommunityError

    point_id, _ = _seed(app_env)
    at = _run()
    at.number_input(key="evt_fest_year").set_value(2027)
    at.selectbox(key="evt_fest_point").set_value(point_id)
    at.button(key="evt_fest_generate").click().run()

    def gone(event_id, **kwargs):
        raise CommunityError(f"活动 #{event_id} 不存在")

    # Nothing on the page deletes a suggestion; another leader's session (or an admin) could.
    monkeypatch.setattr(festival_events, "drop_suggestion", gone)
    drop = next(b.key for b in at.button if b.key and b.key.startswith("evt_fest_drop_"))
    at.button(key=drop).click().run()
    assert not at.exception
    assert any(e.value.startswith("未能放弃：活动 #") for e in at.error)
    assert not any("已放弃" in s.value for s in at.success)


def test_download_file_names_are_in_chinese(app_env, download_names):
    ids = _seed_two_points_with_events(app_env)
    at = _run()
    at.selectbox(key="evt_dl_point").set_value(ids["laojie"])
    at.selectbox(key="evt_dl_person").set_value(ids["person"])
    download_names.clear()
    at.date_input(key="evt_dl_week").set_value(dt.date(2026, 9, 9)).run()
    assert not at.exception
    assert download_names == ["老街社区诵读点-诵读活动.ics", "张明-值班.ics",
                              "志愿排班表-2026-09-07.html", "志愿排班表-2026-09-07.pdf"]
