"""Writing results: to the terminal, or atomically to ``--output``; colour and exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from govopen_cli.diagnostics import Diagnostic, Report, Severity
from govopen_cli.errors import OutputError
from govopen_cli.output_file import write_atomic
from govopen_cli.reporters import RenderOptions

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


def emit(rendered: str | bytes, output: Path | None, force: bool = False) -> None:
    """Print text, or write text (UTF-8) or bytes to ``output``, atomically; an existing
    file is replaced only with ``force``, an input of the run never.

    Bytes (a binary ``--format``) are only written to a file: the command asks for
    ``--output`` before it runs.
    """
    if output is not None:
        data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
        write_atomic(output, data, force=force)
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

    Does nothing outside GitHub Actions (the variable unset or empty). The summary is
    separated from what is already in the file by a blank line and ends with one: a
    block that ends in HTML (``</details>``) otherwise swallows the next step's heading,
    which GitHub then shows as literal text.
    """
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a+", encoding="utf-8") as handle:
            handle.seek(0)
            before = handle.read()
            lead = "\n" if before and not before.endswith("\n") else ""
            if before.strip() and not before.endswith("\n\n"):
                lead += "\n"
            handle.write(lead + markdown.rstrip("\n") + "\n\n")
    except OSError as exc:
        raise OutputError(
            f"无法写入 GITHUB_STEP_SUMMARY 指定的 {target}：{exc.strerror or exc}"
        ) from exc


def exit_code(report: Report, fail_on: Severity, exit_zero: bool = False) -> int:
    """0 when nothing at or above ``fail_on`` (or ``--exit-zero``), else 1."""
    if exit_zero:
        return 0
    return 1 if report.fails(fail_on) else 0


def severity_counts(diagnostics: Iterable[Diagnostic]) -> str:
    """``错误 0 个，警告 2 个，提示 0 个。`` over the active (not waived) findings."""
    active = [d for d in diagnostics if not d.waived]
    counts = [sum(1 for d in active if d.severity == s) for s in Severity]
    info, warning, error = counts
    return f"错误 {error} 个，警告 {warning} 个，提示 {info} 个。"


def tell_written(output: Path | None, standing: str) -> None:
    """After an ``-o`` run, say on stderr what was written and how the result stands.

    ``已写入 r.json：错误 0 个，警告 2 个，提示 0 个。`` Nothing without ``-o`` (the
    result itself is on the screen then).
    """
    if output is not None:
        sys.stderr.write(f"已写入 {output}：{standing}\n")
        sys.stderr.flush()


Progress = Callable[[int, int], None]


@contextmanager
def progress_bar(label: str) -> Iterator[Progress | None]:
    """A rich progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


#: Readable stand-ins, best first, for symbols a console encoding may not hold
#: (GBK on Chinese Windows, cp1252 on English Windows and CI runners). What none of
#: these fit is written as ``?``: output is never lost to a UnicodeEncodeError.
_STAND_INS: dict[str, tuple[str, ...]] = {
    "›": (">",),
    "→": ("->",),
    "✓": ("√", "OK"),
    "✔": ("√", "OK"),
    "☑": ("√", "[x]"),
    "✗": ("×", "X"),
    "✘": ("×", "X"),
    "☐": ("□", "[ ]"),
    "□": ("[ ]",),
    "■": ("#",),
    "▲": ("^",),
    "●": ("*",),
    "○": ("o",),
    "▪": ("■", "*"),
    "•": ("·", "*"),
    "─": ("-",),
    "√": ("OK",),
    "≠": ("!=",),
    "≈": ("~",),
    "：": (":",),
    "，": (",",),
    "；": (";",),
    "。": (".",),
    "（": ("(",),
    "）": (")",),
    "、": (",",),
    "《": ("<<",),
    "》": (">>",),
    "“": ('"',),
    "”": ('"',),
    "…": ("...",),
}
_ERROR_HANDLER = "govopen-console"


def _stand_in(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each character the encoding cannot hold, spelled another way."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for char in exc.object[exc.start : exc.end]:
        for candidate in _STAND_INS.get(char, ()):
            try:
                candidate.encode(exc.encoding)
            except UnicodeError:
                continue
            out.append(candidate)
            break
        else:
            out.append("?")
    return "".join(out), exc.end


def configure_console() -> None:
    """Make stdout and stderr survive any encoding; call once at start-up.

    A pipe or redirect on Windows writes in the locale's code page (GBK, cp1252):
    characters it cannot hold get a readable stand-in or ``?`` instead of a
    traceback. Files written with ``-o`` do not go through here: always UTF-8.
    """
    import codecs

    try:
        codecs.lookup_error(_ERROR_HANDLER)
    except LookupError:
        codecs.register_error(_ERROR_HANDLER, _stand_in)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if reconfigure is None or encoding in ("utf-8", "utf8"):
            continue
        try:
            reconfigure(errors=_ERROR_HANDLER)
        except (ValueError, OSError):  # a closed or detached stream: nothing to set up
            continue
