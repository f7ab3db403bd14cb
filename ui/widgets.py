"""Page patterns written once: text pickers, flash-then-rerun, valid selections, errors shown in Chinese.

Each helper is what several pages did by hand. They read and write
``st.session_state`` under keys the caller passes, so two pages never share
state by accident.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import streamlit as st

from curriculum.community.conflicts import ConflictError, summarize
from curriculum.errors import DomainError
from curriculum.textlists import split_list
from ui.state import districts, text_titles

_FLASH_KINDS = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}


def flash_and_rerun(key: str, message: str, kind: str = "success") -> None:
    """Rerun the page (so pickers and tables include the change) and show ``message`` on the next run."""
    st.session_state[f"{key}_flash"] = (kind, message)
    st.rerun()


def show_flash(key: str) -> None:
    """Show the message left by ``flash_and_rerun`` for ``key``, once."""
    flashed = st.session_state.pop(f"{key}_flash", None)
    if flashed:
        kind, message = flashed
        _FLASH_KINDS.get(kind, st.info)(message)


def keep_valid(key: str, valid: Sequence[Any], default: Any = None) -> None:
    """Reset ``st.session_state[key]`` to ``default`` (or the first valid value) when it is no longer valid."""
    if st.session_state.get(key) not in valid:
        st.session_state[key] = default if default is not None else (valid[0] if valid else None)


def texts_picker(label: str, key: str, *, current: Iterable[str] = ()) -> list[str]:
    """Catalog texts chosen by title; typed ids when the catalog cannot be read.

    Ids already on a record (``current``) stay selectable even when the
    catalog no longer lists them, so editing a record never drops them silently.
    """
    titles = text_titles()
    if titles:
        options = list(dict.fromkeys([*titles, *current]))
        return st.multiselect(label, options, format_func=lambda t: titles.get(t, t), key=key)
    typed = st.text_input(f"{label}（篇目编号，用逗号分隔）", key=key)
    return split_list(typed)


def show_conflicts(err: ConflictError) -> None:
    """Every conflict in Chinese, and whether confirming would save."""
    for severity, message in summarize(err.conflicts):
        (st.error if severity == "error" else st.warning)(message)
    if err.overridable:
        st.warning("以上为提醒事项，尚未保存。如确认无误，请勾选“仍然保存”后再次提交。")
    else:
        st.error("存在冲突，未保存。请调整时间、地点或人员后再试。")


@contextmanager
def domain_errors(prefix: str = "") -> Iterator[None]:
    """Show a refused action in Chinese instead of a traceback; nothing after the failing call runs.

    ``with domain_errors("未能保存："): save(...)`` — conflicts are listed one
    by one, any other ``DomainError`` as one message.
    """
    try:
        yield
    except ConflictError as err:
        show_conflicts(err)
    except DomainError as err:
        st.error(f"{prefix}{err}")


def prepared(key: str, inputs: Hashable, label: str, build: Callable[[], Any], *, icon: str | None = None,
             spinner: str = "正在生成文件…") -> Any:
    """A slow result built when the user asks for it, then kept for the session while ``inputs`` stay the same.

    Shows the button ``label`` until it is clicked; then builds under a
    spinner (the user sees progress, not a frozen page) and returns the value
    on this and every later run, until ``inputs`` (what the result depends on)
    change. Returns ``None`` while nothing is built.
    """
    store = f"{key}_built"
    held = st.session_state.get(store)
    if held is not None and held[0] == inputs:
        return held[1]
    if not st.button(label, key=f"{key}_prepare", icon=icon):
        return None
    with st.spinner(spinner):
        value = build()
    st.session_state[store] = (inputs, value)
    return value


def download(label: str, data: bytes | Callable[[], bytes], file_name: str, mime: str, *, key: str,
             icon: str | None = None, inputs: Hashable = None, prepare: str | None = None) -> None:
    """A download button that works click after click.

    ``data`` is the file, or a callable that builds it. Streamlit's deferred
    callables fail on a second click (``MediaFileStorageError: Deferred file
    … not found``), so a callable is called here, before the button: its bytes
    are kept in ``st.session_state`` while ``inputs`` (what the file depends
    on) stay the same, or rebuilt on every run when ``inputs`` is ``None``.
    With ``prepare`` (a label such as "生成 PDF"), a slow file is built only
    when that button is clicked, under a spinner; ``inputs`` is then required.
    """
    if callable(data):
        if prepare is not None:
            if inputs is None:
                raise ValueError("download(prepare=…) needs inputs: what the file depends on")
            data = prepared(key, inputs, prepare, data, icon=icon, spinner=f"正在生成 {file_name} …")
            if data is None:
                return
        elif inputs is not None:
            store = f"{key}_built"
            held = st.session_state.get(store)
            if held is None or held[0] != inputs:
                held = (inputs, data())
                st.session_state[store] = held
            data = held[1]
        else:
            data = data()
    st.download_button(label, data, file_name=file_name, mime=mime, key=key, on_click="ignore", icon=icon)


def chart(fig: Any, *, key: str) -> None:
    """A plotly figure without plotly's mode bar, whose tooltips ("Zoom", "Pan" …) are English and cannot be set."""
    from curriculum.charts.locale import PLOTLY_CONFIG

    st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG)


NO_DISTRICT = "（不指定）"


def district_picker(label: str, key: str, *, container: Any = None, none_label: str = NO_DISTRICT) -> str | None:
    """A district from the city's list (``classics district add``), or ``None``; never free text, so no typo."""
    options = [None, *districts()]
    where = container if container is not None else st
    return where.selectbox(label, options, format_func=lambda d: none_label if d is None else d, key=key)
