"""The text format: one line per problem, ``path:line:column: CODE severity message``."""

from __future__ import annotations

from govopen_cli.diagnostics import Diagnostic, Report, Severity
from govopen_cli.reporters import REPORT, RenderOptions, register
from govopen_cli.reporters.terminal import SEVERITY_STYLE, StyledLine, render_lines


def diagnostic_line(diag: Diagnostic) -> str:
    """The plain one-line form of a diagnostic."""
    where = diag.where
    waived = f"（已豁免：{diag.waiver_reason}）" if diag.waived else ""
    return f"{where}: {diag.code} {diag.severity.label} {diag.message}{waived}"


@register(REPORT, "text")
def render_text(report: Report, options: RenderOptions) -> str:
    """Problems sorted by file, line, column; a summary line at the end."""
    shown = [d for d in report.sorted() if options.show_waived or not d.waived]
    lines: list[StyledLine] = [_styled(d) for d in shown]
    ok = not report.fails(Severity.WARNING)
    lines.append([(report.summary(), "green" if ok else "bold")])
    return render_lines(lines, options.color)


def _styled(diag: Diagnostic) -> StyledLine:
    """:func:`diagnostic_line` in segments, for colour."""
    line = [
        (diag.where, "bold"),
        (": ", ""),
        (diag.code, "magenta"),
        (" ", ""),
        (diag.severity.label, SEVERITY_STYLE[diag.severity]),
        (" " + diag.message, ""),
    ]
    if diag.waived:
        line.append((f"（已豁免：{diag.waiver_reason}）", "dim"))
    return line
