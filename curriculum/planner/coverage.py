"""When a plan's chosen texts run out before the term ends, and which texts could come next.

A plan whose texts are all introduced by mid-term fills the remaining days
with review; that is right for a few days before the term ends, but weeks of
review mean the teacher chose too little. ``texts_run_out`` finds the day the
new material ends (when enough school days follow it), and
``propose_next_texts`` picks the stage's next catalog texts: the stage's
featured texts first, then the rest of the catalog for the stage, skipping
what the plan already has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from curriculum.catalog.schema import Catalog
from curriculum.planner.document import PlanDocument
from curriculum.planner.spec import default_text_ids

# Fewer review-only sessions than this at the end of a term are normal (a last week of revision).
MIN_REVIEW_ONLY_SESSIONS = 5


@dataclass(frozen=True)
class RunOut:
    """The new material ends on ``last_new``; ``review_only`` sessions follow, up to ``term_end``."""

    last_new: date
    review_only: int
    term_end: date


def texts_run_out(doc: PlanDocument, *, minimum: int = MIN_REVIEW_ONLY_SESSIONS) -> RunOut | None:
    """When the plan's texts are used up with at least ``minimum`` sessions still to come; else ``None``.

    A plan with passages left over (``unscheduled``) has not run out: it has too little time, not too little text.
    """
    if doc.unscheduled or not doc.sessions:
        return None
    new_days = [s.date for s in doc.sessions if any(it.kind == "new" for it in s.items)]
    if not new_days:
        return None
    last_new = max(new_days)
    later = [s for s in doc.sessions if s.date > last_new]
    if len(later) < minimum:
        return None
    return RunOut(last_new, len(later), max(s.date for s in later))


def propose_next_texts(catalog: Catalog, stage: str, chosen: Sequence[str], *, count: int = 3) -> list[str]:
    """Up to ``count`` catalog texts for ``stage`` not in ``chosen``: featured ones first, then catalog order."""
    candidates = [*default_text_ids(stage, catalog), *(t.id for t in catalog.for_stage(stage))]
    taken = set(chosen)
    out: list[str] = []
    for text_id in dict.fromkeys(candidates):
        if text_id not in taken and stage in catalog.get(text_id).stages:
            out.append(text_id)
        if len(out) == count:
            break
    return out


def run_out_warning(run_out: RunOut, titles: dict[str, str], proposed: Sequence[str]) -> str:
    """The page's warning, with the date the new material ends and what could come next."""
    text = (f"所选篇目将在 {run_out.last_new:%Y年%m月%d日} 全部学完，之后到学期结束（{run_out.term_end:%m月%d日}）"
            f"的 {run_out.review_only} 次诵读只安排复习。")
    if proposed:
        text += "可以接着学：" + "、".join(f"《{titles.get(t, t)}》" for t in proposed) + "。"
    return text
