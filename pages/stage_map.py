"""学段图谱 page (under construction)."""

import streamlit as st

st.title("学段图谱")
st.info("此页面正在建设中。")
