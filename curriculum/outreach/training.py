"""Teacher and cadre training (师资培训): batches, sessions, trainees, attendance, completion.

The programme trains officials, theory backbones, school principals and
kindergarten directors "分期分批" (batch by batch) and invites "省内外文化名家"
and experienced principals or teachers to lecture. This module is the domain
core for that line (integration key ``teachers``):

* ``create_batch`` / ``add_session`` / ``create_trainee`` / ``enrol`` validate
  everything first and raise ``OutreachError`` (Chinese message, field name)
  without writing anything when input is wrong;
* ``create_and_enrol`` (new trainee + enrolment) and ``enrol_many`` (several
  trainees) save all or nothing, in one transaction;
* ``record_attendance`` stores one present/absent mark per enrolled trainee;
* ``completion_report`` applies the batch's completion rule (attended at least
  ``completion_percent`` % of the batch's sessions → 结业).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import pandas as pd
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from curriculum.catalog.schema import ID_PATTERN
from curriculum.clock import local_today
from curriculum.models.outreach import (
    Trainee,
    TraineeCreate,
    TraineePublic,
    TrainingAttendance,
    TrainingBatch,
    TrainingBatchCreate,
    TrainingBatchPublic,
    TrainingEnrolment,
    TrainingSession,
    TrainingSessionCreate,
    TrainingSessionPublic,
)
from curriculum.outreach import OutreachError
from curriculum.phones import PhoneError, mask_phone, normalise_phone  # re-exported: old import paths
from curriculum.vocab import COHORTS, INTEGRATIONS, SPEAKER_KINDS
from curriculum.vocab import TRAINING_MODES as MODES

INTEGRATION = "teachers"
assert INTEGRATION in INTEGRATIONS  # the six-integrations key dashboards count by




DEFAULT_COMPLETION_PERCENT = 80

_ID_RE = re.compile(ID_PATTERN)


# --- helpers ------------------------------------------------------------------


def _check_texts(texts: Iterable[str], errors: list[OutreachError]) -> list[str]:
    cleaned = [t.strip() for t in texts if t and t.strip()]
    bad = [t for t in cleaned if not _ID_RE.match(t)]
    if bad:
        errors.append(OutreachError(f"经典篇目编号格式不对：{'、'.join(bad)}（应为书目中的英文编号）", "texts"))
    return list(dict.fromkeys(cleaned))


def _raise_first(errors: list[OutreachError]) -> None:
    if errors:
        if len(errors) == 1:
            raise errors[0]
        raise OutreachError("；".join(e.message for e in errors), errors[0].field)


def _trainee_public(trainee: Trainee) -> TraineePublic:
    return TraineePublic(
        id=trainee.id, name=trainee.name, organisation=trainee.organisation, phone_masked=mask_phone(trainee.phone)
    )


# --- batches ------------------------------------------------------------------


def validate_batch(data: TrainingBatchCreate) -> TrainingBatchCreate:
    """Return a cleaned copy of ``data`` or raise ``OutreachError`` naming every problem."""
    errors: list[OutreachError] = []
    name = data.name.strip()
    if not name:
        errors.append(OutreachError("培训名称不能为空", "name"))
    if data.cohort not in COHORTS:
        errors.append(OutreachError(f"未知培训对象：{data.cohort}（可选：{'、'.join(COHORTS.values())}）", "cohort"))
    if data.end_date < data.start_date:
        errors.append(
            OutreachError(f"结束日期（{data.end_date}）早于开始日期（{data.start_date}）", "end_date")
        )
    if data.planned_participants < 0:
        errors.append(OutreachError("计划人数不能为负数", "planned_participants"))
    if not 1 <= data.completion_percent <= 100:
        errors.append(OutreachError("结业要求（出勤比例）应在 1%–100% 之间", "completion_percent"))
    _raise_first(errors)
    return data.model_copy(
        update={"name": name, "organiser": data.organiser.strip(), "location": data.location.strip()}
    )


def create_batch(data: TrainingBatchCreate, *, session: Session) -> TrainingBatchPublic:
    """Create a training batch (期/批次); nothing is saved if ``data`` is invalid."""
    data = validate_batch(data)
    batch = TrainingBatch.model_validate(data, update={"integration": INTEGRATION})
    session.add(batch)
    session.commit()
    session.refresh(batch)
    return TrainingBatchPublic.model_validate(batch)


def get_batch(batch_id: int, *, session: Session) -> TrainingBatch:
    batch = session.get(TrainingBatch, batch_id)
    if batch is None:
        raise OutreachError(f"找不到编号为 {batch_id} 的培训批次", "batch_id")
    return batch


@dataclass(frozen=True)
class BatchSummary:
    id: int
    name: str
    cohort: str
    cohort_label: str
    start_date: dt.date
    end_date: dt.date
    organiser: str
    location: str
    planned_participants: int
    completion_percent: int
    sessions: int
    enrolled: int


def list_batches(*, session: Session, cohort: str | None = None) -> list[BatchSummary]:
    """Every batch (newest first) with its session and enrolment counts."""
    query = select(TrainingBatch).order_by(col(TrainingBatch.start_date).desc(), col(TrainingBatch.id).desc())
    if cohort:
        query = query.where(TrainingBatch.cohort == cohort)
    batches = session.exec(query).all()
    session_counts = dict(
        session.exec(select(TrainingSession.batch_id, func.count()).group_by(TrainingSession.batch_id)).all()
    )
    enrol_counts = dict(
        session.exec(select(TrainingEnrolment.batch_id, func.count()).group_by(TrainingEnrolment.batch_id)).all()
    )
    return [
        BatchSummary(
            id=b.id,
            name=b.name,
            cohort=b.cohort,
            cohort_label=COHORTS.get(b.cohort, b.cohort),
            start_date=b.start_date,
            end_date=b.end_date,
            organiser=b.organiser,
            location=b.location,
            planned_participants=b.planned_participants,
            completion_percent=b.completion_percent,
            sessions=session_counts.get(b.id, 0),
            enrolled=enrol_counts.get(b.id, 0),
        )
        for b in batches
    ]


# --- sessions -----------------------------------------------------------------


def validate_session(data: TrainingSessionCreate, *, session: Session) -> TrainingSessionCreate:
    """Check a session against its batch; raise ``OutreachError`` naming every problem."""
    batch = get_batch(data.batch_id, session=session)
    errors: list[OutreachError] = []
    topic = data.topic.strip()
    if not topic:
        errors.append(OutreachError("课程主题不能为空", "topic"))
    if not batch.start_date <= data.date <= batch.end_date:
        errors.append(
            OutreachError(
                f"上课日期 {data.date} 不在本期培训时间（{batch.start_date} 至 {batch.end_date}）内", "date"
            )
        )
    if data.end_time <= data.start_time:
        errors.append(
            OutreachError(
                f"结束时间（{data.end_time:%H:%M}）应晚于开始时间（{data.start_time:%H:%M}）", "end_time"
            )
        )
    if data.mode not in MODES:
        errors.append(OutreachError(f"未知授课方式：{data.mode}（可选：线下、线上）", "mode"))
    if data.speaker_kind and data.speaker_kind not in SPEAKER_KINDS:
        errors.append(
            OutreachError(
                f"未知主讲人类别：{data.speaker_kind}（可选：{'、'.join(SPEAKER_KINDS.values())}）", "speaker_kind"
            )
        )
    speaker = data.speaker_name.strip()
    if not speaker and (data.speaker_kind or data.speaker_affiliation.strip()):
        errors.append(OutreachError("填写了主讲人单位或类别时，请同时填写主讲人姓名", "speaker_name"))
    texts = _check_texts(data.texts, errors)
    _raise_first(errors)
    return data.model_copy(
        update={
            "topic": topic,
            "speaker_name": speaker,
            "speaker_affiliation": data.speaker_affiliation.strip(),
            "texts": texts,
        }
    )


def add_session(data: TrainingSessionCreate, *, session: Session) -> TrainingSessionPublic:
    """Add a session (课次) to its batch; nothing is saved if ``data`` is invalid."""
    data = validate_session(data, session=session)
    row = TrainingSession.model_validate(data)
    session.add(row)
    session.commit()
    session.refresh(row)
    return TrainingSessionPublic.model_validate(row)


def list_sessions(batch_id: int, *, session: Session) -> list[TrainingSessionPublic]:
    rows = session.exec(
        select(TrainingSession)
        .where(TrainingSession.batch_id == batch_id)
        .order_by(col(TrainingSession.date), col(TrainingSession.start_time), col(TrainingSession.id))
    ).all()
    return [TrainingSessionPublic.model_validate(r) for r in rows]


def session_label(s: TrainingSessionPublic) -> str:
    """``2026-03-14 09:00–11:00 论语导读（张三）`` — how a session is named in lists."""
    speaker = f"（{s.speaker_name}）" if s.speaker_name else ""
    return f"{s.date} {s.start_time:%H:%M}–{s.end_time:%H:%M} {s.topic}{speaker}"


# --- trainees and enrolment -----------------------------------------------------


def _new_trainee(data: TraineeCreate, errors: list[OutreachError]) -> Trainee:
    """An unsaved ``Trainee`` from ``data``; problems are appended to ``errors``."""
    name = data.name.strip()
    if not name:
        errors.append(OutreachError("学员姓名不能为空", "name"))
    try:
        phone = normalise_phone(data.phone)
    except PhoneError as err:
        errors.append(OutreachError(str(err), "phone"))
        phone = None
    return Trainee(name=name, organisation=data.organisation.strip(), phone=phone)


def _enrolment_problems(batch_id: int, trainee_ids: list[int], *, session: Session) -> list[OutreachError]:
    """Everything that would stop enrolling ``trainee_ids`` in the batch, each named."""
    errors: list[OutreachError] = []
    try:
        get_batch(batch_id, session=session)
    except OutreachError as err:
        errors.append(err)
    if not trainee_ids:
        return errors
    found = {t.id: t for t in session.exec(select(Trainee).where(col(Trainee.id).in_(trainee_ids))).all()}
    missing = [i for i in trainee_ids if i not in found]
    if missing:
        errors.append(OutreachError(f"找不到编号为 {'、'.join(map(str, missing))} 的学员", "trainee_id"))
    already = set(
        session.exec(
            select(TrainingEnrolment.trainee_id).where(
                TrainingEnrolment.batch_id == batch_id, col(TrainingEnrolment.trainee_id).in_(trainee_ids)
            )
        ).all()
    )
    names = [f"“{found[i].name}”" for i in trainee_ids if i in already and i in found]
    if names:
        errors.append(OutreachError(f"学员{'、'.join(names)}已报名本期培训，不能重复报名", "trainee_id"))
    return errors


def _commit_or_rollback(session: Session, message: str) -> None:
    """Commit the pending rows as one transaction; on any failure roll all of them back.

    A constraint the database enforces (a concurrent enrolment, a batch deleted
    meanwhile) becomes ``OutreachError(message)``; other errors propagate.
    """
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise OutreachError(message, "trainee_id") from None
    except BaseException:
        session.rollback()
        raise


def create_trainee(data: TraineeCreate, *, session: Session) -> TraineePublic:
    """Add a trainee; the phone is optional, stored as given (digits) and only ever shown masked."""
    errors: list[OutreachError] = []
    trainee = _new_trainee(data, errors)
    _raise_first(errors)
    session.add(trainee)
    session.commit()
    session.refresh(trainee)
    return _trainee_public(trainee)


def create_and_enrol(data: TraineeCreate, batch_id: int, *, session: Session) -> TraineePublic:
    """Add a new trainee and enrol them in the batch, all or nothing.

    The trainee's fields and the batch are checked first (every problem named
    at once); the trainee and the enrolment are then saved in one transaction,
    so a failure never leaves a trainee who is not enrolled.
    """
    errors: list[OutreachError] = []
    try:
        get_batch(batch_id, session=session)
    except OutreachError as err:
        errors.append(err)
    trainee = _new_trainee(data, errors)
    _raise_first(errors)
    try:
        session.add(trainee)
        session.flush()  # the enrolment needs the trainee's id, in the same transaction
        session.add(TrainingEnrolment(batch_id=batch_id, trainee_id=trainee.id))
    except BaseException:
        session.rollback()
        raise
    _commit_or_rollback(session, "数据库拒绝了这次报名（培训批次可能刚被删除），学员和报名都没有保存，请刷新后重试")
    session.refresh(trainee)
    return _trainee_public(trainee)


def list_trainees(*, session: Session) -> list[TraineePublic]:
    rows = session.exec(select(Trainee).order_by(col(Trainee.name), col(Trainee.id))).all()
    return [_trainee_public(t) for t in rows]


def enrol_many(batch_id: int, trainee_ids: Iterable[int], *, session: Session) -> list[TraineePublic]:
    """Enrol several existing trainees in a batch, all or nothing; returns those enrolled.

    Every id is checked first (batch exists, each trainee exists and is not yet
    enrolled — all problems named in one message); then all enrolments are saved
    in one transaction. Repeated ids count once; an empty list saves nothing.
    """
    ids = list(dict.fromkeys(trainee_ids))
    _raise_first(_enrolment_problems(batch_id, ids, session=session))
    if not ids:
        return []
    session.add_all(TrainingEnrolment(batch_id=batch_id, trainee_id=i) for i in ids)
    _commit_or_rollback(session, "有学员刚被他人报名或已被删除，本次没有报名任何人，请刷新后重试")
    trainees = {t.id: t for t in session.exec(select(Trainee).where(col(Trainee.id).in_(ids))).all()}
    return [_trainee_public(trainees[i]) for i in ids]


def enrol(batch_id: int, trainee_id: int, *, session: Session) -> None:
    """Enrol one trainee in a batch; enrolling twice is an error and changes nothing."""
    enrol_many(batch_id, [trainee_id], session=session)


def list_enrolled(batch_id: int, *, session: Session) -> list[TraineePublic]:
    rows = session.exec(
        select(Trainee)
        .join(TrainingEnrolment, col(TrainingEnrolment.trainee_id) == col(Trainee.id))
        .where(TrainingEnrolment.batch_id == batch_id)
        .order_by(col(Trainee.name), col(Trainee.id))
    ).all()
    return [_trainee_public(t) for t in rows]


# --- attendance -------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceLine:
    trainee_id: int
    name: str
    organisation: str
    present: bool | None  # None: not recorded yet


def attendance_sheet(session_id: int, *, session: Session) -> list[AttendanceLine]:
    """The checklist for one session: every enrolled trainee and their mark so far."""
    row = session.get(TrainingSession, session_id)
    if row is None:
        raise OutreachError(f"找不到编号为 {session_id} 的课次", "session_id")
    marks = dict(
        session.exec(
            select(TrainingAttendance.trainee_id, TrainingAttendance.present).where(
                TrainingAttendance.session_id == session_id
            )
        ).all()
    )
    return [
        AttendanceLine(t.id, t.name, t.organisation, marks.get(t.id))
        for t in list_enrolled(row.batch_id, session=session)
    ]


def record_attendance(session_id: int, present_ids: Iterable[int], *, session: Session) -> int:
    """Mark the trainees in ``present_ids`` present and every other enrolled trainee absent.

    Returns the number present. A trainee who is not enrolled in the session's
    batch is an error and nothing is saved.
    """
    row = session.get(TrainingSession, session_id)
    if row is None:
        raise OutreachError(f"找不到编号为 {session_id} 的课次", "session_id")
    present = set(present_ids)
    enrolled = {t.id for t in list_enrolled(row.batch_id, session=session)}
    strangers = sorted(present - enrolled)
    if strangers:
        raise OutreachError(
            f"学员编号 {'、'.join(map(str, strangers))} 未报名本期培训，不能记考勤", "present_ids"
        )
    existing = {
        a.trainee_id: a
        for a in session.exec(select(TrainingAttendance).where(TrainingAttendance.session_id == session_id)).all()
    }
    for trainee_id in enrolled:
        mark = existing.get(trainee_id) or TrainingAttendance(session_id=session_id, trainee_id=trainee_id)
        mark.present = trainee_id in present
        session.add(mark)
    session.commit()
    return len(present)


# --- completion ---------------------------------------------------------------------


@dataclass(frozen=True)
class CompletionRow:
    trainee_id: int
    name: str
    organisation: str
    attended: int
    total: int
    required: int
    completed: bool

    @property
    def rate(self) -> float:
        return self.attended / self.total if self.total else 0.0


def required_sessions(total: int, percent: int) -> int:
    """Sessions needed to complete: ``percent`` % of ``total``, rounded up (80 % of 4 → 4, of 5 → 4)."""
    return math.ceil(total * percent / 100)


def completion_report(batch_id: int, *, session: Session) -> list[CompletionRow]:
    """Per enrolled trainee: sessions attended, sessions held, and whether they complete (结业).

    A batch without sessions completes nobody.
    """
    batch = get_batch(batch_id, session=session)
    session_ids = [s.id for s in list_sessions(batch_id, session=session)]
    total = len(session_ids)
    required = required_sessions(total, batch.completion_percent)
    attended: dict[int, int] = {}
    if session_ids:
        attended = dict(
            session.exec(
                select(TrainingAttendance.trainee_id, func.count())
                .where(col(TrainingAttendance.session_id).in_(session_ids), col(TrainingAttendance.present))
                .group_by(TrainingAttendance.trainee_id)
            ).all()
        )
    return [
        CompletionRow(
            trainee_id=t.id,
            name=t.name,
            organisation=t.organisation,
            attended=attended.get(t.id, 0),
            total=total,
            required=required,
            completed=total > 0 and attended.get(t.id, 0) >= required,
        )
        for t in list_enrolled(batch_id, session=session)
    ]


COMPLETION_COLUMNS_ZH = {
    "name": "姓名",
    "organisation": "单位",
    "attended": "出勤课次",
    "total": "总课次",
    "required": "结业需出勤",
    "rate": "出勤率",
    "completed": "结业",
}


def completion_frame(rows: Iterable[CompletionRow]) -> pd.DataFrame:
    """The report as a DataFrame (English columns, see ``COMPLETION_COLUMNS_ZH`` for display)."""
    records = [{**asdict(r), "rate": r.rate} for r in rows]
    columns = ["trainee_id", *COMPLETION_COLUMNS_ZH]
    return pd.DataFrame.from_records(records, columns=columns)


# --- dashboards -----------------------------------------------------------------------


def activity_counts(
    start: dt.date | None = None, end: dt.date | None = None, *, session: Session
) -> dict[str, int]:
    """Training sessions held in ``[start, end]``, keyed by integration (``{"teachers": n}``)."""
    query = select(func.count()).select_from(TrainingSession)
    if start is not None:
        query = query.where(TrainingSession.date >= start)
    if end is not None:
        query = query.where(TrainingSession.date <= end)
    return {INTEGRATION: session.exec(query).one()}


# --- demo data ----------------------------------------------------------------------------

# The demo batches, with session dates as day offsets from the batch's first day (see ``_demo_batches``).
# Each session: (offset, topic, texts, speaker, speaker kind, affiliation, mode).
_DEMO_SUMMER = {
    "batch": dict(
        name="{y}年暑期中小学校长、幼儿园园长经典诵读培训班",
        cohort="principals",
        organiser="市教育局",
        location="市教育局培训中心",
        planned_participants=80,
    ),
    "hours": (dt.time(9, 0), dt.time(11, 30)),
    "sessions": (
        (0, "校本经典诵读教材的编写", [], "孙校长", "practitioner", "市实验小学", "offline"),
        (1, "《弟子规》《三字经》与幼儿语感培养", ["dizigui", "sanzijing"], "吴园长", "practitioner", "市第二实验幼儿园", "offline"),
        (2, "每日诵读半小时：课时安排与学科融合", [], "郑老师", "practitioner", "市第一中学", "online"),
    ),
    "trainees": (
        ("马俊", "市实验中学", None),
        ("朱红梅", "市第三小学", "13700003333"),
        ("胡晓燕", "市第一幼儿园", None),
    ),
    "present": {0: (0, 1, 2), 1: (0, 1, 2), 2: (1, 2)},
}
_DEMO_CADRES = {
    "batch": dict(
        name="{y}–{y1} 学年党政机关干部经典诵读培训班",
        cohort="cadres",
        organiser="市委宣传部、市教育局",
        location="市委党校报告厅",
        planned_participants=60,
    ),
    "hours": (dt.time(9, 0), dt.time(11, 30)),
    "sessions": (
        (0, "《论语》导读：修身与为政", ["lunyu"], "王教授", "cultural_expert", "省社会科学院", "offline"),
        (1, "《大学》三纲八目", ["daxue"], "李教授", "cultural_expert", "河南大学文学院", "offline"),
        (2, "《道德经》选读", ["daodejing"], "周研究员", "cultural_expert", "北京师范大学", "online"),
        (3, "红色经典诵读与讲解", ["manjianghong"], "赵校长", "practitioner", "市第五初级中学", "offline"),
        (4, "集中诵读展示与结业", [], "", "", "", "offline"),
    ),
    "trainees": (
        ("陈志刚", "市委办公室", "13800001111"),
        ("刘芳", "市政府研究室", None),
        ("杨建国", "源汇区委宣传部", "13900002222"),
        ("黄丽", "郾城区文明办", None),
    ),
    # Sessions attended, by trainee index (the last one falls short of 80 %).
    "present": {0: (0, 1, 2, 3, 4), 1: (0, 1, 2, 3), 2: (0, 2, 3, 4), 3: (0, 4)},
}
_DEMO_TEACHERS = {
    "batch": dict(
        name="{y}–{y1} 学年中小学经典诵读骨干教师研修班",
        cohort="teachers",
        organiser="市教育局",
        location="漯河市第二实验小学",
        planned_participants=40,
    ),
    # Weekly, on Wednesday afternoons.
    "hours": (dt.time(15, 0), dt.time(17, 0)),
    "sessions": (
        (0, "经典诵读课堂的组织与评价", [], "钱老师", "practitioner", "漯河市第二实验小学", "offline"),
        (7, "《千字文》的韵律与诵读节奏", ["qianziwen"], "李教授", "cultural_expert", "河南大学文学院", "offline"),
        (14, "吟诵入门：平长仄短", [], "冯老师", "practitioner", "市文化馆", "online"),
        (21, "《论语》选章的讲解与背诵检查", ["lunyu"], "王教授", "cultural_expert", "省社会科学院", "offline"),
        (28, "节日诵读活动的设计（冬至、春节）", [], "赵校长", "practitioner", "漯河市第五初级中学", "offline"),
        (35, "研修汇报与诵读展示", [], "", "", "", "offline"),
    ),
    "trainees": (
        ("王静", "漯河市第二实验小学", "13600004444"),
        ("李娜", "漯河市第二实验小学", None),
        ("张伟", "漯河市第五初级中学", None),
        ("刘洋", "漯河市第五初级中学", "13500005555"),
        ("陈敏", "市第三小学", None),
    ),
    "present": {0: (0, 1, 2, 3), 1: (0, 1, 3), 2: (0, 1, 2, 3), 3: (1, 2, 3), 4: (0, 2)},
}


def _demo_batches(today: dt.date) -> list[tuple[dict, dt.date]]:
    """The demo batches with their first days, placed around ``today``.

    One finished this school year (cadres, a Monday-to-Friday week about six
    weeks ago), one running (teachers, weekly on Wednesdays, three weeks in),
    and the summer course before the school year (principals, 13–15 July). The
    names carry the school year, so seeding again within a year adds nothing.
    """
    year = today.year if today.month >= 9 else today.year - 1
    monday = today - dt.timedelta(days=today.weekday())
    placed = (
        (_DEMO_SUMMER, dt.date(year, 7, 13)),
        (_DEMO_CADRES, monday - dt.timedelta(weeks=6)),
        (_DEMO_TEACHERS, monday + dt.timedelta(days=2) - dt.timedelta(weeks=3)),
    )
    out = []
    for spec, first in placed:
        batch = dict(spec["batch"], name=spec["batch"]["name"].format(y=year, y1=year + 1))
        out.append(({**spec, "batch": batch}, first))
    return out


def seed_demo(*, session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Three demo batches around ``today`` with sessions, trainees and attendance; run again, it adds nothing.

    ``today`` defaults to the real date (tests pass a fixed day). Attendance is
    recorded for the sessions before ``today`` only: the running batch's later
    sessions are still to come. Returns the number of rows created this time,
    by Chinese label (empty when everything was already there).
    """
    today = today or local_today()
    created = {"培训批次": 0, "课次": 0, "学员": 0, "报名": 0, "考勤记录": 0}
    for spec, first in _demo_batches(today):
        exists = session.exec(select(TrainingBatch).where(TrainingBatch.name == spec["batch"]["name"])).first()
        if exists is not None:
            continue
        days = [first + dt.timedelta(days=row[0]) for row in spec["sessions"]]
        batch = create_batch(TrainingBatchCreate(**spec["batch"], start_date=days[0], end_date=days[-1]),
                             session=session)
        created["培训批次"] += 1
        session_ids = []
        for day, (_offset, topic, texts, speaker, kind, affiliation, mode) in zip(days, spec["sessions"]):
            s = add_session(
                TrainingSessionCreate(
                    batch_id=batch.id,
                    date=day,
                    start_time=spec["hours"][0],
                    end_time=spec["hours"][1],
                    topic=topic,
                    texts=texts,
                    speaker_name=speaker,
                    speaker_kind=kind,
                    speaker_affiliation=affiliation,
                    mode=mode,
                ),
                session=session,
            )
            session_ids.append(s.id)
            created["课次"] += 1
        trainee_ids = []
        for name, organisation, phone in spec["trainees"]:
            trainee = session.exec(
                select(Trainee).where(Trainee.name == name, Trainee.organisation == organisation)
            ).first()
            if trainee is None:
                trainee_id = create_trainee(
                    TraineeCreate(name=name, organisation=organisation, phone=phone), session=session
                ).id
                created["学员"] += 1
            else:
                trainee_id = trainee.id
            enrol(batch.id, trainee_id, session=session)
            created["报名"] += 1
            trainee_ids.append(trainee_id)
        for index, (session_id, day) in enumerate(zip(session_ids, days)):
            if day >= today:
                continue  # not held yet
            present = [trainee_ids[t] for t, attended in spec["present"].items() if index in attended]
            record_attendance(session_id, present, session=session)
            created["考勤记录"] += len(trainee_ids)
    return {label: n for label, n in created.items() if n}


