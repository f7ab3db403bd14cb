"""Demo community — placeholder: the area's seeding moves here from curriculum.community.demo."""

from curriculum.community.demo import seed_demo as seed  # noqa: F401
