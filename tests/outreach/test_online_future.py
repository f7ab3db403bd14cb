"""Statistics cannot be recorded for a time later than now (a mistyped year is refused, in Chinese)."""

import datetime as dt

import pytest
from sqlmodel import select

from curriculum.models.outreach import OnlineMetric
from curriculum.outreach import OutreachError, online, online_import
from tests.utils.outreach import make_item, make_metric

NOW = dt.datetime(2026, 11, 20, 12, 0)  # naive local wall clock, as clock.local_now() gives


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    # The one "now" both the form (create_metric) and the CSV rows are checked against.
    monkeypatch.setattr(online, "local_now", lambda: NOW)


def _item(session):
    return make_item(session, "中秋诗会", "wechat_account", dt.date(2026, 9, 25))


def _record(session, item_id, when):
    return make_metric(session, item_id, when, 10, likes=1)


def test_a_time_years_ahead_is_refused_and_nothing_saved(session):
    item = _item(session)
    with pytest.raises(OutreachError, match="统计时间（2062-11-20 12:00）晚于现在"):
        _record(session, item.id, dt.datetime(2062, 11, 20, 12, 0))
    assert session.exec(select(OnlineMetric)).all() == []


def test_a_few_minutes_ahead_is_accepted_as_clock_drift(session):
    item = _item(session)
    _record(session, item.id, NOW + dt.timedelta(minutes=5))
    with pytest.raises(OutreachError, match="晚于现在"):
        _record(session, item.id, NOW + dt.timedelta(hours=1))


def test_csv_row_in_the_future_names_row_and_column(session):
    _item(session)
    text = "标题,渠道,阅读量,点赞,评论,转发,统计时间\n中秋诗会,公众号,100,1,1,1,2062-10-02 18:00\n"
    checked = online_import.parse_metrics_csv(text, session=session, default_recorded_at=NOW)
    assert [str(e) for e in checked.errors] == [
        "第 2 行“统计时间”列：统计时间（2062-10-02 18:00）晚于现在，不能记录未来的统计数据"
    ]
