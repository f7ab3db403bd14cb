"""Month and week grids of community events for the 活动日历 page, built from plain occurrence rows (pure functions).

Named ``month_grid`` because "calendar" in this code base means the school
calendar (``curriculum.schoolcal``); iCalendar files are ``exports/ical``.
"""

from __future__ import annotations

import calendar
import html
from datetime import date, datetime, timedelta

import pandas as pd

from curriculum.community.events.listing import OccurrenceRow
from curriculum.vocab import WEEKDAY_LABELS


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    return datetime.combine(first, datetime.min.time()), datetime.combine(last + timedelta(days=1), datetime.min.time())


def week_bounds(day: date) -> tuple[datetime, datetime]:
    monday = day - timedelta(days=day.weekday())
    start = datetime.combine(monday, datetime.min.time())
    return start, start + timedelta(days=7)


# Marks in the month grid: today's date, and an entry whose volunteer shifts are not filled.
TODAY_MARK = "（今天）"
SHORT_MARK = "⚠缺{n}人"


def shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    """The month ``step`` months after (negative: before) ``year``-``month``."""
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


def step_day(day: date, view: str, direction: int) -> date:
    """The calendar's date one month (``view == "month"``: the 1st of it) or one week before / after ``day``."""
    if view == "month":
        year, month = shift_month(day.year, day.month, direction)
        return date(year, month, 1)
    return day + timedelta(days=7 * direction)


def _label(row: OccurrenceRow, missing: int = 0) -> str:
    mark = "（已取消）" if row.cancelled else ""
    short = f" {SHORT_MARK.format(n=missing)}" if missing and not row.cancelled else ""
    return f"{row.start:%H:%M} {row.title}{mark}{short}"


def month_grid(year: int, month: int, rows: list[OccurrenceRow], *, today: date | None = None,
               missing: dict[int, int] | None = None) -> pd.DataFrame:
    """Weeks × 周一…周日; each cell is ``day`` then one line per occurrence; days outside the month are blank.

    ``today`` gets ``（今天）`` after its day number; an occurrence in ``missing``
    (occurrence id → people still needed) gets ``⚠缺N人``.
    """
    missing = missing or {}
    by_day: dict[date, list[str]] = {}
    for row in rows:
        by_day.setdefault(row.start.date(), []).append(_label(row, missing.get(row.id, 0)))
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    data = []
    for week in weeks:
        data.append([
            ("\n".join([f"{d.day}{TODAY_MARK if d == today else ''}", *by_day.get(d, [])]) if d.month == month
             else "")
            for d in week
        ])
    return pd.DataFrame(data, columns=list(WEEKDAY_LABELS), index=[f"第{i + 1}周" for i in range(len(weeks))])


def week_table(day: date, rows: list[OccurrenceRow]) -> pd.DataFrame:
    """One row per occurrence in the week of ``day``: 日期, 星期, 时间, 活动, 诵读点, 报名."""
    start, end = week_bounds(day)
    records = []
    for row in rows:
        if not (start <= row.start < end):
            continue
        places = f"{row.confirmed}/{row.capacity}" if row.capacity else str(row.confirmed)
        records.append({
            "日期": row.start.date().isoformat(),
            "星期": WEEKDAY_LABELS[row.start.weekday()],
            "时间": f"{row.start:%H:%M}–{row.end:%H:%M}",
            "活动": row.title + ("（已取消）" if row.cancelled else ""),
            "诵读点": row.point_name or row.district,
            "报名": places + (f"（候补 {row.waitlist}）" if row.waitlist else ""),
        })
    return pd.DataFrame(records, columns=["日期", "星期", "时间", "活动", "诵读点", "报名"])


def _cell_body(lines: list[str]) -> str:
    if not lines:
        return ""
    entries = "".join(
        f'<br><span style="color:#b23a2e">{html.escape(x)}</span>' if "⚠" in x else f"<br>{html.escape(x)}"
        for x in lines[1:])
    return f"<b>{html.escape(lines[0])}</b>" + entries


def grid_html(grid: pd.DataFrame) -> str:
    """The month grid as an HTML table, text escaped, one line per event inside each day cell."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in grid.columns)
    rows = []
    for _, row in grid.iterrows():
        cells = []
        for value in row:
            lines = str(value).split("\n") if value else []
            body = _cell_body(lines)
            # Today's cell is shaded so the leader finds it at a glance.
            shade = "background:#fdf1d6;" if lines and TODAY_MARK in lines[0] else ""
            cells.append(f'<td style="vertical-align:top;min-width:7em;{shade}">{body}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table style="width:100%"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
