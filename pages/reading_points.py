"""诵读点 page (under construction)."""

import streamlit as st

st.title("诵读点")
st.info("此页面正在建设中。")
