"""The ``govopen`` command: the Typer app, its command groups, and :func:`main`.

Each command module holds one group of commands in its own ``commands`` Typer and
imports nothing from here; the app adds them in the order the help screen lists
them. A command parses its options, makes one core call, hands the result to a
reporter and picks the exit code: 0 clean, 1 findings at or above ``--fail-on``,
2 could not run. :func:`main` catches :class:`~govopen_cli.errors.GovopenError`
once, for every command, and tells Click's usage errors in Chinese (status 2).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import typer

from govopen_cli import __version__
from govopen_cli.cli import (
    check,
    conform,
    coverage,
    diff,
    excel,
    init,
    publish,
    requests,
    rules,
    summary,
    workdays,
)
from govopen_cli.cli.help_screen import HelpGroup, show_help_without_command
from govopen_cli.cli.output import COULD_NOT_RUN, configure_console
from govopen_cli.cli.usage_error import usage_error_text
from govopen_cli.errors import GovopenError

#: Click's exit status for a usage error (an unknown option, a bad value …).
USAGE_ERROR = 2

app = typer.Typer(
    name="govopen",
    cls=HelpGroup,
    help=(
        "政务公开基本目录（标准目录）检查工具。\n\n"
        "校验目录文件和三定映射、按《政府信息公开条例》检查、导出检查用 Excel、"
        "对比年度目录、计算工作日。\n\n"
        "示例：govopen check catalogs/"
    ),
    invoke_without_command=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
for group in (
    check.commands,
    coverage.commands,
    conform.commands,
    diff.commands,
    summary.commands,
    publish.commands,
    excel.commands,
    rules.commands,
    requests.commands,
    workdays.commands,
    init.commands,
):
    app.add_typer(group)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"govopen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", "-V", help="显示版本号后退出。", callback=_version, is_eager=True
    ),
) -> None:
    """政务公开基本目录（标准目录）检查工具。"""
    show_help_without_command(ctx)


def main(args: Sequence[str] | None = None, prog_name: str | None = None) -> NoReturn:
    """Entry point of the ``govopen`` script: run one command line and exit with its status.

    ``args`` and ``prog_name`` default to the command line and the script's name.
    """
    configure_console()
    try:
        # Not standalone: Click's usage errors come back here to be told in Chinese.
        # typer.Exit, --help and --version come back as the exit status (None: 0);
        # Ctrl+C inside a command comes back as 130, as in standalone mode.
        status = app(args=args, prog_name=prog_name, standalone_mode=False)
    except typer.TyperException as exc:  # Click's errors, under Typer's public name
        _flush_stdout()
        if exc.exit_code == USAGE_ERROR:
            text = f"用法错误：{usage_error_text(exc.format_message())}{_help_hint(exc)}"
        else:
            text = f"错误：{exc.format_message()}"
        typer.echo(f"govopen：{text}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):  # Ctrl-C, TERM, HUP in a command
            _interrupted(exc.__cause__)
        _flush_stdout()
        typer.echo("govopen：已中止。", err=True)
        sys.exit(1)
    except GovopenError as exc:
        _flush_stdout()
        typer.echo(f"govopen：错误：{exc}", err=True)
        sys.exit(COULD_NOT_RUN)
    except KeyboardInterrupt as exc:
        _interrupted(exc)
    if status == 130:  # typer's answer to Ctrl-C (and TERM, HUP) inside a command
        from govopen_cli.output_file import Terminated, interrupted_by

        _interrupted(Terminated(interrupted_by[-1]) if interrupted_by else KeyboardInterrupt())
    sys.exit(status if isinstance(status, int) else 0)


def _interrupted(exc: KeyboardInterrupt) -> NoReturn:
    """Ctrl-C (exit 130), TERM or HUP (128 + the signal): one line, no traceback, and no
    "Exception ignored" from a stream closed under the interpreter at exit."""
    signum = getattr(exc, "signum", 2)
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    with contextlib.suppress(Exception):
        sys.stderr.write("govopen：已中断，未写出不完整的文件（临时文件已删除）。\n")
        sys.stderr.flush()
    # Nothing more may be written at exit: a pipe reader may be gone.
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    os._exit(128 + signum)


def _help_hint(exc: typer.TyperException) -> str:
    """``运行 govopen check -h 查看帮助。`` when the failing command has a help option."""
    ctx: typer.Context | None = getattr(exc, "ctx", None)  # set on usage errors
    if ctx is None or ctx.command.get_help_option(ctx) is None:
        return ""
    return f"运行 {ctx.command_path} {ctx.help_option_names[0]} 查看帮助。"


def _flush_stdout() -> None:
    # What a command printed comes before the error line when both go to one terminal.
    with contextlib.suppress(OSError):  # a closed pipe: nothing more to show there
        sys.stdout.flush()
