"""``classics catalog``: check and list the classic-text catalog."""

from __future__ import annotations

from pathlib import Path

import click

from curriculum.catalog.loader import catalog_stats, try_load_catalog
from curriculum.cli.common import echo_json
from curriculum.settings import Settings
from curriculum.stages import STAGE_LABELS
from curriculum.vocab import CATEGORIES


def _catalog_path(path: str | None) -> Path:
    """The catalog file: the given file, ``texts.yaml`` inside a given folder, or the configured one."""
    if not path:
        return Settings().catalog_path
    given = Path(path)
    return given / "texts.yaml" if given.is_dir() else given


@click.group("catalog")
def catalog() -> None:
    """经典书目：检查与列出。"""


@catalog.command("check")
@click.argument("path", required=False, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出统计或问题列表。")
def check(path: str | None, as_json: bool) -> None:
    """检查书目（默认为配置的 texts.yaml）：有效时输出篇数、段数、字数；有问题时逐条列出并以 1 退出。"""
    catalog_path = _catalog_path(path)
    loaded, errors = try_load_catalog(catalog_path)
    if errors or loaded is None:
        if as_json:
            echo_json(
                {
                    "valid": False,
                    "path": str(catalog_path),
                    "errors": [
                        {"file": e.file, "text_id": e.text_id, "field": e.field, "message": e.message} for e in errors
                    ],
                }
            )
        else:
            for error in errors:
                click.echo(str(error))
            click.secho(f"书目有 {len(errors)} 个问题：{catalog_path}", fg="red", err=True)
        raise SystemExit(1)

    stats = catalog_stats(loaded)
    if as_json:
        echo_json({"valid": True, "path": str(catalog_path), **stats})
        return
    click.echo(f"书目有效：{stats['texts']} 篇，{stats['passages']} 段，{stats['characters']} 字。")
    click.echo(
        "按类别：" + "，".join(f"{CATEGORIES[k]} {v}" for k, v in stats["by_category"].items())
    )
    click.echo("按学段：" + "，".join(f"{STAGE_LABELS[k]} {v}" for k, v in stats["by_stage"].items()))


@catalog.command("list")
@click.argument("path", required=False, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def list_texts(path: str | None, as_json: bool) -> None:
    """列出书目中的每一篇：编号、题目、作者、类别、学段、字数。"""
    catalog_path = _catalog_path(path)
    loaded, errors = try_load_catalog(catalog_path)
    if errors or loaded is None:
        for error in errors:
            click.echo(str(error), err=True)
        click.secho("书目有问题，请先运行 classics catalog check。", fg="red", err=True)
        raise SystemExit(1)
    rows = [
        {
            "id": t.id,
            "title": t.title,
            "author": t.author,
            "era": t.era,
            "category": t.category,
            "stages": list(t.stages),
            "characters": t.characters,
            "passages": len(t.passages),
        }
        for t in loaded.texts
    ]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        stages = "、".join(STAGE_LABELS[s] for s in row["stages"])
        fields = (row["id"], row["title"], row["author"], CATEGORIES[row["category"]], stages,
                  f"{row['characters']} 字")
        click.echo("\t".join(fields))


COMMANDS = [catalog]
