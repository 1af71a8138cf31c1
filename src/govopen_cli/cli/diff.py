"""``govopen diff OLD NEW``: what changed between two versions of a catalog."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govopen_cli.cli.help_screen import HelpCommand
from govopen_cli.cli.options import format_option, parse_severity
from govopen_cli.cli.output import emit, render_options
from govopen_cli.errors import GovopenError
from govopen_cli.reporters import DIFF

if TYPE_CHECKING:
    from govopen_cli.diagnostics import Report
    from govopen_cli.diff.compare import DiffOutcome

#: The commands of this module; :mod:`govopen_cli.cli.app` adds them to ``govopen``.
commands = typer.Typer()


@commands.command(
    "diff",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "对比两个年度的目录：\n\n"
        "  govopen diff catalogs/x/2024.yaml catalogs/x/2025.yaml\n\n"
        "与上一次提交对比（拉取请求中）：\n\n"
        "  govopen diff HEAD~1:catalogs/x/2025.yaml catalogs/x/2025.yaml\n\n"
        "写成拉取请求评论：\n\n"
        "  govopen diff main:catalogs/x/2025.yaml catalogs/x/2025.yaml -f markdown\n\n"
        "导出检查用的变更表：\n\n"
        "  govopen diff a.yaml b.yaml -f xlsx -o 变更.xlsx\n\n"
        "在 CI 中有警告级变更时失败：\n\n"
        "  govopen diff main:catalogs/x/2025.yaml catalogs/x/2025.yaml --fail-on warning\n\n"
        "退出状态：0 没有差异，或差异未达到 --fail-on（两个选项都不加时总是 0，同 git diff）；"
        "1 加了 --exit-code 且有任何差异，或有达到 --fail-on 的变更；"
        "2 无法运行（文件不存在、git 读取失败、目录有错误）。"
    ),
)
def diff_command(
    old: Annotated[
        str,
        typer.Argument(
            help="旧目录：文件路径，或 修订版本:路径（用 git 读取，如 HEAD~1:a/2024.yaml）。",
            show_default=False,
        ),
    ],
    new: Annotated[
        str, typer.Argument(help="新目录：文件路径，或 修订版本:路径。", show_default=False)
    ],
    fmt: str = format_option(
        DIFF, "输出格式：text（默认）、markdown（拉取请求评论）、json、xlsx（需要 -o）。"
    ),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入文件而不是屏幕。")
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="有达到该级别的变更即以状态 1 退出：error、warning、info（默认不因变更失败）。",
        ),
    ] = None,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="有任何差异即以状态 1 退出（同 git diff --exit-code）。"),
    ] = False,
) -> None:
    """对比两个版本的目录：新增、删除、改编号、移动的事项，改动的字段，三定覆盖的变化。

    事项按编号配对；编号变了而内容几乎相同的算改编号。每处变更有编号和级别
    （如 GD201 公开时限延长 是警告），可用 --fail-on 在 CI 中把关。
    """
    from govopen_cli.diff.compare import diff_sources
    from govopen_cli.reporters import REPORT, is_binary, render, render_text

    severity = parse_severity(fail_on)
    if is_binary(DIFF, fmt) and output is None:
        raise typer.BadParameter(f"{fmt} 格式需要用 -o 指定输出文件", param_hint="--format")
    outcome = diff_sources(old, new)
    for note in outcome.notes:
        typer.echo(f"govopen：提示：{note}", err=True)
    if outcome.diff is None:
        typer.echo(render_text(REPORT, _problems_report(outcome), "text"), err=True, nl=False)
        raise GovopenError("要对比的目录有错误，无法对比：先用 govopen check 修正")
    emit(render(DIFF, outcome.diff, fmt, render_options(fmt, output)), output)
    failed = (exit_code and not outcome.diff.empty) or (
        severity is not None and outcome.diff.fails(severity)
    )
    raise typer.Exit(1 if failed else 0)


def _problems_report(outcome: DiffOutcome) -> Report:
    """The problems that prevent a diff, as a report for the text reporter."""
    from govopen_cli.diagnostics import Report

    return Report(
        diagnostics=list(outcome.problems), files=list(outcome.files), title="govopen diff"
    )
