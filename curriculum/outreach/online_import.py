"""Importing metric snapshots from a CSV file: check every row, then save the valid ones in one transaction.

The import is two-step on purpose: ``check_metrics_rows`` (or
``parse_metrics_csv``, which reads the file first) checks every row and saves
nothing, returning the valid rows and one Chinese error per bad cell (row
number as in a spreadsheet, the header being row 1, and the column as written
in the file); ``apply_metrics_import`` saves **the valid rows only**, and is
called only after the user has seen the errors and confirmed. Items named in
the file that do not exist yet are created when the row gives a publish date.

Each rule of a row is one function below (counts, times, texts, which item,
timing, duplicates), reading and reporting through a ``_Row``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from curriculum.imports.common import Row as _Row  # one row reader for every import
from curriculum.imports.tables import RowError
from curriculum.models.outreach import OnlineItem, OnlineMetric
from curriculum.outreach import OutreachError
from curriculum.outreach.online import (
    INTEGRATION,
    as_aware,
    before_publishing,
    channel_key,
    find_item,
    future_problem,
    snapshot_exists,
    to_local,
    unknown_channel,
)
from curriculum.outreach.online_csv import CsvTable, parse_count, parse_date, parse_moment, read_csv_table, split_texts
from curriculum.outreach.rules import is_text_id
from curriculum.vocab import CHANNELS, ONLINE_METRICS


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


# --- one row ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    """Which item a row is about: an existing one, or a new one the file will create."""

    item: OnlineItem | None
    title: str
    channel: str
    publish_date: dt.date | None  # the item's, or the one the new item will get

    @classmethod
    def existing(cls, item: OnlineItem) -> _Target:
        return cls(item, item.title, item.channel, item.publish_date)

    @property
    def key(self) -> int | tuple[str, str]:
        return self.item.id if self.item is not None else (self.title, self.channel)


def _counts(row: _Row) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in ONLINE_METRICS:
        try:
            counts[name] = parse_count(row.cell(name))
        except ValueError:
            row.error(name, f"应为非负整数（可写 1,234 或 1.2万），读到“{row.cell(name)}”")
    return counts


def _recorded_at(row: _Row, default: dt.datetime) -> dt.datetime:
    """The row's 统计时间, or ``default`` when the file gives none."""
    if not row.cell("recorded_at"):
        return default
    try:
        return parse_moment(row.cell("recorded_at"))
    except ValueError:
        row.error(
            "recorded_at", f"时间格式不对，读到“{row.cell('recorded_at')}”（例如 2026-11-20 或 2026-11-20 18:00）"
        )
        return default


def _publish_date(row: _Row) -> dt.date | None:
    if not row.cell("publish_date"):
        return None
    try:
        return parse_date(row.cell("publish_date"))
    except ValueError:
        row.error("publish_date", f"日期格式不对，读到“{row.cell('publish_date')}”（例如 2026-11-20）")
        return None


def _texts(row: _Row) -> tuple[str, ...]:
    texts = split_texts(row.cell("texts"))
    bad = [t for t in texts if not is_text_id(t)]
    if bad:
        row.error("texts", f"经典篇目编号格式不对：{'、'.join(bad)}")
    return texts


def _item_by_id(row: _Row, *, session: Session) -> _Target:
    """The item the 编号 column names; it must exist."""
    raw = row.cell("item_id")
    try:
        item = session.get(OnlineItem, int(raw))
    except ValueError:
        row.error("item_id", f"编号应为整数，读到“{raw}”")
        return _Target(None, row.cell("title"), "", None)
    if item is None:
        row.error("item_id", f"找不到编号为 {raw} 的节目")
        return _Target(None, row.cell("title"), "", None)
    return _Target.existing(item)


def _title_and_channel(row: _Row) -> tuple[str, str | None]:
    """The row's title and channel key; blanks and unknown channels are reported."""
    title, raw = row.cell("title"), row.cell("channel")
    if not title:
        row.error("title", "标题不能为空")
    if not raw:
        row.error("channel", "渠道不能为空")
        return title, None
    key = channel_key(raw)
    if key is None:
        row.error("channel", unknown_channel(raw))
    return title, key


def _item_by_title(
    row: _Row, publish_date: dt.date | None, new_items: dict[tuple[str, str], dt.date], *, session: Session
) -> _Target:
    """The item named by title and channel: an existing one, one created by an earlier row, or a new one.

    A new item needs a publish date, from this row or from the earlier row that introduced it.
    """
    title, channel = _title_and_channel(row)
    if not (title and channel):
        return _Target(None, title, "", None)
    item = find_item(title, channel, session=session)
    if item is not None:
        return _Target.existing(item)
    published = publish_date or new_items.get((title, channel))
    if published is None:
        row.error("publish_date", f"找不到节目“{title}”（{CHANNELS[channel]}），新建节目需要填写发布日期")
    return _Target(None, title, channel, published)


