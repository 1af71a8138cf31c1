"""Scalars a user slipped on: Word's curly quotes around a value, and a value its
YAML tag cannot build (``!!int abc``). Each is a located GO001/GO012 diagnostic."""

from __future__ import annotations

import re
from typing import Any

from govopen_cli.catalog.loader_codes import loader_diagnostic
from govopen_cli.codes.go.file import GO001, GO012
from govopen_cli.diagnostics import Diagnostic

_CURLY = {"‘": "’", "“": "”"}


def curly_quote_diagnostic(
    display: str, line: int, column: int, value: str, pointer: str
) -> Diagnostic | None:
    """``id: ‘002’``: a value wrapped in Chinese quotes, which YAML keeps as part of it.

    Reported, never fixed: single quotes ‘…’ around a whole value, and double “…”
    around a code-like value (letters, digits, ``-``), which no title is.
    """
    if len(value) < 3 or _CURLY.get(value[0]) != value[-1]:
        return None
    inner = value[1:-1]
    if value[0] == "“" and not re.fullmatch(r"[A-Za-z0-9_.\-]+", inner):
        return None
    straight = "'" if value[0] == "‘" else '"'
    return loader_diagnostic(
        display,
        line,
        column,
        GO001.code,
        f"第 {line} 行的值 {value} 用了中文引号 {value[0]}{value[-1]}（中文输入法下输入的）："
        f"YAML 不把它当作引号，会把引号连同 {inner} 一起读进值里。请改成英文引号："
        f"{straight}{inner}{straight}",
        pointer,
    )


def unreadable_tag_diagnostic(
    display: str, mark: Any, tag: str, value: str, pointer: str
) -> Diagnostic:
    """GO012 for a scalar its tag cannot build (``!!int abc``, ``!!float ''``, 5,000 digits)."""
    kind = tag.rsplit(":", 1)[-1]
    shown = value if len(value) <= 40 else f"{value[:20]}…（共 {len(value)} 个字符）"
    if kind == "int" and value.lstrip("+-").isdigit():
        why = f"数字有 {len(value)} 位，超过可读取的位数"
    else:
        why = f"“{shown}”不能按标签 !!{kind} 读取"
    return loader_diagnostic(
        display,
        mark.line + 1,
        mark.column + 1,
        GO012.code,
        f"{why}：请写成普通的值（删除 !!{kind} 标签，或改正数字）",
        pointer,
    )
