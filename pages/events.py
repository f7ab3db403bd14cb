"""活动日历 — month / week calendar of community events, event detail, new events, festival events, exports.

Thin page over ``curriculum.community``: the reminder list (shifts short of
people within 48 hours) comes first; conflicts are checked by the domain
before anything is saved and shown here in Chinese — hard ones as errors,
soft ones as warnings the leader may override with “仍然保存”. Each tab is a
module of ``ui.events``.
"""

from __future__ import annotations

import streamlit as st

from curriculum.community import views
from curriculum.community.people import list_people
from curriculum.community.points import list_points
from curriculum.community.reminders import current_reminders
from ui.events import FLASH, exports, festivals, month, new_event
from ui.state import db_session
from ui.widgets import show_flash

st.title("活动日历")
st.caption("社区诵读点的周末公益诵读、暑期公益晨读和节日活动：排期、报名、志愿排班与出勤。")
show_flash(FLASH)

with db_session() as session:
    reminders = current_reminders(session=session)  # local (Asia/Shanghai) clock, like the sidebar
    if reminders:
        st.warning(f"提醒：48 小时内有 {len(reminders)} 个志愿岗位人手不足。\n\n"
                   + "\n".join(f"- {r.message}" for r in reminders))

    point_names = {p.id: p.name for p in list_points(session=session)}
    people = list_people(session=session)
    person_names = {p.id: views.person_label(p) for p in people}
    plain_names = {p.id: p.name for p in people}

    # Keyed and tracked, so after any action (a saved form, generated suggestions) the page reruns on the tab
    # the leader was on, where the result is shown, instead of snapping back to the first tab.
    tab_cal, tab_new, tab_fest, tab_export = st.tabs(["日历", "新建活动", "节日活动", "导出与排班表"], key="evt_tab",
                                                     on_change="rerun")
    with tab_cal:
        month.render(session=session, point_names=point_names, person_names=person_names)
    with tab_new:
        new_event.render(session=session, point_names=point_names)
    with tab_fest:
        festivals.render(session=session, point_names=point_names)
    with tab_export:
        exports.render(session=session, point_names=point_names, person_names=person_names, plain_names=plain_names)
