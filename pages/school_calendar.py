"""校历 page (under construction)."""

import streamlit as st

st.title("校历")
st.info("此页面正在建设中。")
