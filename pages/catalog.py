"""经典书目 — search and filter the catalog, a card per text, open a text in the reader."""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAPIException

from curriculum.catalog.browse import facet_options, filter_texts, shouze_label, text_card
from curriculum.stages import STAGE_LABELS
from curriculum.vocab import CATEGORIES, FESTIVALS
from ui.state import require_catalog

CATEGORY_BADGE_COLORS = {"traditional": "orange", "revolutionary": "red", "socialist": "blue"}


def _open_in_reader(text_id: str) -> None:
    st.session_state["reader_text_id"] = text_id
    try:
        st.switch_page("pages/reader.py")
    except StreamlitAPIException:
        # Only when this page runs on its own, outside the router: there is no page to switch to.
        st.info("已选好这篇，请在左侧导航打开“阅读”页面。")


st.title("经典书目")
catalog = require_catalog()
options = facet_options(catalog)

query = st.text_input(
    "搜索",
    key="cat_query",
    placeholder="篇名、作者或一句原文，如：学而时习之（繁体也可以）",
)
row1 = st.columns(3)
stages = row1[0].multiselect("学段", options.stages, format_func=STAGE_LABELS.get, key="cat_stages",
                             placeholder="全部学段")
categories = row1[1].multiselect("类别", options.categories, format_func=CATEGORIES.get, key="cat_categories",
                                 placeholder="全部类别")
themes = row1[2].multiselect("主题", options.themes, key="cat_themes", placeholder="全部主题")
row2 = st.columns(2)
festivals = row2[0].multiselect("节日", options.festivals, format_func=FESTIVALS.get, key="cat_festivals",
                                placeholder="全部节日")
shouze = row2[1].multiselect("《中小学生守则》条目", options.shouze, format_func=shouze_label, key="cat_shouze",
                             placeholder="全部条目")

results = filter_texts(
    catalog, query=query, stages=stages, categories=categories, themes=themes, festivals=festivals, shouze=shouze
)
st.markdown(f"**找到 {len(results)} 篇**（书目共 {len(catalog.texts)} 篇）")
if not results:
    st.info("没有符合条件的篇目。试试减少筛选条件，或换一个关键词。")

columns = st.columns(3)
for index, entry in enumerate(results):
    card = text_card(entry)
    with columns[index % 3].container(border=True, key=f"cat_card_{card.id}"):
        st.subheader(card.title, anchor=False)
        badge = CATEGORY_BADGE_COLORS.get(card.category, "gray")
        st.markdown(f":gray[{card.byline}]　:{badge}-badge[{card.category_label}]")
        st.markdown(f"**学段**：{card.stage_line}  \n"
                    f"**{card.characters:,}** 字 · **{card.passages}** 段 · **{card.sections}** 节")
        st.caption("诵读时间（每天 30 分钟）：" + card.reading_time_line)
        if card.tags_line:
            st.caption(card.tags_line)
        if st.button("阅读", key=f"cat_read_{card.id}", icon=":material/chrome_reader_mode:"):
            _open_in_reader(card.id)
