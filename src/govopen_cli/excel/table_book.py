"""A plain workbook of titled tables: ``govopen conform -f xlsx`` and ``govopen summary -f xlsx``.

Each sheet is one table: a bold header row, frozen, with a filter, wrapped long text.
Cells are written as :mod:`.writer` writes them: control characters dropped, and text
that Excel would take for a formula kept as text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from govopen_cli.excel.writer import clean_text, looks_like_formula

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """One sheet: its name, header, rows and column widths (characters)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    widths: Sequence[int] = ()


def table_workbook(tables: Sequence[Table]) -> bytes:
    """The workbook of ``tables``, one sheet each, as ``.xlsx`` bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(table.title[:31])
        for row_index, values in enumerate([table.headers, *table.rows], 1):
            sheet.append([clean_text(v) if isinstance(v, str) else v for v in values])
            for cell in sheet[row_index]:
                if looks_like_formula(cell.value):
                    cell.data_type = "s"
                if row_index == 1:
                    cell.font = Font(bold=True)
                    cell.fill = PatternFill("solid", fgColor="DDEBF7")
                else:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for index, width in enumerate(table.widths, 1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        last = get_column_letter(max(1, len(table.headers)))
        sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
