"""Phone numbers: one cleaning rule, one validation message, one masking rule.

Volunteers (community) and trainees (outreach) both leave an optional mainland
mobile number. It is stored cleaned (no spaces or dashes) and shown masked to
everyone but the person's manager, so a list printed or screenshotted does not
leak numbers.
"""

from __future__ import annotations

import re

from curriculum.errors import DomainError

_MOBILE_RE = re.compile(r"^1\d{10}$")
_SEPARATORS = re.compile(r"[\s\-]")


class PhoneError(DomainError):
    """A phone number that is not a mainland mobile; the message is Chinese and names the field."""


def clean_phone(text: str | None) -> str | None:
    """Spaces and dashes removed; ``None`` for missing or blank (the field is optional)."""
    if text is None:
        return None
    cleaned = _SEPARATORS.sub("", text)
    return cleaned or None


def normalise_phone(text: str | None, *, field: str = "手机号") -> str | None:
    """The cleaned mobile number, ``None`` if blank; ``PhoneError`` unless 11 digits starting with 1."""
    cleaned = clean_phone(text)
    if cleaned is None:
        return None
    if not _MOBILE_RE.match(cleaned):
        # Masked even in the error: the message may end up in a shared screen or log.
        raise PhoneError(f"{field}“{mask_phone(cleaned)}”应为以 1 开头的 11 位数字（也可以不填）")
    return cleaned


def mask_phone(phone: str | None) -> str:
    """``13812340000`` → ``138****0000``; other lengths keep the first 3 and last 2 (``1234567`` → ``123**67``).

    Five characters or fewer are all stars — showing 3 + 2 of them would show all
    of it. Missing or blank gives ``""``.
    """
    cleaned = clean_phone(phone)
    if not cleaned:
        return ""
    if len(cleaned) == 11:
        return cleaned[:3] + "****" + cleaned[-4:]
    if len(cleaned) <= 5:
        return "*" * len(cleaned)
    return cleaned[:3] + "*" * (len(cleaned) - 5) + cleaned[-2:]
