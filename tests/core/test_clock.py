"""The programme's clock follows the configured time zone, not the server's."""

from datetime import UTC, date, datetime, time

import pytest

from curriculum import clock


class _Frozen(datetime):
    """A datetime whose now() is 2026-11-28 20:30 UTC = 2026-11-29 04:30 in Beijing."""

    @classmethod
    def now(cls, tz=None):
        moment = datetime(2026, 11, 28, 20, 30, 15, 123, tzinfo=UTC)
        return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(clock, "datetime", _Frozen)


def test_today_is_beijing_today_when_utc_is_still_yesterday(frozen):
    assert clock.local_today() == date(2026, 11, 29)


def test_now_is_naive_beijing_wall_clock_to_the_second(frozen):
    assert clock.local_now() == datetime(2026, 11, 29, 4, 30, 15)


def test_wall_clock_combines_a_form_date_and_time():
    assert clock.wall_clock(date(2026, 9, 5), time(9, 0, 30)) == datetime(2026, 9, 5, 9, 0)
