"""阅读 page (under construction)."""

import streamlit as st

st.title("阅读")
st.info("此页面正在建设中。")
