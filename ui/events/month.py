"""The 日历 tab: filters, month grid or week table, attendance chart, and the picked occurrence's detail panel."""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum import clock
from curriculum.charts.community import build_attendance_figure
from curriculum.community import month_grid as grid
from curriculum.community import views
from curriculum.community.attendance import attendance_frame
from curriculum.community.events.listing import OccurrenceRow, list_occurrences
from curriculum.community.events.shifts import missing_people
from curriculum.community.points import districts
from curriculum.vocab import ATTENDANCE_ROLES, INTEGRATIONS
from ui.events import attendance, edit, shifts, signups
from ui.state import text_titles
from ui.widgets import chart, keep_valid


def _step(view: str, direction: int, today) -> None:
    """Move the calendar's date (a callback: it runs before the date widget is drawn, so it may set it)."""
    day = st.session_state.get("evt_day") or today
    st.session_state["evt_day"] = grid.step_day(day, view, direction) if direction else today


def _month_pager(view: str, today) -> None:
    cols = st.columns(3)
    unit = "月" if view == "month" else "周"
    cols[0].button(f"上一{unit}", key="evt_prev", width="stretch", on_click=_step, args=(view, -1, today))
    cols[1].button("今天", key="evt_today", width="stretch", on_click=_step, args=(view, 0, today))
    cols[2].button(f"下一{unit}", key="evt_next", width="stretch", on_click=_step, args=(view, 1, today))


def _filtered_rows(session: Session, point_names: dict[int, str]) -> list[OccurrenceRow]:
    """The filter widgets, the grid or table of the chosen month / week, and its rows."""
    cols = st.columns(4)
    f_point = cols[0].selectbox("诵读点", [0, *point_names], format_func=lambda i: point_names.get(i, "全部"),
                                key="evt_point")
    f_district = cols[1].selectbox("区县", ["", *districts(session=session)],
                                   format_func=lambda d: d or "全部", key="evt_district")
    f_integration = cols[2].selectbox("融合方向", ["", *INTEGRATIONS],
                                      format_func=lambda k: INTEGRATIONS.get(k, "全部"), key="evt_integration")
    view = cols[3].radio("视图", ["month", "week"], format_func={"month": "月", "week": "周"}.get,
                         horizontal=True, key="evt_view")
    today = clock.local_today()
    _month_pager(view, today)
    day = st.date_input("日期（显示所在的月或周）", value=today, key="evt_day")
    start, end = grid.month_bounds(day.year, day.month) if view == "month" else grid.week_bounds(day)
    rows = list_occurrences(session=session, start=start, end=end, point_id=f_point or None,
                            district=f_district or None, integration=f_integration or None, include_cancelled=True)
    if view == "month":
        st.markdown(f"**{day.year}年{day.month}月**")
        missing = missing_people([r.id for r in rows], session=session)
        st.markdown(grid.grid_html(grid.month_grid(day.year, day.month, rows, today=today, missing=missing)),
                    unsafe_allow_html=True)
        if missing:
            st.caption(f"标 ⚠ 的活动志愿岗位还缺人（本月 {len(missing)} 场），在下方“查看活动场次”中选中后安排。")
    else:
        st.dataframe(grid.week_table(day, rows), hide_index=True, width="stretch", key="evt_week_table")
    frame = attendance_frame(session=session, start=start, end=end)
    if len(frame):
        with st.expander(f"出勤统计（{len(frame)} 场有记录）"):
            chart(build_attendance_figure(frame), key="evt_att_chart")
    return rows


def _load_forms(detail: dict, session: Session) -> None:
    """Fill the edit and attendance forms from a newly picked occurrence.

    Widget keys are fixed, so a widget's ``value=`` would be ignored after its
    first render: the values go into ``st.session_state`` once per pick.
    """
    occ_id = detail["occurrence_id"]
    if st.session_state.get("evt_loaded") == occ_id:
        return
    record = detail["attendance"]
    series = views.series_form(detail["event_id"], session=session) if detail["recurring"] else {}
    if series and not text_titles():
        series["texts"] = "，".join(series["texts"])  # the picker is a text box without the catalog
    st.session_state.update({
        "evt_loaded": occ_id,
        "evt_occ_day": detail["start"].date(), "evt_occ_time": detail["start"].time(),
        "evt_occ_title": detail["title"], "evt_occ_cancel": detail["cancelled"],
        **{f"evt_series_{k}": v for k, v in series.items()},
        "evt_series_start_time": detail["start"].time(), "evt_stop_day": detail["start"].date(),
        "evt_att_minutes": record.duration_minutes if record else detail["duration_minutes"],
        **{f"evt_att_{role}": record.counts.get(role, 0) if record else 0 for role in ATTENDANCE_ROLES},
        **{f"evt_checkin_{signup_id}": False for signup_id, _name, _role in detail["confirmed"]},
        "evt_checkin_pupils": (record.counts.get("student", 0) if record
                               else sum(1 for *_x, role in detail["confirmed"] if role == "student")),
    })


def _detail(occ_id: int, session: Session, point_names: dict[int, str], person_names: dict[int, str]) -> None:
    detail = views.occurrence_detail(occ_id, session=session)
    _load_forms(detail, session)
    st.subheader(detail["title"])
    st.caption(views.detail_caption(detail, text_titles()))
    st.caption(f"安排：{detail['rule']}" + ("（本场已单独调整）" if detail["is_exception"] else ""))
    if detail["cancelled"]:
        st.warning("本场已取消。")
    # Keyed and tracked: 安排到岗位 / 保存出勤 rerun the page on the same sub-tab, where their message shows.
    t_signup, t_shift, t_att, t_edit = st.tabs(["报名", "志愿岗位", "出勤", "修改"], key="evt_detail_tab",
                                               on_change="rerun")
    with t_signup:
        signups.render(detail, session=session)
    with t_shift:
        shifts.render(detail, person_names, session=session)
    with t_att:
        attendance.render(detail, session=session)
    with t_edit:
        edit.render(detail, point_names, session=session)


def render(*, session: Session, point_names: dict[int, str], person_names: dict[int, str]) -> None:
    rows = _filtered_rows(session, point_names)
    if not rows:
        st.info("所选时间段没有活动。可在“新建活动”或“节日活动”中添加。")
        return
    labels = {r.id: views.occurrence_label(r) for r in rows}
    keep_valid("evt_occ", list(labels))
    occ_id = st.selectbox("查看活动场次", list(labels), format_func=lambda i: labels.get(i, f"#{i}"), key="evt_occ")
    _detail(occ_id, session, point_names, person_names)
