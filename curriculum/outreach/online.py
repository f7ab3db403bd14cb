"""Online programmes (云上读经典，百姓齐参与): items on new-media channels and their metrics.

An *item* is one published piece — a 公众号 article, a 视频号 video, a radio or
TV programme, a mini-program lesson — on one channel, with its publish date and
the catalog texts it reads. Its reach is recorded as *snapshots* (views, likes,
comments, shares at a moment); counts only ever grow on the platforms, so an
item's figures are those of its **latest** snapshot, never a sum of snapshots.

Every item belongs to the integration ``online`` (线上线下融合).

CSV import (``parse_metrics_csv`` → ``apply_metrics_import``) is two-step on
purpose: the first step checks every row and saves nothing, returning the valid
rows and one Chinese error per bad cell (row number as in a spreadsheet, the
header being row 1, and the column as written in the file); the second step
saves **the valid rows only**, and is called only after the user has seen the
errors and confirmed. Items named in the file that do not exist yet are created
when the row gives a publish date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pandas as pd
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from curriculum.catalog.schema import ID_PATTERN
from curriculum.clock import local_now, local_today, local_tz  # local_tz re-exported: pages/online.py uses on.local_tz
from curriculum.models.outreach import (
    OnlineItem,
    OnlineItemCreate,
    OnlineItemPublic,
    OnlineMetric,
    OnlineMetricCreate,
    OnlineMetricPublic,
)
from curriculum.outreach import OutreachError
from curriculum.vocab import CHANNELS, INTEGRATIONS
from curriculum.vocab import ONLINE_METRICS as METRICS

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

_ID_RE = re.compile(ID_PATTERN)


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


def _channel_error(value: str, field_name: str = "channel") -> OutreachError:
    return OutreachError(f"未知渠道“{value}”（可选：{'、'.join(CHANNELS.values())}）", field_name)


def _raise_all(errors: list[OutreachError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise OutreachError("；".join(e.message for e in errors), errors[0].field)


# --- items ------------------------------------------------------------------------


def validate_item(data: OnlineItemCreate) -> OnlineItemCreate:
    errors: list[OutreachError] = []
    title = data.title.strip()
    if not title:
        errors.append(OutreachError("节目标题不能为空", "title"))
    channel = channel_key(data.channel)
    if channel is None:
        errors.append(_channel_error(data.channel))
    texts = [t.strip() for t in data.texts if t and t.strip()]
    bad = [t for t in texts if not _ID_RE.match(t)]
    if bad:
        errors.append(OutreachError(f"经典篇目编号格式不对：{'、'.join(bad)}（应为书目中的英文编号）", "texts"))
    _raise_all(errors)
    return data.model_copy(
        update={"title": title, "channel": channel, "texts": list(dict.fromkeys(texts)), "url": data.url.strip()}
    )


def create_item(data: OnlineItemCreate, *, session: Session) -> OnlineItemPublic:
    """Add an online item; its integration is always ``online``. Nothing is saved if invalid."""
    data = validate_item(data)
    item = OnlineItem.model_validate(data, update={"integration": INTEGRATION})
    session.add(item)
    session.commit()
    session.refresh(item)
    return OnlineItemPublic.model_validate(item)


def get_item(item_id: int, *, session: Session) -> OnlineItem:
    item = session.get(OnlineItem, item_id)
    if item is None:
        raise OutreachError(f"找不到编号为 {item_id} 的节目", "item_id")
    return item


def find_item(title: str, channel: str, *, session: Session) -> OnlineItem | None:
    return session.exec(
        select(OnlineItem).where(OnlineItem.title == title.strip(), OnlineItem.channel == channel).order_by(
            col(OnlineItem.id)
        )
    ).first()


# --- metrics ----------------------------------------------------------------------------


# A form's time picker or a phone's clock may run a little ahead; more than this is a typo.
FUTURE_TOLERANCE = dt.timedelta(minutes=10)


def _future_problem(recorded_at: dt.datetime, now: dt.datetime | None = None) -> str | None:
    """Chinese message if ``recorded_at`` is later than ``now`` (default: the clock) — counts cannot be read from the future."""
    if as_aware(recorded_at) > as_aware(now or local_now()) + FUTURE_TOLERANCE:
        return f"统计时间（{to_local(recorded_at):%Y-%m-%d %H:%M}）晚于现在，不能记录未来的统计数据"
    return None


def _metric_problems(
    item: OnlineItem, recorded_at: dt.datetime, values: dict[str, int], now: dt.datetime | None = None
) -> list[OutreachError]:
    errors = [
        OutreachError(f"{METRICS[name]}不能为负数", name) for name, value in values.items() if value < 0
    ]
    if (future := _future_problem(recorded_at, now)) is not None:
        errors.append(OutreachError(future, "recorded_at"))
    if to_local(recorded_at).date() < item.publish_date:
        errors.append(
            OutreachError(
                f"统计时间（{to_local(recorded_at):%Y-%m-%d %H:%M}）早于发布日期（{item.publish_date}）", "recorded_at"
            )
        )
    return errors


def _snapshot_exists(item_id: int, recorded_at: dt.datetime, *, session: Session) -> bool:
    return (
        session.exec(
            select(OnlineMetric.id).where(OnlineMetric.item_id == item_id, OnlineMetric.recorded_at == recorded_at)
        ).first()
        is not None
    )


def record_metrics(
    data: OnlineMetricCreate, *, session: Session, now: dt.datetime | None = None
) -> OnlineMetricPublic:
    """Save one snapshot of an item's counts. A naive ``recorded_at`` is local time.

    A time later than ``now`` (default: the clock, with ``FUTURE_TOLERANCE``) is
    refused; the demo passes the day it is seeding for.
    """
    item = get_item(data.item_id, session=session)
    recorded_at = as_aware(data.recorded_at)
    values = {name: getattr(data, name) for name in METRICS}
    errors = _metric_problems(item, recorded_at, values, now)
    if not errors and _snapshot_exists(item.id, recorded_at, session=session):
        errors.append(
            OutreachError(f"该节目在 {to_local(recorded_at):%Y-%m-%d %H:%M} 已有一条统计数据", "recorded_at")
        )
    _raise_all(errors)
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
    rows = []
    for item in items:
        snap = latest.get(item.id)
        rows.append(
            ItemRow(
                id=item.id,
                title=item.title,
                channel=item.channel,
                channel_label=CHANNELS.get(item.channel, item.channel),
                publish_date=item.publish_date,
                texts=tuple(item.texts or ()),
                url=item.url,
                recorded_at=to_local(snap.recorded_at) if snap else None,
                **{name: getattr(snap, name) if snap else 0 for name in METRICS},
            )
        )
    return rows


ITEM_COLUMNS_ZH = {
    "id": "编号",
    "title": "标题",
    "channel_label": "渠道",
    "publish_date": "发布日期",
    "views": "浏览量",
    "likes": "点赞",
    "comments": "评论",
    "shares": "转发",
    "recorded_at": "最近统计时间",
}


def items_frame(rows: Iterable[ItemRow]) -> pd.DataFrame:
    """Items as a DataFrame with Chinese column names, ready to show."""
    records = [{key: getattr(r, key) for key in ITEM_COLUMNS_ZH} for r in rows]
    frame = pd.DataFrame.from_records(records, columns=list(ITEM_COLUMNS_ZH))
    frame["recorded_at"] = [f"{m:%Y-%m-%d %H:%M}" if m else "未统计" for m in frame["recorded_at"]]
    return frame.rename(columns=ITEM_COLUMNS_ZH)


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
    totals = {key: dict(items=0, **dict.fromkeys(METRICS, 0)) for key in CHANNELS}
    for row in list_items(session=session, start=start, end=end):
        bucket = totals.setdefault(row.channel, dict(items=0, **dict.fromkeys(METRICS, 0)))
        bucket["items"] += 1
        for name in METRICS:
            bucket[name] += getattr(row, name)
    return [ChannelTotals(channel=key, label=CHANNELS.get(key, key), **values) for key, values in totals.items()]


def summary_frame(rows: Iterable[ChannelTotals]) -> pd.DataFrame:
    """English columns ``channel, label, items, views, likes, comments, shares`` (for charts and JSON)."""
    columns = ["channel", "label", "items", *METRICS]
    return pd.DataFrame.from_records([vars(r) for r in rows], columns=columns)


def summary_display_frame(rows: Iterable[ChannelTotals]) -> pd.DataFrame:
    """The channel summary as shown to users (Chinese column names)."""
    columns = {"label": "渠道", "items": "节目数", **METRICS}
    return summary_frame(rows)[list(columns)].rename(columns=columns)


def activity_counts(
    start: dt.date | None = None, end: dt.date | None = None, *, session: Session
) -> dict[str, int]:
    """Items published in ``[start, end]``, keyed by integration (``{"online": n}``)."""
    query = select(func.count()).select_from(OnlineItem)
    if start is not None:
        query = query.where(OnlineItem.publish_date >= start)
    if end is not None:
        query = query.where(OnlineItem.publish_date <= end)
    return {INTEGRATION: session.exec(query).one()}


# --- CSV import ---------------------------------------------------------------------------

# Accepted header names per field (compared after stripping and lower-casing).
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "item_id": ("item_id", "id", "编号", "节目编号"),
    "title": ("title", "标题", "节目", "节目名称", "名称"),
    "channel": ("channel", "渠道", "平台"),
    "publish_date": ("publish_date", "发布日期", "发布时间"),
    "views": ("views", "浏览量", "阅读量", "播放量", "浏览"),
    "likes": ("likes", "点赞", "点赞数", "点赞量"),
    "comments": ("comments", "评论", "评论数", "评论量"),
    "shares": ("shares", "转发", "分享", "转发数", "分享数", "转发量"),
    "recorded_at": ("recorded_at", "统计时间", "统计日期", "记录时间"),
    "texts": ("texts", "篇目", "经典篇目"),
    "url": ("url", "链接"),
}
_HEADER_LOOKUP = {alias.lower(): name for name, aliases in CSV_COLUMNS.items() for alias in aliases}

_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATETIME_RE = re.compile(
    r"^(?P<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:[ T]+(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?)?$"
)


@dataclass(frozen=True)
class RowError:
    row: int  # spreadsheet row: the header is row 1
    column: str  # the column as written in the file ("" for the whole row)
    message: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行" + (f"“{self.column}”列" if self.column else "")
        return f"{where}：{self.message}"


@dataclass(frozen=True)
class MetricRow:
    """A checked row: either an existing ``item_id`` or a new item to create."""

    row: int
    item_id: int | None
    title: str
    channel: str
    publish_date: dt.date | None
    texts: tuple[str, ...]
    url: str
    recorded_at: dt.datetime
    views: int
    likes: int
    comments: int
    shares: int


@dataclass
class CsvTable:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells)
    columns: dict[str, int] = field(default_factory=dict)  # field → cell index
    ignored: list[str] = field(default_factory=list)


@dataclass
class MetricsImport:
    """Result of checking a CSV: ``valid`` rows can be saved; ``errors`` explain the others."""

    total: int
    valid: list[MetricRow]
    errors: list[RowError]
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})


@dataclass(frozen=True)
class ImportResult:
    items_created: int
    snapshots_saved: int


def _decode(data: bytes) -> str:
    # Spreadsheet exports in China are UTF-8 (often with BOM) or GBK/GB18030.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OutreachError("无法识别文件编码，请另存为 UTF-8 编码的 CSV 文件", "file")


def read_csv_table(data: bytes | str) -> CsvTable:
    """Split a CSV into header and rows and map its columns; header problems raise ``OutreachError``."""
    text = _decode(data) if isinstance(data, bytes) else data.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise OutreachError("文件是空的", "file") from None
    except csv.Error as exc:
        raise OutreachError(f"第 1 行：CSV 格式错误（{exc}）", "file") from None
    table = CsvTable(header=[h.strip().lstrip("\ufeff") for h in header], rows=[])
    for index, name in enumerate(table.header):
        key = _HEADER_LOOKUP.get(name.lower())
        if key is None:
            if name:
                table.ignored.append(name)
        elif key in table.columns:
            raise OutreachError(f"第 1 行：“{name}”列与“{table.header[table.columns[key]]}”列重复", "file")
        else:
            table.columns[key] = index
    if "item_id" not in table.columns and not {"title", "channel"} <= table.columns.keys():
        raise OutreachError("第 1 行：缺少“标题”和“渠道”列（或“编号”列），无法确定是哪个节目", "file")
    if not set(METRICS) & table.columns.keys():
        raise OutreachError("第 1 行：至少需要一列数据（浏览量、点赞、评论、转发）", "file")
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                table.rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise OutreachError(f"第 {reader.line_num} 行：CSV 格式错误（{exc}）", "file") from None
    return table


def parse_count(value: str) -> int:
    """``1,234`` → 1234, ``1.2万`` → 12000, blank → 0; anything else raises ``ValueError``."""
    value = value.strip().replace(",", "").replace("，", "")
    if not value:
        return 0
    scale = 1
    if value.endswith("万"):
        value, scale = value[:-1].strip(), 10_000
    try:
        number = Decimal(value) * scale
    except InvalidOperation:
        raise ValueError(value) from None
    if number < 0 or number != number.to_integral_value():
        raise ValueError(value)
    return int(number)


def parse_date(value: str) -> dt.date:
    match = _DATE_RE.match(value.strip())
    if not match:
        raise ValueError(value)
    return dt.date(*(int(g) for g in match.groups()))


def parse_moment(value: str) -> dt.datetime:
    """A local date with optional ``HH:MM[:SS]`` (midnight if no time), made aware."""
    match = _DATETIME_RE.match(value.strip())
    if not match:
        raise ValueError(value)
    day = parse_date(match["date"])
    return local_moment(day, dt.time(int(match["h"] or 0), int(match["m"] or 0), int(match["s"] or 0)))


def check_metrics_rows(
    table: CsvTable,
    *,
    session: Session,
    default_recorded_at: dt.datetime,
    progress: Callable[[], None] | None = None,
) -> MetricsImport:
    """Check every row of ``table`` against the database; saves nothing.

    ``default_recorded_at`` is used for rows without a 统计时间 column/cell.
    ``progress`` is called once per row (for progress bars).
    """
    default_recorded_at = as_aware(default_recorded_at)
    result = MetricsImport(total=len(table.rows), valid=[], errors=[], ignored_columns=list(table.ignored))
    seen: dict[tuple, int] = {}
    # Items the file will create, by (title, channel) → publish date, so later rows can use them.
    new_items: dict[tuple[str, str], dt.date] = {}

    for line, cells in table.rows:
        row_errors: list[RowError] = []

        def cell(name: str) -> str:
            index = table.columns.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        def column(name: str) -> str:
            return table.header[table.columns[name]] if name in table.columns else ""

        def error(name: str, message: str) -> None:
            row_errors.append(RowError(line, column(name), message))

        counts: dict[str, int] = {}
        for name in METRICS:
            try:
                counts[name] = parse_count(cell(name))
            except ValueError:
                error(name, f"应为非负整数（可写 1,234 或 1.2万），读到“{cell(name)}”")

        recorded_at = default_recorded_at
        if cell("recorded_at"):
            try:
                recorded_at = parse_moment(cell("recorded_at"))
            except ValueError:
                error("recorded_at", f"时间格式不对，读到“{cell('recorded_at')}”（例如 2026-11-20 或 2026-11-20 18:00）")

        publish_date = None
        if cell("publish_date"):
            try:
                publish_date = parse_date(cell("publish_date"))
            except ValueError:
                error("publish_date", f"日期格式不对，读到“{cell('publish_date')}”（例如 2026-11-20）")

        texts = tuple(t for t in re.split(r"[\s,，、;；]+", cell("texts")) if t)
        bad_texts = [t for t in texts if not _ID_RE.match(t)]
        if bad_texts:
            error("texts", f"经典篇目编号格式不对：{'、'.join(bad_texts)}")

        item: OnlineItem | None = None
        title, channel = cell("title"), ""
        if cell("item_id"):
            try:
                item = session.get(OnlineItem, int(cell("item_id")))
            except ValueError:
                error("item_id", f"编号应为整数，读到“{cell('item_id')}”")
            else:
                if item is None:
                    error("item_id", f"找不到编号为 {cell('item_id')} 的节目")
        else:
            key = channel_key(cell("channel")) if cell("channel") else None
            if not title:
                error("title", "标题不能为空")
            if not cell("channel"):
                error("channel", "渠道不能为空")
            elif key is None:
                error("channel", _channel_error(cell("channel")).message)
            if title and key:
                channel = key
                item = find_item(title, key, session=session)
                if item is None and publish_date is None and (title, key) not in new_items:
                    error(
                        "publish_date",
                        f"找不到节目“{title}”（{CHANNELS[key]}），新建节目需要填写发布日期",
                    )

        if item is not None:
            title, channel = item.title, item.channel
            effective_publish = item.publish_date
        else:
            effective_publish = publish_date or new_items.get((title, channel))

        if not row_errors and (future := _future_problem(recorded_at)) is not None:
            error("recorded_at" if cell("recorded_at") else "", future)
        if not row_errors and effective_publish is not None:
            if to_local(recorded_at).date() < effective_publish:
                error(
                    "recorded_at" if cell("recorded_at") else "",
                    f"统计时间（{to_local(recorded_at):%Y-%m-%d %H:%M}）早于发布日期（{effective_publish}）",
                )
            snapshot_key = (item.id if item else (title, channel), recorded_at)
            if snapshot_key in seen:
                error("", f"与第 {seen[snapshot_key]} 行是同一节目、同一统计时间，重复了")
            elif item is not None and _snapshot_exists(item.id, recorded_at, session=session):
                error("", f"该节目在 {to_local(recorded_at):%Y-%m-%d %H:%M} 已有统计数据，未重复导入")

        if row_errors:
            result.errors.extend(row_errors)
        else:
            seen[snapshot_key] = line
            if item is None:
                new_items.setdefault((title, channel), effective_publish)
            result.valid.append(
                MetricRow(
                    row=line,
                    item_id=item.id if item else None,
                    title=title,
                    channel=channel,
                    publish_date=effective_publish if item is None else None,
                    texts=texts,
                    url=cell("url"),
                    recorded_at=recorded_at,
                    **counts,
                )
            )
        if progress is not None:
            progress()
    return result


def parse_metrics_csv(
    data: bytes | str, *, session: Session, default_recorded_at: dt.datetime
) -> MetricsImport:
    """Read and check a metrics CSV (saves nothing). Header problems raise ``OutreachError``."""
    table = read_csv_table(data)
    return check_metrics_rows(table, session=session, default_recorded_at=default_recorded_at)


def apply_metrics_import(checked: MetricsImport, *, session: Session) -> ImportResult:
    """Save the valid rows of a checked import (creating new items), all in one transaction.

    Call it only after the user confirmed skipping ``checked.errors``. If the
    database changed since the check (a snapshot now exists), nothing is saved.
    """
    created: dict[tuple[str, str], int] = {}
    new_count = 0
    try:
        for row in checked.valid:
            item_id = row.item_id
            if item_id is None:
                key = (row.title, row.channel)
                if key not in created:
                    existing = find_item(row.title, row.channel, session=session)
                    if existing is None:
                        existing = OnlineItem(
                            title=row.title,
                            channel=row.channel,
                            publish_date=row.publish_date,
                            texts=list(row.texts),
                            url=row.url,
                            integration=INTEGRATION,
                        )
                        session.add(existing)
                        session.flush()
                        new_count += 1
                        created[key] = existing.id
                    else:
                        created.setdefault(key, existing.id)
                item_id = created[key]
            session.add(
                OnlineMetric(item_id=item_id, recorded_at=row.recorded_at, **{m: getattr(row, m) for m in METRICS})
            )
        session.commit()
    except IntegrityError:
        session.rollback()
        raise OutreachError("数据库中的数据在检查后发生了变化，本次未导入任何数据，请重新上传文件", "file") from None
    return ImportResult(items_created=new_count, snapshots_saved=len(checked.valid))


# --- demo data ---------------------------------------------------------------------------------

# (title, channel, when, texts, final counts as views/likes/comments/shares). ``when`` is a festival
# key (published on the festival's latest date before today) or a number of days before today.
_DEMO_ITEMS = (
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


def _demo_publish_date(when: str | int, today: dt.date) -> dt.date:
    """``when`` days before ``today``, or the festival ``when``'s latest date before ``today``."""
    if isinstance(when, int):
        return today - dt.timedelta(days=when)
    from curriculum.festivals import festivals_between

    try:
        found = festivals_between(today - dt.timedelta(days=366), today - dt.timedelta(days=1))
    except (ValueError, OSError):  # a year outside the festival tables: a plain month-old item then
        found = []
    days = [f.date for f in found if f.key == when]
    return days[-1] if days else today - dt.timedelta(days=30)


