"""Download file names are the user's own words, with what file systems refuse left out."""

from curriculum.exports.names import plain_download_name
from curriculum.exports.plan_exports import plan_file_name


def test_parts_joined_and_unsafe_characters_dropped():
    assert plain_download_name("老街社区诵读点", "诵读活动", suffix="ics") == "老街社区诵读点-诵读活动.ics"
    assert plain_download_name("a/b:c", "", " 周六·晨读 ", suffix="pdf") == "abc-周六晨读.pdf"
    assert plain_download_name("", "  ", suffix="html") == "下载.html"


def test_plan_file_name_does_not_repeat_the_class():
    assert plan_file_name("一年级（2）班", "一年级（2）班 2026–2027 学年第一学期", suffix="ics") == (
        "一年级（2）班-2026–2027 学年第一学期.ics")
    assert plan_file_name("一年级（2）班", "", suffix="xlsx") == "一年级（2）班-经典诵读计划.xlsx"
