"""Short names for the codes the YAML loader reports (GO001-GO012, defined in codes/go/file.py).

Decoding, syntax errors, the alias guard and the event builder all report with
:func:`loader_diagnostic`, always as an error.
"""

from __future__ import annotations

from govopen_cli.codes import all_codes
from govopen_cli.codes.go.file import (
    GO001,
    GO002,
    GO003,
    GO004,
    GO005,
    GO006,
    GO007,
    GO008,
    GO009,
    GO010,
    GO011,
    GO012,
)
from govopen_cli.diagnostics import Diagnostic, Severity

CODE_SYNTAX = GO001.code
CODE_ENCODING = GO002.code
CODE_DUPLICATE_KEY = GO003.code
CODE_ALIAS_BOMB = GO004.code
CODE_EMPTY = GO005.code
CODE_MULTI_DOC = GO006.code
CODE_NOT_MAPPING = GO007.code
CODE_UNKNOWN_KIND = GO008.code
CODE_BINARY = GO009.code
CODE_IMPLICIT_DATE = GO010.code
CODE_UNREADABLE = GO011.code
CODE_TAG = GO012.code


def loader_diagnostic(
    display: str, line: int, column: int, code: str, message: str, pointer: str = ""
) -> Diagnostic:
    """An error of a loader code at a 1-based place in ``display``."""
    return all_codes()[code].at(
        display, message, line=line, column=column, path=pointer, severity=Severity.ERROR
    )
