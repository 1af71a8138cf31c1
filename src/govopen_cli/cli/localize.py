"""Chinese for the parts of the help screens that Typer writes itself.

Typer (with its vendored Click) prints a few fixed English strings and type labels
such as ``<list[Path]>`` that mean nothing to a 政务公开 officer. The strings it
exposes as module constants are replaced here, and the type column shows a Chinese
word instead of a Python type. Click's own usage-error sentences ("Missing
argument …", "No such option: …") are raised as text: :func:`usage_error_text`
turns the common ones into Chinese with a small table of patterns, and leaves any
other text as it is (a new Click sentence stays readable, just in English).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_TYPE_WORDS = {
    "<str>": "文字",
    "<int>": "整数",
    "<float>": "数字",
    "<Path>": "路径",
    "<path>": "路径",
    "<file>": "文件",
    "<directory>": "文件夹",
    "<list[Path]>": "路径…",
    "<list[str]>": "文字…",
}


def _display_type(original: Any) -> Any:
    def display(self: Any, ctx: Any) -> str | None:
        if getattr(self, "is_flag", False) and not getattr(self, "metavar", None):
            return ""
        shown = original(self, ctx)
        if shown is None or getattr(self, "metavar", None):
            return shown  # type: ignore[no-any-return]
        bare = str(shown).removesuffix("...")
        word = _TYPE_WORDS.get(bare, bare)
        return word + ("…" if str(shown).endswith("...") and not word.endswith("…") else "")

    return display


def localize_typer() -> None:
    """Install the Chinese strings (idempotent)."""
    import typer.core
    from typer._click import decorators

    if getattr(typer.core, "_govopen_localized", False):
        return
    typer.core._govopen_localized = True  # type: ignore[attr-defined]
    for cls in (typer.core.TyperOption, typer.core.TyperArgument):
        cls.display_type_rich = _display_type(cls.display_type_rich)  # type: ignore[method-assign]
    original_help_option = decorators.help_option

    def help_option(param_decls: list[str]) -> Any:
        decorate = original_help_option(param_decls)

        def apply(command: Any) -> Any:
            result = decorate(command)
            command.params[-1].help = "显示本帮助后退出。"
            return result

        return apply

    decorators.help_option = help_option


def localize_rich_help() -> None:
    """Panel titles and fixed strings of the rich help screen (imported only for help)."""
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = "参数"
    rich_utils.OPTIONS_PANEL_TITLE = "选项"
    rich_utils.COMMANDS_PANEL_TITLE = "命令"
    rich_utils.ERRORS_PANEL_TITLE = "错误"
    rich_utils.DEFAULT_STRING = "[默认：{}]"
    rich_utils.REQUIRED_LONG_STRING = "[必填]"
    rich_utils.ABORTED_TEXT = "已中止。"
    rich_utils.RICH_HELP = "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。"


def _hint(quoted: str) -> str:
    """``'--format' / '-f'`` -> ``选项 --format / -f``; ``'days'`` -> ``参数 DAYS``."""
    names = [n.strip().strip("'\"") for n in quoted.split(" / ")]
    if names[0].startswith("-"):
        return "选项 " + " / ".join(names)
    return "参数 " + " / ".join(n.upper() for n in names)


def _names(quoted: str) -> str:
    """``'check', 'schema'`` or ``--fail-on, --format`` -> ``check、schema``."""
    return "、".join(n.strip().strip("'\"") for n in quoted.split(","))


#: What a value was expected to be (Typer's pydantic-style and Click's sentences).
_VALUE_PATTERNS: list[tuple[str, Callable[[re.Match[str]], str]]] = [
    (r"Input should be a valid integer\b.*", lambda m: "应为整数"),
    (r"Input should be a valid number\b.*", lambda m: "应为数字"),
    (r"(?:File|Directory|Path) '(.+)' does not exist\.", lambda m: f"{m[1]} 不存在"),
]

#: Click's usage errors, whole message -> Chinese.
_USAGE_PATTERNS: list[tuple[str, Callable[[re.Match[str]], str]]] = [
    (r"Missing argument (.+)\.", lambda m: f"缺少{_hint(m[1])}"),
    (r"Missing option (.+)\.", lambda m: f"缺少{_hint(m[1])}"),
    (r"Missing command\.", lambda m: "缺少命令"),
    (
        r"No such option: (\S+)(?: \(Possible options: (.+)\))?",
        lambda m: f"没有选项 {m[1]}" + (f"（可能是：{_names(m[2])}）" if m[2] else ""),
    ),
    (
        r"No such command '(.+?)'\.(?: Did you mean (.+)\?)?",
        lambda m: f"没有命令 {m[1]}" + (f"，是不是要用 {_names(m[2])}？" if m[2] else ""),
    ),
    (r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", lambda m: f"多余的参数：{m[1]}"),
    (r"Option '(.+)' does not take a value\.", lambda m: f"选项 {m[1]} 不接受值"),
    (r"Option '(.+)' requires an argument\.", lambda m: f"选项 {m[1]} 需要一个值"),
    (r"Option '(.+)' requires (\d+) arguments\.", lambda m: f"选项 {m[1]} 需要 {m[2]} 个值"),
    (r"Argument '(.+)' takes (\d+) values\.", lambda m: f"参数 {m[1].upper()} 需要 {m[2]} 个值"),
    (r"Invalid value for (.+?): (.+)", lambda m: f"{_hint(m[1])} 的值无效：{_value_text(m[2])}"),
    (r"Invalid value: (.+)", lambda m: _value_text(m[1])),
]


def _translate(text: str, patterns: list[tuple[str, Callable[[re.Match[str]], str]]]) -> str:
    for pattern, chinese in patterns:
        match = re.fullmatch(pattern, text, re.DOTALL)
        if match:
            return chinese(match)
    return text


def _value_text(message: str) -> str:
    return _translate(message.strip(), _VALUE_PATTERNS)


def usage_error_text(message: str) -> str:
    """A Click usage-error message in Chinese, ending in 。; unknown English as it is."""
    text = _translate(message.strip(), _USAGE_PATTERNS)
    if text == message.strip() and text.isascii():
        return text  # a sentence the table does not know: the original, untouched
    return text if text.endswith(("。", "？", ".", "?")) else text + "。"
