"""数据看板 page (under construction)."""

import streamlit as st

st.title("数据看板")
st.info("此页面正在建设中。")
