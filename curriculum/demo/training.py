"""Demo training: three batches around ``today`` with sessions, trainees, enrolment and attendance.

One batch finished this school year (cadres), one running (teachers, weekly),
and the summer course before the school year (principals). ``seed`` is
idempotent: batch names carry the school year, and trainees are found by name
and organisation.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from curriculum.clock import local_today
from curriculum.models.outreach import (
    Trainee,
    TraineeCreate,
    TrainingAttendanceCreate,
    TrainingBatch,
    TrainingBatchCreate,
    TrainingSessionCreate,
)
from curriculum.outreach.attendance import record_attendance
from curriculum.outreach.trainees import create_trainee, enrol
from curriculum.outreach.training import create_batch, create_session

# The demo batches, with session dates as day offsets from the batch's first day (see ``_batches``).
# Each session: (offset, topic, texts, speaker, speaker kind, affiliation, mode).
_SUMMER = {
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
        (
            1, "《弟子规》《三字经》与幼儿语感培养", ["dizigui", "sanzijing"],
            "吴园长", "practitioner", "市第二实验幼儿园", "offline",
        ),
        (2, "每日诵读半小时：课时安排与学科融合", [], "郑老师", "practitioner", "市第一中学", "online"),
    ),
    "trainees": (
        ("马俊", "市实验中学", None),
        ("朱红梅", "市第三小学", "13700003333"),
        ("胡晓燕", "市第一幼儿园", None),
    ),
    "present": {0: (0, 1, 2), 1: (0, 1, 2), 2: (1, 2)},
}
_CADRES = {
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
_TEACHERS = {
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


def _batches(today: dt.date) -> list[tuple[dict, dt.date]]:
    """The demo batches with their first days, placed around ``today``.

    One finished this school year (cadres, a Monday-to-Friday week about six
    weeks ago), one running (teachers, weekly on Wednesdays, three weeks in),
    and the summer course before the school year (principals, 13–15 July). The
    names carry the school year, so seeding again within a year adds nothing.
    """
    year = today.year if today.month >= 9 else today.year - 1
    monday = today - dt.timedelta(days=today.weekday())
    placed = (
        (_SUMMER, dt.date(year, 7, 13)),
        (_CADRES, monday - dt.timedelta(weeks=6)),
        (_TEACHERS, monday + dt.timedelta(days=2) - dt.timedelta(weeks=3)),
    )
    out = []
    for spec, first in placed:
        batch = dict(spec["batch"], name=spec["batch"]["name"].format(y=year, y1=year + 1))
        out.append(({**spec, "batch": batch}, first))
    return out


def _add_sessions(batch_id: int, spec: dict, days: list[dt.date], *, session: Session) -> list[int]:
    ids = []
    for day, (_offset, topic, texts, speaker, kind, affiliation, mode) in zip(days, spec["sessions"]):
        start_time, end_time = spec["hours"]
        created = create_session(
            TrainingSessionCreate(
                batch_id=batch_id,
                date=day,
                start_time=start_time,
                end_time=end_time,
                topic=topic,
                texts=texts,
                speaker_name=speaker,
                speaker_kind=kind,
                speaker_affiliation=affiliation,
                mode=mode,
            ),
            session=session,
        )
        ids.append(created.id)
    return ids


def _enrol_trainees(batch_id: int, spec: dict, *, session: Session) -> tuple[list[int], int]:
    """Enrol the spec's trainees (reusing those another batch already added); returns their ids and how many are new."""
    ids, new = [], 0
    for name, organisation, phone in spec["trainees"]:
        query = select(Trainee).where(Trainee.name == name, Trainee.organisation == organisation)
        trainee = session.exec(query).first()
        if trainee is None:
            data = TraineeCreate(name=name, organisation=organisation, phone=phone)
            trainee_id = create_trainee(data, session=session).id
            new += 1
        else:
            trainee_id = trainee.id
        enrol(batch_id, trainee_id, session=session)
        ids.append(trainee_id)
    return ids, new


def seed(*, session: Session, today: dt.date | None = None) -> dict[str, int]:
    """Three demo batches around ``today`` with sessions, trainees and attendance; run again, it adds nothing.

    ``today`` defaults to the real date (tests pass a fixed day). Attendance is
    recorded for the sessions before ``today`` only: the running batch's later
    sessions are still to come. Returns the number of rows created this time,
    by Chinese label (empty when everything was already there).
    """
    today = today or local_today()
    created = {"培训批次": 0, "课次": 0, "学员": 0, "报名": 0, "考勤记录": 0}
    for spec, first in _batches(today):
        if session.exec(select(TrainingBatch).where(TrainingBatch.name == spec["batch"]["name"])).first() is not None:
            continue
        days = [first + dt.timedelta(days=row[0]) for row in spec["sessions"]]
        data = TrainingBatchCreate(**spec["batch"], start_date=days[0], end_date=days[-1])
        batch = create_batch(data, session=session)
        created["培训批次"] += 1
        session_ids = _add_sessions(batch.id, spec, days, session=session)
        created["课次"] += len(session_ids)
        trainee_ids, new_trainees = _enrol_trainees(batch.id, spec, session=session)
        created["学员"] += new_trainees
        created["报名"] += len(trainee_ids)
        for index, (session_id, day) in enumerate(zip(session_ids, days)):
            if day >= today:
                continue  # not held yet
            present = [trainee_ids[t] for t, attended in spec["present"].items() if index in attended]
            record_attendance(TrainingAttendanceCreate(session_id=session_id, present_ids=present), session=session)
            created["考勤记录"] += len(trainee_ids)
    return {label: n for label, n in created.items() if n}
