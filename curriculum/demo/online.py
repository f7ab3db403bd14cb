"""Demo online programmes: fourteen items across the six channels over the year before ``today``.

Festival items are published on the festival (its latest date before
``today``), the others a few days to weeks ago, so the dashboard's school year
always has online numbers. ``seed`` is idempotent: items are found by title
and channel.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from curriculum.clock import local_today, local_tz
from curriculum.festivals import festivals_between
from curriculum.models.outreach import OnlineItemCreate, OnlineMetricCreate
from curriculum.outreach.online import create_item, create_metric, find_item
from curriculum.vocab import ONLINE_METRICS

# (title, channel, when, texts, final counts as views/likes/comments/shares). ``when`` is a festival
# key (published on the festival's latest date before today) or a number of days before today.
_ITEMS = (
    ("读论语 拜大年 · 大年初一共诵《论语》", "wechat_account", "chunjie", ["lunyu"], (5200, 310, 46, 220)),
    ("清明祭先贤 全城诵经典", "video_account", "qingming", [], (18600, 1200, 95, 640)),
    ("过端午佳节 诵中华经典 做有德之人", "tv", "duanwu", ["lisao"], (42000, 0, 0, 0)),
    ("端午诵《离骚》：少年读屈原", "video_account", "duanwu", ["lisao"], (12500, 860, 77, 410)),
    ("尊师重道 · 诵读《师说》", "video_account", "teachers_day", ["shishuo"], (8900, 620, 54, 300)),
    ("中秋诗会 · 但愿人长久", "wechat_account", "zhongqiu", [], (7600, 540, 63, 380)),
    ("《满江红·怒发冲冠》朗诵配音", "video_account", "national_day", ["manjianghong"], (25400, 2100, 180, 950)),
    ("重阳 · 敬老赞歌", "wechat_account", "chongyang", [], (4300, 260, 31, 150)),
    ("诗词大会 · 校园初赛集锦", "website", 75, [], (3100, 45, 8, 20)),
    ("说文解字 · 孝", "mini_program", 52, [], (1800, 96, 9, 25)),
    ("经典诵读空中课堂 · 《三字经》", "radio", 33, ["sanzijing"], (9800, 0, 0, 0)),
    ("经典解读 · 《大学》之道", "radio", 20, ["daxue"], (6200, 0, 0, 0)),
    ("每日一诵：《弟子规》入则孝", "mini_program", 9, ["dizigui"], (2300, 150, 12, 40)),
    ("每日一诵：《千字文》天地玄黄", "mini_program", 3, ["qianziwen"], (1100, 70, 5, 12)),
)

# Snapshots: (days after publishing, share of the final counts) — a first-day reading and a week later.
_SNAPSHOTS = ((1, 0.6), (7, 1.0))


def _publish_date(when: str | int, today: dt.date) -> dt.date:
    """``when`` days before ``today``, or the festival ``when``'s latest date before ``today``."""
    if isinstance(when, int):
        return today - dt.timedelta(days=when)
    try:
        found = festivals_between(today - dt.timedelta(days=366), today - dt.timedelta(days=1))
    except (ValueError, OSError):  # a year outside the festival tables: a plain month-old item then
        found = []
    days = [f.date for f in found if f.key == when]
    return days[-1] if days else today - dt.timedelta(days=30)


def _record_snapshots(item_id: int, published: dt.date, final: tuple[int, ...], today: dt.date, *,
                      session: Session) -> int:
    """The item's snapshots before ``today`` (a three-day-old item has only the first); returns how many."""
    recorded = 0
    for days, share in _SNAPSHOTS:
        day = published + dt.timedelta(days=days)
        if day >= today:
            break  # not counted yet
        values = {name: int(value * share) for name, value in zip(ONLINE_METRICS, final)}
        create_metric(
            OnlineMetricCreate(
                item_id=item_id, recorded_at=dt.datetime.combine(day, dt.time(18, 0), tzinfo=local_tz()), **values
            ),
            session=session,
            # "Now" is the day being seeded for, so a fixed test day is not refused as the future.
            now=dt.datetime.combine(today, dt.time(0, 0)),
        )
        recorded += 1
    return recorded


def seed(*, session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Fourteen demo items with their snapshots; adds nothing when run again.

    Each item gets a first-day snapshot at about 60 % of its final counts and
    one a week later — only snapshots before ``today``. ``today`` defaults to
    the real date (tests pass a fixed day). Returns the number of rows created
    this time, by Chinese label.
    """
    today = today or local_today()
    created = {"线上节目": 0, "统计快照": 0}
    for title, channel, when, texts, final in _ITEMS:
        if find_item(title, channel, session=session) is not None:
            continue
        published = _publish_date(when, today)
        item = create_item(
            OnlineItemCreate(title=title, channel=channel, publish_date=published, texts=texts), session=session
        )
        created["线上节目"] += 1
        created["统计快照"] += _record_snapshots(item.id, published, final, today, session=session)
    return {label: n for label, n in created.items() if n}
