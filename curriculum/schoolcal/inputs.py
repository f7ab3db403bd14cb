"""Build a validated ``XCreate`` model from loose input, or raise the area's ``DomainError`` in Chinese.

The ``XCreate`` models hold the pure rules (a term does not end before it
starts, a make-up day is one day …), but pydantic reports a broken rule as a
``ValidationError`` with an English frame around it. Pages and the CLI catch
``DomainError`` only, so every caller that turns typed input into a model goes
through ``validated``: the first problem becomes the area's error, its message
in Chinese, its ``field`` the input that was wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from curriculum.errors import DomainError

M = TypeVar("M", bound=BaseModel)

# Chinese for the constraint errors the Create models can raise; a validator's own
# ValueError already carries a Chinese message and is used as it is.
_TEMPLATES = {
    "string_too_short": "{label}：不能为空",
    "string_too_long": "{label}：最多 {max_length} 个字，现在 {length} 个",
    "greater_than_equal": "{label}：{input} 太小，不能小于 {ge}",
    "less_than_equal": "{label}：{input} 太大，不能大于 {le}",
    "missing": "{label}：必须填写",
}


def _message(error: Mapping[str, Any], label: str) -> str:
    ctx = error.get("ctx") or {}
    if isinstance(ctx.get("error"), Exception):
        return str(ctx["error"])
    template = _TEMPLATES.get(error["type"])
    if template is None:
        return f"{label}：{error['msg']}"
    value = error.get("input")
    return template.format(label=label, input=value, length=len(value) if isinstance(value, str) else 0, **ctx)


def validated(model: type[M], error: type[DomainError] = DomainError, *, labels: Mapping[str, str] | None = None,
              **fields: Any) -> M:
    """``model(**fields)``, or ``error`` naming the first field that is wrong (``labels``: field → Chinese name)."""
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        raise error(_message(first, (labels or {}).get(field, field)), field=field) from None
