"""``govopen summary``: the province's view over a system's catalogs."""

from __future__ import annotations

from pathlib import Path

import typer

from govopen_cli.cli.help_screen import HelpCommand
from govopen_cli.cli.options import CONFIG_HELP, format_option, project_config
from govopen_cli.cli.output import emit
from govopen_cli.errors import OutputError
from govopen_cli.reporters import SUMMARY

#: The commands of this module; :mod:`govopen_cli.cli.app` adds them to ``govopen``.
commands = typer.Typer()


@commands.command(
    "summary",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen summary catalogs/                       每个机构一行，问题多的在前\n\n"
        "  govopen summary 市县目录/ --guide 自然资源 -f xlsx -o 汇总.xlsx\n\n"
        "  govopen summary 市县目录/ -f html -o 汇总.html\n\n"
        "退出状态：0 已汇总；2 无法运行（路径不存在）。"
    ),
)
def summary_command(
    paths: list[Path] = typer.Argument(
        ..., help="目录文件或文件夹（一个机构一个目录文件或一个文件夹）。", show_default=False
    ),
    guide: str | None = typer.Option(
        None,
        "--guide",
        "-g",
        help="对照的标准目录（默认取 govopen.toml 的 guide；都没有则不对照）。",
    ),
    fmt: str = format_option(
        SUMMARY, "输出格式：text（默认）、json、markdown、xlsx（需要 -o）、html。"
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="写入文件而不是屏幕。"),
    force: bool = typer.Option(False, "--force", help="-o 指定的文件已存在时覆盖。"),
    config_path: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
) -> None:
    """汇总一个系统的目录：每个机构一行，问题多的在前，最后是合计。

    每行：层级、事项数、错误、警告、三定覆盖、对照标准目录缺少和弱化的行、较上年的变更。

    同一机构（catalog.id 相同）有几个年度的目录时，取最新一年；上一年的也在时给出变更数。
    """
    from govopen_cli.reporters import is_binary, render
    from govopen_cli.summary.table import summarize

    if is_binary(SUMMARY, fmt) and output is None:
        raise typer.BadParameter(f"{fmt} 格式需要用 -o 指定输出文件", param_hint="--format")
    if output is not None and output.exists() and not force:
        raise OutputError(f"输出文件 {output} 已存在：加 --force 覆盖，或换一个文件名")
    config = project_config(config_path)
    summary = summarize(list(paths), config, guide or config.guide)
    emit(render(SUMMARY, summary, fmt), output, force)
    raise typer.Exit(0)
