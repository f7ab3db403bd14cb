"""Volunteer shifts of an occurrence: add one, put people on it (or on its backup list), record who served.

An assignment is checked like any save: a person already on an overlapping
shift elsewhere is refused, outside their availability needs ``override``.
When an on-site person leaves, the first backup who is free steps up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from curriculum.community import reminders
from curriculum.community.conflicts import CommunityError, Conflict, fmt_dt, fmt_span, raise_if_blocked
from curriculum.community.events.checks import person_conflicts
from curriculum.community.events.records import assignments_of, get_occurrence, shifts_of
from curriculum.errors import get_or_raise, validated
from curriculum.models.community import Person, ShiftAssignment, ShiftCreate, VolunteerShift

# The shift form's Chinese field names, for messages about fields whose rule has no message of its own.
SHIFT_LABELS = {"occurrence_id": "活动场次", "task": "岗位名称", "needed": "需要人数", "start": "岗位开始时间",
                "end": "岗位结束时间"}


def shift_input(**fields: Any) -> ShiftCreate:
    """A ``ShiftCreate`` from typed input; ``CommunityError`` in Chinese naming the field the model refuses."""
    return validated(ShiftCreate, CommunityError, labels=SHIFT_LABELS, **fields)


def create_shift(data: ShiftCreate, *, session: Session) -> VolunteerShift:
    """Save a volunteer shift (the model holds the field rules); no start or end means the occurrence's."""
    occ = get_occurrence(data.occurrence_id, session=session)
    shift = VolunteerShift(occurrence_id=occ.id, task=data.task, needed=data.needed,
                           start=data.start or occ.start, end=data.end or occ.end)
    if shift.end <= shift.start:
        raise CommunityError("岗位结束时间：应晚于开始时间", field="end")
    session.add(shift)
    session.commit()
    session.refresh(shift)
    return shift


def check_assignment(shift_id: int, person_id: int, *, session: Session, backup: bool = False) -> list[Conflict]:
    shift = get_or_raise(session, VolunteerShift, shift_id, what="志愿岗位", field="shift_id")
    person = get_or_raise(session, Person, person_id, what="人员", field="person_id")
    occ = get_occurrence(shift.occurrence_id, session=session)
    if occ.cancelled:
        raise CommunityError(f"{fmt_dt(occ.start)} 这一场已取消，不能安排志愿岗位", field="shift_id")
    return person_conflicts(person, shift.start, shift.end, session=session,
                            exclude_shift_ids={shift.id}, backup=backup)


def assign_person(shift_id: int, person_id: int, *, session: Session, backup: bool = False,
                  override: bool = False) -> ShiftAssignment:
    """Put a person on a shift (or on its backup list) after checking they are not elsewhere."""
    conflicts = check_assignment(shift_id, person_id, session=session, backup=backup)
    raise_if_blocked(conflicts, override=override)
    existing = session.exec(select(ShiftAssignment).where(
        ShiftAssignment.shift_id == shift_id, ShiftAssignment.person_id == person_id)).first()
    if existing is not None:
        existing.backup = backup
        row = existing
    else:
        row = ShiftAssignment(shift_id=shift_id, person_id=person_id, backup=backup)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def _first_free_backup(shift_id: int, session: Session) -> ShiftAssignment | None:
    """The first backup (in the order they were added) with no hard conflict at the shift's time."""
    shift = session.get(VolunteerShift, shift_id)
    for cand in assignments_of(shift_id, session=session):
        if not cand.backup:
            continue
        person = session.get(Person, cand.person_id)
        hard = [c for c in person_conflicts(person, shift.start, shift.end, session=session,
                                            exclude_shift_ids={shift_id}) if c.severity == "error"]
        if not hard:
            return cand
    return None


def unassign(assignment_id: int, *, session: Session) -> ShiftAssignment | None:
    """Remove an assignment; when an on-site person leaves, the first backup steps up (returned)."""
    row = get_or_raise(session, ShiftAssignment, assignment_id, what="排班", field="assignment_id")
    was_main = not row.backup
    shift_id = row.shift_id
    session.delete(row)
    session.flush()
    promoted = _first_free_backup(shift_id, session) if was_main else None
    if promoted is not None:
        promoted.backup = False
        session.add(promoted)
    session.commit()
    if promoted is not None:
        session.refresh(promoted)
    return promoted


def mark_served(assignment_id: int, served: bool = True, *, session: Session,
                now: datetime | None = None) -> ShiftAssignment:
    """Record that the person actually served (volunteer hours follow); not before the shift starts.

    ``now`` defaults to the local community clock (``reminders.local_now``,
    looked up at call time so a test can fix the clock in one place).
    """
    row = get_or_raise(session, ShiftAssignment, assignment_id, what="排班", field="assignment_id")
    shift = session.get(VolunteerShift, row.shift_id)
    if served and shift.start > (now or reminders.local_now()):
        raise CommunityError(f"登记到岗：{shift.task}岗位 {fmt_span(shift.start, shift.end)} 还没有开始，不能提前登记",
                             field="assignment_id")
    row.served = served
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


@dataclass(frozen=True)
class AssignmentView:
    id: int
    person_id: int
    name: str
    backup: bool
    served: bool


@dataclass(frozen=True)
class ShiftView:
    id: int
    task: str
    start: datetime
    end: datetime
    needed: int
    assigned: tuple[AssignmentView, ...]
    backups: tuple[AssignmentView, ...]

    @property
    def missing(self) -> int:
        return max(0, self.needed - len(self.assigned))


def shift_views(occurrence_id: int, *, session: Session) -> list[ShiftView]:
    """The occurrence's shifts with who is on site and who is on standby (plain data)."""
    result = []
    for shift in shifts_of(occurrence_id, session=session):
        views = []
        for a in assignments_of(shift.id, session=session):
            person = session.get(Person, a.person_id)
            views.append(AssignmentView(a.id, a.person_id, person.name if person else f"#{a.person_id}",
                                        a.backup, a.served))
        result.append(ShiftView(shift.id, shift.task, shift.start, shift.end, shift.needed,
                                tuple(v for v in views if not v.backup), tuple(v for v in views if v.backup)))
    return result


def missing_people(occurrence_ids: list[int], *, session: Session) -> dict[int, int]:
    """People still missing per occurrence (on-site places not filled, summed over its shifts); only short ones.

    Two queries for a whole month, so the calendar can flag under-staffed
    entries without reading each occurrence's detail.
    """
    if not occurrence_ids:
        return {}
    from sqlalchemy import func
    from sqlmodel import col

    shifts = session.exec(select(VolunteerShift.id, VolunteerShift.occurrence_id, VolunteerShift.needed)
                          .where(col(VolunteerShift.occurrence_id).in_(occurrence_ids))).all()
    on_site = dict(session.exec(
        select(ShiftAssignment.shift_id, func.count())
        .where(col(ShiftAssignment.shift_id).in_([s[0] for s in shifts]), ShiftAssignment.backup == False)  # noqa: E712
        .group_by(ShiftAssignment.shift_id)).all()) if shifts else {}
    missing: dict[int, int] = {}
    for shift_id, occ_id, needed in shifts:
        short = max(needed - on_site.get(shift_id, 0), 0)
        if short:
            missing[occ_id] = missing.get(occ_id, 0) + short
    return missing
