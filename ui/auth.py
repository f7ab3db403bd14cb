"""Sign-in for the app: the sign-in page, the signed-in user of this browser session, sign-out.

The user is kept in ``st.session_state`` as plain data (``CurrentUser``) with
the time of sign-in, and expires after ``Settings.session_hours``. Passwords
are checked by ``curriculum.accounts.service.authenticate`` (argon2, slowed
down per account and address) and never stored or logged here. Demo accounts
are listed on the page only while demo data is present.

Limitations: roles are not yet enforced by every core function (the accounts
issue goes on); today sign-in decides who may open the app at all.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from curriculum.accounts.service import CurrentUser, SignInRefused, authenticate, find_account
from curriculum.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from curriculum.settings import Settings
from curriculum.vocab import ACCOUNT_ROLES
from ui.state import db_session

_USER = "auth_user"
_SINCE = "auth_since"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def current_user() -> CurrentUser | None:
    """The signed-in user of this browser session, or ``None`` (never signed in, signed out, or expired)."""
    user, since = st.session_state.get(_USER), st.session_state.get(_SINCE)
    if user is None or since is None:
        return None
    if _now() - since > dt.timedelta(hours=Settings().session_hours):
        sign_out()
        return None
    return user


def sign_out() -> None:
    st.session_state.pop(_USER, None)
    st.session_state.pop(_SINCE, None)


def _address() -> str:
    try:
        address = st.context.ip_address
    except (AttributeError, RuntimeError):  # bare runs have no request
        return ""
    return address if isinstance(address, str) else ""  # AppTest gives a stand-in object


def _demo_accounts_present() -> bool:
    with db_session() as session:
        return find_account(DEMO_ACCOUNTS[0][0], session=session) is not None


def sign_in_page() -> None:
    """The only page a visitor sees until signed in."""
    st.title("登录")
    st.caption("经典诵读规划：请用管理员为您开设的账号登录。")
    with st.form("auth_form"):
        username = st.text_input("用户名", key="auth_username", max_chars=40)
        password = st.text_input("密码", type="password", key="auth_password", max_chars=200)
        submitted = st.form_submit_button("登录", key="auth_submit", type="primary")
    if submitted:
        try:
            with db_session() as session:
                user = authenticate(username, password, session=session, address=_address())
        except SignInRefused as err:
            st.error(str(err))
        else:
            st.session_state[_USER] = user
            st.session_state[_SINCE] = _now()
            st.rerun()
    if _demo_accounts_present():
        with st.expander("演示账号（仅演示数据中有）"):
            st.markdown("\n".join(f"- `{name}`：{ACCOUNT_ROLES[role]}" for name, _label, role, _scope in DEMO_ACCOUNTS))
            st.caption(f"密码均为 {DEMO_PASSWORD}")


def sidebar_user(user: CurrentUser) -> None:
    """Who is signed in, with what roles, and the sign-out button."""
    roles = "、".join(g.label for g in user.grants) or "无角色"
    st.caption(f"已登录：{user.display_name}（{roles}）")
    # A callback runs before the next script run, so that run already shows the sign-in page.
    st.button("退出登录", key="auth_sign_out", on_click=sign_out)
