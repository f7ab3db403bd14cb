"""One weekday table for the whole app, indexed like ``date.weekday()``."""

from datetime import date

from curriculum.vocab import WEEKDAY_LABELS


def test_weekday_labels_follow_date_weekday():
    # 2026-09-28 is a Monday, 2026-10-04 a Sunday.
    assert WEEKDAY_LABELS[date(2026, 9, 28).weekday()] == "周一"
    assert WEEKDAY_LABELS[date(2026, 10, 4).weekday()] == "周日"
    assert len(WEEKDAY_LABELS) == 7

