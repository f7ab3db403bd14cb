"""``classics corpus``: rebuild the committed catalog from the raw corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from curriculum.catalog.importer import CorpusError, build_catalog
from curriculum.cli.common import echo_json, fail
from curriculum.settings import Settings


@click.group("corpus")
def corpus() -> None:
    """原始语料导入。"""


@corpus.command("build")
@click.option(
    "--source",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="原始语料目录（如 ../shared/corpus）。",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="输出目录（默认为配置的数据目录 data/）。",
)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出统计。")
def build(source: Path, out: Path | None, as_json: bool) -> None:
    """从原始语料生成书目：繁转简（OpenCC t2s）、去校注、按句切分，写出 texts.yaml 与全文文件。"""
    out = out or Settings().data_dir

    def progress(recipes):
        with click.progressbar(
            recipes, label="导入篇目", file=sys.stderr, item_show_func=lambda r: r.id if r else ""
        ) as bar:
            yield from bar

    try:
        report = build_catalog(source, out, progress=progress)
    except CorpusError as exc:
        fail(f"导入失败：{exc}")
        return
    summary = {
        "texts": report.texts,
        "passages": report.passages,
        "characters": report.characters,
        "out": str(out),
        "removed": [str(p) for p in report.removed],
    }
    if as_json:
        echo_json(summary)
        return
    click.echo(f"已生成 {report.texts} 篇，{report.passages} 段，{report.characters} 字 → {out}")
    for stale in report.removed:
        click.echo(f"已删除过时文件：{stale}")


COMMANDS = [corpus]
