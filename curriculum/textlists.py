"""Lists as people type them and as list columns store them.

People type lists with any Chinese or Latin separator (``，`` ``、`` ``,``);
list columns (texts, stages, skills, resources) store them comma-joined, in
order, without blanks or repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SEPARATORS = re.compile(r"[,，、]")


def split_list(text: str | None) -> list[str]:
    """``"dizigui，sanzijing、 lunyu"`` → ``["dizigui", "sanzijing", "lunyu"]``."""
    return [s for s in (part.strip() for part in _SEPARATORS.split(text or "")) if s]


def join_list(items: Iterable[str]) -> str:
    """The stored form: comma-joined, stripped, first occurrence kept."""
    return ",".join(dict.fromkeys(s.strip() for s in items if s and s.strip()))
