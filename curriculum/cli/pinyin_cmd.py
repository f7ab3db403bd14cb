"""``classics pinyin`` and ``classics pinyin-accuracy``: the reader's pinyin on the command line.

``pinyin TEXT_ID`` prints a text with exactly the pinyin the reader shows
(pypinyin plus the classical readings of ``data/pinyin_readings.yaml``);
``pinyin review TEXT_ID`` lists every polyphonic character of a text with the
chosen reading and what chose it (``curriculum.pinyin_review``);
``pinyin-accuracy`` measures that pinyin against the bundled reference
annotation of 千字文 and prints plain pypinyin's figure beside it.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import click

from curriculum.catalog.loader import try_load_catalog
from curriculum.catalog.schema import Catalog
from curriculum.cli.common import echo_json, fail
from curriculum.pinyin import PinyinRulesError, annotate_text, plain_annotate
from curriculum.pinyin_reference import (
    AgreementReport,
    PinyinReferenceError,
    agreement_with_reference,
    load_reference,
    reference_corrections_path,
)
from curriculum.pinyin_review import CHOSEN_BY, review_text, summarise
from curriculum.settings import Settings, get_settings

LINE_WIDTH = 78  # terminal columns for the aligned two-line layout


def _catalog() -> Catalog:
    path = Settings().catalog_path
    catalog, errors = try_load_catalog(path)
    if catalog is None:
        detail = "\n".join(str(e) for e in errors[:10])
        fail(f"书目无法读取（{path}）：\n{detail}\n请先运行 classics catalog check 查看全部问题。")
    return catalog  # type: ignore[return-value]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def aligned_lines(pairs: Sequence[tuple[str, str]], width: int = LINE_WIDTH) -> list[str]:
    """Pinyin above characters, each column as wide as its longer half, wrapped at ``width`` columns."""
    rows: list[tuple[list[str], list[str]]] = [([], [])]
    used = 0
    for char, reading in pairs:
        cell = max(_width(char), len(reading))
        if used and used + cell + 1 > width:
            rows.append(([], []))
            used = 0
        top, bottom = rows[-1]
        top.append(reading + " " * (cell - len(reading)))
        bottom.append(char + " " * (cell - _width(char)))
        used += cell + 1
    out: list[str] = []
    for top, bottom in rows:
        out.append(" ".join(top).rstrip())
        out.append(" ".join(bottom).rstrip())
    return out


class _TextOrSubcommand(click.Group):
    """``pinyin TEXT_ID`` keeps working beside ``pinyin review TEXT_ID``: a first word that is not a
    subcommand is the text id of the default ``show`` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


@click.group("pinyin", cls=_TextOrSubcommand)
def pinyin_command() -> None:
    """带拼音的全文（classics pinyin 书目编号）与多音字审读（classics pinyin review 书目编号）。"""


def _entry(text_id: str):
    catalog = _catalog()
    if text_id not in catalog:
        fail(f"书目中没有“{text_id}”。可用 classics catalog list 查看全部编号。")
    return catalog.get(text_id)


@pinyin_command.command("show")
@click.argument("text_id")
@click.option("--json", "as_json", is_flag=True,
              help="以 JSON 输出：段落列表，每段为 [字, 拼音] 对的列表（标点的拼音为空）。")
def show_command(text_id: str, as_json: bool) -> None:
    """输出一篇经典的带拼音全文（与阅读页显示的拼音一致）。"""
    entry = _entry(text_id)
    try:
        passages = annotate_text(entry)
    except PinyinRulesError as exc:
        fail(f"古读规则表有误：{exc}")
    if as_json:
        # One passage per line keeps a 1000-character text readable and is still one JSON document.
        lines = [json.dumps([[c, r] for c, r in passage], ensure_ascii=False) for passage in passages]
        click.echo("[\n" + ",\n".join(lines) + "\n]")
        return
    click.echo(f"{entry.title}（{entry.era} · {entry.author}）")
    index = 0
    for section in entry.sections:
        if len(entry.sections) > 1 or section.title != entry.title:
            click.echo(f"\n【{section.title}】")
        for _ in section.passages:
            click.echo("")
            for line in aligned_lines(passages[index]):
                click.echo(line)
            index += 1


