"""Four connections (四个打通): content category × school stage of what classes plan and read."""

from __future__ import annotations

from datetime import date

from metrics_testkit import MON, WEEK1

from curriculum import metrics
from curriculum.planner import sessions

FRI = WEEK1[4]


def _text_minutes(plan, session, *, done_only=False):
    """Minutes of catalog-text items in the plan's sessions, as the planner store lists them."""
    return sum(i.minutes for s in sessions.list_sessions(plan.id, session=session)
               if s.done or not done_only for i in s.items if i.text_id)


def test_grid_of_categories_by_stage_planned_and_read(session, catalog, make_class, make_plan, done):
    pupils = make_plan(make_class("一年级（1）班"), WEEK1, texts=("dizigui",))
    juniors = make_plan(make_class("七年级（1）班", stage="junior"), WEEK1, texts=("hongse",))
    also_juniors = make_plan(make_class("七年级（2）班", stage="junior"), WEEK1, texts=("hongse",))
    done(juniors, WEEK1[0], WEEK1[1])

    df = metrics.coverage_frame(MON, FRI, session=session, categories=metrics.categories_of(catalog), today=FRI)

    assert len(df) == 3 * 7  # every category × every stage, empty cells included
    cells = df.set_index(["category", "stage"])
    traditional = cells.loc[("traditional", "primary_lower")]
    assert traditional.planned_minutes == _text_minutes(pupils, session) > 0
    assert (traditional.read_minutes, traditional.classes) == (0, 1)
    revolutionary = cells.loc[("revolutionary", "junior")]
    assert revolutionary.planned_minutes == _text_minutes(juniors, session) + _text_minutes(also_juniors, session)
    assert revolutionary.read_minutes == _text_minutes(juniors, session, done_only=True) > 0
    assert revolutionary.classes == 2
    others = df[~df.set_index(["category", "stage"]).index.isin([("traditional", "primary_lower"),
                                                                  ("revolutionary", "junior")])]
    assert others["planned_minutes"].sum() == 0
    assert cells.loc[("socialist", "senior"), "category_label"] == "社会主义先进文化"

    # Only the Monday in range: less planned; read is what was done by then.
    monday = metrics.coverage_frame(MON, MON, session=session, categories=metrics.categories_of(catalog),
                                    today=date(2026, 9, 30)).set_index(["category", "stage"])
    assert 0 < monday.loc[("revolutionary", "junior"), "planned_minutes"] < revolutionary.planned_minutes
    assert monday.loc[("revolutionary", "junior"), "read_minutes"] == monday.loc[
        ("revolutionary", "junior"), "planned_minutes"] / 2  # one of the two junior classes read it


def test_texts_missing_from_the_catalog_are_counted_as_other(session, make_class, make_plan):
    make_plan(make_class("七年级（1）班", stage="junior"), WEEK1, texts=("hongse",))
    df = metrics.coverage_frame(MON, FRI, session=session, categories={"dizigui": "traditional"}, today=FRI)
    other = df[df["category"] == metrics.OTHER_CATEGORY].set_index("stage")
    assert len(other) == 7 and other.loc["junior", "planned_minutes"] > 0
    assert other.loc["junior", "category_label"] == metrics.OTHER_CATEGORY_LABEL
    shown = metrics.display_frame(df, "coverage")
    assert list(shown.columns) == ["内容", "学段", "班级数", "计划分钟数", "已完成分钟数"]
    assert shown["学段"].tolist() == ["初中"]
