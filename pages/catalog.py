"""经典书目 page (under construction)."""

import streamlit as st

st.title("经典书目")
st.info("此页面正在建设中。")
