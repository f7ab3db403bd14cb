"""Online programmes (云上读经典，百姓齐参与): items on new-media channels and their metric snapshots.

An *item* is one published piece — a 公众号 article, a 视频号 video, a radio or
TV programme, a mini-program lesson — on one channel, with its publish date and
the catalog texts it reads. Its reach is recorded as *snapshots* (views, likes,
comments, shares at a moment); counts only ever grow on the platforms, so an
item's figures are those of its **latest** snapshot, never a sum of snapshots.
The field rules are on ``OnlineItemCreate`` and ``OnlineMetricCreate``;
``item_input`` and ``metric_input`` build them from typed input.

Every item belongs to the integration ``online`` (线上线下融合). Importing
snapshots from a CSV file is in ``outreach.online_import``; the Chinese
display tables in ``outreach.online_views``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from curriculum.clock import local_now, local_tz
from curriculum.errors import DomainError, get_or_raise
from curriculum.models.outreach import (
    OnlineItem,
    OnlineItemCreate,
    OnlineItemPublic,
    OnlineMetric,
    OnlineMetricCreate,
    OnlineMetricPublic,
)
from curriculum.outreach import OutreachError
from curriculum.outreach.rules import checked, owner, raise_all
from curriculum.vocab import CHANNELS, INTEGRATIONS, ONLINE_METRICS

INTEGRATION = "online"
assert INTEGRATION in INTEGRATIONS  # the six-integrations key dashboards count by

# Other names people type for a channel (besides its key and label).
_CHANNEL_ALIASES = {
    "微信公众号": "wechat_account",
    "公众号": "wechat_account",
    "微信视频号": "video_account",
    "广播": "radio",
    "广播电台": "radio",
    "电视": "tv",
    "微信小程序": "mini_program",
    "官网": "website",
}

# A form's time picker or a phone's clock may run a little ahead; more than this is a typo.
FUTURE_TOLERANCE = dt.timedelta(minutes=10)


# --- times and channels ----------------------------------------------------------


def as_aware(moment: dt.datetime) -> dt.datetime:
    """A naive datetime is local time (Asia/Shanghai by default); the database stores aware UTC."""
    return moment.replace(tzinfo=local_tz()) if moment.tzinfo is None else moment


def to_local(moment: dt.datetime) -> dt.datetime:
    return as_aware(moment).astimezone(local_tz())


def local_moment(day: dt.date, time: dt.time) -> dt.datetime:
    """The aware moment of local wall-clock ``time`` on ``day`` (what a form's date + time fields mean)."""
    # Not clock.wall_clock: statistics times keep their seconds.
    return as_aware(dt.datetime.combine(day, time))


def channel_key(value: str) -> str | None:
    """The channel key for a key, a label or a common alias (``微信公众号`` → ``wechat_account``)."""
    value = value.strip()
    if value in CHANNELS:
        return value
    for key, label in CHANNELS.items():
        if value == label:
            return key
    return _CHANNEL_ALIASES.get(value)


def unknown_channel(value: str) -> str:
    """The Chinese message for a channel nobody knows, listing the ones there are."""
    return f"未知渠道“{value}”（可选：{'、'.join(CHANNELS.values())}）"


def future_problem(recorded_at: dt.datetime, now: dt.datetime | None = None) -> str | None:
    """Chinese message if ``recorded_at`` is later than ``now`` (default: the clock), else ``None``.

    Counts cannot be read from the future: such a time is a typo (often the year).
    """
    if as_aware(recorded_at) > as_aware(now or local_now()) + FUTURE_TOLERANCE:
        return f"统计时间（{to_local(recorded_at):%Y-%m-%d %H:%M}）晚于现在，不能记录未来的统计数据"
    return None


def before_publishing(recorded_at: dt.datetime, published: dt.date) -> str | None:
    """Chinese message if ``recorded_at`` falls (in local time) before the publish day."""
    if to_local(recorded_at).date() < published:
        return f"统计时间（{to_local(recorded_at):%Y-%m-%d %H:%M}）早于发布日期（{published}）"
    return None


# --- items ------------------------------------------------------------------------


ITEM_LABELS = {"title": "节目标题", "channel": "渠道", "publish_date": "发布日期", "texts": "经典篇目", "url": "链接",
               "district": "区县", "school_id": "学校"}
METRIC_LABELS = {"recorded_at": "统计时间", "item_id": "节目", **ONLINE_METRICS}


def item_input(**fields: Any) -> OnlineItemCreate:
    """An ``OnlineItemCreate`` from typed input, or one ``OutreachError`` naming every field the model refuses."""
    return checked(OnlineItemCreate, labels=ITEM_LABELS, **fields)


def metric_input(**fields: Any) -> OnlineMetricCreate:
    """An ``OnlineMetricCreate`` from typed input, or one ``OutreachError`` naming every field the model refuses."""
    return checked(OnlineMetricCreate, labels=METRIC_LABELS, **fields)


def create_item(data: OnlineItemCreate, *, session: Session) -> OnlineItemPublic:
    """Add an online item, always of integration ``online`` (the model holds the field rules; owner checked here)."""
    item = OnlineItem.model_validate(data, update={"integration": INTEGRATION, **owner(data, session=session)})
    session.add(item)
    session.commit()
    session.refresh(item)
    return OnlineItemPublic.model_validate(item)


def get_item(item_id: int, *, session: Session) -> OnlineItem:
    return get_or_raise(session, OnlineItem, item_id, what="节目", field="item_id")


def find_item(title: str, channel: str, *, session: Session) -> OnlineItem | None:
    """The first item with this title on this channel (titles are how files and people name items)."""
    return session.exec(
        select(OnlineItem)
        .where(OnlineItem.title == title.strip(), OnlineItem.channel == channel)
        .order_by(col(OnlineItem.id))
    ).first()


# --- metric snapshots ----------------------------------------------------------------


def snapshot_exists(item_id: int, recorded_at: dt.datetime, *, session: Session) -> bool:
    return (
        session.exec(
            select(OnlineMetric.id).where(OnlineMetric.item_id == item_id, OnlineMetric.recorded_at == recorded_at)
        ).first()
        is not None
    )


def _moment_problems(item: OnlineItem, recorded_at: dt.datetime, now: dt.datetime | None) -> list[DomainError]:
    """What is wrong with the snapshot's time: in the future, or before the item was published."""
    errors: list[DomainError] = []
    if (future := future_problem(recorded_at, now)) is not None:
        errors.append(OutreachError(future, "recorded_at"))
    if (early := before_publishing(recorded_at, item.publish_date)) is not None:
        errors.append(OutreachError(early, "recorded_at"))
    return errors


def create_metric(data: OnlineMetricCreate, *, session: Session, now: dt.datetime | None = None) -> OnlineMetricPublic:
    """Save one snapshot of an item's counts (the model checks them). A naive ``recorded_at`` is local time.

    A time later than ``now`` (default: the clock, with ``FUTURE_TOLERANCE``) is
    refused; the demo passes the day it is seeding for.
    """
    item = get_item(data.item_id, session=session)
    recorded_at = as_aware(data.recorded_at)
    values = {name: getattr(data, name) for name in ONLINE_METRICS}
    errors = _moment_problems(item, recorded_at, now)
    if not errors and snapshot_exists(item.id, recorded_at, session=session):
        errors.append(OutreachError(f"该节目在 {to_local(recorded_at):%Y-%m-%d %H:%M} 已有一条统计数据", "recorded_at"))
    raise_all(errors)
    metric = OnlineMetric(item_id=item.id, recorded_at=recorded_at, **values)
    session.add(metric)
    session.commit()
    session.refresh(metric)
    return OnlineMetricPublic.model_validate(metric)


def latest_snapshots(*, session: Session, item_ids: Iterable[int] | None = None) -> dict[int, OnlineMetric]:
    """The newest snapshot of each item (the item's current counts)."""
    newest = select(OnlineMetric.item_id, func.max(OnlineMetric.recorded_at).label("newest")).group_by(
        OnlineMetric.item_id
    )
    if item_ids is not None:
        newest = newest.where(col(OnlineMetric.item_id).in_(list(item_ids)))
    sub = newest.subquery()
    rows = session.exec(
        select(OnlineMetric).join(
            sub, (col(OnlineMetric.item_id) == sub.c.item_id) & (col(OnlineMetric.recorded_at) == sub.c.newest)
        )
    ).all()
    return {m.item_id: m for m in rows}


# --- listing and summary ---------------------------------------------------------------


@dataclass(frozen=True)
class ItemRow:
    id: int
    title: str
    channel: str
    channel_label: str
    publish_date: dt.date
    texts: tuple[str, ...]
    url: str
    views: int
    likes: int
    comments: int
    shares: int
    recorded_at: dt.datetime | None  # local time of the latest snapshot, None if never recorded


def _item_row(item: OnlineItem, snap: OnlineMetric | None) -> ItemRow:
    return ItemRow(
        id=item.id,
        title=item.title,
        channel=item.channel,
        channel_label=CHANNELS.get(item.channel, item.channel),
        publish_date=item.publish_date,
        texts=tuple(item.texts or ()),
        url=item.url,
        recorded_at=to_local(snap.recorded_at) if snap else None,
        **{name: getattr(snap, name) if snap else 0 for name in ONLINE_METRICS},
    )


def list_items(
    *,
    session: Session,
    channels: Iterable[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[ItemRow]:
    """Items (newest first) filtered by channel keys and publish date, with their latest counts."""
    query = select(OnlineItem).order_by(col(OnlineItem.publish_date).desc(), col(OnlineItem.id).desc())
    channels = list(channels or [])
    if channels:
        query = query.where(col(OnlineItem.channel).in_(channels))
    if start is not None:
        query = query.where(OnlineItem.publish_date >= start)
    if end is not None:
        query = query.where(OnlineItem.publish_date <= end)
    items = session.exec(query).all()
    latest = latest_snapshots(session=session, item_ids=[i.id for i in items])
    return [_item_row(item, latest.get(item.id)) for item in items]


@dataclass(frozen=True)
class ChannelTotals:
    channel: str
    label: str
    items: int
    views: int
    likes: int
    comments: int
    shares: int


def online_summary(
    start: dt.date | None = None, end: dt.date | None = None, *, session: Session
) -> list[ChannelTotals]:
    """Per channel (all six, in fixed order): items published in ``[start, end]`` and their latest counts."""
    if start is not None and end is not None and end < start:
        raise OutreachError(f"结束日期（{end}）早于开始日期（{start}）", "end")
    totals = {key: dict(items=0, **dict.fromkeys(ONLINE_METRICS, 0)) for key in CHANNELS}
    for row in list_items(session=session, start=start, end=end):
        bucket = totals.setdefault(row.channel, dict(items=0, **dict.fromkeys(ONLINE_METRICS, 0)))
        bucket["items"] += 1
        for name in ONLINE_METRICS:
            bucket[name] += getattr(row, name)
    return [ChannelTotals(channel=key, label=CHANNELS.get(key, key), **values) for key, values in totals.items()]


def activity_counts(start: dt.date | None = None, end: dt.date | None = None, *, session: Session) -> dict[str, int]:
    """Items published in ``[start, end]``, keyed by integration (``{"online": n}``)."""
    query = select(func.count()).select_from(OnlineItem)
    if start is not None:
        query = query.where(OnlineItem.publish_date >= start)
    if end is not None:
        query = query.where(OnlineItem.publish_date <= end)
    return {INTEGRATION: session.exec(query).one()}
