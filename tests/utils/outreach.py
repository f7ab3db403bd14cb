"""Factories for training and online records: a valid record in one call, any field overridable.

Defaults are the ones the outreach tests were written against (a principals'
batch in the week of 2026-03-09, a 公众号 item published 2026-09-25).
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from curriculum.models.outreach import (
    OnlineItemCreate,
    OnlineItemPublic,
    OnlineMetricCreate,
    OnlineMetricPublic,
    TraineeCreate,
    TraineePublic,
    TrainingBatchCreate,
    TrainingBatchPublic,
    TrainingSessionCreate,
    TrainingSessionPublic,
)
from curriculum.outreach import online, trainees, training

D = dt.date
FIRST_SESSION_DAY = D(2026, 3, 9)  # the default batch's first day
PUBLISHED = D(2026, 9, 25)  # the default item's publish day (中秋 2026)


def make_batch(session: Session, **overrides) -> TrainingBatchPublic:
    data = dict(
        name="第一期校长培训班",
        cohort="principals",
        start_date=FIRST_SESSION_DAY,
        end_date=D(2026, 3, 13),
        organiser="市教育局",
        location="培训中心",
        planned_participants=40,
    )
    data.update(overrides)
    return training.create_batch(TrainingBatchCreate(**data), session=session)


def make_session(
    session: Session, batch_id: int, day: dt.date = FIRST_SESSION_DAY, **overrides
) -> TrainingSessionPublic:
    data = dict(batch_id=batch_id, date=day, start_time=dt.time(9), end_time=dt.time(11), topic="《论语》导读")
    data.update(overrides)
    return training.create_session(TrainingSessionCreate(**data), session=session)


def make_trainee(session: Session, name: str = "张三", **kw) -> TraineePublic:
    return trainees.create_trainee(TraineeCreate(name=name, organisation="市实验小学", **kw), session=session)


def make_item(
    session: Session,
    title: str = "中秋诗会",
    channel: str = "wechat_account",
    published: dt.date = PUBLISHED,
    **kw,
) -> OnlineItemPublic:
    return online.create_item(
        OnlineItemCreate(title=title, channel=channel, publish_date=published, **kw), session=session
    )


def make_metric(
    session: Session, item_id: int, when: dt.datetime, views: int, likes: int = 0, comments: int = 0, shares: int = 0
) -> OnlineMetricPublic:
    return online.create_metric(
        OnlineMetricCreate(
            item_id=item_id, recorded_at=when, views=views, likes=likes, comments=comments, shares=shares
        ),
        session=session,
    )