@pinyin_command.command("review")
@click.argument("text_id")
@click.option("--only-default", is_flag=True, help="只列出由 pypinyin 默认读音决定、没有古读规则把关的多音字。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出每一处多音字及统计。")
def review_command(text_id: str, only_default: bool, as_json: bool) -> None:
    """逐一列出一篇经典中的多音字：所在章节与段落、上下文、所取读音，以及由古读规则还是 pypinyin 默认决定。"""
    entry = _entry(text_id)
    try:
        items = review_text(entry, only_default=only_default)
    except PinyinRulesError as exc:
        fail(f"古读规则表有误：{exc}")
    summary = summarise(items)
    if as_json:
        echo_json({"text_id": entry.id, "summary": summary.__dict__, "items": [i.as_dict() for i in items]})
        return
    scope = "（仅 pypinyin 默认读音）" if only_default else ""
    click.echo(f"《{entry.title}》多音字审读{scope}：{summary.total} 处，{summary.characters} 个字；"
               f"规则 {summary.by_rule}，位置规则 {summary.by_position}，pypinyin 默认 {summary.by_default}")
    section = None
    for item in items:
        if item.section != section:
            section = item.section
            click.echo(f"\n【{section}】")
        by = CHOSEN_BY[item.chosen_by] + (f"“{item.rule}”" if item.rule else "")
        if item.reason:
            by += f"（{item.reason}）"
        others = "/".join(item.readings)
        click.echo(f"  第 {item.passage_index + 1} 段  {item.char} {item.reading:<6} [{others}]  {by}　{item.context}")


def _percent(report: AgreementReport) -> str:
    return f"{report.ratio * 100:.2f}%（{report.agree}/{report.total}）"


@click.command("pinyin-accuracy")
@click.option("--text-id", default="qianziwen", show_default=True, help="与参考注音比对的书目编号。")
@click.option(
    "--reference",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="参考注音文件（chinese-poetry 格式，含 paragraphs 与 spells；默认为随项目附带的千字文参考注音）。",
)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出一致率与不一致之处。")
def accuracy_command(text_id: str, reference: Path | None, as_json: bool) -> None:
    """千字文拼音与参考注音逐字比对：本项目的一致率、仅用 pypinyin 的一致率，以及不一致之处。"""
    reference = reference or get_settings().qianziwen_reference_path
    catalog = _catalog()
    if text_id not in catalog:
        fail(f"书目中没有“{text_id}”。")
    entry = catalog.get(text_id)
    try:
        ref = load_reference(reference)
        ours = agreement_with_reference(annotate_text(entry), ref)
        plain = agreement_with_reference([plain_annotate(p) for p in entry.passages], ref)
    except PinyinRulesError as exc:
        fail(f"古读规则表有误：{exc}")
    except (PinyinReferenceError, KeyError, OSError, ValueError) as exc:  # ValueError: a malformed JSON file
        fail(f"无法与参考注音比对（{reference.name}）：{exc}")
    if as_json:
        echo_json(
            {
                "text_id": text_id,
                "reference": reference.name,
                "reference_corrections": list(ref.corrected),
                "with_rules": ours.as_dict(),
                "plain_pypinyin": plain.as_dict(),
            }
        )
        return
    click.echo(f"《{entry.title}》拼音与参考注音逐字比对（{ours.total} 字，含声调）")
    if ref.corrected:
        # The shipped reference shares some of pypinyin's mistakes: say it was corrected, and where the list is.
        listed = reference_corrections_path(reference).name
        click.echo(f"  参考注音已按已知错误表更正 {len(ref.corrected)} 处（{listed}）")
    click.echo(f"  本项目（pypinyin + 古读规则）：{_percent(ours)}")
    click.echo(f"  仅用 pypinyin：                {_percent(plain)}")
    if ours.mismatches:
        click.echo(f"不一致 {len(ours.mismatches)} 处：")
        for m in ours.mismatches:
            click.echo(f"  第 {m.index + 1} 字“{m.char}”：本项目 {m.got}，参考 {m.expected}　（{m.context}）")
    else:
        click.echo("全部一致。")
    if ours.variants:
        forms = "，".join(f"第 {i + 1} 字 {c}（参考作 {r}）" for i, c, r in ours.variants)
        click.echo(f"字形不同、按位置比对的 {len(ours.variants)} 处：{forms}")


COMMANDS: list[click.Command] = [pinyin_command, accuracy_command]
