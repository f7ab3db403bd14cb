"""Trainees (学员) and their enrolment in training batches.

A trainee's phone is optional, stored cleaned and only ever shown masked
(``curriculum.phones``); the other field rules are on ``TraineeCreate``, which
``trainee_input`` builds from typed input. Enrolling is all or nothing: ``create_and_enrol``
(a new trainee and their enrolment) and ``enrol_many`` (several existing
trainees) check every problem first, name them all in one ``OutreachError``,
and then save in one transaction, so a failure leaves nothing half-saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from curriculum.errors import DomainError
from curriculum.models.outreach import Trainee, TraineeCreate, TraineePublic, TrainingEnrolment
from curriculum.outreach import OutreachError
from curriculum.outreach.rules import checked, raise_all
from curriculum.outreach.training import get_batch
from curriculum.phones import PhoneError, mask_phone, normalise_phone


def _public(trainee: Trainee) -> TraineePublic:
    return TraineePublic(
        id=trainee.id, name=trainee.name, organisation=trainee.organisation, phone_masked=mask_phone(trainee.phone)
    )


TRAINEE_LABELS = {"name": "学员姓名", "organisation": "单位", "phone": "手机号"}


def trainee_input(**fields: Any) -> TraineeCreate:
    """A ``TraineeCreate`` from typed input, or one ``OutreachError`` naming every field the model refuses."""
    return checked(TraineeCreate, labels=TRAINEE_LABELS, **fields)


def _new_trainee(data: TraineeCreate, errors: list[DomainError]) -> Trainee:
    """An unsaved ``Trainee`` from ``data`` (the model holds the field rules); a wrong phone goes to ``errors``."""
    try:
        phone = normalise_phone(data.phone)
    except PhoneError as err:
        errors.append(OutreachError(str(err), "phone"))
        phone = None
    return Trainee(name=data.name, organisation=data.organisation, phone=phone)


def _batch_problems(batch_id: int, *, session: Session) -> list[DomainError]:
    # ``get_batch`` is looked up here at call time, so a test can stand in for a batch deleted meanwhile.
    try:
        get_batch(batch_id, session=session)
    except DomainError as err:
        return [err]
    return []


def _enrolment_problems(batch_id: int, trainee_ids: list[int], *, session: Session) -> list[DomainError]:
    """Everything that would stop enrolling ``trainee_ids`` in the batch, each named."""
    errors = _batch_problems(batch_id, session=session)
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
    errors: list[DomainError] = []
    trainee = _new_trainee(data, errors)
    raise_all(errors)
    session.add(trainee)
    session.commit()
    session.refresh(trainee)
    return _public(trainee)


def create_and_enrol(data: TraineeCreate, batch_id: int, *, session: Session) -> TraineePublic:
    """Add a new trainee and enrol them in the batch, all or nothing.

    The trainee's fields and the batch are checked first (every problem named
    at once); the trainee and the enrolment are then saved in one transaction,
    so a failure never leaves a trainee who is not enrolled.
    """
    errors = _batch_problems(batch_id, session=session)
    trainee = _new_trainee(data, errors)
    raise_all(errors)
    try:
        session.add(trainee)
        session.flush()  # the enrolment needs the trainee's id, in the same transaction
        session.add(TrainingEnrolment(batch_id=batch_id, trainee_id=trainee.id))
    except BaseException:
        session.rollback()
        raise
    _commit_or_rollback(session, "数据库拒绝了这次报名（培训批次可能刚被删除），学员和报名都没有保存，请刷新后重试")
    session.refresh(trainee)
    return _public(trainee)


def list_trainees(*, session: Session) -> list[TraineePublic]:
    rows = session.exec(select(Trainee).order_by(col(Trainee.name), col(Trainee.id))).all()
    return [_public(t) for t in rows]


def enrol_many(batch_id: int, trainee_ids: Iterable[int], *, session: Session) -> list[TraineePublic]:
    """Enrol several existing trainees in a batch, all or nothing; returns those enrolled.

    Every id is checked first (batch exists, each trainee exists and is not yet
    enrolled — all problems named in one message); then all enrolments are saved
    in one transaction. Repeated ids count once; an empty list saves nothing.
    """
    ids = list(dict.fromkeys(trainee_ids))
    raise_all(_enrolment_problems(batch_id, ids, session=session))
    if not ids:
        return []
    session.add_all(TrainingEnrolment(batch_id=batch_id, trainee_id=i) for i in ids)
    _commit_or_rollback(session, "有学员刚被他人报名或已被删除，本次没有报名任何人，请刷新后重试")
    trainees = {t.id: t for t in session.exec(select(Trainee).where(col(Trainee.id).in_(ids))).all()}
    return [_public(trainees[i]) for i in ids]


def enrol(batch_id: int, trainee_id: int, *, session: Session) -> None:
    """Enrol one trainee in a batch; enrolling twice is an error and changes nothing."""
    enrol_many(batch_id, [trainee_id], session=session)


def list_enrolled(batch_id: int, *, session: Session) -> list[TraineePublic]:
    """The batch's trainees, by name."""
    rows = session.exec(
        select(Trainee)
        .join(TrainingEnrolment, col(TrainingEnrolment.trainee_id) == col(Trainee.id))
        .where(TrainingEnrolment.batch_id == batch_id)
        .order_by(col(Trainee.name), col(Trainee.id))
    ).all()
    return [_public(t) for t in rows]


def list_unenrolled(batch_id: int, *, session: Session) -> list[TraineePublic]:
    """Trainees not (yet) enrolled in the batch, by name — whom the “已有学员报名本期” picker offers."""
    enrolled = select(TrainingEnrolment.trainee_id).where(TrainingEnrolment.batch_id == batch_id)
    rows = session.exec(
        select(Trainee).where(col(Trainee.id).not_in(enrolled)).order_by(col(Trainee.name), col(Trainee.id))
    ).all()
    return [_public(t) for t in rows]
