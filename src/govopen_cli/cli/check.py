"""``govopen check`` and ``govopen schema``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import typer

from govopen_cli.cli.help_screen import HelpCommand
from govopen_cli.cli.options import (
    FAIL_ON_HELP,
    FORMAT_HELP,
    existing_file,
    format_option,
    parse_percent,
    parse_severity,
    parse_today,
    project_config,
)
from govopen_cli.cli.output import (
    FORCE_HELP,
    append_step_summary,
    emit,
    exit_code,
    progress_bar,
    render_options,
    severity_counts,
    tell_written,
)
from govopen_cli.errors import GovopenError, PathNotFoundError
from govopen_cli.output_file import write_atomic
from govopen_cli.reporters import REPORT

#: The commands of this module; :mod:`govopen_cli.cli.app` adds them to ``govopen``.
commands = typer.Typer()


@commands.command(
    "check",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen check                        检查 govopen.toml 中 catalogs 列出的（默认 catalogs/）\n\n"
        "  govopen check catalogs/2025.yaml     检查一个文件\n\n"
        "  govopen check --format json -o r.json  输出 JSON 报告\n\n"
        "  govopen check --write-baseline .govopen-baseline.json   记下现有问题\n\n"
        "  govopen check --baseline .govopen-baseline.json         只报告新问题\n\n"
        "  govopen check -j 4 province/          用 4 个进程检查全省的目录\n\n"
        "退出状态：0 没有达到 --fail-on 的问题（或用了 --exit-zero、--write-baseline）；1 有；"
        "2 无法运行（路径不存在、配置或基线文件错误）。"
    ),
)
def check_command(
    paths: list[Path] = typer.Argument(
        None,
        metavar="路径",
        help="要检查的文件或文件夹（递归查找 *.yaml、*.yml）。不写时检查配置中的 catalogs。",
        show_default=False,
    ),
    fmt: str = format_option(REPORT, FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help="写入文件而不是屏幕。"),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
    links_anywhere: bool = typer.Option(
        False,
        "--allow-outside-links",
        help="允许 catalog.duties 指向项目文件夹（govopen.toml 所在文件夹或 git 仓库）以外的文件。",
    ),
    config_path: Path | None = typer.Option(
        None,
        "--config",
        help="所有文件用这个配置（默认：离每个文件最近的 govopen.toml）。",
    ),
    duties: Path | None = typer.Option(
        None, "--duties", help="三定映射文件：对所有目录做三定覆盖检查（覆盖 catalog.duties）。"
    ),
    fail_on: str | None = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="总是以状态 0 退出（只报告）。"),
    today: str | None = typer.Option(
        None, "--today", help="以该日期判断豁免是否过期（YYYY-MM-DD，默认今天）。"
    ),
    min_coverage: float | None = typer.Option(
        None,
        "--min-coverage",
        metavar="百分数",
        callback=parse_percent,
        help="三定职责覆盖率低于该百分数时报告 GO409（覆盖配置中的 min-coverage）。",
    ),
    baseline_path: Path | None = typer.Option(
        None, "--baseline", metavar="文件", help="只报告基线文件中没有记录的新问题。"
    ),
    write_baseline: Path | None = typer.Option(
        None,
        "--write-baseline",
        metavar="文件",
        help="把现有问题的指纹写入基线文件（本次以状态 0 退出）；之后用 --baseline 只报告新问题。",
    ),
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        metavar="进程数",
        help="用几个进程同时检查多个文件：默认按 CPU 核数（文件少于 8 个时不另开进程）；"
        "-j 1 在当前进程中逐个检查。结果与逐个检查完全相同。",
        show_default=False,
    ),
) -> None:
    """检查目录文件和三定映射：格式、《政府信息公开条例》规则、三定覆盖。

    每个问题一行：文件:行:列: 编号 严重程度 说明。
    """
    from govopen_cli.checks.baseline import Baseline, is_baseline_file, load_baseline
    from govopen_cli.checks.run import CheckOptions, check_paths
    from govopen_cli.reporters import render, render_text

    if baseline_path is not None and write_baseline is not None:
        raise typer.BadParameter(
            "--baseline 和 --write-baseline 不能同时使用：更新基线只需 --write-baseline"
        )
    from govopen_cli.catalog.config import ConfigFinder
    from govopen_cli.codes import is_known_code

    config = project_config(config_path)
    overrides: dict[str, Any] = {} if min_coverage is None else {"min_coverage": min_coverage}
    config = replace(config, **overrides)
    if paths:
        targets = list(paths)
    else:
        targets = [config.resolve(p) for p in config.catalogs]
        missing = [p for p in targets if not p.exists()]
        if missing:
            raise PathNotFoundError(
                f"没有指定要检查的路径，配置中的 {missing[0]} 也不存在。"
                "请写出文件或文件夹，如：govopen check catalogs/"
            )
    if duties is not None:
        existing_file(duties, "三定映射文件")
    options = CheckOptions(
        config=config,
        # --config: every file under it; else each file under its nearest govopen.toml
        finder=None if config_path is not None else ConfigFinder(is_known_code, overrides),
        duties=duties,
        today=parse_today(today),
        keep_files=False,
        baseline=load_baseline(baseline_path) if baseline_path is not None else None,
        links_anywhere=links_anywhere,
        jobs=jobs,
    )
    with progress_bar("检查文件") as update:
        result = check_paths(targets, replace(options, progress=update))
    # the strictest fail-on among the configurations the files were checked under
    severity = parse_severity(fail_on) or min(
        (c.fail_on for c in result.configs), default=config.fail_on
    )
    emit(render(REPORT, result.report, fmt, render_options(fmt, output)), output, force)
    tell_written(output, severity_counts(result.report.diagnostics))
    if fmt == "github":
        append_step_summary(render_text(REPORT, result.report, "markdown"))
    if write_baseline is not None:
        recorded = Baseline.from_diagnostics(result.report.diagnostics)
        write_atomic(
            write_baseline,
            recorded.to_text().encode("utf-8"),
            force=force or is_baseline_file(write_baseline),
        )
        typer.echo(
            f"已把 {len(recorded)} 个问题记入基线 {write_baseline}；"
            f"之后用 --baseline {write_baseline} 只报告新问题。",
            err=True,
        )
        raise typer.Exit(0)
    raise typer.Exit(exit_code(result.report, severity, exit_zero))


@commands.command("schema", cls=HelpCommand)
def schema_command(
    name: str = typer.Argument(
        ..., metavar="名称", help="catalog（目录文件）或 duties（三定映射文件）。"
    ),
) -> None:
    """打印 JSON Schema，供编辑器（YAML 语言服务器）提示字段的官方名称。

    示例：govopen schema catalog > catalog.schema.json
    """
    from govopen_cli.catalog.schema import SCHEMA_NAMES, schema_text

    if name not in SCHEMA_NAMES:
        raise GovopenError(f"没有名为 {name!r} 的 schema：可选 {'、'.join(SCHEMA_NAMES)}")
    typer.echo(schema_text(name), nl=False)
