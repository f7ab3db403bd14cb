"""One error family for the whole core: every refusal a user can cause is a ``DomainError``.

A ``DomainError`` carries a Chinese message fit to show as it is, and — when
the problem is one field of the input — the name of that field, so a form can
put the message next to the widget and the CLI can say which option was
wrong. Pages and the CLI catch ``DomainError`` alone; anything else is a bug.

``NotFound`` is the one "no such record" error, raised by ``get_or_raise``,
the one way a service reads a row by id.
"""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session, SQLModel

Row = TypeVar("Row", bound=SQLModel)


class DomainError(ValueError):
    """Invalid input or a refused action; ``str(err)`` is the Chinese message, ``field`` names the field."""

    def __init__(self, message: str, field: str = ""):
        self.message = message
        self.field = field
        super().__init__(message)


class NotFound(DomainError):
    """The record asked for does not exist (any more)."""


def get_or_raise(session: Session, model: type[Row], row_id: int | None, *, what: str, field: str = "id") -> Row:
    """Read ``model`` row ``row_id`` or raise ``NotFound`` saying, in Chinese, which ``what`` is missing.

    ``what`` is the record's Chinese name (“班级”, “活动”); ``field`` the input
    that carried the id, so a form can point at it.
    """
    row = session.get(model, row_id) if row_id is not None else None
    if row is None:
        raise NotFound(f"{what}（编号 {row_id}）不存在", field=field)
    return row
