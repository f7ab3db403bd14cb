"""The checks training and online records share: text ids, and every problem reported at once."""

import pytest

from curriculum.errors import DomainError
from curriculum.outreach import OutreachError
from curriculum.outreach.rules import clean_texts, raise_all


def test_clean_texts_strips_and_deduplicates_in_order_and_reports_bad_ids():
    errors: list[DomainError] = []
    assert clean_texts([" lunyu", "", "daxue", "lunyu", "论语"], errors) == ["lunyu", "daxue", "论语"]
    assert [(e.field, "论语" in e.message) for e in errors] == [("texts", True)]


def test_raise_all_raises_nothing_the_one_problem_or_all_of_them():
    raise_all([])
    one = OutreachError("甲", "name")
    with pytest.raises(OutreachError) as err:
        raise_all([one])
    assert err.value is one
    with pytest.raises(OutreachError, match="甲；乙") as err:
        raise_all([one, DomainError("乙", "phone")])
    assert err.value.field == "name"  # where a form puts the cursor first
