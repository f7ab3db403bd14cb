"""The stage map (学段图谱): which texts each school stage reads, and category × stage coverage.

The "four connections" stage continuum as tables: ``stage_text_matrix`` (one
row per text, one column per stage) and ``category_stage_coverage`` (how many
texts and characters each content category offers each stage), with the
people-facing tables and the list of empty cells.

The map marks a cell 2 (重点) when the programme features the text at that
stage (``Stage.featured``) *and* the catalog recommends it there, 1 when only
recommended, 0 otherwise. Featured-but-not-recommended is deliberately not
shown, so that the map and the catalog's stage filter always agree.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from curriculum.catalog.schema import Catalog, TextEntry
from curriculum.stages import STAGE_BY_KEY, STAGE_KEYS, STAGE_LABELS, STAGES
from curriculum.vocab import CATEGORIES

NOT_RECOMMENDED = 0
RECOMMENDED = 1
FEATURED = 2


def featured_stages(entry: TextEntry) -> list[str]:
    """Stage keys where the programme features this text (and the catalog recommends it)."""
    return [s.key for s in STAGES if entry.id in s.featured and s.key in entry.stages]


def _unique_labels(catalog: Catalog) -> dict[str, str]:
    """A display label per text id: the title, with the author when two texts share a title."""
    counts: dict[str, int] = {}
    for e in catalog.texts:
        counts[e.title] = counts.get(e.title, 0) + 1
    labels = {}
    for e in catalog.texts:
        label = e.title if counts[e.title] == 1 else f"{e.title}（{e.author}）"
        labels[e.id] = label
    # Title + author could still collide (same poet, same title): fall back to the id.
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    return {i: (lbl if seen[lbl] == 1 else f"{lbl}·{i}") for i, lbl in labels.items()}


def stage_text_matrix(catalog: Catalog, categories: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per text, one column per stage key (0 / 1 recommended / 2 featured).

    ``categories`` (keys of ``vocab.CATEGORIES``), when given and not empty,
    keeps only the texts of those categories; otherwise every text is shown.

    Extra columns: ``id``, ``label`` (unique display title), ``title``,
    ``author``, ``category``, ``category_label``, ``characters``. Rows run as a
    continuum: by first stage, then last stage, then catalog order, so texts
    for the youngest readers come first.
    """
    labels = _unique_labels(catalog)
    rows = []
    wanted = set(categories or ())
    for position, e in enumerate(catalog.texts):
        if wanted and e.category not in wanted:
            continue
        orders = [STAGE_BY_KEY[k].order for k in e.stages]
        row = {
            "id": e.id,
            "label": labels[e.id],
            "title": e.title,
            "author": e.author,
            "category": e.category,
            "category_label": CATEGORIES[e.category],
            "characters": e.characters,
            "_first": min(orders),
            "_last": max(orders),
            "_pos": position,
        }
        featured = set(featured_stages(e))
        for key in STAGE_KEYS:
            row[key] = FEATURED if key in featured else RECOMMENDED if key in e.stages else NOT_RECOMMENDED
        rows.append(row)
    columns = ["id", "label", "title", "author", "category", "category_label", "characters", *STAGE_KEYS]
    if not rows:
        return pd.DataFrame(columns=columns)
    df = pd.DataFrame(rows).sort_values(["_first", "_last", "_pos"], kind="stable")
    return df[columns].reset_index(drop=True)


STAGE_MARKS = {NOT_RECOMMENDED: "", RECOMMENDED: "●", FEATURED: "★"}


def stage_text_table(matrix: pd.DataFrame) -> pd.DataFrame:
    """The stage map as a table for people: Chinese headers, ● recommended, ★ featured."""
    table = pd.DataFrame(
        {
            "篇目": matrix["label"],
            "作者": matrix["author"],
            "类别": matrix["category_label"],
            "字数": matrix["characters"],
        }
    )
    for key in STAGE_KEYS:
        table[STAGE_LABELS[key]] = matrix[key].map(STAGE_MARKS)
    return table


def category_stage_coverage(catalog: Catalog) -> pd.DataFrame:
    """Category × stage coverage, tidy: one row per (category, stage), zeros included.

    Columns: ``category``, ``category_label``, ``stage``, ``stage_label``,
    ``texts`` (number of texts recommended there) and ``characters`` (their
    total characters). Rows are in category order, then stage order.
    """
    rows = []
    for category, category_label in CATEGORIES.items():
        for stage in STAGES:
            texts = [e for e in catalog.texts if e.category == category and stage.key in e.stages]
            rows.append(
                {
                    "category": category,
                    "category_label": category_label,
                    "stage": stage.key,
                    "stage_label": stage.label,
                    "texts": len(texts),
                    "characters": sum(e.characters for e in texts),
                }
            )
    return pd.DataFrame(rows)


def coverage_table(coverage: pd.DataFrame) -> pd.DataFrame:
    """Coverage for people: rows 类别 (plus 合计), columns stages, cells ``5 篇 / 3,210 字``."""
    stage_labels = [STAGE_LABELS[k] for k in STAGE_KEYS]
    table: dict[str, list[str]] = {"类别": []}
    for label in stage_labels:
        table[label] = []

    def cell(frame: pd.DataFrame) -> str:
        return f"{int(frame['texts'].sum())} 篇 / {int(frame['characters'].sum()):,} 字"

    for category, label in CATEGORIES.items():
        table["类别"].append(label)
        for key, stage_label in zip(STAGE_KEYS, stage_labels):
            part = coverage[(coverage["category"] == category) & (coverage["stage"] == key)]
            table[stage_label].append(cell(part))
    table["类别"].append("合计")
    for key, stage_label in zip(STAGE_KEYS, stage_labels):
        table[stage_label].append(cell(coverage[coverage["stage"] == key]))
    return pd.DataFrame(table)


def coverage_gaps(coverage: pd.DataFrame) -> list[str]:
    """Stage × category cells with no text at all, as ``小学低段 · 革命文化``."""
    empty = coverage[coverage["texts"] == 0]
    return [f"{r.stage_label} · {r.category_label}" for r in empty.itertuples()]