def seed_demo(*, session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Fourteen demo items across the six channels over the year before ``today``; adds nothing when run again.

    Festival items are published on the festival (its latest date before
    ``today``), the others a few days to weeks ago. Each gets a first-day
    snapshot at about 60 % of its final counts and one a week later — only
    snapshots before ``today`` (a three-day-old item has only the first).
    ``today`` defaults to the real date (tests pass a fixed day). Returns the
    number of rows created this time, by Chinese label.
    """
    today = today or local_today()
    created = {"线上节目": 0, "统计快照": 0}
    tz = local_tz()
    for title, channel, when, texts, final in _DEMO_ITEMS:
        if find_item(title, channel, session=session) is not None:
            continue
        published = _demo_publish_date(when, today)
        item = create_item(
            OnlineItemCreate(title=title, channel=channel, publish_date=published, texts=texts), session=session
        )
        created["线上节目"] += 1
        for days, share in ((1, 0.6), (7, 1.0)):
            day = published + dt.timedelta(days=days)
            if day >= today:
                break  # not counted yet
            moment = dt.datetime.combine(day, dt.time(18, 0), tzinfo=tz)
            values = {name: int(value * share) for name, value in zip(METRICS, final)}
            record_metrics(
                OnlineMetricCreate(item_id=item.id, recorded_at=moment, **values),
                session=session,
                now=dt.datetime.combine(today, dt.time(0, 0)),
            )
            created["统计快照"] += 1
    return {label: n for label, n in created.items() if n}
