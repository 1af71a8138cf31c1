"""A workbook ledger -> rows, from the sheet :mod:`govopen_cli.excel` reads for us.

requests/ does not open workbooks (openpyxl lives in excel/ alone): the caller
passes a :data:`WorkbookReader` (:func:`govopen_cli.excel.ledger_sheet.read_ledger_sheet`),
which gives the sheet holding the ledger as plain values, and this module maps its
columns. Cells are named as diagnostics name them: ``台账!C12``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govopen_cli.cell_value import cell_text
from govopen_cli.codes.gr import GR001
from govopen_cli.requests.ledger_rows import (
    CellRef,
    LedgerReader,
    RawCell,
    RawRow,
    map_header,
    report_unlabeled_columns,
)


@dataclass(frozen=True)
class LedgerSheet:
    """The worksheet that holds a ledger, as values.

    ``rows`` are the rows below the header, numbered as in the sheet; a cell merged
    down a column holds its value in every row it covers (申请人类型 C3:C4 is both
    requests'). ``letters`` are the column letters, left to right.
    """

    title: str
    header_line: int
    header: list[Any]
    rows: list[tuple[int, list[Any]]]
    letters: tuple[str, ...]

    def cell_ref(self, row: int, index: int) -> CellRef:
        """Where the cell of ``row`` and 0-based column ``index`` is: ``台账!C12``."""
        return CellRef(row, index + 1, f"{self.title}!{self.letters[index]}{row}")


@dataclass(frozen=True)
class LedgerSheetReading:
    """A workbook read for its ledger: the sheet, or why the file is no workbook.

    Both None: the workbook opened, but no sheet has a ledger header.
    """

    sheet: LedgerSheet | None = None
    #: Why the file cannot be opened as an .xlsx workbook, in Chinese.
    problem: str | None = None


#: Reads the ledger sheet of the workbook at a path; never raises for the file's problems.
WorkbookReader = Callable[[Path], LedgerSheetReading]


def _sheet_rows(reader: LedgerReader, sheet: LedgerSheet) -> list[RawRow]:
    header_line = sheet.header_line
    mapping = map_header(reader, sheet.header, lambda i: sheet.cell_ref(header_line, i))
    rows = []
    for line, values in sheet.rows:
        if not any(cell_text(v) for v in values):
            continue
        row = RawRow(sheet.cell_ref(line, 0))
        for index, key in mapping.items():
            value = values[index] if index < len(values) else None
            row.cells[key] = RawCell(value, sheet.cell_ref(line, index))
        rows.append(row)
    report_unlabeled_columns(reader, sheet.header, sheet.rows, sheet.cell_ref)
    return rows


def xlsx_rows(
    reader: LedgerReader, read_workbook: WorkbookReader
) -> tuple[list[RawRow], bool, str | None]:
    """The rows of the workbook ledger at ``reader.path``, whether it could be read as a
    table, and the title of the sheet they come from."""
    reading = read_workbook(reader.path)
    if reading.problem is not None:
        reader.cannot_read(reading.problem)
        return [], False, None
    if reading.sheet is None:
        reader.report(
            GR001,
            CellRef(1, 1, "A1"),
            "工作簿中没有哪张工作表的前 10 行含有台账表头（“编号”“收到日期”等列名）",
        )
        return [], False, None
    return _sheet_rows(reader, reading.sheet), True, reading.sheet.title
