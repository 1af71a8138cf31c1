"""Reading a sheet: opening a workbook, its cells as text, merged ranges, cell names.

What the catalog import (:mod:`.reader`), the 检查表 reader (:mod:`.inspection`)
and the 依申请 ledger (:mod:`.ledger_sheet`) share. openpyxl is imported inside
the functions that need it, so importing this module costs nothing.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any

from govopen_cli.cell_value import cell_text
from govopen_cli.excel.workbook_bounds import UnreadableWorkbookError
from govopen_cli.excel.workbook_file import open_checked

__all__ = ["UnreadableWorkbookError", "open_workbook"]


def open_workbook(path: Path) -> Any:
    """``path`` opened for streaming reads of cell values (not formulas), through the
    workbook door (:func:`.workbook_file.open_checked`: bounds, damaged cells).

    The caller closes it. Raises :class:`UnreadableWorkbookError` for a file that is
    not a sound .xlsx workbook (an old .xls, a renamed file, a damaged archive).
    """
    return open_checked(path)


def column_letter(col: int) -> str:
    """The letters of a 1-based column number: 1 -> ``A``, 28 -> ``AB``."""
    from openpyxl.utils import get_column_letter

    letter: str = get_column_letter(col)
    return letter


def cell_name(sheet: str, row: int, col: int, style: str = "sheet") -> str:
    """A cell as diagnostics name it (1-based row and column): ``目录!C12`` in a
    workbook; ``表2 第5行第3列`` in a Word document or a web page (``style="table"``)."""
    if style == "table":
        return f"{sheet} 第{row}行第{col}列"
    return f"{sheet}!{column_letter(col)}{row}"


#: The error values Excel stores in a cell whose formula failed.
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"}
)


def excel_error(value: Any) -> str | None:
    """``#REF!`` and the other error values of a failed formula; None for any other value."""
    if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
        return value.strip()
    return None


def _scan(ws: Any) -> tuple[list[tuple[int, int, int, int]], set[tuple[int, int]]]:
    """Merged ranges, and the (row, column) of formulas whose value was never saved.

    A read-only sheet (streamed, so large workbooks fit in memory) keeps neither:
    both are read in one pass over the sheet's XML, which openpyxl opens for us.
    A formula cell without a cached value reads as empty (openpyxl does not
    calculate), which would pass for a blank cell; a workbook written by a program
    and never opened in Excel or WPS has them.
    """
    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

    refs: list[str] = []
    uncached: set[tuple[int, int]] = set()
    if hasattr(ws, "merged_cells"):
        refs = [str(r) for r in ws.merged_cells.ranges]
    else:
        from xml.etree.ElementTree import iterparse

        source = ws._get_source()  # the sheet's XML stream inside the archive
        try:
            for _, element in iterparse(source, events=("end",)):
                tag = element.tag.rsplit("}", 1)[-1]
                if tag in ("f", "v", "is", "t", "r"):
                    continue  # read with their cell, cleared with it
                if tag == "c":
                    # <f> comes first in a cell (the schema's order: f, v, is)
                    if len(element) and element[0].tag.endswith("}f") and element.get("r"):
                        value = element[1] if len(element) > 1 else None
                        saved = value is not None and (
                            bool(value.text) or element.get("t") == "str"
                        )
                        if not saved:
                            uncached.add(coordinate_to_tuple(element.get("r", "")))
                elif tag == "mergeCell" and element.get("ref"):
                    refs.append(element.get("ref", ""))
                element.clear()
        finally:
            source.close()
    ranges = []
    for ref in refs:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        ranges.append((min_row, min_col, max_row, max_col))
    return ranges, uncached


class SheetGrid:
    """A table's values with merged ranges resolved: the one model every reader produces.

    An .xlsx sheet is read here (streaming, with openpyxl); .xls/.ods sheets, Word
    tables and HTML tables are read into the same model by :mod:`.sources`
    (:meth:`of`). A merged range's value holds for every cell it covers. Ranges are
    clipped to the cells that hold data and looked up per column, so a range
    covering a whole sheet costs nothing.
    """

    def __init__(self, ws: Any) -> None:
        merged, uncached = _scan(ws)
        self._setup(ws.title, list(ws.iter_rows(values_only=True)), merged, uncached, "sheet")

    @classmethod
    def of(
        cls,
        title: str,
        rows: list[tuple[Any, ...]],
        merged: list[tuple[int, int, int, int]],
        *,
        style: str = "sheet",
    ) -> SheetGrid:
        """A grid from plain rows and merged ranges ``(min_row, min_col, max_row, max_col)``.

        ``style`` says how cells are named: ``sheet`` (``目录!C12``) or ``table``
        (``表2 第5行第3列``).
        """
        grid = cls.__new__(cls)
        grid._setup(title, rows, merged, set(), style)
        return grid

    def _setup(
        self,
        title: str,
        rows: list[tuple[Any, ...]],
        merged: list[tuple[int, int, int, int]],
        uncached: set[tuple[int, int]],
        style: str,
    ) -> None:
        self.title = title
        self.style = style
        self.rows = rows
        self.width = max((len(r) for r in self.rows), default=0)
        self._merged: dict[int, list[tuple[int, int, Any, int]]] = {}
        #: (row, column) of formula cells whose value the workbook does not hold.
        self.uncached = uncached
        #: The first cell of each merged range by the cells it covers (for 公开事项
        #: merged across its levels).
        self._origin: dict[tuple[int, int], tuple[int, int]] = {}
        for min_row, min_col, max_row, max_col in sorted(merged):
            origin = self.own(min_row, min_col)
            for c in range(min_col, min(max_col, self.width) + 1):
                self._merged.setdefault(c, []).append(
                    (min_row, min(max_row, len(self.rows)), origin, min_col)
                )
            if max_col > min_col:
                for r in range(min_row, min(max_row, len(self.rows)) + 1):
                    for c in range(min_col, min(max_col, self.width) + 1):
                        self._origin[(r, c)] = (min_row, min_col)
        self._starts = {c: [r[0] for r in spans] for c, spans in self._merged.items()}

    def name(self, row: int, col: int) -> str:
        """The cell as diagnostics name it."""
        return cell_name(self.title, row, col, self.style)

    def origin(self, row: int, col: int) -> tuple[int, int] | None:
        """The first cell of the range merged across columns that covers this cell, if any."""
        return self._origin.get((row, col))

    def own(self, row: int, col: int) -> Any:
        """The value stored in the cell itself (None for a covered merged cell)."""
        if row - 1 >= len(self.rows):
            return None
        values = self.rows[row - 1]
        return values[col - 1] if col - 1 < len(values) else None

    def value(self, row: int, col: int, *, across: bool = True) -> Any:
        """The value shown in the cell: a merged range's value for every cell it covers.

        With ``across=False`` the value holds only down the range's first column: for a
        table whose rows merged across are notes (a ledger), not rows of equal cells.
        """
        value = self.own(row, col)
        if value is None and col in self._merged:
            i = bisect.bisect_right(self._starts[col], row) - 1
            if i >= 0:
                first, last, origin, first_col = self._merged[col][i]
                if first <= row <= last and (across or first_col == col):
                    value = origin
        return value

    def text(self, row: int, col: int) -> str:
        return cell_text(self.value(row, col))
