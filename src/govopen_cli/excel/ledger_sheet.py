"""The sheet of a workbook that holds a 依申请 ledger, read as plain values.

:mod:`govopen_cli.requests` maps a ledger's columns but does not open workbooks:
``govopen requests`` passes :func:`read_ledger_sheet` to it as its
:data:`~govopen_cli.requests.ledger_xlsx.WorkbookReader`.
"""

from __future__ import annotations

from pathlib import Path

from govopen_cli.excel.sheet import SheetGrid, UnreadableWorkbookError, column_letter, open_workbook
from govopen_cli.requests.ledger_columns import find_header_row
from govopen_cli.requests.ledger_xlsx import LedgerSheet, LedgerSheetReading


def read_ledger_sheet(path: Path) -> LedgerSheetReading:
    """The first sheet (one named 台账 first) with a ledger header in its first 10 rows.

    Never raises for the file: a file that is no .xlsx workbook comes back as the
    reading's ``problem``, a workbook without a ledger header as an empty reading.
    """
    try:
        workbook = open_workbook(path)
    except UnreadableWorkbookError as exc:
        return LedgerSheetReading(problem=str(exc))
    try:
        sheets = sorted(workbook.worksheets, key=lambda ws: "台账" not in ws.title)
        for sheet in sheets:
            sheet.reset_dimensions()
            grid = SheetGrid(sheet)
            header = find_header_row((n, list(values)) for n, values in enumerate(grid.rows, 1))
            if header is None:
                continue
            # A cell merged down a column holds for every row it covers (申请人类型 C3:C4
            # is both requests'); the header row is read as written.
            header_line = header[0]
            columns = range(1, grid.width + 1)
            rows = [
                (n, [grid.value(n, c, across=False) for c in columns])
                for n in range(header_line + 1, len(grid.rows) + 1)
            ]
            letters = tuple(column_letter(c) for c in columns)
            return LedgerSheetReading(
                LedgerSheet(sheet.title, header_line, header[1], rows, letters)
            )
    finally:
        workbook.close()
    return LedgerSheetReading()
