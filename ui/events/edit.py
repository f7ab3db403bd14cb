"""The 修改 panel: edit this one occurrence, edit the whole series from here on, or stop the series.

The forms start from the values ``ui.events.month`` put into
``st.session_state`` when the occurrence was picked. Moving or cancelling
dates changes shifts, so every save clears the cached reminder count.
"""

from __future__ import annotations

import streamlit as st
from sqlmodel import Session

from curriculum.community.events import occurrences, series
from curriculum.stages import STAGE_LABELS
from curriculum.vocab import INTEGRATIONS, SPHERES, WEEKDAY_LABELS
from ui.events import FLASH
from ui.state import clear_reminders
from ui.widgets import domain_errors, flash_and_rerun, texts_picker


def _saved(message: str) -> None:
    clear_reminders()
    flash_and_rerun(FLASH, message)


def _occurrence_form(occ_id: int, session: Session) -> None:
    with st.form("evt_occ_form"):
        st.markdown("**只修改这一场**（修改后成为单独调整的一场，整个系列修改时保留不变）")
        cols = st.columns(3)
        day = cols[0].date_input("日期", key="evt_occ_day")
        start_time = cols[1].time_input("开始时间", key="evt_occ_time")
        title = cols[2].text_input("本场名称", key="evt_occ_title")
        cols = st.columns(2)
        cancel = cols[0].checkbox("取消这一场", key="evt_occ_cancel")
        override = cols[1].checkbox("仍然保存（忽略提醒事项）", key="evt_occ_override")
        if st.form_submit_button("保存这一场", key="evt_occ_submit"):
            with domain_errors("未能保存："):
                occurrences.update_occurrence(occ_id, day=day, start_time=start_time, title=title, cancelled=cancel,
                                            override=override, session=session)
                _saved("已保存这一场的修改。")


def _series_fields(point_names: dict[int, str], current_texts: list[str]) -> dict:
    """The series form's widgets; returns ``edit_series_from_form``'s keyword arguments."""
    fields = {"title": st.text_input("系列名称", key="evt_series_title")}
    cols = st.columns(4)
    fields["start_time"] = cols[0].time_input("开始时间", key="evt_series_start_time")
    fields["duration_minutes"] = int(cols[1].number_input("时长（分钟）", min_value=5, step=5,
                                                          key="evt_series_duration_minutes"))
    fields["repeat_days"] = tuple(cols[2].multiselect("每周重复", list(range(7)),
                                                      format_func=WEEKDAY_LABELS.__getitem__,
                                                      key="evt_series_repeat_days"))
    fields["until"] = cols[3].date_input("重复至（含当天）", key="evt_series_until")
    cols = st.columns(4)
    fields["point_id"] = cols[0].selectbox("诵读点", [None, *point_names],
                                           format_func=lambda i: point_names.get(i, "（不指定诵读点）"),
                                           key="evt_series_point_id")
    fields["capacity"] = int(cols[1].number_input("名额（0 为不限）", min_value=0, step=5, key="evt_series_capacity"))
    fields["integration"] = cols[2].selectbox("融合方向", list(INTEGRATIONS), format_func=INTEGRATIONS.get,
                                              key="evt_series_integration")
    fields["sphere"] = cols[3].selectbox("领域", list(SPHERES), format_func=SPHERES.get, key="evt_series_sphere")
    fields["stages"] = tuple(st.multiselect("面向学段", list(STAGE_LABELS), format_func=STAGE_LABELS.get,
                                            key="evt_series_stages"))
    fields["texts"] = tuple(texts_picker("诵读篇目", "evt_series_texts", current=current_texts))
    fields["description"] = st.text_area("说明", key="evt_series_description")
    return fields


def _series_form(detail: dict, point_names: dict[int, str], session: Session) -> None:
    with st.form("evt_series_form"):
        st.markdown("**修改整个系列**（从本场起的各场按新安排重新生成，已单独调整的场次保留；"
                    "不再安排的日期若已有报名或排班，会先提醒）")
        fields = _series_fields(point_names, detail["texts"])
        override = st.checkbox("仍然保存（忽略提醒事项，包括删除有报名或排班的场次）", key="evt_series_override")
        if st.form_submit_button("保存整个系列", key="evt_series_submit"):
            with domain_errors("未能保存："):
                series.edit_series_from_form(detail["event_id"], from_time=detail["start"], override=override,
                                             session=session, **fields)
                _saved("已修改整个系列。")


def _stop_form(event_id: int, session: Session) -> None:
    with st.form("evt_stop_form"):
        st.markdown("**停止此系列**：从所选日期起的各场全部取消（报名、排班和出勤记录保留，日历订阅会收到取消）")
        cols = st.columns([2, 1])
        stop_day = cols[0].date_input("从哪天起取消", key="evt_stop_day")
        if cols[1].form_submit_button("停止此系列（从某日起取消）", key="evt_stop_submit"):
            with domain_errors("未能停止："):
                stopped = series.stop_series(event_id, stop_day, session=session)
                _saved(f"已停止系列：{stop_day.month}月{stop_day.day}日起共取消 {stopped} 场。")


def render(detail: dict, point_names: dict[int, str], *, session: Session) -> None:
    _occurrence_form(detail["occurrence_id"], session)
    if detail["recurring"]:
        _series_form(detail, point_names, session)
        _stop_form(detail["event_id"], session)
