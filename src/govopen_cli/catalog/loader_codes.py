"""How the YAML loader's parts report (codes GO001-GO012, defined in codes/go/file.py).

Decoding, syntax errors, the alias guard and the event builder all report with
:func:`loader_diagnostic`, always as an error.
"""

from __future__ import annotations

from govopen_cli.codes import all_codes
from govopen_cli.diagnostics import Diagnostic, Severity


def loader_diagnostic(
    display: str, line: int, column: int, code: str, message: str, pointer: str = ""
) -> Diagnostic:
    """An error of a loader code at a 1-based place in ``display``."""
    return all_codes()[code].at(
        display, message, line=line, column=column, path=pointer, severity=Severity.ERROR
    )
