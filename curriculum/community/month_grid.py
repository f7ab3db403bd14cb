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


def _label(row: OccurrenceRow) -> str:
    mark = "（已取消）" if row.cancelled else ""
    return f"{row.start:%H:%M} {row.title}{mark}"


def month_grid(year: int, month: int, rows: list[OccurrenceRow]) -> pd.DataFrame:
    """Weeks × 周一…周日; each cell is ``day`` then one line per occurrence; days outside the month are blank."""
    by_day: dict[date, list[str]] = {}
    for row in rows:
        by_day.setdefault(row.start.date(), []).append(_label(row))
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    data = []
    for week in weeks:
        data.append([
            ("\n".join([str(d.day), *by_day.get(d, [])]) if d.month == month else "")
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


def grid_html(grid: pd.DataFrame) -> str:
    """The month grid as an HTML table, text escaped, one line per event inside each day cell."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in grid.columns)
    rows = []
    for _, row in grid.iterrows():
        cells = []
        for value in row:
            lines = str(value).split("\n") if value else []
            if lines:
                body = f"<b>{html.escape(lines[0])}</b>" + "".join(f"<br>{html.escape(x)}" for x in lines[1:])
            else:
                body = ""
            cells.append(f'<td style="vertical-align:top;min-width:7em">{body}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table style="width:100%"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
