"""Four connections (四个打通), content × stage: minutes of class reading per content category and school stage.

``planned`` is what the plans schedule in the range (future days included);
``read`` the part in sessions marked done up to ``Period.through``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping

import pandas as pd
from sqlalchemy import case, func, select
from sqlmodel import Session

from curriculum.metrics.classes import ClassInfo, load_classes
from curriculum.metrics.period import Period, make_period
from curriculum.models.plan import Plan, PlanItem, PlanSession
from curriculum.stages import STAGE_KEYS, STAGE_LABELS
from curriculum.vocab import CATEGORIES

OTHER_CATEGORY = "other"
OTHER_CATEGORY_LABEL = "其他（书目中未收录）"
COVERAGE_COLUMNS = ["category", "category_label", "stage", "stage_label", "planned_minutes", "read_minutes", "classes"]

Cell = tuple[str, str]  # (category key, stage key)


def _minutes_by_cell(period: Period, classes: Mapping[int, ClassInfo], categories: Mapping[str, str], *,
                     session: Session) -> tuple[dict[Cell, int], dict[Cell, int], dict[Cell, set[int]]]:
    """Planned minutes, read minutes and the classes involved, per (category, stage) cell."""
    planned: dict[Cell, int] = defaultdict(int)
    read: dict[Cell, int] = defaultdict(int)
    class_sets: dict[Cell, set[int]] = defaultdict(set)
    if not classes:
        return planned, read, class_sets
    # Grouped in the database by "already happened" rather than by date: a
    # city's year of plans is millions of items, this is a few rows per class.
    past = case((PlanSession.date <= period.through, 1), else_=0)
    base = (
        select(Plan.class_id, PlanItem.text_id, PlanSession.done, past, func.sum(PlanItem.minutes))
        .join(PlanSession, PlanItem.session_id == PlanSession.id)
        .join(Plan, PlanSession.plan_id == Plan.id)
        .where(Plan.class_id.in_(list(classes)), PlanSession.status == "scheduled",
               PlanSession.date >= period.start, PlanSession.date <= period.end,
               PlanItem.text_id.is_not(None))
        .group_by(Plan.class_id, PlanItem.text_id, PlanSession.done, past)
    )
    for cid, text_id, done, happened, minutes in session.execute(base).all():
        cell = (categories.get(text_id, OTHER_CATEGORY), classes[cid].stage)
        planned[cell] += int(minutes or 0)
        class_sets[cell].add(cid)
        if done and happened:
            read[cell] += int(minutes or 0)
    return planned, read, class_sets


def coverage_rows(period: Period, classes: Mapping[int, ClassInfo], categories: Mapping[str, str], *,
                  session: Session) -> pd.DataFrame:
    """The full category × stage grid (``COVERAGE_COLUMNS``, zeros included) for loaded classes."""
    planned, read, class_sets = _minutes_by_cell(period, classes, categories, session=session)
    cats = dict(CATEGORIES)
    if any(c == OTHER_CATEGORY for c, _ in planned):
        cats[OTHER_CATEGORY] = OTHER_CATEGORY_LABEL
    rows = [
        {"category": c, "category_label": cl, "stage": s, "stage_label": STAGE_LABELS[s],
         "planned_minutes": planned.get((c, s), 0), "read_minutes": read.get((c, s), 0),
         "classes": len(class_sets.get((c, s), ()))}
        for c, cl in cats.items() for s in STAGE_KEYS
    ]
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


def coverage_frame(start: dt.date, end: dt.date, *, session: Session, categories: Mapping[str, str],
                   district: str | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """Class reading minutes per content category × stage: a full grid (3 categories × 7 stages, zeros included).

    ``planned_minutes``: items of scheduled sessions dated in ``start``..``end``
    (the plan, future days included); ``read_minutes``: the part in sessions
    marked done up to ``Period.through``; ``classes``: how many classes have
    that cell in their plan. ``categories`` maps text id → category key (from
    the catalog, see ``categories_of``); texts not in it count as ``other``
    (a row added only when it occurs).
    """
    period = make_period(start, end, today)
    return coverage_rows(period, load_classes(session=session, district=district), categories, session=session)


def categories_of(catalog) -> dict[str, str]:
    """Text id → content category key, from a ``Catalog`` (empty for ``None``)."""
    return {t.id: t.category for t in catalog.texts} if catalog is not None else {}
