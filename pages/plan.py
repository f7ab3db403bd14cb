"""教学计划 page (under construction)."""

import streamlit as st

st.title("教学计划")
st.info("此页面正在建设中。")
