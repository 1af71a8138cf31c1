"""The options several commands share: their help texts and how their values are read.

Every command reads ``--config``, ``--fail-on``, ``--today``, ``--format`` and the
files it is given the same way, with the same messages; ``--format`` is checked
against the reporters' registry. Only light modules are imported here: the
reporters and the rules load when an option needs them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import typer

from govopen_cli.calendar.date_text import DATE_FORMS, date_problem, parse_date_text
from govopen_cli.catalog.config import Config, find_config, load_config
from govopen_cli.diagnostics import Severity
from govopen_cli.errors import ConfigError, PathNotFoundError

CONFIG_HELP = "配置文件（默认从当前目录向上查找 govopen.toml）。"
FAIL_ON_HELP = "达到该严重程度即以状态 1 退出：error（默认）、warning、info。"
HOLIDAYS_HELP = "节假日文件（代替 govopen.toml 中的 holidays），格式见 docs/workdays.md。"
FORMAT_HELP = (
    "输出格式：text（默认）、json、sarif（代码扫描）、junit（测试报告）、"
    "github（GitHub Actions 注释；设置了 GITHUB_STEP_SUMMARY 时另写 Markdown 摘要）、"
    "markdown（PR 评论）、html（可搜索、可打印的网页）。"
)


def parse_severity(value: str | None) -> Severity | None:
    """``--fail-on``: error/warning/info (or 错误/警告/提示); None when not given."""
    if value is None:
        return None
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def parse_date(value: str) -> dt.date:
    """A date argument or option, in any of the forms of :data:`~govopen_cli.calendar.date_text.DATE_FORMS`."""
    day = parse_date_text(value)
    if day is None:
        problem = date_problem(value)
        if problem:
            raise typer.BadParameter(f"日期 {value!r} 不存在：{problem}")
        raise typer.BadParameter(f"日期 {value!r} 格式不对：请写成 {DATE_FORMS}")
    return day


def parse_today(value: str | None) -> dt.date:
    """``--today``: the date given, else today."""
    return parse_date(value) if value is not None else dt.date.today()


def parse_percent(value: float | None) -> float | None:
    """Option callback: a percentage from 0 to 100."""
    if value is not None and not 0 <= value <= 100:
        raise typer.BadParameter(f"{value:g} 不是 0 到 100 的百分数")
    return value


def known_format(kind: str, value: str, param_hint: str | None = None) -> str:
    """``value`` when it is a ``--format`` of results of ``kind``; else the usage error.

    The names come from the reporters' registry (:mod:`govopen_cli.reporters`), so a
    format is accepted exactly when something renders it.
    """
    from govopen_cli.reporters import format_names

    names = format_names(kind)
    if value not in names:
        raise typer.BadParameter(
            f"未知的格式 {value!r}：可选 {'、'.join(names)}", param_hint=param_hint
        )
    return value


def format_option(kind: str, help: str) -> Any:
    """The ``--format``/``-f`` option (default ``text``) of a command whose result is ``kind``."""

    def check(value: str) -> str:
        return known_format(kind, value)

    return typer.Option("text", "--format", "-f", help=help, callback=check)


def project_config(path: Path | None) -> Config:
    """``--config`` when given, else govopen.toml found from the working directory up."""
    from govopen_cli.codes import is_known_code

    if path is not None and not path.exists():  # a FIFO: the input door says what it is
        raise ConfigError(f"找不到配置文件 {path}")
    return load_config(path or find_config(), known_code=is_known_code)


def existing_file(path: Path, what: str) -> Path:
    """``path`` when it is a file; else the error that says which file was not found."""
    if not path.exists():
        raise PathNotFoundError(f"找不到{what}：{path}")
    if path.is_dir():
        raise PathNotFoundError(f"{path} 是文件夹，请指定{what}")
    return path
