"""Demo data: one call that fills an empty database with a believable programme.

Each area's demo is a module of this package with an idempotent
``seed(*, session, today=None) -> dict[str, int]`` (counts of rows added).
This module runs them in dependency order — districts before schools, schools and terms before classes
and plans, reading points before events — committing after each step and
reporting progress, so the CLI and the UI show the same steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlmodel import Session

from curriculum.demo import accounts, community, districts, online, planner, schools, training


@dataclass(frozen=True)
class SeedStep:
    label: str
    run: Callable[..., dict[str, int]]


SEED_STEPS: tuple[SeedStep, ...] = (
    SeedStep("区县", districts.seed),
    SeedStep("学校与校历", schools.seed),
    SeedStep("班级与教学计划", planner.seed),
    SeedStep("诵读点、志愿者与活动", community.seed),
    SeedStep("师资培训", training.seed),
    SeedStep("云上读经典", online.seed),
    SeedStep("演示账号", accounts.seed),
)


def seed_demo_steps(*, session: Session) -> Iterator[tuple[SeedStep, dict[str, int]]]:
    """Run every step, committing after each, yielding ``(step, counts)`` as it goes."""
    for step in SEED_STEPS:
        counts = step.run(session=session)
        session.commit()
        yield step, counts


def seed_demo(*, session: Session) -> dict[str, dict[str, int]]:
    """Seed everything; safe to run again (each step is idempotent)."""
    return {step.label: counts for step, counts in seed_demo_steps(session=session)}
