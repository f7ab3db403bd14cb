"""Classes (班级): create, read, list. The model ``SchoolClassCreate`` holds the field limits."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from curriculum.errors import get_or_raise, validated
from curriculum.models.calendar import School
from curriculum.models.plan import SchoolClass, SchoolClassCreate
from curriculum.planner.sessions import PlanStoreError
from curriculum.schoolcal import store as school_store
from curriculum.stages import STAGE_KEYS

_LABELS = {"name": "班级名称", "stage": "学段", "grade": "年级", "size": "班级人数", "chars_per_minute": "诵读速度",
           "reading_time": "每日诵读时间", "school_id": "所属学校"}


def class_input(**fields: Any) -> SchoolClassCreate:
    """A ``SchoolClassCreate`` from typed input; ``PlanStoreError`` in Chinese naming the field the model refuses."""
    return validated(SchoolClassCreate, PlanStoreError, labels=_LABELS, **fields)


def school_for_class(school_id: int | None, new_school_name: str = "", *, session: Session) -> int:
    """The school a new class joins: the one picked, or the school named (created when new)."""
    if new_school_name.strip():
        return school_store.get_or_create_school(school_store.school_input(new_school_name),
                                                   session=session).id
    if school_id is None:
        raise PlanStoreError("所属学校：请选择学校，或填写新学校的名称", field="school_id")
    return school_id


def create_class(data: SchoolClassCreate, *, session: Session) -> SchoolClass:
    """Create a class; Chinese errors for a blank name or an unknown stage (the model checks the limits)."""
    name = data.name.strip()
    if not name:
        raise PlanStoreError("班级名称：不能为空", field="name")
    if data.stage not in STAGE_KEYS:
        raise PlanStoreError(f"学段：未知学段“{data.stage}”，可选：{'、'.join(STAGE_KEYS)}", field="stage")
    get_or_raise(session, School, data.school_id, what="学校", field="school_id")
    row = SchoolClass.model_validate(data, update={"name": name, "grade": data.grade.strip()})
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def list_classes(*, session: Session) -> list[SchoolClass]:
    return list(session.execute(select(SchoolClass).order_by(SchoolClass.id)).scalars())


def get_class(class_id: int, *, session: Session) -> SchoolClass:
    return get_or_raise(session, SchoolClass, class_id, what="班级", field="class_id")
