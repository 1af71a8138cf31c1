"""The text format: one line per problem, ``path:line:column: CODE 严重程度 message``.

The severity is the Chinese word (错误/警告/提示) a reader sees; the machine formats
(json, sarif, junit, github) keep the stable English tokens.
"""

from __future__ import annotations

from govopen_cli.diagnostics import Diagnostic, Report, Severity
from govopen_cli.reporters import REPORT, RenderOptions, register
from govopen_cli.reporters.terminal import SEVERITY_STYLE, StyledLine, render_lines
from govopen_cli.reporters.visible import line_start, visible


def diagnostic_line(diag: Diagnostic) -> str:
    """The plain one-line form of a diagnostic."""
    where = line_start(visible(diag.where))
    waived = f"（已豁免：{visible(diag.waiver_reason)}）" if diag.waived else ""
    return f"{where}: {diag.code} {diag.severity.zh} {visible(diag.message)}{waived}"


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
        (line_start(visible(diag.where)), "bold"),
        (": ", ""),
        (diag.code, "magenta"),
        (" ", ""),
        (diag.severity.zh, SEVERITY_STYLE[diag.severity]),
        (" " + visible(diag.message), ""),
    ]
    if diag.waived:
        line.append((f"（已豁免：{visible(diag.waiver_reason)}）", "dim"))
    return line
