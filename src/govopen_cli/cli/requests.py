"""``govopen requests check`` and ``govopen requests report``: the 依申请公开 ledger."""

from __future__ import annotations

from pathlib import Path

import typer

from govopen_cli.cli.help_screen import HelpCommand, HelpGroup, show_help_without_command
from govopen_cli.cli.options import (
    CONFIG_HELP,
    FAIL_ON_HELP,
    FORMAT_HELP,
    HOLIDAYS_HELP,
    existing_file,
    format_option,
    known_format,
    parse_severity,
    parse_today,
    project_config,
)
from govopen_cli.cli.output import COULD_NOT_RUN, emit, exit_code, render_options
from govopen_cli.errors import GovopenError
from govopen_cli.reporters import ANNUAL_TABLE, REPORT

#: ``govopen requests …``; :mod:`govopen_cli.cli.app` adds it to ``govopen``.
commands = typer.Typer(
    name="requests",
    cls=HelpGroup,
    callback=show_help_without_command,
    invoke_without_command=True,
    help=(
        "依申请公开台账：检查答复期限、列出可转为主动公开的事项，生成年度报告中的"
        "“收到和处理政府信息公开申请情况”表。\n\n"
        "台账可以是 CSV、xlsx 或 YAML，列名见 docs/ledger.md。\n\n"
        "示例：govopen requests check 台账.xlsx --catalog catalogs/2025.yaml"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
)


@commands.command(
    "check",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen requests check 台账-2025.xlsx                       检查答复期限等\n\n"
        "  govopen requests check 台账-2025.csv --today 2025-12-31     按某一天检查\n\n"
        "  govopen requests check 台账.csv --catalog catalogs/pingyao-zrzyj/2025.yaml "
        "--drafts 草拟事项.yaml\n\n"
        "退出状态：0 没有达到 --fail-on 的问题；1 有；"
        "2 无法运行（文件不存在或无法读取、配置错误）。"
    ),
)
def check_command(
    ledger: Path = typer.Argument(..., help="台账文件：.csv、.xlsx 或 .yaml。"),
    catalog: Path | None = typer.Option(
        None, "--catalog", help="目录文件：核对关联事项，转主动公开的候选落到具体事项上。"
    ),
    today: str | None = typer.Option(
        None, "--today", help="以该日期判断是否逾期、即将到期（默认今天）。"
    ),
    fmt: str = format_option(REPORT, FORMAT_HELP),
    output: Path | None = typer.Option(None, "--output", "-o", help="写入文件而不是屏幕。"),
    drafts: Path | None = typer.Option(
        None, "--drafts", help="把转主动公开的草拟事项（YAML，可并入目录 items）写入该文件。"
    ),
    config_path: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    holidays: Path | None = typer.Option(None, "--holidays", help=HOLIDAYS_HELP),
    fail_on: str | None = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="总是以状态 0 退出（只报告）。"),
) -> None:
    """检查依申请公开台账：答复期限、补正、延期、不予公开理由、转主动公开。

    期限按《政府信息公开条例》第三十三条：收到申请后 20 个工作日，经批准延期再加 20 个；补正的自收到补正之日起算（第三十条），征求第三方意见的时间不计入（第三十三条第二款）。

    每个问题一行：文件:行:列（xlsx 为 工作表!单元格）: 编号 严重程度 说明。
    """
    from govopen_cli.calendar.workday import calendar_for
    from govopen_cli.excel.ledger_sheet import read_ledger_sheet
    from govopen_cli.reporters import render
    from govopen_cli.requests.check import RequestCheckOptions, check_ledger
    from govopen_cli.requests.conversion import drafts_yaml
    from govopen_cli.requests.settings import RequestSettings

    config = project_config(config_path)
    severity = parse_severity(fail_on) or config.fail_on
    existing_file(ledger, "台账文件")
    if catalog is not None:
        existing_file(catalog, "目录文件")
    options = RequestCheckOptions(
        calendar=calendar_for(
            holidays, config.resolve(config.holidays) if config.holidays else None
        ),
        today=parse_today(today),
        config=config,
        settings=RequestSettings.from_config(config),
        catalog_path=catalog,
        read_workbook=read_ledger_sheet,
    )
    result = check_ledger(ledger, options)
    if drafts is not None:
        emit(drafts_yaml(result.candidates), drafts)
    emit(render(REPORT, result.report, fmt, render_options(fmt, output)), output)
    if result.unreadable:
        raise typer.Exit(COULD_NOT_RUN)
    raise typer.Exit(exit_code(result.report, severity, exit_zero))


@commands.command(
    "report",
    cls=HelpCommand,
    epilog=(
        "示例：\n\n"
        "  govopen requests report 台账-2025.xlsx --year 2025\n\n"
        "  govopen requests report 台账-2025.csv --year 2025 --format markdown -o 表.md\n\n"
        "  govopen requests report 台账-2025.csv --year 2025 --format xlsx -o 年报表.xlsx\n\n"
        "表格写到屏幕或 -o 指定的文件；台账中的问题和勾稽关系不符写到标准错误。\n\n"
        "退出状态：0 表格可用；1 有达到 --fail-on 的问题（如勾稽关系不符）；"
        "2 无法运行（台账不存在或无法读取）。"
    ),
)
def report_command(
    ledger: Path = typer.Argument(..., help="台账文件：.csv、.xlsx 或 .yaml。"),
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="报告年度，如 2025。"),
    fmt: str = typer.Option(
        "text", "--format", "-f", help="输出格式：text（默认）、markdown、json、xlsx。"
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="写入文件（xlsx 必须指定）。"),
    config_path: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    fail_on: str | None = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="总是以状态 0 退出。"),
) -> None:
    """生成年度报告中“收到和处理政府信息公开申请情况”表（国办公开办函〔2021〕30号格式）。

    按申请人类型（自然人；法人或其他组织：商业企业、科研机构、社会公益组织、法律服务机构、其他）统计本年新收、上年结转、各类办理结果和结转下年度，并逐列核对勾稽关系：第一项加第二项之和，等于第三项加第四项之和。
    """
    from govopen_cli.excel.ledger_sheet import read_ledger_sheet
    from govopen_cli.reporters import is_binary, render
    from govopen_cli.reporters.text import diagnostic_line
    from govopen_cli.requests.annual_report import build_report

    # Checked here, after the other options (a missing --year is told first), as always.
    known_format(ANNUAL_TABLE, fmt, param_hint="--format")
    if is_binary(ANNUAL_TABLE, fmt) and output is None:
        raise GovopenError(f"{fmt} 是二进制文件，请用 -o 指定输出文件，如 -o 年报表.{fmt}")
    config = project_config(config_path)
    severity = parse_severity(fail_on) or config.fail_on
    existing_file(ledger, "台账文件")
    result = build_report(ledger, year, config, read_workbook=read_ledger_sheet)
    if result.table is not None:
        emit(render(ANNUAL_TABLE, result.table, fmt), output)
    for diag in result.report.sorted():
        typer.echo(diagnostic_line(diag), err=True)
    if result.report.diagnostics or result.table is None:
        typer.echo(result.report.summary(), err=True)
    if result.unreadable:
        raise typer.Exit(COULD_NOT_RUN)
    raise typer.Exit(exit_code(result.report, severity, exit_zero))
