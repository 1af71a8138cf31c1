"""``govopen export``, ``govopen import`` and ``govopen inspect``: the Excel commands."""

from __future__ import annotations

import datetime as dt
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import typer

from govopen_cli.cli.help_screen import HelpCommand
from govopen_cli.cli.options import (
    CONFIG_HELP,
    FAIL_ON_HELP,
    existing_file,
    format_option,
    parse_severity,
    parse_today,
    project_config,
)
from govopen_cli.cli.output import (
    COULD_NOT_RUN,
    FORCE_HELP,
    emit,
    progress_bar,
    severity_counts,
    tell_written,
)
from govopen_cli.diagnostics import Diagnostic, Report
from govopen_cli.errors import CatalogUnreadableError, GovopenError, OutputError
from govopen_cli.reporters import INSPECTION, REPORT

#: The commands of this module; :mod:`govopen_cli.cli.app` adds them to ``govopen``.
commands = typer.Typer()


def _check_output(path: Path, force: bool, what: str) -> None:
    """Refuse an output before any work: a folder that does not exist, a file without --force."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"输出目录不存在：{folder}（请先创建，或换一个 -o 路径）")
    if path.is_dir():
        raise OutputError(f"{path} 是文件夹，请指定要写出的文件")
    if path.exists() and not force:
        raise OutputError(f"{path} 已存在{what}，未覆盖。确需覆盖请加 --force")


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    from govopen_cli.reporters.text import diagnostic_line

    for diag in diagnostics:
        typer.echo(diagnostic_line(diag))


# ── export ──────────────────────────────────────────────────────────────────


@commands.command(
    "export",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen export catalogs/pingyao-zrzyj/2025.yaml -o 检查.xlsx\n\n"
        "  govopen export 2025.yaml --duties sanding.yaml -o 检查.xlsx --force\n\n"
        "工作表：目录（标准目录版式）、检查表（供检查人员填写）、覆盖情况（有三定映射时）、"
        "问题清单（govopen check 的结果）、汇总（公式随检查表更新，附图表）、说明。\n\n"
        "退出状态：0 已写出；1 目录文件无法读取，未写出；2 无法运行（文件已存在未加 --force、路径不存在）。"
    ),
)
def export_command(
    catalog: Path = typer.Argument(
        ..., metavar="文件", help="目录文件（YAML）。", show_default=False
    ),
    output: Path = typer.Option(..., "--output", "-o", help="要写出的 .xlsx 工作簿。"),
    duties: Path | None = typer.Option(
        None, "--duties", help="三定映射文件（覆盖 catalog.duties）：填写“覆盖情况”工作表。"
    ),
    config_path: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    today: str | None = typer.Option(
        None, "--today", help="以该日期判断豁免是否过期（YYYY-MM-DD，默认今天）。"
    ),
    force: bool = typer.Option(
        False, "--force", help="覆盖已有的文件（注意：可能是已填写的检查表）。"
    ),
) -> None:
    """导出检查用 Excel 工作簿：标准目录版式的目录、检查表、覆盖情况、问题清单、汇总和说明。

    工作簿先写入临时文件，完整后再移到目标位置，不会留下写了一半的文件。
    """
    from govopen_cli.checks.run import CheckOptions
    from govopen_cli.excel.export_run import export_catalog

    config = project_config(config_path)
    existing_file(catalog, "目录文件")
    if duties is not None:
        existing_file(duties, "三定映射文件")
    if output.suffix.lower() != ".xlsx":
        raise GovopenError(f"输出文件 {output} 应以 .xlsx 结尾")
    _check_output(output, force, "（可能是已填写的检查表）")
    options = CheckOptions(config=config, duties=duties, today=parse_today(today))
    with progress_bar("检查并写出工作簿") as update:
        result = export_catalog(catalog, output, options, progress=update, force=force)
    report = result.report
    if result.summary is None:
        _print_diagnostics(report.sorted())
        typer.echo(f"无法导出：{catalog} 不能作为目录读取（见上）。", err=True)
        raise typer.Exit(1)
    summary = result.summary
    typer.echo(
        f"已导出 {output}：{summary.items} 个事项，工作表 {'、'.join(summary.sheets)}。"
        f"问题清单：{report.summary().removeprefix(f'检查了 {len(report.files)} 个文件，')}"
    )


# ── import ──────────────────────────────────────────────────────────────────


@commands.command(
    "import",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen import 目录.xlsx -o catalogs/2025.yaml --agency 平遥县自然资源局 --year 2025 --id pingyao-zrzyj\n\n"
        "  govopen import 目录.xlsx -o 2025.yaml --sheet 征地 --sheet 规划\n\n"
        "  govopen import 标准目录.html -o 2025.yaml --agency 某县自然资源局\n\n"
        "  govopen import 收集的目录/ -o catalogs/\n\n"
        "读取 Excel 工作簿（.xlsx、.xls）、OpenDocument 表格（.ods）、Word 文档中的表格（.docx）、"
        "保存的网页（.html、.htm）；给出文件夹时导入其中（含子文件夹）所有这些文件，每个写出一个 "
        "YAML，-o 是输出文件夹，最后给出一份汇总。\n\n"
        "按列名找表头（列的顺序不限，多余的列忽略并报告），读取合并单元格、■□▲ 渠道标注、√ 打勾、"
        "带序号的公开内容；读不懂的单元格逐一报告位置（如 目录!C12，Word 和网页中的表格如 表2 第5行第3列）。"
        "表格没有写明的制定机关、年度、目录标识写为“待填写”占位，govopen check 会报告。"
        "写出后立即用 govopen check 检查。\n\n"
        "退出状态：0 已写出且通过检查；1 已写出但有问题（或没有读到事项）；"
        "2 无法运行（文件无法读取、输出文件夹不存在、输出文件已存在未加 --force）。"
    ),
)
def import_command(
    workbook: Path = typer.Argument(
        ...,
        metavar="路径",
        help="标准目录：.xlsx、.xls、.ods、.docx、.html/.htm 文件，或装有这些文件的文件夹。",
        show_default=False,
    ),
    output: Path = typer.Option(
        ..., "--output", "-o", help="要写出的目录文件（.yaml）；导入文件夹时是输出文件夹。"
    ),
    agency: str | None = typer.Option(None, "--agency", help="制定机关（表格没有写明时）。"),
    year: int | None = typer.Option(None, "--year", help="年度，如 2025（2000—2100）。"),
    catalog_id: str | None = typer.Option(
        None, "--id", help="目录标识：字母、数字、-、_、.，各年度保持不变（导入文件夹时不可用）。"
    ),
    title: str | None = typer.Option(None, "--title", help="目录名称（默认取表格标题）。"),
    sheets: list[str] = typer.Option(
        None, "--sheet", help="只读这些工作表（可重复）；默认读所有可见工作表。"
    ),
    force: bool = typer.Option(False, "--force", help="覆盖已有的目录文件。"),
    config_path: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    fail_on: str | None = typer.Option(
        None, "--fail-on", help="达到该严重程度即以状态 1 退出：error、warning、info。"
    ),
) -> None:
    """把机关现有的标准目录（Excel、WPS、Word、网页）导入为目录文件（YAML），并立即检查。"""
    from govopen_cli.checks.run import CheckOptions, check_paths
    from govopen_cli.excel.fast_book import release_freed
    from govopen_cli.excel.reader import fold_reported
    from govopen_cli.reporters import render

    config = project_config(config_path)
    severity = parse_severity(fail_on) or config.fail_on
    if year is not None and not 2000 <= year <= 2100:
        raise typer.BadParameter(f"年度 {year} 不在 2000—2100 之间", param_hint="--year")
    if workbook.is_dir():
        _import_folder(
            workbook, output, agency, year, title, sheets, force, catalog_id, config, severity
        )
        return
    existing_file(workbook, "表格文件")
    if output.suffix.lower() not in (".yaml", ".yml"):
        raise GovopenError(f"输出文件 {output} 应以 .yaml 或 .yml 结尾")
    _check_output(output, force, "")
    result, diagnostics = _import_one(
        workbook, output, agency, year, catalog_id, title, sheets, config, bar=True, force=force
    )
    if result.catalog is None:
        raise typer.Exit(COULD_NOT_RUN if result.unreadable else 1)
    result.catalog = None  # written: the check reads the file, so the data need not stay
    result.sources = []  # (their places are in the file's comments)
    release_freed(collect=True)  # the import's garbage, before the check reads the file
    check = check_paths([output], CheckOptions(config=config))
    shown, folded = fold_reported(check.report, [result])
    emit(render(REPORT, shown, "text"), None)
    failed = check.report.fails(severity) or Report(diagnostics).fails(severity)
    if check.report.fails(severity):
        more = f"（另有 {folded} 个“待填写”占位已在上面按原表位置报告）" if folded else ""
        typer.echo(f"✗ {output} 未通过 govopen check{more}：请按上面列出的位置修改。")
    else:
        typer.echo(f"✓ {output} 通过 govopen check。")
    raise typer.Exit(1 if failed else 0)


def _import_one(
    source: Path,
    output: Path,
    agency: str | None,
    year: int | None,
    catalog_id: str | None,
    title: str | None,
    sheets: list[str] | None,
    config: Any,
    *,
    bar: bool,
    force: bool = False,
) -> tuple[Any, list[Diagnostic]]:
    """Read one table file, print what import noticed, write the YAML when items were read."""
    from govopen_cli.catalog.config import apply_config
    from govopen_cli.catalog.files import display_path
    from govopen_cli.catalog.yaml_writer import schema_reference, write_catalog_yaml
    from govopen_cli.excel.reader import import_workbook
    from govopen_cli.output_file import atomic_path

    shown = display_path(source)
    with progress_bar(f"读取 {shown}") if bar else nullcontext() as update:
        result = import_workbook(
            source,
            agency=agency,
            year=year,
            catalog_id=catalog_id,
            title=title,
            sheets=sheets or None,
            known_channels=config.extra_channels,
            display=shown,
            progress=update,
        )
    diagnostics = apply_config(result.diagnostics, config)
    _print_diagnostics(diagnostics)
    if result.catalog is None:
        typer.echo(f"没有从 {shown} 读到任何事项，未写出 {output}。")
        return result, diagnostics
    comments = [
        f"由 govopen import 从 {shown}（{result.tables}）导入，"
        f"{result.items} 个事项，{dt.date.today().isoformat()}。",
        "每个事项上方的注释是它在原表中的位置。",
    ]
    if result.placeholders:
        comments.append("标有“待填写”的值原表中没有写明，请补充（govopen check 逐一报告）。")
    # Written item by item into the output door's temporary file (moved into place when
    # whole): a 50,000-item catalog's text is never held at once.
    with atomic_path(output, force=force) as tmp, tmp.open("w", encoding="utf-8", newline="") as f:
        write_catalog_yaml(
            f,
            result.catalog,
            comments=comments,
            sources=result.sources,
            schema=schema_reference(output),
        )
    typer.echo(f"已写出 {output}：{result.items} 个事项（{result.tables}）。")
    return result, diagnostics


def _import_folder(
    folder: Path,
    output: Path,
    agency: str | None,
    year: int | None,
    title: str | None,
    sheets: list[str] | None,
    force: bool,
    catalog_id: str | None,
    config: Any,
    severity: Any,
) -> None:
    """Every table file under ``folder``, one YAML each in the folder ``output``, one summary."""
    from govopen_cli.checks.run import CheckOptions, check_paths
    from govopen_cli.excel.fast_book import release_freed
    from govopen_cli.excel.reader import fold_reported
    from govopen_cli.excel.sources import FORMATS_TEXT, is_table_file
    from govopen_cli.reporters import render

    if catalog_id is not None:
        raise GovopenError("导入文件夹时不能用 --id：每个目录的标识不同，请导入后在各文件中填写")
    if output.suffix.lower() in (".yaml", ".yml") or (output.exists() and not output.is_dir()):
        raise OutputError(f"导入文件夹时 -o 应是输出文件夹，而 {output} 是文件")
    if not output.parent.is_dir():
        raise OutputError(f"输出目录不存在：{output.parent}（请先创建，或换一个 -o 路径）")
    sources = sorted(p for p in folder.rglob("*") if p.is_file() and is_table_file(p))
    if not sources:
        raise GovopenError(f"文件夹 {folder} 中没有可导入的文件（{FORMATS_TEXT}）")
    targets: dict[Path, Path] = {}
    for source in sources:
        relative = source.relative_to(folder).with_suffix(".yaml")
        target = output / relative
        if target in targets.values():
            target = target.with_name(f"{source.stem}-{source.suffix.lstrip('.')}.yaml")
        targets[source] = target
    existing = [t for t in targets.values() if t.exists()]
    if existing and not force:
        raise OutputError(
            f"{existing[0]} 等 {len(existing)} 个文件已存在，未覆盖。确需覆盖请加 --force"
        )
    written: list[Path] = []
    results: list[Any] = []
    empty: list[Path] = []
    items = 0
    for source, target in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        result, _ = _import_one(
            source, target, agency, year, None, title, sheets, config, bar=False, force=force
        )
        if result.catalog is None:
            empty.append(source)
        else:
            written.append(target)
            items += result.items
            result.catalog = None  # written: kept for its places only, not every file's data
            result.sources = []
            results.append(result)
    failed = False
    if written:
        release_freed(collect=True)
        check = check_paths(written, CheckOptions(config=config))
        shown, _ = fold_reported(check.report, results)
        emit(render(REPORT, shown, "text"), None)
        failed = check.report.fails(severity)
    typer.echo(
        f"导入了 {folder} 中的 {len(sources)} 个文件：写出 {len(written)} 个目录文件到 {output}，"
        f"共 {items} 个事项"
        + (
            f"；{len(empty)} 个文件没有读到事项（{'、'.join(p.name for p in empty)}）"
            if empty
            else ""
        )
        + "。"
    )
    raise typer.Exit(1 if failed or empty else 0)


# ── inspect ─────────────────────────────────────────────────────────────────


@commands.command(
    "inspect",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen inspect 检查.xlsx\n\n"
        "  govopen inspect 检查.xlsx --catalog catalogs/2025.yaml --format markdown -o 检查结果.md\n\n"
        "逾期：公开时限写明天数时，从信息形成日期次日起按工作日（国务院节假日安排，含调休）计算，"
        "公开日期晚于期限即为逾期。\n\n"
        "退出状态：0 没有达到 --fail-on 的问题；1 有（如逾期、未公开、检查表中看不懂的单元格）；"
        "2 无法运行（工作簿无法读取、找不到目录文件）。"
    ),
)
def inspect_command(
    workbook: Path = typer.Argument(
        ...,
        metavar="工作簿",
        help="填写好的检查工作簿（govopen export 生成）。",
        show_default=False,
    ),
    catalog: Path | None = typer.Option(
        None, "--catalog", help="目录文件（默认用工作簿说明页记录的目录文件）。"
    ),
    fmt: str = format_option(INSPECTION, "输出格式：text（默认）、json、markdown。"),
    output: Path | None = typer.Option(None, "--output", "-o", help="写入文件而不是屏幕。"),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
    today: str | None = typer.Option(
        None, "--today", help="以该日期判断整改期限、未公开事项是否过期（YYYY-MM-DD，默认今天）。"
    ),
    config_path: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    fail_on: str | None = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="总是以状态 0 退出（只报告）。"),
) -> None:
    """读回填写好的检查表：逐项和按一级事项的结果、合格率、逾期事项、问题及整改责任处室。"""
    from govopen_cli.excel.inspect_run import inspect_workbook
    from govopen_cli.reporters import render

    config = project_config(config_path)
    severity = parse_severity(fail_on) or config.fail_on
    existing_file(workbook, "工作簿")
    if catalog is not None:
        existing_file(catalog, "目录文件")
    try:
        result = inspect_workbook(workbook, config, catalog=catalog, today=parse_today(today))
    except CatalogUnreadableError as exc:
        _print_diagnostics(exc.diagnostics)
        raise
    emit(render(INSPECTION, result, fmt), output, force)
    tell_written(output, severity_counts(result.sorted_diagnostics()))
    if result.unreadable:
        raise typer.Exit(COULD_NOT_RUN)
    raise typer.Exit(0 if exit_zero or not result.fails(severity) else 1)
