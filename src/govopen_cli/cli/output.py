"""Writing results: to the terminal, or atomically to ``--output``; colour and exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from govopen_cli.diagnostics import Report, Severity
from govopen_cli.errors import OutputError
from govopen_cli.output_file import write_atomic
from govopen_cli.reporters import RenderOptions

#: Exit status of a command that could not run: also an input it cannot read at all
#: (not a workbook, a damaged or empty file), after the diagnostic that says why.
COULD_NOT_RUN = 2


def use_color(output: Path | None) -> bool:
    """Colour only on a terminal, never with NO_COLOR set or when writing a file."""
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def emit(rendered: str | bytes, output: Path | None) -> None:
    """Print text, or write text (UTF-8) or bytes to ``output``, atomically.

    Bytes (a binary ``--format``) are only written to a file: the command asks for
    ``--output`` before it runs.
    """
    if output is not None:
        write_atomic(output, rendered if isinstance(rendered, bytes) else rendered.encode("utf-8"))
    elif isinstance(rendered, bytes):
        raise ValueError("binary output needs a file")
    else:
        sys.stdout.write(rendered)
        sys.stdout.flush()


def render_options(fmt: str, output: Path | None, *, width: int = 100) -> RenderOptions:
    """Colour for the text format on a terminal only (see :func:`use_color`)."""
    return RenderOptions(color=use_color(output) and fmt == "text", width=width)


def append_step_summary(markdown: str) -> None:
    """Append ``markdown`` to the file GitHub Actions names in ``GITHUB_STEP_SUMMARY``.

    Does nothing outside GitHub Actions (the variable unset or empty).
    """
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(markdown if markdown.endswith("\n") else markdown + "\n")
    except OSError as exc:
        raise OutputError(
            f"无法写入 GITHUB_STEP_SUMMARY 指定的 {target}：{exc.strerror or exc}"
        ) from exc


def exit_code(report: Report, fail_on: Severity, exit_zero: bool = False) -> int:
    """0 when nothing at or above ``fail_on`` (or ``--exit-zero``), else 1."""
    if exit_zero:
        return 0
    return 1 if report.fails(fail_on) else 0
