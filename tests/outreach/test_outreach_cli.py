"""``classics outreach`` commands against a fresh SQLite database."""

import json
from datetime import date

from click.testing import CliRunner
from sqlmodel import Session

from curriculum.cli import main
from curriculum.db import make_engine
from curriculum.demo import online as demo_online
from curriculum.demo import training as demo_training
from curriculum.outreach import training


def _seed(url):
    engine = make_engine(url)
    with Session(engine) as session:
        # Seeded for a fixed day: the demo's dates follow it (the 端午 items fall on 2026-06-19).
        demo_training.seed(session=session, today=date(2026, 11, 28))
        demo_online.seed(session=session, today=date(2026, 11, 28))
        batch_id = training.list_batches(session=session, cohort="cadres")[0].id
    engine.dispose()
    return batch_id


def test_training_report_json_lists_each_trainee(app_env):
    batch_id = _seed(app_env)
    result = CliRunner().invoke(main, ["outreach", "training-report", str(batch_id), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["completion_percent"] == 80
    by_name = {t["name"]: t for t in data["trainees"]}
    assert by_name["黄丽"]["completed"] is False and by_name["陈志刚"]["attended"] == by_name["陈志刚"]["total"]


def test_training_report_text_and_missing_batch(app_env):
    batch_id = _seed(app_env)
    text = CliRunner().invoke(main, ["outreach", "training-report", str(batch_id)])
    assert "未结业" in text.output and "结业 3 人" in text.output
    missing = CliRunner().invoke(main, ["outreach", "training-report", "999"])
    assert missing.exit_code == 1 and "培训批次（编号 999）不存在" in missing.output


def test_online_summary_json_by_channel_and_date_range(app_env):
    _seed(app_env)
    june = ["--start", "2026-06-01", "--end", "2026-06-30"]
    result = CliRunner().invoke(main, ["outreach", "online-summary", *june, "--json"])
    assert result.exit_code == 0, result.output
    channels = {c["channel"]: c for c in json.loads(result.output)["channels"]}
    assert channels["tv"]["items"] == 1 and channels["tv"]["views"] == 42000
    assert channels["wechat_account"]["items"] == 0
    bad = CliRunner().invoke(main, ["outreach", "online-summary", "--start", "2026-06-30", "--end", "2026-06-01"])
    assert bad.exit_code == 1 and "早于" in bad.output


def test_online_import_reports_row_errors_and_asks_before_saving_the_rest(app_env, tmp_path):
    path = tmp_path / "metrics.csv"
    path.write_text(
        "标题,渠道,发布日期,浏览量,点赞,统计时间\n"
        "新节目,公众号,2026-11-01,100,5,2026-11-02\n"
        "坏数据,公众号,2026-11-01,很多,5,2026-11-02\n",
        encoding="utf-8",
    )
    refused = CliRunner().invoke(main, ["outreach", "online-import", str(path)], input="n\n")
    assert "第 3 行“浏览量”列" in refused.output and refused.exit_code != 0
    summary = CliRunner().invoke(main, ["outreach", "online-summary", "--json"])
    assert {c["channel"]: c["items"] for c in json.loads(summary.output)["channels"]}["wechat_account"] == 0

    accepted = CliRunner().invoke(main, ["outreach", "online-import", str(path)], input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert "已导入 1 条统计数据，新建节目 1 个" in accepted.output
    summary = CliRunner().invoke(main, ["outreach", "online-summary", "--json"])
    assert {c["channel"]: c["views"] for c in json.loads(summary.output)["channels"]}["wechat_account"] == 100


def test_online_import_of_a_file_without_usable_columns_fails_in_chinese(app_env, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("名字,数字\n甲,1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["outreach", "online-import", str(path)])
    assert result.exit_code == 1 and "缺少“标题”和“渠道”列" in result.output
