"""One error family: pydantic's English never reaches a user; every refusal names its field in Chinese."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from curriculum.cli import main
from curriculum.errors import DomainError, from_validation_error, validated
from curriculum.models.community import ReadingPointCreate


def test_a_too_long_field_becomes_a_chinese_domain_error_naming_the_field():
    with pytest.raises(DomainError) as err:
        validated(ReadingPointCreate, name="老街诵读点", district="区" * 61)
    assert str(err.value) == "区县：最多 60 个字，现在 61 个"
    assert err.value.field == "district"


def test_labels_given_by_the_caller_win_and_unknown_kinds_still_read_in_chinese():
    try:
        ReadingPointCreate(name="老街诵读点", capacity="很多")
    except ValidationError as exc:
        converted = from_validation_error(exc, labels={"capacity": "可容纳人数"})
    assert str(converted) == "可容纳人数：应为整数"


def test_the_cli_turns_a_validation_error_into_its_message(app_env):
    result = CliRunner().invoke(main, ["user", "add", "zhang_san", "--role", "bureau", "--district", "区" * 61,
                                       "--password-stdin"], input="诵读-2026-春abc\n")
    assert result.exit_code == 1
    assert "区县：最多 60 个字" in result.output
    assert "Traceback" not in result.output and "validation error" not in result.output
