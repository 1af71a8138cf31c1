"""``govopen coverage``: the 三定 duty-by-duty table and the coverage figure."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import typer

from govopen_cli.cli.help_screen import HelpCommand
from govopen_cli.cli.options import (
    CONFIG_HELP,
    existing_file,
    format_option,
    parse_percent,
    project_config,
)
from govopen_cli.cli.output import emit, render_options
from govopen_cli.reporters import COVERAGE

#: The commands of this module; :mod:`govopen_cli.cli.app` adds them to ``govopen``.
commands = typer.Typer()


@commands.command(
    "coverage",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen coverage catalogs/2025.yaml                    用目录 catalog.duties 指定的映射\n\n"
        "  govopen coverage catalogs/2025.yaml --duties sanding.yaml --min-coverage 100\n\n"
        "退出状态：0 覆盖率达到要求（或没有要求）；1 低于 --min-coverage；"
        "2 无法计算（目录或映射无法读取、没有三定映射）。"
    ),
)
def coverage_command(
    catalog: Path = typer.Argument(..., help="目录文件。", show_default=False),
    duties: Path | None = typer.Option(
        None,
        "--duties",
        metavar="文件",
        help="三定映射文件（覆盖 catalog.duties 和配置中的 duties）。",
    ),
    min_coverage: float | None = typer.Option(
        None,
        "--min-coverage",
        metavar="百分数",
        callback=parse_percent,
        help="覆盖率低于该百分数时以状态 1 退出（覆盖配置中的 min-coverage）。",
    ),
    fmt: str = format_option(COVERAGE, "输出格式：text（默认）、json、markdown。"),
    output: Path | None = typer.Option(None, "--output", "-o", help="写入文件而不是屏幕。"),
    config_path: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
) -> None:
    """三定覆盖：逐项列出职责和公开它的事项，给出覆盖率。

    每项职责一行：编号、内容、承担机构、公开事项、状态（已覆盖、不予公开、缺失）。
    覆盖率 =（已覆盖 + 不予公开）÷ 职责总数。三定映射依次取 --duties、目录的
    catalog.duties、配置中的 duties。
    """
    from govopen_cli.checks.coverage_result import check_coverage
    from govopen_cli.checks.run import CheckOptions
    from govopen_cli.reporters import render

    config = project_config(config_path)
    if min_coverage is not None:
        config = replace(config, min_coverage=min_coverage)
    if duties is not None:
        existing_file(duties, "三定映射文件")
    result = check_coverage(catalog, CheckOptions(config=config, duties=duties))
    width = shutil.get_terminal_size((100, 24)).columns
    emit(render(COVERAGE, result, fmt, render_options(fmt, output, width=width)), output)
    raise typer.Exit(0 if result.passed else 1)
