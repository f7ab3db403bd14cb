"""One error family for the whole core: every refusal a user can cause is a ``DomainError``.

A ``DomainError`` carries a Chinese message fit to show as it is, and — when
the problem is one field of the input — the name of that field, so a form can
put the message next to the widget and the CLI can say which option was
wrong. Pages and the CLI catch ``DomainError`` alone; anything else is a bug.

``NotFound`` is the one "no such record" error, raised by ``get_or_raise``,
the one way a service reads a row by id.

``validated`` builds an ``XCreate`` from loose input and turns pydantic's
``ValidationError`` (an English frame around the problem) into a
``DomainError`` in Chinese naming the field; ``from_validation_error`` does the
same for an error caught elsewhere, so pages and the CLI never show pydantic's
English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlmodel import Session, SQLModel

Row = TypeVar("Row", bound=SQLModel)
M = TypeVar("M", bound=BaseModel)


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


# Chinese for the constraint errors the Create models can raise; a validator's own
# ValueError already carries a Chinese message and is used as it is.
_TEMPLATES = {
    "string_too_short": "{label}：不能为空",
    "too_short": "{label}：不能为空",
    "string_too_long": "{label}：最多 {max_length} 个字，现在 {length} 个",
    "too_long": "{label}：太长",
    "greater_than_equal": "{label}：{input} 太小，不能小于 {ge}",
    "greater_than": "{label}：{input} 太小，应大于 {gt}",
    "less_than_equal": "{label}：{input} 太大，不能大于 {le}",
    "less_than": "{label}：{input} 太大，应小于 {lt}",
    "missing": "{label}：必须填写",
    "int_parsing": "{label}：应为整数",
    "int_type": "{label}：应为整数",
    "float_parsing": "{label}：应为数字",
    "date_parsing": "{label}：日期格式不对（应为 2026-09-01）",
    "date_from_datetime_parsing": "{label}：日期格式不对（应为 2026-09-01）",
    "time_parsing": "{label}：时间格式不对（应为 08:30）",
    "datetime_parsing": "{label}：时间格式不对（应为 2026-09-01 08:30）",
    "string_pattern_mismatch": "{label}：格式不对",
    "literal_error": "{label}：取值不在允许范围内",
    "bool_parsing": "{label}：应为是或否",
}


# Chinese names of the fields many forms share, for messages whose caller gave no labels.
FIELD_LABELS: dict[str, str] = {
    "name": "名称", "title": "标题", "district": "区县", "school_id": "学校", "point_id": "诵读点",
    "class_id": "班级", "phone": "手机号", "capacity": "容纳人数", "role": "角色", "username": "用户名",
    "password": "密码", "display_name": "显示名称", "start": "开始时间", "end": "结束时间",
    "start_date": "开始日期", "end_date": "结束日期", "publish_date": "发布日期", "channel": "渠道",
    "cohort": "培训对象", "texts": "篇目", "url": "链接", "organisation": "单位", "township": "乡镇",
    "community": "社区", "contact": "联系人", "partner_name": "结对单位", "target_name": "结对对象",
}


def _message(error: Mapping[str, Any], label: str) -> str:
    ctx = error.get("ctx") or {}
    if isinstance(ctx.get("error"), Exception):
        return str(ctx["error"])
    template = _TEMPLATES.get(error["type"], "{label}：格式不对")
    value = error.get("input")
    return template.format(label=label, input=value, length=len(value) if isinstance(value, str) else 0, **ctx)


def from_validation_error(exc: ValidationError, *, labels: Mapping[str, str] | None = None,
                          error: type[DomainError] = DomainError) -> DomainError:
    """The first problem of ``exc`` as ``error``, in Chinese, naming its field (``labels``: field → Chinese name)."""
    first = exc.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else ""
    label = (labels or {}).get(field) or FIELD_LABELS.get(field, field)
    return error(_message(first, label), field=field)


def validated(model: type[M], error: type[DomainError] = DomainError, *, labels: Mapping[str, str] | None = None,
              **fields: Any) -> M:
    """``model(**fields)``, or ``error`` naming the first field that is wrong."""
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        raise from_validation_error(exc, labels=labels, error=error) from None
