"""SQLModel tables, one module per entity family (XBase → XCreate → X; XPublic where a service returns one).

Importing this package registers every table on ``SQLModel.metadata``; Alembic
and the tests rely on that.
"""

from curriculum.models import account, calendar, community, district, outreach, plan  # noqa: F401
