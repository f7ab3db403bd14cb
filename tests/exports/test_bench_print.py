"""``classics bench print`` reports the first and the median time of each printable PDF (figures, not asserted)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from curriculum.cli import main


def test_bench_print_reports_every_pdf_in_json_and_in_chinese():
    result = CliRunner().invoke(main, ["bench", "print", "--runs", "2", "--json"])
    assert result.exit_code == 0, result.output
    numbers = json.loads(result.output)
    assert set(numbers) == {"poem_pinyin", "qianziwen_pinyin", "term_plan", "roster"}
    assert all(f["first_s"] > 0 and f["median_s"] > 0 for f in numbers.values())
    text = CliRunner().invoke(main, ["bench", "print", "--runs", "2"]).output
    assert "千字文（带拼音）：首次" in text and "中位" in text
