"""The 节日活动 tab: suggest the year's festival events for a point or a district, then confirm, edit or drop each.

Calls go through the ``festival_events`` module at call time, so a test (or a
later change) replacing one of its functions is seen here.
"""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum import clock
from curriculum.community import festival_events
from ui.events import FLASH
from ui.state import clear_reminders, text_titles
from ui.widgets import district_picker, domain_errors, flash_and_rerun, texts_picker


def _saved(message: str, kind: str = "success") -> None:
    clear_reminders()  # a confirmed festival event brings shifts
    flash_and_rerun(FLASH, message, kind)


def _place(point_names: dict[int, str]) -> tuple[int, int | None, str | None]:
    cols = st.columns(3)
    year = int(cols[0].number_input("年份", min_value=1901, max_value=2099, value=clock.local_today().year, step=1,
                                    key="evt_fest_year"))
    scope = cols[1].radio("范围", ["point", "district"], format_func={"point": "诵读点", "district": "区县"}.get,
                          horizontal=True, key="evt_fest_scope")
    if scope == "point":
        point = cols[2].selectbox("诵读点", [0, *point_names], format_func=lambda i: point_names.get(i, "请选择"),
                                  key="evt_fest_point") or None
        return year, point, None
    return year, None, district_picker("区县", key="evt_fest_district", container=cols[2], none_label="请选择区县")


def _row(row: dict, override: bool, session: Session) -> None:
    cols = st.columns([2, 4, 2, 1, 1])
    cols[0].markdown(row["when"])
    titles = text_titles()
    cols[1].markdown(f"**{row['title']}**  \n" + "、".join(titles.get(t, t) for t in row["texts"]))
    cols[2].markdown(row["status_label"])
    if row["status"] != "confirmed" and cols[3].button("确认", key=f"evt_fest_accept_{row['id']}"):
        with domain_errors("未能确认："):
            festival_events.accept_suggestion(row["id"], override=override, session=session)
            _saved(f"已确认“{row['title']}”。")
    if row["status"] == "suggested" and cols[4].button("放弃", key=f"evt_fest_drop_{row['id']}"):
        with domain_errors("未能放弃："):
            festival_events.drop_suggestion(row["id"], session=session)
            flash_and_rerun(FLASH, f"已放弃“{row['title']}”。")


def _edit_form(pending: dict[int, dict], override: bool, session: Session) -> None:
    st.markdown("**修改后确认**")
    titles = {i: r["title"] for i, r in pending.items()}
    pick = st.selectbox("节日活动", list(pending), format_func=lambda i: titles.get(i, f"#{i}"), key="evt_fest_pick")
    if st.session_state.get("evt_fest_loaded") != pick:
        # fill the form from the picked suggestion (fixed keys ignore ``value=`` after the first run)
        row = pending[pick]
        st.session_state.update({
            "evt_fest_loaded": pick, "evt_fest_title": row["title"], "evt_fest_day": row["start"].date(),
            "evt_fest_time": row["start"].time(), "evt_fest_minutes": row["duration_minutes"],
            "evt_fest_texts": row["texts"] if text_titles() else "，".join(row["texts"]),
        })
    with st.form("evt_fest_edit_form"):
        cols = st.columns(4)
        title = cols[0].text_input("名称", key="evt_fest_title")
        day = cols[1].date_input("日期", key="evt_fest_day")
        start_time = cols[2].time_input("开始时间", key="evt_fest_time")
        minutes = cols[3].number_input("时长（分钟）", min_value=5, step=5, key="evt_fest_minutes")
        texts = texts_picker("诵读篇目", "evt_fest_texts", current=pending[pick]["texts"])
        if st.form_submit_button("修改并确认", key="evt_fest_edit_submit"):
            with domain_errors("未能保存："):
                festival_events.accept_suggestion(pick, title=title or None, day=day, start_time=start_time,
                                                  duration_minutes=int(minutes), texts=list(texts),
                                                  override=override, session=session)
                _saved(f"已修改并确认“{title or pending[pick]['title']}”。")


def render(*, session: Session, point_names: dict[int, str]) -> None:
    st.markdown("按节日日历为一个诵读点或一个区县生成全年的节日诵读活动建议，可全部确认，也可逐条确认、修改或放弃。"
                "建议时间：中秋、元宵、七夕、除夕在晚上，周末和节假日在上午 9:00，工作日在晚上 19:00。")
    year, point_id, district = _place(point_names)
    if st.button("生成全年节日活动", key="evt_fest_generate"):
        with domain_errors("未能生成："):
            made = festival_events.suggest_festival_events(year, point_id=point_id, district=district,
                                                           session=session)
            flash_and_rerun(FLASH, f"已生成 {year} 年节日活动建议 {len(made)} 条，请逐条确认。")
    if not (point_id or district):
        return
    suggestions = festival_events.festival_event_rows(year, point_id=point_id, district=district, session=session)
    override = st.checkbox("确认时忽略提醒事项（如超出开放时间）", key="evt_fest_override")
    waiting = [r["id"] for r in suggestions if r["status"] == "suggested"]
    if waiting and st.button(f"全部确认（{len(waiting)} 条）", key="evt_fest_confirm_all", type="primary"):
        confirmed, refused = festival_events.accept_all(waiting, override=override, session=session)
        titles = {r["id"]: r["title"] for r in suggestions}
        message = f"已确认 {len(confirmed)} 条节日活动。"
        if refused:
            # The refused ones stay suggested; the leader sees why and can fix them one by one below.
            message += "未能确认：" + "；".join(f"“{titles[i]}”：{why}" for i, why in refused.items())
        _saved(message, "warning" if refused else "success")
    for row in suggestions:
        _row(row, override, session)
    pending = {r["id"]: r for r in suggestions if r["status"] == "suggested"}
    if pending:
        _edit_form(pending, override, session)
