"""师资培训 page (under construction)."""

import streamlit as st

st.title("师资培训")
st.info("此页面正在建设中。")
