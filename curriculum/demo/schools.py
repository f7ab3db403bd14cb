"""Demo schools — placeholder: the area's seeding moves here from curriculum.calendar_store."""

from curriculum.calendar_store import seed_demo as seed  # noqa: F401
