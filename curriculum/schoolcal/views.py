"""Display rows for the school calendar (pure, no streamlit): Chinese counts, tables and one-line descriptions."""

from __future__ import annotations

from curriculum.models.calendar import CalendarAdjustment
from curriculum.schoolcal.days import TermCalendar
from curriculum.vocab import WEEKDAY_LABELS


def summary(cal: TermCalendar) -> dict[str, int]:
    """Counts shown above the calendar: 上课日, 放假（工作日）, 调休/补课上课, 学校停课."""
    closed = sum(1 for s in cal.skipped if s.reason.startswith("学校停课"))
    return {
        "上课日": len(cal.days),
        "放假（工作日）": len(cal.skipped) - closed,
        "调休/补课上课": sum(1 for d in cal.days if d.makeup),
        "学校停课": closed,
    }


def skipped_rows(cal: TermCalendar, *, closures: bool | None = None) -> list[dict[str, str]]:
    """Weekdays without lessons as table rows; ``closures`` True/False keeps only / drops school closures."""
    rows = []
    for s in cal.skipped:
        is_closure = s.reason.startswith("学校停课")
        if closures is not None and closures != is_closure:
            continue
        rows.append({"日期": s.date.isoformat(), "星期": WEEKDAY_LABELS[s.date.weekday()], "原因": s.reason})
    return rows


def makeup_rows(cal: TermCalendar) -> list[dict[str, str]]:
    """Official 调休上班 days and the school's make-up days, with the timetable each follows."""
    return [
        {
            "日期": d.date.isoformat(),
            "星期": WEEKDAY_LABELS[d.date.weekday()],
            "按课表": WEEKDAY_LABELS[d.timetable_weekday],
            "说明": d.note,
        }
        for d in cal.days
        if d.makeup
    ]


def festival_rows(cal: TermCalendar, titles: dict[str, str] | None = None) -> list[dict[str, str]]:
    """The festivals in the term, each with its theme, texts and whether it is a school day.

    ``titles`` maps catalog ids to titles (texts are shown as 《title》 when known).
    """
    from curriculum.festivals import FestivalRangeError, festivals_between

    try:
        found = festivals_between(cal.start, cal.end)
    except FestivalRangeError:
        return []
    school = set(cal.school_dates)
    return [
        {
            "日期": f.date.isoformat(),
            "星期": WEEKDAY_LABELS[f.date.weekday()],
            "节日": f.name,
            "诵读主题": f.theme,
            "推荐篇目": "、".join(f"《{titles[t]}》" if titles and t in titles else t for t in f.texts),
            "当天上课": "是" if f.date in school else "否",
        }
        for f in found
    ]


def describe_adjustment(row: CalendarAdjustment) -> str:
    """One Chinese line for lists: "停课 2026-11-12 至 2026-11-13：期中考试"."""
    if row.kind == "makeup":
        timetable = WEEKDAY_LABELS[row.timetable_weekday or 0]
        return f"补课 {row.start.isoformat()}（{WEEKDAY_LABELS[row.start.weekday()]}，按{timetable}课表）：{row.reason}"
    span = row.start.isoformat() if row.start == row.end else f"{row.start.isoformat()} 至 {row.end.isoformat()}"
    return f"停课 {span}：{row.reason}"
