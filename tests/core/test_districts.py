"""The city's district list: what every district field must name, in the service, the database and the CLI."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy.exc import IntegrityError

from curriculum.cli import main
from curriculum.districts import (
    LUOHE_DISTRICTS,
    DistrictError,
    create_district,
    ensure_districts,
    list_districts,
    require_district,
)
from curriculum.models.calendar import School
from curriculum.models.district import DistrictCreate


def test_known_districts_pass_and_blank_means_none(session):
    ensure_districts(LUOHE_DISTRICTS, session=session)
    assert require_district(" 源汇区 ", session=session) == "源汇区"
    assert require_district("", session=session) is None
    assert require_district(None, session=session) is None


def test_an_unknown_district_is_refused_naming_the_field_and_the_choices(session):
    # Test databases start with the reference city's districts (tests/conftest.py).
    assert set(list_districts(session=session)) == set(LUOHE_DISTRICTS)
    with pytest.raises(DistrictError, match="“源汇”不在本市区县列表中，可选：.*源汇区.*郾城区") as err:
        require_district("源汇", session=session, field="district")
    assert err.value.field == "district"


def test_a_district_is_listed_once(session):
    create_district(DistrictCreate(name="西城区"), session=session)
    with pytest.raises(DistrictError, match="已存在"):
        create_district(DistrictCreate(name="西城区"), session=session)
    assert ensure_districts(("西城区", "经济技术开发区"), session=session) == 1
    assert list_districts(session=session) == sorted([*LUOHE_DISTRICTS, "西城区", "经济技术开发区"])


def test_the_database_refuses_a_school_in_an_unlisted_district(session):
    session.add(School(name="某小学", district="不存在区"))
    with pytest.raises(IntegrityError):
        session.flush()


def test_cli_adds_and_lists_districts(app_env):
    runner = CliRunner()
    added = runner.invoke(main, ["district", "add", "西城区", "经济技术开发区"])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(main, ["district", "list"]).output.split()
    assert listed == sorted([*LUOHE_DISTRICTS, "西城区", "经济技术开发区"])
    again = runner.invoke(main, ["district", "add", "源汇区"])
    assert again.exit_code == 1
    assert "区县“源汇区”已存在" in again.output
    blank = runner.invoke(main, ["district", "add", " "])
    assert blank.exit_code == 1 and "应为 1 到 60 个字" in blank.output
