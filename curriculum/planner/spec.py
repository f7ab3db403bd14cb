"""What the teacher asks of the planner: ``PlanSpec``, its rules (``validate_spec``) and typed-input parsers.

Pure: no database, no clock. Every refusal is a ``PlanError`` whose Chinese
message starts with the field's name and whose ``field`` names it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from curriculum.catalog.schema import Catalog
from curriculum.errors import DomainError
from curriculum.stages import STAGE_KEYS, get_stage
from curriculum.vocab import WEEKDAY_PATTERNS

MIN_SESSION_MINUTES = 30
MAX_SESSION_MINUTES = 180
DEFAULT_MINUTES = 30
DEFAULT_INTERVALS: tuple[int, ...] = (1, 2, 4, 7, 15)
DEFAULT_PASS_THRESHOLD = 0.8


class PlanError(DomainError):
    """Bad planner input; the message is Chinese and names the field."""


@dataclass
class PlanSpec:
    """What the teacher chose. Validate with :func:`validate_spec`."""

    stage: str
    text_ids: tuple[str, ...] = ()
    minutes: int = DEFAULT_MINUTES
    chars_per_minute: int | None = None
    review_intervals: tuple[int, ...] = DEFAULT_INTERVALS
    pass_threshold: float = DEFAULT_PASS_THRESHOLD
    weekday_pattern: Mapping[int, str] = field(default_factory=dict)

    @property
    def pace(self) -> int:
        return self.chars_per_minute or get_stage(self.stage).chars_per_minute


def default_text_ids(stage: str, catalog: Catalog | None = None) -> tuple[str, ...]:
    """The stage's featured texts (those present in ``catalog`` when one is given)."""
    featured = get_stage(stage).featured
    if catalog is None:
        return featured
    return tuple(t for t in featured if t in catalog)


def check_minutes(minutes: object) -> None:
    """A session is at least half an hour (the programme's rule) and at most three hours."""
    if not isinstance(minutes, int) or minutes < MIN_SESSION_MINUTES:
        raise PlanError(
            f"每次时长：{minutes} 分钟太短——经典诵读要求每日至少诵读半小时（{MIN_SESSION_MINUTES} 分钟）",
            field="minutes",
        )
    if minutes > MAX_SESSION_MINUTES:
        raise PlanError(f"每次时长：{minutes} 分钟太长，最多 {MAX_SESSION_MINUTES} 分钟", field="minutes")


def _check_intervals(intervals: tuple[int, ...]) -> None:
    if not intervals or any((not isinstance(d, int)) or d < 1 for d in intervals):
        raise PlanError("复习间隔：应为正整数（单位：上课日），例如 1,2,4,7,15", field="review_intervals")
    if list(intervals) != sorted(set(intervals)):
        raise PlanError("复习间隔：应从小到大且不重复，例如 1,2,4,7,15", field="review_intervals")


def _check_pattern(weekday_pattern: Mapping[int, str]) -> None:
    for weekday, pattern in weekday_pattern.items():
        if weekday not in range(7):
            raise PlanError(f"每周安排：星期编号 {weekday} 应在 0（周一）到 6（周日）之间", field="weekday_pattern")
        if pattern not in WEEKDAY_PATTERNS:
            choices = "、".join(WEEKDAY_PATTERNS)
            raise PlanError(f"每周安排：不认识“{pattern}”，可选：{choices}", field="weekday_pattern")


def _checked_texts(spec: PlanSpec, catalog: Catalog) -> tuple[str, ...]:
    """The chosen texts (the stage's featured ones when none were chosen), each once and in the catalog."""
    text_ids = tuple(spec.text_ids) or default_text_ids(spec.stage, catalog)
    if not text_ids:
        raise PlanError("篇目：书目中没有该学段的推荐篇目，请指定篇目", field="text_ids")
    missing = [t for t in text_ids if t not in catalog]
    if missing:
        raise PlanError(f"篇目：书目中没有“{'、'.join(missing)}”", field="text_ids")
    if len(set(text_ids)) != len(text_ids):
        raise PlanError("篇目：同一篇目出现了两次", field="text_ids")
    return text_ids


def validate_spec(spec: PlanSpec, catalog: Catalog) -> PlanSpec:
    """Check every field and fill the default texts; raise :class:`PlanError` in Chinese."""
    if spec.stage not in STAGE_KEYS:
        raise PlanError(f"学段：未知学段“{spec.stage}”，可选：{'、'.join(STAGE_KEYS)}", field="stage")
    check_minutes(spec.minutes)
    if spec.chars_per_minute is not None and not (1 <= spec.chars_per_minute <= 200):
        raise PlanError(f"诵读速度：每分钟 {spec.chars_per_minute} 字不合理，应在 1–200 之间",
                        field="chars_per_minute")
    intervals = tuple(spec.review_intervals)
    _check_intervals(intervals)
    if not (0 < spec.pass_threshold <= 1):
        raise PlanError(f"达标线：{spec.pass_threshold} 应在 0 与 1 之间（例如 0.8 表示 80%）", field="pass_threshold")
    _check_pattern(spec.weekday_pattern)
    return PlanSpec(
        stage=spec.stage,
        text_ids=_checked_texts(spec, catalog),
        minutes=spec.minutes,
        chars_per_minute=spec.chars_per_minute,
        review_intervals=intervals,
        pass_threshold=spec.pass_threshold,
        weekday_pattern=dict(spec.weekday_pattern),
    )


def parse_intervals(text: str) -> tuple[int, ...]:
    """Review intervals typed by a teacher ("1,2,4,7,15", Chinese commas and spaces too) → (1, 2, 4, 7, 15).

    Raises :class:`PlanError` in Chinese for anything that is not a growing list
    of positive whole numbers of school days.
    """
    raw = (text or "").strip()
    parts = [p for p in raw.replace("，", ",").replace("、", ",").replace(" ", ",").split(",") if p]
    if not parts:
        raise PlanError("复习间隔：不能为空，例如 1,2,4,7,15（单位：上课日）")
    values = []
    for p in parts:
        if not p.isdigit() or int(p) < 1:
            raise PlanError(f"复习间隔：“{p}”不是正整数（单位：上课日），例如 1,2,4,7,15")
        values.append(int(p))
    if values != sorted(set(values)):
        raise PlanError(f"复习间隔：“{raw}”应从小到大且不重复，例如 1,2,4,7,15")
    if values[-1] > 200:
        raise PlanError(f"复习间隔：{values[-1]} 个上课日太长，一学年也只有约 200 个上课日")
    return tuple(values)


def parse_pass_threshold(text: str) -> float:
    """A pass threshold as typed: "0.8", "80%" or "80" → 0.8. Chinese :class:`PlanError` otherwise."""
    raw = (text or "").strip()
    try:
        value = float(raw.removesuffix("%").removesuffix("％"))
    except ValueError:
        raise PlanError(f"达标线：“{raw}”不是数字，请写成 0.8 或 80%") from None
    if raw.endswith(("%", "％")) or value > 1:
        value /= 100
    if not (0 < value <= 1):
        raise PlanError(f"达标线：“{raw}”应在 0 与 100% 之间（例如 0.8 或 80%）")
    return value
