"""Recurrence rules for events, stored as RFC 5545 RRULE strings and expanded with dateutil.

The rule is stored without DTSTART (the event's ``start`` is the DTSTART), e.g.
``FREQ=WEEKLY;BYDAY=SA;UNTIL=20261226T235959`` for "every Saturday until the
end of the year" or ``FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260831T235959``
for the summer-morning readings. Open-ended rules are materialised one year
ahead (``HORIZON_DAYS``).

References:
    RFC 5545 §3.3.10 (RECUR); dateutil.rrule.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from dateutil.rrule import WEEKLY, rrule, rrulestr, weekdays

from curriculum.community.conflicts import CommunityError
from curriculum.vocab import WEEKDAY_LABELS

HORIZON_DAYS = 366
MAX_OCCURRENCES = 400


def weekly_rule(days: list[int] | tuple[int, ...], *, until: date | None = None, count: int | None = None,
                interval: int = 1) -> str:
    """RRULE text for ``days`` (Monday = 0) every ``interval`` weeks.

    The rule ends on ``until`` (inclusive) or after ``count`` occurrences.
    """
    if not days:
        raise CommunityError("重复规则：请至少选择一个星期几")
    if any(not 0 <= d <= 6 for d in days):
        raise CommunityError("重复规则：星期应为 0（周一）到 6（周日）")
    until_dt = datetime.combine(until, time(23, 59, 59)) if until else None
    rule = rrule(WEEKLY, interval=interval, byweekday=[weekdays[d] for d in sorted(set(days))],
                 until=until_dt, count=count)
    return _strip_dtstart(str(rule))


def _strip_dtstart(text: str) -> str:
    lines = [ln for ln in text.splitlines() if not ln.startswith("DTSTART")]
    return "".join(ln.removeprefix("RRULE:") for ln in lines)


def parse_rule(rule: str, dtstart: datetime) -> rrule:
    try:
        parsed = rrulestr(rule, dtstart=dtstart, ignoretz=True)
    except (ValueError, TypeError) as exc:
        raise CommunityError(f"重复规则“{rule}”无法解析：{exc}") from None
    if not isinstance(parsed, rrule):
        raise CommunityError(f"重复规则“{rule}”只能是一条 RRULE")
    return parsed


def expand(rule: str | None, dtstart: datetime, *, horizon: datetime | None = None) -> list[datetime]:
    """Occurrence starts of ``rule`` from ``dtstart`` (one-off when ``rule`` is empty).

    Rules without UNTIL/COUNT stop at ``horizon`` (default one year after
    ``dtstart``); at most ``MAX_OCCURRENCES`` are returned.
    """
    if not rule:
        return [dtstart]
    parsed = parse_rule(rule, dtstart)
    end = horizon or dtstart + timedelta(days=HORIZON_DAYS)
    result = []
    for dt in parsed:
        if dt > end or len(result) >= MAX_OCCURRENCES:
            break
        result.append(dt)
    if not result:
        raise CommunityError("重复规则在开始时间之后没有任何一次活动，请检查开始日期和结束日期")
    return result


_BYDAY = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


def rule_parts(rule: str) -> dict[str, str]:
    """``FREQ=WEEKLY;BYDAY=SA`` → ``{"FREQ": "WEEKLY", "BYDAY": "SA"}`` (the RFC 5545 name=value list)."""
    parts = {}
    for item in rule.removeprefix("RRULE:").split(";"):
        if "=" in item:
            name, value = item.split("=", 1)
            parts[name.strip().upper()] = value.strip()
    return parts


def describe_rule(rule: str | None, dtstart: datetime, duration_minutes: int) -> str:
    """A Chinese description: ``每周六 09:00–10:00，至2026年12月26日``."""
    end = (dtstart + timedelta(minutes=duration_minutes)).strftime("%H:%M")
    if not rule:
        return f"{dtstart.year}年{dtstart.month}月{dtstart.day}日 {dtstart:%H:%M}–{end}（单次）"
    parse_rule(rule, dtstart)  # reject what dateutil would not expand
    parts = rule_parts(rule)
    freq, interval = parts.get("FREQ", ""), int(parts.get("INTERVAL", "1"))
    if freq == "WEEKLY":
        days = sorted(_BYDAY[d[-2:]] for d in parts["BYDAY"].split(",")) if "BYDAY" in parts else [dtstart.weekday()]
        if days == [0, 1, 2, 3, 4]:
            day_text = "一至周五"
        else:
            day_text = "、".join(WEEKDAY_LABELS[d] for d in days).removeprefix("周")
        text = ("每周" if interval == 1 else f"每{interval}周") + day_text
    elif freq == "DAILY":
        text = "每天" if interval == 1 else f"每{interval}天"
    elif freq == "MONTHLY":
        text = f"每月{dtstart.day}日"
    else:
        text = "按规则重复"
    text += f" {dtstart:%H:%M}–{end}"
    if "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"][:8], "%Y%m%d")
        text += f"，至{until.year}年{until.month}月{until.day}日"
    elif "COUNT" in parts:
        text += f"，共{parts['COUNT']}次"
    return text


def rule_weekdays(rule: str | None, dtstart: datetime) -> list[int]:
    """The weekdays (Monday = 0) a weekly rule repeats on; ``[]`` for a one-off."""
    if not rule:
        return []
    parts = rule_parts(rule)
    if "BYDAY" not in parts:
        return [dtstart.weekday()]
    return sorted({_BYDAY[d[-2:]] for d in parts["BYDAY"].split(",") if d[-2:] in _BYDAY})


def rule_until(rule: str | None) -> date | None:
    """The last day (inclusive) of a rule with UNTIL, else ``None``."""
    if not rule:
        return None
    until = rule_parts(rule).get("UNTIL")
    return datetime.strptime(until[:8], "%Y%m%d").date() if until else None
