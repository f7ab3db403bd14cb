"""活动日历 — month / week calendar of community events, event detail, new events, festival events, exports.

Thin page over ``curriculum.community``: the reminder list (shifts short of
people within 48 hours) comes first; conflicts are checked by the domain
before anything is saved and shown here in Chinese — hard ones as errors,
soft ones as warnings the leader may override with “仍然保存”.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlmodel import Session

from curriculum import clock
from curriculum.catalog.browse import plain_download_name
from curriculum.charts.community import build_attendance_figure
from curriculum.community import calendar_view as cv
from curriculum.community import events as ev
from curriculum.community.attendance import ATTENDANCE_ROLES, attendance_frame, record_attendance
from curriculum.community.conflicts import CommunityError, ConflictError, summarize
from curriculum.community.festival_events import (
    accept_suggestion,
    drop_suggestion,
    festival_event_rows,
    suggest_festival_events,
)
from curriculum.community.pairings import list_pairings
from curriculum.community.people import ROLES, list_people
from curriculum.community.points import districts, list_points
from curriculum.community.reminders import current_reminders
from curriculum.exports.community_exports import (
    person_calendar,
    point_calendar,
    roster_html,
    roster_pdf,
    weekly_roster,
)
from curriculum.stages import STAGE_LABELS
from curriculum.textlists import split_list
from curriculum.vocab import INTEGRATIONS, SPHERES, WEEKDAY_LABELS
from ui.state import get_catalog, get_engine

st.title("活动日历")
st.caption("社区诵读点的周末公益诵读、暑期公益晨读和节日活动：排期、报名、志愿排班与出勤。")

engine = get_engine()
catalog, _catalog_errors = get_catalog()
text_titles = {t.id: t.title for t in catalog.texts} if catalog else {}


def _saved(message: str) -> None:
    """Show ``message`` after a rerun so the calendar and pickers include the change."""
    st.session_state["evt_flash"] = message
    st.rerun()


def _show_conflicts(err: ConflictError) -> None:
    for severity, message in summarize(err.conflicts):
        (st.error if severity == "error" else st.warning)(message)
    if err.overridable:
        st.warning("以上为提醒事项，尚未保存。如确认无误，请勾选“仍然保存”后再次提交。")
    else:
        st.error("存在冲突，未保存。请调整时间、地点或人员后再试。")


def _texts_input(label: str, key: str) -> list[str]:
    if text_titles:
        return st.multiselect(label, list(text_titles), format_func=text_titles.get, key=key)
    typed = st.text_input(f"{label}（篇目编号，用逗号分隔）", key=key)
    return split_list(typed)


if flash := st.session_state.pop("evt_flash", None):
    st.success(flash)

with Session(engine) as session:
    reminders = current_reminders(session=session)  # local (Asia/Shanghai) clock, like the sidebar
    if reminders:
        st.warning(f"提醒：48 小时内有 {len(reminders)} 个志愿岗位人手不足。\n\n"
                   + "\n".join(f"- {r.message}" for r in reminders))

    points = list_points(session=session)
    point_names = {p.id: p.name for p in points}
    people = list_people(session=session)
    person_names = {p.id: f"{p.name}（{ROLES.get(p.role, p.role)}）" for p in people}
    plain_names = {p.id: p.name for p in people}

    tab_cal, tab_new, tab_fest, tab_export = st.tabs(["日历", "新建活动", "节日活动", "导出与排班表"])

    # ------------------------------------------------------------------ calendar + detail
    with tab_cal:
        cols = st.columns(4)
        f_point = cols[0].selectbox("诵读点", [0, *point_names], format_func=lambda i: point_names.get(i, "全部"),
                                    key="evt_point")
        f_district = cols[1].selectbox("区县", ["", *districts(session=session)],
                                       format_func=lambda d: d or "全部", key="evt_district")
        f_integration = cols[2].selectbox("融合方向", ["", *INTEGRATIONS],
                                          format_func=lambda k: INTEGRATIONS.get(k, "全部"), key="evt_integration")
        view = cols[3].radio("视图", ["month", "week"], format_func={"month": "月", "week": "周"}.get,
                             horizontal=True, key="evt_view")
        day = st.date_input("日期（显示所在的月或周）", value=clock.local_today(), key="evt_day")
        start, end = cv.month_bounds(day.year, day.month) if view == "month" else cv.week_bounds(day)
        rows = ev.list_occurrences(session=session, start=start, end=end, point_id=f_point or None,
                                   district=f_district or None, integration=f_integration or None,
                                   include_cancelled=True)
        if view == "month":
            st.markdown(f"**{day.year}年{day.month}月**")
            st.markdown(cv.grid_html(cv.month_grid(day.year, day.month, rows)), unsafe_allow_html=True)
        else:
            st.dataframe(cv.week_table(day, rows), hide_index=True, width="stretch", key="evt_week_table")
        attendance = attendance_frame(session=session, start=start, end=end)
        if len(attendance):
            with st.expander(f"出勤统计（{len(attendance)} 场有记录）"):
                st.plotly_chart(build_attendance_figure(attendance), key="evt_att_chart")

        if not rows:
            st.info("所选时间段没有活动。可在“新建活动”或“节日活动”中添加。")
        else:
            by_id = {r.id: r for r in rows}
            if st.session_state.get("evt_occ") not in by_id:
                st.session_state["evt_occ"] = rows[0].id
            occ_labels = {i: ev.occurrence_label(r) for i, r in by_id.items()}
            occ_id = st.selectbox("查看活动场次", list(by_id), format_func=lambda i, m=occ_labels: m.get(i, f"#{i}"),
                                  key="evt_occ")
            d = ev.occurrence_detail(occ_id, session=session)
            if st.session_state.get("evt_loaded") != occ_id:
                # Fill the edit and attendance forms from the newly picked occurrence (keys are fixed,
                # so a widget's ``value=`` would be ignored after its first render).
                record = d["attendance"]
                st.session_state.update({
                    "evt_loaded": occ_id,
                    "evt_occ_day": d["start"].date(), "evt_occ_time": d["start"].time(),
                    "evt_occ_title": d["title"], "evt_occ_cancel": d["cancelled"],
                    **({f"evt_series_{k}": v for k, v in ev.series_form(d["event_id"], session=session).items()}
                       if d["recurring"] else {}),
                    "evt_series_start_time": d["start"].time(), "evt_stop_day": d["start"].date(),
                    "evt_att_minutes": record.duration_minutes if record else d["duration_minutes"],
                    **{f"evt_att_{role}": record.counts.get(role, 0) if record else 0 for role in ATTENDANCE_ROLES},
                })
            st.subheader(d["title"])
            texts = "、".join(text_titles.get(t, t) for t in d["texts"]) or "未指定"
            st.caption(
                f"{d['when']} · {d['point'] or d['district']} · {INTEGRATIONS.get(d['integration'], '')} · "
                f"{SPHERES.get(d['sphere'], '')} · 篇目：{texts}"
                + (f" · 面向：{'、'.join(STAGE_LABELS.get(s, s) for s in d['stages'])}" if d["stages"] else "")
            )
            st.caption(f"安排：{d['rule']}" + ("（本场已单独调整）" if d["is_exception"] else ""))
            if d["cancelled"]:
                st.warning("本场已取消。")

            t_signup, t_shift, t_att, t_edit = st.tabs(["报名", "志愿岗位", "出勤", "修改"])

            with t_signup:
                cap = f"{len(d['confirmed'])}/{d['capacity']}" if d["capacity"] else f"{len(d['confirmed'])}（不限名额）"
                st.markdown(f"**已报名 {cap}**，候补 {len(d['waitlist'])} 人")
                if d["confirmed"]:
                    st.dataframe([{"姓名": n, "身份": ATTENDANCE_ROLES.get(r, r)} for _, n, r in d["confirmed"]],
                                 hide_index=True, key="evt_confirmed_table")
                if d["waitlist"]:
                    st.markdown("**候补名单**（有人取消时按顺序递补）")
                    st.dataframe([{"顺序": i + 1, "姓名": n, "身份": ATTENDANCE_ROLES.get(r, r)}
                                  for i, (_, n, r) in enumerate(d["waitlist"])], hide_index=True,
                                 key="evt_waitlist_table")
                with st.form("evt_signup_form"):
                    cols = st.columns(3)
                    s_name = cols[0].text_input("报名人姓名", key="evt_signup_name")
                    s_phone = cols[1].text_input("手机号（选填，用于区分同名）", key="evt_signup_phone")
                    s_role = cols[2].selectbox("身份", list(ATTENDANCE_ROLES), format_func=ATTENDANCE_ROLES.get,
                                               key="evt_signup_role")
                    if st.form_submit_button("报名", key="evt_signup_submit"):
                        try:
                            row = ev.sign_up(occ_id, s_name, role=s_role, phone=s_phone or None, session=session)
                        except CommunityError as err:
                            st.error(f"未能报名：{err}")
                        else:
                            if row.status == "waitlist":
                                _saved(f"名额已满，“{row.name}”已加入候补名单。")
                            else:
                                _saved(f"“{row.name}”报名成功。")
                everyone = {i: n for i, n, _ in d["confirmed"] + d["waitlist"]}
                if everyone:
                    cols = st.columns([3, 1])
                    cancel_id = cols[0].selectbox("取消报名", list(everyone), format_func=lambda i, m=everyone: m.get(i, f"#{i}"),
                                                  key="evt_cancel_pick")
                    if cols[1].button("取消报名", key="evt_cancel_submit"):
                        try:
                            promoted = ev.cancel_signup(cancel_id, session=session)
                        except CommunityError as err:
                            st.error(f"未能取消报名：{err}")
                        else:
                            _saved(f"已取消“{everyone[cancel_id]}”的报名。"
                                   + (f"候补“{promoted.name}”已递补为正式报名。" if promoted else ""))

            with t_shift:
                shifts = d["shifts"]
                if not shifts:
                    st.info("本场还没有志愿岗位。")
                for s in shifts:
                    on_duty = "、".join(a.name + ("（已到岗）" if a.served else "") for a in s.assigned) or "无"
                    backups = "、".join(a.name for a in s.backups) or "无"
                    state = f"还缺 {s.missing} 人" if s.missing else "人员已齐"
                    st.markdown(f"- **{s.task}** {s.start:%H:%M}–{s.end:%H:%M}，需要 {s.needed} 人："
                                f"{on_duty}；候补：{backups}；{state}")
                if shifts and person_names:
                    shift_by_id = {s.id: s for s in shifts}
                    shift_labels = {s.id: f"{s.task} {s.start:%H:%M}" for s in shifts}
                    with st.form("evt_assign_form"):
                        cols = st.columns(2)
                        a_shift = cols[0].selectbox("岗位", list(shift_by_id),
                                                    format_func=lambda i, m=shift_labels: m.get(i, f"#{i}"),
                                                    key="evt_assign_shift")
                        a_person = cols[1].selectbox("人员", list(person_names), format_func=person_names.get,
                                                     key="evt_assign_person")
                        cols = st.columns(2)
                        a_backup = cols[0].checkbox("作为候补", key="evt_assign_backup")
                        a_override = cols[1].checkbox("仍然保存（忽略提醒事项）", key="evt_assign_override")
                        if st.form_submit_button("安排到岗位", key="evt_assign_submit"):
                            try:
                                ev.assign_person(a_shift, a_person, backup=a_backup, override=a_override,
                                                 session=session)
                            except ConflictError as err:
                                _show_conflicts(err)
                            except CommunityError as err:
                                st.error(f"未能安排：{err}")
                            else:
                                _saved(f"已安排{person_names[a_person]}{'作为候补' if a_backup else ''}"
                                       f"担任{shift_by_id[a_shift].task}。")
                    on_site = {a.id: f"{s.task}：{a.name}" for s in shifts for a in s.assigned}
                    if on_site:
                        cols = st.columns([3, 1])
                        served_id = cols[0].selectbox("登记实际到岗", list(on_site), format_func=lambda i, m=on_site: m.get(i, f"#{i}"),
                                                      key="evt_served_pick")
                        if cols[1].button("已到岗", key="evt_served_submit"):
                            try:
                                ev.mark_served(served_id, session=session)
                            except CommunityError as err:
                                st.error(f"未能登记：{err}")
                            else:
                                _saved(f"已登记到岗：{on_site[served_id]}。")
                with st.form("evt_shift_form"):
                    cols = st.columns(2)
                    task = cols[0].text_input("新增岗位", key="evt_shift_task", placeholder="如：摄影、签到引导")
                    needed = cols[1].number_input("需要人数", min_value=1, value=1, step=1, key="evt_shift_needed")
                    if st.form_submit_button("新增岗位", key="evt_shift_submit"):
                        try:
                            ev.add_shift(occ_id, task, int(needed), session=session)
                        except CommunityError as err:
                            st.error(f"未能新增：{err}")
                        else:
                            _saved(f"已新增岗位“{task}”。")

            with t_att:
                record = d["attendance"]
                if record is not None:
                    st.markdown(f"**已记录出勤：共 {record.total} 人，{record.duration_minutes} 分钟**")
                with st.form("evt_att_form"):
                    cols = st.columns(len(ATTENDANCE_ROLES))
                    counts = {
                        role: cols[i].number_input(label, min_value=0, step=1, key=f"evt_att_{role}")
                        for i, (role, label) in enumerate(ATTENDANCE_ROLES.items())
                    }
                    minutes = st.number_input("实际时长（分钟）", min_value=1, step=5, key="evt_att_minutes")
                    if st.form_submit_button("保存出勤", key="evt_att_submit"):
                        try:
                            saved = record_attendance(occ_id, {k: int(v) for k, v in counts.items()}, int(minutes),
                                                      session=session)
                        except CommunityError as err:
                            st.error(f"未能保存：{err}")
                        else:
                            _saved(f"已记录出勤：共 {saved.total} 人，{saved.duration_minutes} 分钟。")

            with t_edit:
                with st.form("evt_occ_form"):
                    st.markdown("**只修改这一场**（修改后成为单独调整的一场，整个系列修改时保留不变）")
                    cols = st.columns(3)
                    o_day = cols[0].date_input("日期", key="evt_occ_day")
                    o_time = cols[1].time_input("开始时间", key="evt_occ_time")
                    o_title = cols[2].text_input("本场名称", key="evt_occ_title")
                    cols = st.columns(2)
                    o_cancel = cols[0].checkbox("取消这一场", key="evt_occ_cancel")
                    o_override = cols[1].checkbox("仍然保存（忽略提醒事项）", key="evt_occ_override")
                    if st.form_submit_button("保存这一场", key="evt_occ_submit"):
                        try:
                            ev.edit_occurrence(occ_id, day=o_day, start_time=o_time, title=o_title,
                                               cancelled=o_cancel, override=o_override, session=session)
                        except ConflictError as err:
                            _show_conflicts(err)
                        except CommunityError as err:
                            st.error(f"未能保存：{err}")
                        else:
                            _saved("已保存这一场的修改。")
                if d["recurring"]:
                    with st.form("evt_series_form"):
                        st.markdown("**修改整个系列**（从本场起的各场按新安排重新生成，已单独调整的场次保留；"
                                    "不再安排的日期若已有报名或排班，会先提醒）")
                        r_title = st.text_input("系列名称", key="evt_series_title")
                        cols = st.columns(4)
                        r_time = cols[0].time_input("开始时间", key="evt_series_start_time")
                        r_minutes = cols[1].number_input("时长（分钟）", min_value=5, step=5,
                                                         key="evt_series_duration_minutes")
                        r_days = cols[2].multiselect("每周重复", list(range(7)), format_func=lambda i: WEEKDAY_LABELS[i],
                                                     key="evt_series_repeat_days")
                        r_until = cols[3].date_input("重复至（含当天）", key="evt_series_until")
                        cols = st.columns(4)
                        r_point = cols[0].selectbox("诵读点", [None, *point_names],
                                                    format_func=lambda i: point_names.get(i, "（不指定诵读点）"),
                                                    key="evt_series_point_id")
                        r_capacity = cols[1].number_input("名额（0 为不限）", min_value=0, step=5,
                                                          key="evt_series_capacity")
                        r_integration = cols[2].selectbox("融合方向", list(INTEGRATIONS), format_func=INTEGRATIONS.get,
                                                          key="evt_series_integration")
                        r_sphere = cols[3].selectbox("领域", list(SPHERES), format_func=SPHERES.get,
                                                     key="evt_series_sphere")
                        r_stages = st.multiselect("面向学段", list(STAGE_LABELS), format_func=STAGE_LABELS.get,
                                                  key="evt_series_stages")
                        r_texts = st.multiselect("诵读篇目", list(dict.fromkeys([*text_titles, *d["texts"]])),
                                                 format_func=lambda t: text_titles.get(t, t), key="evt_series_texts")
                        r_desc = st.text_area("说明", key="evt_series_description")
                        r_override = st.checkbox("仍然保存（忽略提醒事项，包括删除有报名或排班的场次）",
                                                 key="evt_series_override")
                        if st.form_submit_button("保存整个系列", key="evt_series_submit"):
                            try:
                                ev.edit_series_from_form(
                                    d["event_id"], from_time=d["start"], title=r_title, start_time=r_time,
                                    duration_minutes=int(r_minutes), repeat_days=tuple(r_days), until=r_until,
                                    point_id=r_point, capacity=int(r_capacity), texts=tuple(r_texts),
                                    stages=tuple(r_stages), integration=r_integration, sphere=r_sphere,
                                    description=r_desc, override=r_override, session=session)
                            except ConflictError as err:
                                _show_conflicts(err)
                            except CommunityError as err:
                                st.error(f"未能保存：{err}")
                            else:
                                _saved("已修改整个系列。")
                    with st.form("evt_stop_form"):
                        st.markdown("**停止此系列**：从所选日期起的各场全部取消（报名、排班和出勤记录保留，日历订阅会收到取消）")
                        cols = st.columns([2, 1])
                        stop_day = cols[0].date_input("从哪天起取消", key="evt_stop_day")
                        if cols[1].form_submit_button("停止此系列（从某日起取消）", key="evt_stop_submit"):
                            try:
                                stopped = ev.stop_series(d["event_id"], stop_day, session=session)
                            except CommunityError as err:
                                st.error(f"未能停止：{err}")
                            else:
                                _saved(f"已停止系列：{stop_day.month}月{stop_day.day}日起共取消 {stopped} 场。")

    # ------------------------------------------------------------------ new event
    with tab_new:
        if not points:
            st.info("请先在“诵读点”页面新建诵读点。")
        else:
            pairings = {p.id: f"{p.partner_name} ↔ {p.target_name}" for p in list_pairings(session=session)}
            with st.form("evt_new_form"):
                title = st.text_input("活动名称", key="evt_new_title", placeholder="如：周末公益诵读")
                cols = st.columns(4)
                n_point = cols[0].selectbox("诵读点", list(point_names), format_func=point_names.get,
                                            key="evt_new_point")
                n_day = cols[1].date_input("日期（重复活动填第一天）", value=clock.local_today(), key="evt_new_day")
                n_time = cols[2].time_input("开始时间", value=dt.time(9, 0), key="evt_new_time")
                n_minutes = cols[3].number_input("时长（分钟）", min_value=5, step=5, value=60, key="evt_new_minutes")
                cols = st.columns(2)
                n_repeat = cols[0].multiselect("每周重复（不选则为单次活动）", list(range(7)),
                                               format_func=lambda i: WEEKDAY_LABELS[i], key="evt_new_repeat")
                n_until = cols[1].date_input("重复至（含当天）", value=None, key="evt_new_until")
                cols = st.columns(3)
                n_integration = cols[0].selectbox("融合方向", list(INTEGRATIONS), index=1,
                                                  format_func=INTEGRATIONS.get, key="evt_new_integration")
                n_sphere = cols[1].selectbox("领域", list(SPHERES), index=2, format_func=SPHERES.get,
                                             key="evt_new_sphere")
                n_capacity = cols[2].number_input("名额（0 为不限）", min_value=0, step=5, value=30,
                                                  key="evt_new_capacity")
                n_stages = st.multiselect("面向学段", list(STAGE_LABELS), format_func=STAGE_LABELS.get,
                                          key="evt_new_stages")
                n_texts = _texts_input("诵读篇目", "evt_new_texts")
                cols = st.columns(3)
                n_leaders = cols[0].number_input("领读岗位人数", min_value=0, step=1, value=1, key="evt_new_leaders")
                n_helpers = cols[1].number_input("签到引导岗位人数", min_value=0, step=1, value=1,
                                                 key="evt_new_helpers")
                n_pairing = cols[2].selectbox("结对子联合活动", [0, *pairings],
                                              format_func=lambda i: pairings.get(i, "（无）"), key="evt_new_pairing")
                n_desc = st.text_area("说明", key="evt_new_desc")
                n_override = st.checkbox("仍然保存（忽略超出开放时间等提醒事项）", key="evt_new_override")
                if st.form_submit_button("检查并保存", key="evt_new_submit"):
                    shifts = [ev.ShiftSpec("领读", int(n_leaders))] if n_leaders else []
                    if n_helpers:
                        shifts.append(ev.ShiftSpec("签到引导", int(n_helpers)))
                    try:
                        draft = ev.make_draft(
                            title, day=n_day, start_time=n_time, duration_minutes=int(n_minutes), point_id=n_point,
                            repeat_days=tuple(n_repeat), until=n_until, shifts=shifts,
                            integration=n_integration, sphere=n_sphere, capacity=int(n_capacity),
                            stages=tuple(n_stages), texts=tuple(n_texts), description=n_desc,
                            pairing_id=n_pairing or None,
                        )
                        created = ev.create_event(draft, override=n_override, session=session)
                    except ConflictError as err:
                        _show_conflicts(err)
                    except CommunityError as err:
                        st.error(f"未能保存：{err}")
                    else:
                        count = len(ev.occurrences_of(created.id, session=session))
                        _saved(f"已创建活动“{created.title}”，共 {count} 场。")

    # ------------------------------------------------------------------ festival events
    with tab_fest:
        st.markdown("按节日日历为一个诵读点或一个区县生成全年的节日诵读活动建议，逐条确认、修改或放弃。")
        cols = st.columns(3)
        year = int(cols[0].number_input("年份", min_value=1901, max_value=2099, value=clock.local_today().year, step=1,
                                        key="evt_fest_year"))
        scope = cols[1].radio("范围", ["point", "district"], format_func={"point": "诵读点", "district": "区县"}.get,
                              horizontal=True, key="evt_fest_scope")
        if scope == "point":
            fest_point = cols[2].selectbox("诵读点", [0, *point_names], format_func=lambda i: point_names.get(i, "请选择"),
                                           key="evt_fest_point") or None
            fest_district = None
        else:
            fest_point = None
            fest_district = cols[2].text_input("区县", key="evt_fest_district") or None
        if st.button("生成全年节日活动", key="evt_fest_generate"):
            try:
                made = suggest_festival_events(year, point_id=fest_point, district=fest_district, session=session)
            except (CommunityError, ValueError) as err:
                st.error(f"未能生成：{err}")
            else:
                _saved(f"已生成 {year} 年节日活动建议 {len(made)} 条，请逐条确认。")
        if fest_point or fest_district:
            suggestions = festival_event_rows(year, point_id=fest_point, district=fest_district, session=session)
            fest_override = st.checkbox("确认时忽略提醒事项（如超出开放时间）", key="evt_fest_override")
            for row in suggestions:
                cols = st.columns([2, 4, 2, 1, 1])
                cols[0].markdown(f"{row['start']:%m月%d日 %H:%M}")
                names = "、".join(text_titles.get(t, t) for t in row["texts"])
                cols[1].markdown(f"**{row['title']}**  \n{names}")
                cols[2].markdown(row["status_label"])
                if row["status"] != "confirmed" and cols[3].button("确认", key=f"evt_fest_accept_{row['id']}"):
                    try:
                        accept_suggestion(row["id"], override=fest_override, session=session)
                    except ConflictError as err:
                        _show_conflicts(err)
                    except CommunityError as err:
                        st.error(f"未能确认：{err}")
                    else:
                        _saved(f"已确认“{row['title']}”。")
                if row["status"] == "suggested" and cols[4].button("放弃", key=f"evt_fest_drop_{row['id']}"):
                    try:
                        drop_suggestion(row["id"], session=session)
                    except CommunityError as err:
                        st.error(f"未能放弃：{err}")
                    else:
                        _saved(f"已放弃“{row['title']}”。")
            pending = {r["id"]: r for r in suggestions if r["status"] == "suggested"}
            if pending:
                st.markdown("**修改后确认**")
                pending_titles = {i: r["title"] for i, r in pending.items()}
                pick = st.selectbox("节日活动", list(pending), format_func=lambda i, m=pending_titles: m.get(i, f"#{i}"),
                                    key="evt_fest_pick")
                if st.session_state.get("evt_fest_loaded") != pick:
                    # fill the form from the picked suggestion (fixed keys ignore ``value=`` after the first run)
                    row = pending[pick]
                    st.session_state.update({
                        "evt_fest_loaded": pick, "evt_fest_title": row["title"], "evt_fest_day": row["start"].date(),
                        "evt_fest_time": row["start"].time(), "evt_fest_minutes": row["duration_minutes"],
                        "evt_fest_texts": row["texts"],
                    })
                with st.form("evt_fest_edit_form"):
                    cols = st.columns(4)
                    new_title = cols[0].text_input("名称", key="evt_fest_title")
                    new_day = cols[1].date_input("日期", key="evt_fest_day")
                    new_time = cols[2].time_input("开始时间", key="evt_fest_time")
                    new_minutes = cols[3].number_input("时长（分钟）", min_value=5, step=5, key="evt_fest_minutes")
                    new_texts = st.multiselect("诵读篇目", list(dict.fromkeys([*text_titles, *pending[pick]["texts"]])),
                                               format_func=lambda t: text_titles.get(t, t), key="evt_fest_texts")
                    if st.form_submit_button("修改并确认", key="evt_fest_edit_submit"):
                        try:
                            accept_suggestion(pick, title=new_title or None, day=new_day, start_time=new_time,
                                              duration_minutes=int(new_minutes), texts=list(new_texts),
                                              override=fest_override, session=session)
                        except ConflictError as err:
                            _show_conflicts(err)
                        except CommunityError as err:
                            st.error(f"未能保存：{err}")
                        else:
                            _saved(f"已修改并确认“{new_title or pending[pick]['title']}”。")

    # ------------------------------------------------------------------ exports
    with tab_export:
        if points:
            cols = st.columns([3, 1])
            dl_point = cols[0].selectbox("诵读点日历", list(point_names), format_func=point_names.get,
                                         key="evt_dl_point")

            def _point_ics(pid=dl_point) -> bytes:
                with Session(engine) as s:
                    return point_calendar(pid, session=s)

            cols[1].download_button("下载 .ics", _point_ics,
                                    file_name=plain_download_name(point_names[dl_point], "诵读活动", suffix="ics"),
                                    mime="text/calendar", key="evt_dl_point_btn")
        if person_names:
            cols = st.columns([3, 1])
            dl_person = cols[0].selectbox("个人排班日历", list(person_names), format_func=person_names.get,
                                          key="evt_dl_person")

            def _person_ics(pid=dl_person) -> bytes:
                with Session(engine) as s:
                    return person_calendar(pid, session=s)

            cols[1].download_button("下载 .ics", _person_ics,
                                    file_name=plain_download_name(plain_names[dl_person], "值班", suffix="ics"),
                                    mime="text/calendar", key="evt_dl_person_btn")
        week = st.date_input("排班表：该周内任意一天", value=clock.local_today(), key="evt_dl_week")
        roster = weekly_roster(week, session=session)
        st.caption(f"{roster.title}：{len(roster.rows)} 个岗位，"
                   f"{sum(1 for r in roster.rows if r.missing)} 个缺人")
        cols = st.columns(2)
        week_label = roster.week_start.isoformat()
        cols[0].download_button("下载排班表（HTML，可打印）", roster_html(roster).encode("utf-8"),
                                file_name=plain_download_name("志愿排班表", week_label, suffix="html"),
                                mime="text/html", key="evt_dl_roster_html")
        cols[1].download_button("下载排班表（PDF）", lambda r=roster: roster_pdf(r),
                                file_name=plain_download_name("志愿排班表", week_label, suffix="pdf"),
                                mime="application/pdf", key="evt_dl_roster_pdf")
