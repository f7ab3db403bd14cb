"""Demo planner — placeholder: the area's seeding moves here from curriculum.planner.store."""

from curriculum.planner.store import seed_demo as seed  # noqa: F401
