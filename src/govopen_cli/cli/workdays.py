"""``govopen workdays add|count|is``: 工作日 under the State Council holiday schedule."""

from __future__ import annotations

from pathlib import Path

import typer

from govopen_cli.calendar.workday import WEEKDAY_NAMES, WorkdayCalendar, calendar_for
from govopen_cli.cli.help_screen import HelpCommand, HelpGroup, show_help_without_command
from govopen_cli.cli.options import CONFIG_HELP, HOLIDAYS_HELP, parse_date, project_config

#: ``govopen workdays …``; :mod:`govopen_cli.cli.app` adds it to ``govopen``.
commands = typer.Typer(
    name="workdays",
    cls=HelpGroup,
    callback=show_help_without_command,
    invoke_without_command=True,
    help=(
        "按国务院办公厅节假日安排（含调休）计算工作日。\n\n"
        "节假日数据来自 chinese-calendar（2004—2026 年），其他年份用 govopen.toml 中 holidays "
        "指定的节假日文件；都不知道的年份报错（状态 2），不按周一至周五猜测。\n\n"
        "示例：govopen workdays add 2025-09-26 20   →  2025-10-30"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _calendar(config_path: Path | None, holidays: Path | None) -> WorkdayCalendar:
    config = project_config(config_path)
    return calendar_for(holidays, config.resolve(config.holidays) if config.holidays else None)


@commands.command(
    "add",
    cls=HelpCommand,
    epilog="示例：\n\n  govopen workdays add 2025-09-26 20     输出 2025-10-30\n\n"
    "  govopen workdays add 2025年3月3日 40    延期后的答复期限",
)
def add_command(
    date: str = typer.Argument(..., help="起算日期，如收到申请的日期。"),
    days: int = typer.Argument(..., min=0, help="工作日数（0 或正整数）。"),
    config_path: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    holidays: Path | None = typer.Option(None, "--holidays", help=HOLIDAYS_HELP),
) -> None:
    """输出 DATE 之后第 N 个工作日（从次日起算，与《政府信息公开条例》的算法一致）。"""
    start = parse_date(date)
    typer.echo(_calendar(config_path, holidays).add(start, days).isoformat())


@commands.command(
    "count",
    cls=HelpCommand,
    epilog="示例：govopen workdays count 2025-09-26 2025-10-30     输出 20",
)
def count_command(
    start: str = typer.Argument(..., metavar="FROM", help="起算日期（不计入）。"),
    end: str = typer.Argument(..., metavar="TO", help="截止日期（计入）。"),
    config_path: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    holidays: Path | None = typer.Option(None, "--holidays", help=HOLIDAYS_HELP),
) -> None:
    """输出 FROM 之后到 TO（含）共有几个工作日；TO 早于 FROM 时为负数。"""
    first, last = parse_date(start), parse_date(end)
    typer.echo(str(_calendar(config_path, holidays).count(first, last)))


@commands.command(
    "is",
    cls=HelpCommand,
    epilog="示例：govopen workdays is 2025-10-11     2025-10-11 是工作日（周六，调休上班）\n\n"
    "退出状态：0 是工作日；1 不是；2 无法判断（年份未知、日期格式不对）。",
)
def is_command(
    date: str = typer.Argument(..., help="要判断的日期。"),
    config_path: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    holidays: Path | None = typer.Option(None, "--holidays", help=HOLIDAYS_HELP),
) -> None:
    """判断 DATE 是不是工作日：是则以状态 0 退出，不是则以状态 1 退出。"""
    day = parse_date(date)
    calendar = _calendar(config_path, holidays)
    kind = calendar.day_kind(day)
    working = calendar.is_workday(day)
    verdict = "是工作日" if working else "不是工作日"
    source = calendar.source_of(day.year)
    typer.echo(
        f"{day.isoformat()} {verdict}（{WEEKDAY_NAMES[day.weekday()]}，{kind}；依据 {source}）"
    )
    raise typer.Exit(0 if working else 1)


@commands.command(
    "notice",
    cls=HelpCommand,
    epilog="示例：\n\n  govopen workdays notice 通知.txt -o holidays/2027.yaml\n\n"
    "  govopen workdays notice 国务院办公厅关于2027年部分节假日安排的通知.html\n\n"
    "读不懂的行会被指出（文件:行号），命令以状态 2 结束，不会猜测。",
)
def notice_command(
    file: Path = typer.Argument(
        ...,
        metavar="FILE",
        help="通知原文：粘贴保存的文本（.txt）或另存的网页（.html）；写 - 则从标准输入读（可直接粘贴）。",
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="写入的节假日文件（如 holidays/2027.yaml）；不写则输出到屏幕。"
    ),
    force: bool = typer.Option(False, "--force", help="覆盖已有的输出文件。"),
) -> None:
    """读国务院办公厅《关于YYYY年部分节假日安排的通知》，生成节假日文件。"""
    from govopen_cli.calendar.notice import holiday_file_text, read_notice
    from govopen_cli.calendar.notice_text import notice_lines, text_lines
    from govopen_cli.errors import GovopenError
    from govopen_cli.output_file import write_atomic

    if str(file) == "-":
        import sys

        lines = text_lines(sys.stdin.read(), Path("标准输入.txt"))
        schedule = read_notice(lines, "标准输入")
    else:
        schedule = read_notice(notice_lines(file), str(file))
    text = holiday_file_text(schedule, file.name)
    if output is None:
        typer.echo(text, nl=False)
        return
    if output.exists() and not force:
        raise GovopenError(f"{output} 已存在：核对后用 --force 覆盖，或换一个文件名")
    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, text.encode("utf-8"))
    holidays = len(schedule.holidays)
    typer.echo(
        f"已写入 {output}：{schedule.year} 年放假 {holidays} 天、调休上班 "
        f"{len(schedule.workdays)} 天（{schedule.source}）。在 govopen.toml 中写 "
        f'holidays = "{output.as_posix()}"',
        err=True,
    )
