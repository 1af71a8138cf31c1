"""Writing results: to the terminal, or atomically to ``--output``; colour and exit codes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from govopen_cli.diagnostics import Report, Severity

__all__ = [
    "COULD_NOT_RUN",
    "FORCE_HELP",
    "atomic_path",
    "emit",
    "exit_code",
    "use_color",
    "write_atomic",
]
from govopen_cli.errors import OutputError
from govopen_cli.output_file import atomic_path, write_atomic

#: Help of ``--force`` on every command that writes a file.
FORCE_HELP = "覆盖已有的输出文件（本次读取的输入文件永不覆盖）。"

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


def emit(text: str, output: Path | None, force: bool = False) -> None:
    """Print ``text``, or write it to ``output`` (UTF-8, atomically; replacing a file only
    with ``force``, an input never)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text.encode("utf-8"), force=force)


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
