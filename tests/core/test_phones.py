"""The one phone rule shared by volunteers and trainees."""

import pytest

from curriculum.community import people
from curriculum.outreach import trainees
from curriculum.phones import PhoneError, mask_phone, normalise_phone


def test_mobile_is_cleaned_of_spaces_and_dashes():
    assert normalise_phone(" 138-1234 0000 ") == "13812340000"


def test_blank_phone_is_no_phone():
    assert normalise_phone(None) is None and normalise_phone("  ") is None


@pytest.mark.parametrize("bad", ["1381234000", "23812340000", "138123400001", "138abcd0000"])
def test_not_a_mobile_is_refused_in_chinese_naming_the_field(bad):
    with pytest.raises(PhoneError, match="报名手机号.*11 位数字") as err:
        normalise_phone(bad, field="报名手机号")
    assert bad not in str(err.value)  # masked even in the message


@pytest.mark.parametrize(
    ("phone", "shown"),
    [
        ("13812340000", "138****0000"),
        ("138 1234 0000", "138****0000"),
        ("1234567", "123**67"),
        ("010-1234567", "010*****67"),
        ("123456", "123*56"),
        ("12345", "*****"),
        ("123", "***"),
        (None, ""),
        ("", ""),
    ],
)
def test_mask_phone(phone, shown):
    assert mask_phone(phone) == shown


def test_old_import_paths_still_work():
    assert people.mask_phone is mask_phone and trainees.mask_phone is mask_phone
    assert trainees.normalise_phone is normalise_phone
    assert people.normalize_phone("13812340000") == "13812340000"
