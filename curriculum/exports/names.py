"""Download file names: Chinese, recognisable when printed or saved, safe on every file system.

Every page and export that offers a file asks here for its name, so the rules
(characters file systems refuse dropped, the “-注音” mark, the fallback
``下载``) live once.
"""

from __future__ import annotations

from curriculum.catalog.schema import TextEntry

# Characters Windows, macOS or a zip tool refuse (or misread) in a file name,
# plus the middle dot of titles such as 满江红·怒发冲冠.
_UNSAFE = '\\/:*?"<>|·'


def download_name(entry: TextEntry, *, pinyin: bool, suffix: str) -> str:
    """``论语-注音.pdf`` / ``静夜思.html`` — the title, so the file is recognisable when printed."""
    safe = "".join(ch for ch in entry.title if ch not in _UNSAFE).strip() or entry.id
    return f"{safe}{'-注音' if pinyin else ''}.{suffix}"


def plain_download_name(*parts: str, suffix: str) -> str:
    """``一年级（2）班-秋季学期计划.ics`` — Chinese parts joined by “-”, characters file systems refuse dropped.

    Empty parts are left out; with nothing left the name is ``下载.<suffix>``.
    """
    cleaned = ["".join(ch for ch in str(p) if ch not in _UNSAFE + "\n\r\t").strip() for p in parts]
    stem = "-".join(p for p in cleaned if p) or "下载"
    return f"{stem}.{suffix}"
