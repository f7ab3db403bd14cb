"""Demo training — placeholder: the area's seeding moves here from curriculum.outreach.training."""

from curriculum.outreach.training import seed_demo as seed  # noqa: F401
