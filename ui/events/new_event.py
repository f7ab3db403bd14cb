"""The 新建活动 tab: a one-off or weekly event with its shifts, checked for conflicts before it is saved."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlmodel import Session

from curriculum import clock
from curriculum.community import views
from curriculum.community.events.drafts import ShiftSpec, make_draft
from curriculum.community.events.records import occurrences_of
from curriculum.community.events.series import create_event
from curriculum.community.pairings import list_pairings
from curriculum.stages import STAGE_LABELS
from curriculum.vocab import INTEGRATIONS, SPHERES, WEEKDAY_LABELS
from ui.events import FLASH
from ui.state import clear_reminders, db_session, text_titles
from ui.widgets import domain_errors, flash_and_rerun, texts_picker


def _when_and_where(point_names: dict[int, str]) -> dict:
    cols = st.columns(4)
    fields = {
        "point_id": cols[0].selectbox("诵读点", list(point_names), format_func=point_names.get, key="evt_new_point"),
        "day": cols[1].date_input("日期（重复活动填第一天）", value=clock.local_today(), key="evt_new_day"),
        "start_time": cols[2].time_input("开始时间", value=dt.time(9, 0), key="evt_new_time"),
        "duration_minutes": int(cols[3].number_input("时长（分钟）", min_value=5, step=5, value=60,
                                                     key="evt_new_minutes")),
    }
    cols = st.columns(2)
    fields["repeat_days"] = tuple(cols[0].multiselect("每周重复（不选则为单次活动）", list(range(7)),
                                                      format_func=WEEKDAY_LABELS.__getitem__, key="evt_new_repeat"))
    fields["until"] = cols[1].date_input("重复至（含当天）", value=None, key="evt_new_until")
    return fields


def _what_and_who(pairings: dict[int, str]) -> dict:
    cols = st.columns(3)
    fields = {
        "integration": cols[0].selectbox("融合方向", list(INTEGRATIONS), index=1, format_func=INTEGRATIONS.get,
                                         key="evt_new_integration"),
        "sphere": cols[1].selectbox("领域", list(SPHERES), index=2, format_func=SPHERES.get, key="evt_new_sphere"),
        "capacity": int(cols[2].number_input("名额（0 为不限）", min_value=0, step=5, value=30,
                                             key="evt_new_capacity")),
        "stages": tuple(st.multiselect("面向学段", list(STAGE_LABELS), format_func=STAGE_LABELS.get,
                                       key="evt_new_stages")),
        "texts": tuple(texts_picker("诵读篇目", "evt_new_texts")),
    }
    cols = st.columns(3)
    leaders = int(cols[0].number_input("领读岗位人数", min_value=0, step=1, value=1, key="evt_new_leaders"))
    helpers = int(cols[1].number_input("签到引导岗位人数", min_value=0, step=1, value=1, key="evt_new_helpers"))
    fields["shifts"] = [ShiftSpec(task, n) for task, n in (("领读", leaders), ("签到引导", helpers)) if n]
    fields["pairing_id"] = cols[2].selectbox("结对子联合活动", [0, *pairings],
                                             format_func=lambda i: pairings.get(i, "（无）"),
                                             key="evt_new_pairing") or None
    fields["description"] = st.text_area("说明", key="evt_new_desc")
    return fields


def _copy_into_form(event_id: int) -> None:
    """Fill the form from an event (a callback: it runs before the form's widgets exist, so it may set them)."""
    with db_session() as session:  # a fresh one: the page run that drew the button has closed its session
        fields = views.copy_form(event_id, clock.local_today(), session=session)
    if not text_titles():
        fields["texts"] = "，".join(fields["texts"])  # the picker is a text box without the catalog
    st.session_state.update({f"evt_new_{k}": v for k, v in fields.items()})
    st.session_state[f"{FLASH}_flash"] = ("info", f"已复制“{fields['title']}”，请确认日期后保存。")


def _copy_picker(session: Session) -> None:
    events = views.copyable_events(session=session)
    if not events:
        return
    cols = st.columns([3, 1], vertical_alignment="bottom")
    picked = cols[0].selectbox("从已有活动复制（日期改为下一个同一星期几）", list(events), format_func=events.get,
                               key="evt_copy_pick")
    cols[1].button("复制到下方表单", key="evt_copy_submit", on_click=_copy_into_form, args=(picked,))


def render(*, session: Session, point_names: dict[int, str]) -> None:
    if not point_names:
        st.info("请先在“诵读点”页面新建诵读点。")
        return
    _copy_picker(session)
    pairings = {p.id: f"{p.partner_name} ↔ {p.target_name}" for p in list_pairings(session=session)}
    with st.form("evt_new_form"):
        title = st.text_input("活动名称", key="evt_new_title", placeholder="如：周末公益诵读")
        fields = {**_when_and_where(point_names), **_what_and_who(pairings)}
        override = st.checkbox("仍然保存（忽略超出开放时间等提醒事项）", key="evt_new_override")
        if st.form_submit_button("检查并保存", key="evt_new_submit"):
            with domain_errors("未能保存："):
                created = create_event(make_draft(title, **fields), override=override, session=session)
                count = len(occurrences_of(created.id, session=session))
                clear_reminders()  # new shifts may be short within 48 hours
                flash_and_rerun(FLASH, f"已创建活动“{created.title}”，共 {count} 场。")
