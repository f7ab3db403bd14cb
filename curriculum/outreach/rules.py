"""Checks shared by training and online records: catalog text ids, the owner, reporting every problem at once.

Services collect every problem of an input before raising, so a form shows
all of them in one message instead of making the user fix them one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlmodel import Session

from curriculum.catalog.schema import ID_PATTERN
from curriculum.districts import require_district
from curriculum.errors import DomainError, get_or_raise
from curriculum.models.calendar import School
from curriculum.outreach import OutreachError

_ID_RE = re.compile(ID_PATTERN)


def is_text_id(value: str) -> bool:
    """Whether ``value`` has the form of a catalog text id (the catalog itself is not consulted)."""
    return bool(_ID_RE.match(value))


def clean_texts(texts: Iterable[str], errors: list[DomainError]) -> list[str]:
    """Text ids stripped and de-duplicated in order; ids of the wrong form are reported in ``errors``."""
    cleaned = [t.strip() for t in texts if t and t.strip()]
    bad = [t for t in cleaned if not is_text_id(t)]
    if bad:
        errors.append(OutreachError(f"经典篇目编号格式不对：{'、'.join(bad)}（应为书目中的英文编号）", "texts"))
    return list(dict.fromkeys(cleaned))


def raise_all(errors: list[DomainError]) -> None:
    """Raise nothing for no problems, the problem itself for one, else one error naming them all.

    The combined error points at the first problem's field, where a form
    would put the cursor first.
    """
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise OutreachError("；".join(e.message for e in errors), errors[0].field)


def owner(data: Any, *, session: Session) -> dict[str, Any]:
    """The programme's owner checked: a listed district and an existing school, or neither (the city)."""
    district = require_district(data.district, session=session)
    if data.school_id is not None:
        get_or_raise(session, School, data.school_id, what="学校", field="school_id")
    return {"district": district, "school_id": data.school_id}
