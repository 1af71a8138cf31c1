"""The ``govopen`` command: a Typer app whose commands live one module each.

Each command parses its options, makes one core call, hands the result to a
reporter and picks the exit code: 0 clean, 1 findings at or above ``--fail-on``,
2 could not run. :func:`main` catches :class:`~govopen_cli.errors.GovopenError`
once, for every command, and tells Click's usage errors in Chinese (status 2).
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any

import typer

from govopen_cli import __version__
from govopen_cli.cli.localize import localize_rich_help, localize_typer, usage_error_text
from govopen_cli.errors import GovopenError

localize_typer()

app = typer.Typer(
    name="govopen",
    help=(
        "政务公开基本目录（标准目录）检查工具。\n\n"
        "校验目录文件和三定映射、按《政府信息公开条例》检查、导出检查用 Excel、"
        "对比年度目录、计算工作日。\n\n"
        "示例：govopen check catalogs/"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"govopen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", help="显示版本号后退出。", callback=_version, is_eager=True
    ),
) -> None:
    """政务公开基本目录（标准目录）检查工具。"""


# Command modules register themselves on ``app`` when imported.
from govopen_cli.cli import check as _check  # noqa: E402,F401
from govopen_cli.cli import conform as _conform  # noqa: E402,F401
from govopen_cli.cli import coverage as _coverage  # noqa: E402,F401
from govopen_cli.cli import diff as _diff  # noqa: E402,F401
from govopen_cli.cli import excel as _excel  # noqa: E402,F401
from govopen_cli.cli import publish as _publish  # noqa: E402,F401
from govopen_cli.cli import requests as _requests  # noqa: E402,F401
from govopen_cli.cli import rules as _rules  # noqa: E402,F401
from govopen_cli.cli import summary as _summary  # noqa: E402,F401
from govopen_cli.cli import workdays as _workdays  # noqa: E402,F401


def main() -> None:
    """Entry point of the ``govopen`` script."""
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer._click.exceptions import UsageError as ClickUsageError

    if any(arg in ("-h", "--help") for arg in sys.argv[1:]) or len(sys.argv) == 1:
        localize_rich_help()  # imports rich: only when a help screen is shown
    try:
        # Not standalone: Click's usage errors come back here to be told in Chinese.
        # typer.Exit, --help and --version come back as the exit status (None: 0);
        # Ctrl+C inside a command comes back as 130, as in standalone mode.
        status = app(standalone_mode=False)
    except NoArgsIsHelpError as exc:
        if exc.format_message():  # without rich the help is in the message
            exc.show()
        sys.exit(exc.exit_code)
    except ClickUsageError as exc:
        _flush_stdout()
        typer.echo(
            f"govopen：用法错误：{usage_error_text(exc.format_message())}{_help_hint(exc)}",
            err=True,
        )
        sys.exit(exc.exit_code)
    except ClickException as exc:
        _flush_stdout()
        typer.echo(f"govopen：错误：{exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        _flush_stdout()
        typer.echo("govopen：已中止。", err=True)
        sys.exit(1)
    except GovopenError as exc:
        _flush_stdout()
        typer.echo(f"govopen：错误：{exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("govopen：已中断", err=True)
        sys.exit(130)
    sys.exit(status if isinstance(status, int) else 0)


def _help_hint(exc: Any) -> str:
    """``运行 govopen check -h 查看帮助。`` when the failing command has a help option."""
    ctx = exc.ctx
    if ctx is None or ctx.command.get_help_option(ctx) is None:
        return ""
    return f"运行 {ctx.command_path} {ctx.help_option_names[0]} 查看帮助。"


def _flush_stdout() -> None:
    # What a command printed comes before the error line when both go to one terminal.
    with contextlib.suppress(OSError):  # a closed pipe: nothing more to show there
        sys.stdout.flush()
