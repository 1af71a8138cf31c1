"""``govopen conform``: a catalog against the national 标准目录, row by row."""

from __future__ import annotations

from pathlib import Path

import typer

from govopen_cli.cli.help_screen import HelpCommand
from govopen_cli.cli.options import CONFIG_HELP, format_option, project_config
from govopen_cli.cli.output import emit
from govopen_cli.errors import OutputError
from govopen_cli.reporters import CONFORM

FAIL_ON = ("missing", "weakened")


def check_fail_on(value: str | None) -> str | None:
    """``--fail-on``: missing (缺少的行) or weakened (缺少或弱化的行)."""
    if value is not None and value not in FAIL_ON:
        raise typer.BadParameter(
            f"{value!r} 不可用：可选 missing（有缺少的行）、weakened（有缺少或弱化的行）"
        )
    return value


#: The commands of this module; :mod:`govopen_cli.cli.app` adds them to ``govopen``.
commands = typer.Typer()


@commands.command(
    "conform",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen conform catalogs/pingyao-zrzyj/2025.yaml\n\n"
        "  govopen conform 2025.yaml --guide 自然资源 --fail-on missing     CI 中把关\n\n"
        "  govopen conform 2025.yaml -f xlsx -o 对照.xlsx\n\n"
        "退出状态：0 没有达到 --fail-on 的行（或没有 --fail-on）；1 有；2 无法运行。"
    ),
)
def conform_command(
    catalog: Path = typer.Argument(..., help="目录文件。", show_default=False),
    guide: str | None = typer.Option(
        None,
        "--guide",
        "-g",
        help="对照的标准目录：附带的名称（自然资源），或按目录格式保存的标准目录文件（.yaml）；默认取 govopen.toml 的 guide，再默认 自然资源。",
    ),
    fmt: str = format_option(CONFORM, "输出格式：text（默认）、json、markdown、xlsx（需要 -o）。"),
    output: Path | None = typer.Option(None, "--output", "-o", help="写入文件而不是屏幕。"),
    force: bool = typer.Option(False, "--force", help="-o 指定的文件已存在时覆盖。"),
    fail_on: str | None = typer.Option(
        None,
        "--fail-on",
        callback=check_fail_on,
        help="missing：标准目录有行缺少即以状态 1 退出；weakened：缺少或弱化都算。",
    ),
    config_path: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
) -> None:
    """对照国家标准目录：逐行说明具备、缺少还是弱化，列出目录自行增加的事项。

    事项按公开事项名称配对（容许改名：“专项规划”对“自然资源领域专项规划”）。弱化指：
    标准目录标为必选（■）的渠道缺少、择一（▲）的渠道一个也没有、主动公开改为依申请、
    少了公开层级、公开时限更长。
    """
    from govopen_cli.guide.conform import conform_path
    from govopen_cli.reporters import is_binary, render

    if is_binary(CONFORM, fmt) and output is None:
        raise typer.BadParameter(f"{fmt} 格式需要用 -o 指定输出文件", param_hint="--format")
    if output is not None and output.exists() and not force:
        raise OutputError(f"输出文件 {output} 已存在：加 --force 覆盖，或换一个文件名")
    config = project_config(config_path)
    result = conform_path(catalog, guide or config.guide or "自然资源", config.extra_channels)
    emit(render(CONFORM, result, fmt), output, force)
    failing = result.missing + (result.weakened if fail_on == "weakened" else [])
    raise typer.Exit(1 if fail_on is not None and failing else 0)
