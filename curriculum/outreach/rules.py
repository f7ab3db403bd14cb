"""Checks shared by training and online records: catalog text ids, the owner, reporting every problem at once.

Input is built with ``checked`` (the ``*Create`` model holds the field rules),
which — unlike ``errors.validated``, which names the first — names every
field the model refuses; services then collect every problem the database
finds. Either way a form shows all of them in one message instead of making
the user fix them one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlmodel import Session

from curriculum.catalog.schema import ID_PATTERN
from curriculum.districts import require_district
from curriculum.errors import DomainError, from_validation_error, get_or_raise
from curriculum.models.calendar import School
from curriculum.outreach import OutreachError

_ID_RE = re.compile(ID_PATTERN)

M = TypeVar("M", bound=BaseModel)


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


def _problem(exc: ValidationError, line: Any, labels: Mapping[str, str]) -> DomainError:
    """One line of ``exc`` as an ``OutreachError``; a rule about several fields names its field itself."""
    details = {key: line[key] for key in ("type", "loc", "input", "ctx") if key in line}
    err = from_validation_error(ValidationError.from_exception_data(exc.title, [details]), labels=labels,
                                error=OutreachError)
    cause = (line.get("ctx") or {}).get("error")
    if not err.field and isinstance(cause, DomainError):
        err.field = cause.field
    return err


def checked(model: type[M], *, labels: Mapping[str, str] | None = None, **fields: Any) -> M:
    """``model(**fields)``, or one ``OutreachError`` naming every field the model refuses, in Chinese."""
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        raise_all([_problem(exc, line, labels or {}) for line in exc.errors()])
        raise  # unreachable: a ValidationError has at least one line


def owner(data: Any, *, session: Session) -> dict[str, Any]:
    """The programme's owner checked: a listed district and an existing school, or neither (the city)."""
    district = require_district(data.district, session=session)
    if data.school_id is not None:
        get_or_raise(session, School, data.school_id, what="学校", field="school_id")
    return {"district": district, "school_id": data.school_id}
