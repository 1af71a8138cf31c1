"""The diagnostics a check of a ledger's requests finds, each at the request's cell."""

from __future__ import annotations

from govopen_cli.codes import Code
from govopen_cli.diagnostics import Diagnostic
from govopen_cli.requests.ledger import Ledger
from govopen_cli.requests.ledger_columns import column_header
from govopen_cli.requests.ledger_request import LedgerRequest
from govopen_cli.requests.ledger_rows import ledger_diagnostic


class Findings:
    """Collects the diagnostics of one ledger's check."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.diagnostics: list[Diagnostic] = []

    def add(self, code: Code, request: LedgerRequest, key: str, message: str) -> None:
        """A diagnostic at the cell of ``request``'s field ``key`` (its row when ``key`` is "")."""
        ref = request.at(key) if key else request.row
        self.diagnostics.append(
            ledger_diagnostic(
                self.ledger.display,
                code,
                ref,
                message,
                number=request.number,
                field_name=column_header(key) if key else "",
            )
        )
