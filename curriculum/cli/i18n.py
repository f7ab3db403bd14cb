"""Chinese for click's own words (usage, option headings, common errors).

click marks its user-facing strings with ``gettext`` but ships no Chinese
catalog, so ``classics --help`` would say "Usage:" and a missing option
"Error: Missing option". The CLI's users read Chinese: ``install()`` points
the ``_`` each click module uses at a lookup in the table below, falling back
to the English text for anything not listed. Only the ``classics`` process is
affected.
"""

from __future__ import annotations

import gettext
import importlib

ZH: dict[str, str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "子命令",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "%(prog)s, version %(version)s": "%(prog)s 版本 %(version)s",
    "Aborted!": "已中止。",
    "Missing command.": "缺少子命令。",
    "Error: {message}": "错误：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Invalid value: {message}": "取值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "No such command {name!r}.": "没有子命令 {name!r}。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Try '{command} {option}' for help.": "可运行 '{command} {option}' 查看帮助。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带取值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个取值。",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "Do you want to continue?": "要继续吗？",
    "Confirm the action without prompting.": "直接确认，不再询问。",
}

ZH_PLURAL: dict[str, str] = {
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个取值。",
    "Error: No such option: {name}": "错误：没有选项 {name}",
}

_CLICK_MODULES = ("core", "formatting", "exceptions", "decorators", "parser", "types", "termui")


def translate(message: str) -> str:
    return ZH.get(message, gettext.gettext(message))


def translate_plural(singular: str, plural: str, n: int) -> str:
    return ZH_PLURAL.get(singular) or gettext.ngettext(singular, plural, n)


def install() -> None:
    """Make click speak Chinese in this process (idempotent)."""
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = translate
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural
