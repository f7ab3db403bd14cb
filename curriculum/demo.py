"""Demo data: one call that fills an empty database with a believable programme.

Each area owns its own idempotent ``seed_demo(*, session) -> dict[str, int]``;
this module only runs them in dependency order (schools and terms before
classes and plans, reading points before events) and reports progress, so the
CLI and the UI show the same steps.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlmodel import Session


@dataclass(frozen=True)
class SeedStep:
    label: str
    module: str
    function: str = "seed_demo"


SEED_STEPS: tuple[SeedStep, ...] = (
    SeedStep("学校与校历", "curriculum.calendar_store"),
    SeedStep("班级与教学计划", "curriculum.planner.store"),
    SeedStep("诵读点、志愿者与活动", "curriculum.community.demo"),
    SeedStep("师资培训", "curriculum.outreach.training"),
    SeedStep("云上读经典", "curriculum.outreach.online"),
)


def _resolve(step: SeedStep) -> Callable[..., dict[str, int]]:
    return getattr(importlib.import_module(step.module), step.function)


def seed_demo_steps(*, session: Session) -> Iterator[tuple[SeedStep, dict[str, int]]]:
    """Run every step, committing after each, yielding ``(step, counts)`` as it goes."""
    for step in SEED_STEPS:
        counts = _resolve(step)(session=session)
        session.commit()
        yield step, counts


def seed_demo(*, session: Session) -> dict[str, dict[str, int]]:
    """Seed everything; safe to run again (each step is idempotent)."""
    return {step.label: counts for step, counts in seed_demo_steps(session=session)}
