"""云上读经典 page (under construction)."""

import streamlit as st

st.title("云上读经典")
st.info("此页面正在建设中。")