# --- display tables ----------------------------------------------------------------------------
# Plain DataFrames with Chinese column names, so pages only render.


def batches_frame(rows: Iterable[BatchSummary]) -> pd.DataFrame:
    columns = {
        "id": "编号",
        "name": "培训名称",
        "cohort_label": "培训对象",
        "start_date": "开始日期",
        "end_date": "结束日期",
        "organiser": "主办单位",
        "location": "地点",
        "planned_participants": "计划人数",
        "enrolled": "已报名",
        "sessions": "课次",
        "completion_percent": "结业出勤要求(%)",
    }
    records = [{key: getattr(r, key) for key in columns} for r in rows]
    return pd.DataFrame.from_records(records, columns=list(columns)).rename(columns=columns)


def sessions_frame(rows: Iterable[TrainingSessionPublic], text_titles: dict[str, str] | None = None) -> pd.DataFrame:
    """Sessions for display; ``text_titles`` (catalog id → title) names the texts when available."""
    text_titles = text_titles or {}
    records = [
        {
            "编号": s.id,
            "日期": s.date,
            "时间": f"{s.start_time:%H:%M}–{s.end_time:%H:%M}",
            "主题": s.topic,
            "主讲人": s.speaker_name,
            "主讲人类别": SPEAKER_KINDS.get(s.speaker_kind, ""),
            "单位": s.speaker_affiliation,
            "方式": MODES.get(s.mode, s.mode),
            "经典篇目": "、".join(text_titles.get(t, t) for t in s.texts),
        }
        for s in rows
    ]
    return pd.DataFrame.from_records(
        records, columns=["编号", "日期", "时间", "主题", "主讲人", "主讲人类别", "单位", "方式", "经典篇目"]
    )


