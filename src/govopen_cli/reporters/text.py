"""The text format: one line per problem, ``path:line:column: CODE severity message``."""

from __future__ import annotations

import io

from govopen_cli.diagnostics import Diagnostic, Report, Severity
from govopen_cli.reporters import RenderOptions, register

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def diagnostic_line(diag: Diagnostic) -> str:
    """The plain one-line form of a diagnostic."""
    where = diag.where
    waived = f"（已豁免：{diag.waiver_reason}）" if diag.waived else ""
    return f"{where}: {diag.code} {diag.severity.label} {diag.message}{waived}"


@register("text")
def render_text(report: Report, options: RenderOptions) -> str:
    """Problems sorted by file, line, column; a summary line at the end."""
    shown = [d for d in report.sorted() if options.show_waived or not d.waived]
    if not options.color:
        lines = [diagnostic_line(d) for d in shown]
        lines.append(report.summary())
        return "\n".join(lines) + "\n"
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=True,
        color_system="standard",
        width=10_000,
        highlight=False,
        soft_wrap=True,
    )
    for diag in shown:
        line = Text()
        line.append(diag.where, style="bold")
        line.append(": ")
        line.append(diag.code, style="magenta")
        line.append(" ")
        line.append(diag.severity.label, style=_STYLE[diag.severity])
        line.append(" " + diag.message)
        if diag.waived:
            line.append(f"（已豁免：{diag.waiver_reason}）", style="dim")
        console.print(line)
    ok = not report.fails(Severity.WARNING)
    console.print(Text(report.summary(), style="green" if ok else "bold"))
    return buffer.getvalue()
