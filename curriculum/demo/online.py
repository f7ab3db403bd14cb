"""Demo online — placeholder: the area's seeding moves here from curriculum.outreach.online."""

from curriculum.outreach.online import seed_demo as seed  # noqa: F401
