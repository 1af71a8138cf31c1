"""Click's usage errors in Chinese: ``Missing argument 'name'.`` -> ``缺少参数 NAME。``.

Click (inside Typer) raises its usage-error sentences ("Missing argument …", "No such
option: …") as English text. :func:`usage_error_text` turns the common ones into
Chinese with a small table of patterns, and leaves any other text as it is (a new
Click sentence stays readable, just in English). The help screens are drawn in
Chinese by :mod:`govopen_cli.cli.help_screen`.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def _hint(quoted: str) -> str:
    """``'--format' / '-f'`` -> ``选项 --format / -f``; ``'days'`` -> ``参数 DAYS``."""
    names = [n.strip().strip("'\"") for n in quoted.split(" / ")]
    if names[0].startswith("-"):
        return "选项 " + " / ".join(names)
    return "参数 " + " / ".join(n.upper() for n in names)


def _names(quoted: str) -> str:
    """``'check', 'schema'`` or ``--fail-on, --format`` -> ``check、schema``."""
    return "、".join(n.strip().strip("'\"") for n in quoted.split(","))


#: What a value was expected to be: Typer's pydantic-style sentences (0.29 on) and
#: Click's (the Typer versions before it), so both read the same.
_VALUE_PATTERNS: list[tuple[str, Callable[[re.Match[str]], str]]] = [
    (r"Input should be a valid integer\b.*", lambda m: "应为整数"),
    (r"Input should be a valid number\b.*", lambda m: "应为数字"),
    (r"'.*' is not a valid int(?:eger)?(?: range)?\.", lambda m: "应为整数"),
    (r"'.*' is not a valid float(?: range)?\.", lambda m: "应为数字"),
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
