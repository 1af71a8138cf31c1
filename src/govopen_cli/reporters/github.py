"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` per finding.

GitHub turns each line into an annotation on the file and line in the pull request.
Values are escaped as the Actions runner expects (``%``, CR and LF in the message;
also ``:`` and ``,`` in the properties). Waived findings are not annotated. The Markdown
job summary (``GITHUB_STEP_SUMMARY``) is written by the command, not here: rendering
never touches files.
"""

from __future__ import annotations

from pathlib import PurePath

from govopen_cli.diagnostics import Diagnostic, Report, Severity
from govopen_cli.reporters import REPORT, RenderOptions, register

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (``file=``, ``title=`` …)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diag: Diagnostic) -> str:
    """``::error file=…,line=…,col=…,title=CODE::message``."""
    props = ",".join(
        (
            f"file={escape_property(PurePath(diag.file).as_posix())}",
            f"line={diag.line}",
            f"col={diag.column}",
            f"title={escape_property(diag.code)}",
        )
    )
    return f"::{COMMANDS[diag.severity]} {props}::{escape_data(diag.message)}"


@register(REPORT, "github")
def render_github(report: Report, options: RenderOptions) -> str:
    """One annotation line per active finding, then the summary line."""
    lines = [annotation(d) for d in report.active]
    lines.append(report.summary())
    return "\n".join(lines) + "\n"