def _timing(row: _Row, recorded_at: dt.datetime, target: _Target) -> bool:
    """Counts cannot be read in the future or before publishing; ``False`` when the time is in the future."""
    column = "recorded_at" if row.cell("recorded_at") else ""  # a default time is nobody's typo: the whole row
    if (future := future_problem(recorded_at)) is not None:
        row.error(column, future)
        return False
    if target.publish_date is not None and (early := before_publishing(recorded_at, target.publish_date)):
        row.error(column, early)
    return True


def _duplicate(
    row: _Row, target: _Target, recorded_at: dt.datetime, seen: dict[tuple, int], *, session: Session
) -> None:
    """One snapshot per item and moment: not twice in the file, not again if already saved."""
    if (target.key, recorded_at) in seen:
        row.error("", f"与第 {seen[target.key, recorded_at]} 行是同一节目、同一统计时间，重复了")
    elif target.item is not None and snapshot_exists(target.item.id, recorded_at, session=session):
        row.error("", f"该节目在 {to_local(recorded_at):%Y-%m-%d %H:%M} 已有统计数据，未重复导入")


# --- the whole file ------------------------------------------------------------------------


@dataclass
class _Checker:
    """The state rows share: earlier rows' snapshots and the new items they introduce."""

    session: Session
    default_recorded_at: dt.datetime
    seen: dict[tuple, int] = field(default_factory=dict)  # (item, moment) → first row with it
    new_items: dict[tuple[str, str], dt.date] = field(default_factory=dict)  # (title, channel) → publish date

    def check(self, row: _Row) -> MetricRow | None:
        """The checked row, or ``None`` with ``row.errors`` saying why not."""
        counts = _counts(row)
        recorded_at = _recorded_at(row, self.default_recorded_at)
        publish_date = _publish_date(row)
        texts = _texts(row)
        if row.cell("item_id"):
            target = _item_by_id(row, session=self.session)
        else:
            target = _item_by_title(row, publish_date, self.new_items, session=self.session)
        # Timing and duplicates only mean something once the row itself reads well.
        if not row.errors and _timing(row, recorded_at, target):
            _duplicate(row, target, recorded_at, self.seen, session=self.session)
        if row.errors:
            return None
        self.seen[target.key, recorded_at] = row.line
        if target.item is None:
            self.new_items.setdefault((target.title, target.channel), target.publish_date)
        return MetricRow(
            row=row.line,
            item_id=target.item.id if target.item else None,
            title=target.title,
            channel=target.channel,
            publish_date=target.publish_date if target.item is None else None,
            texts=texts,
            url=row.cell("url"),
            recorded_at=recorded_at,
            **counts,
        )


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
    checker = _Checker(session, as_aware(default_recorded_at))
    result = MetricsImport(total=len(table.rows), valid=[], errors=[], ignored_columns=list(table.ignored))
    for line, cells in table.rows:
        row = _Row(table, line, cells)
        checked = checker.check(row)
        if checked is None:
            result.errors.extend(row.errors)
        else:
            result.valid.append(checked)
        if progress is not None:
            progress()
    return result


def parse_metrics_csv(data: bytes | str, *, session: Session, default_recorded_at: dt.datetime) -> MetricsImport:
    """Read and check a metrics CSV (saves nothing). Header problems raise ``OutreachError``."""
    table = read_csv_table(data)
    return check_metrics_rows(table, session=session, default_recorded_at=default_recorded_at)


def _item_id_for(row: MetricRow, created: dict[tuple[str, str], int], *, session: Session) -> tuple[int, bool]:
    """The id of the row's item, creating it (unflushed rows included) the first time; ``True`` if created."""
    if row.item_id is not None:
        return row.item_id, False
    key = (row.title, row.channel)
    if key in created:
        return created[key], False
    existing = find_item(row.title, row.channel, session=session)
    if existing is not None:  # created by someone else since the check
        created[key] = existing.id
        return existing.id, False
    item = OnlineItem(
        title=row.title,
        channel=row.channel,
        publish_date=row.publish_date,
        texts=list(row.texts),
        url=row.url,
        integration=INTEGRATION,
    )
    session.add(item)
    session.flush()  # the snapshot needs the item's id, in the same transaction
    created[key] = item.id
    return item.id, True


def apply_metrics_import(checked: MetricsImport, *, session: Session) -> ImportResult:
    """Save the valid rows of a checked import (creating new items), all in one transaction.

    Call it only after the user confirmed skipping ``checked.errors``. If the
    database changed since the check (a snapshot now exists), nothing is saved.
    """
    created: dict[tuple[str, str], int] = {}
    new_count = 0
    try:
        for row in checked.valid:
            item_id, is_new = _item_id_for(row, created, session=session)
            new_count += is_new
            values = {m: getattr(row, m) for m in ONLINE_METRICS}
            session.add(OnlineMetric(item_id=item_id, recorded_at=row.recorded_at, **values))
        session.commit()
    except IntegrityError:
        session.rollback()
        raise OutreachError("数据库中的数据在检查后发生了变化，本次未导入任何数据，请重新上传文件", "file") from None
    return ImportResult(items_created=new_count, snapshots_saved=len(checked.valid))