def trainees_frame(rows: Iterable[TraineePublic]) -> pd.DataFrame:
    records = [{"编号": t.id, "姓名": t.name, "单位": t.organisation, "手机": t.phone_masked} for t in rows]
    return pd.DataFrame.from_records(records, columns=["编号", "姓名", "单位", "手机"])


def completion_display_frame(rows: Iterable[CompletionRow]) -> pd.DataFrame:
    """The completion report as shown to users: Chinese columns, 出勤率 as a percentage, 结业 是/否."""
    frame = completion_frame(rows).drop(columns=["trainee_id"])
    frame["rate"] = [f"{rate:.0%}" for rate in frame["rate"]]
    frame["completed"] = ["是" if done else "否" for done in frame["completed"]]
    return frame.rename(columns=COMPLETION_COLUMNS_ZH)


def list_unenrolled(batch_id: int, *, session: Session) -> list[TraineePublic]:
    """Trainees not (yet) enrolled in the batch, by name — whom the “已有学员报名本期” picker offers."""
    enrolled = select(TrainingEnrolment.trainee_id).where(TrainingEnrolment.batch_id == batch_id)
    rows = session.exec(
        select(Trainee).where(col(Trainee.id).not_in(enrolled)).order_by(col(Trainee.name), col(Trainee.id))
    ).all()
    return [_trainee_public(t) for t in rows]
