"""An .xlsx workbook's values read by python-calamine, as openpyxl would give them.

``govopen import`` of a 50,000-item workbook spent most of its reading time in
openpyxl, which parses every cell in Python. python-calamine reads the values in
Rust; what it gives otherwise is known from the workbook door's own pass over every
cell (:mod:`.workbook_cells`), which runs anyway: merged ranges, formulas whose value
was never saved, and openpyxl's value for each cell calamine reads differently (dates
by openpyxl's rules, error values, ``3.0``, integers longer than a float, empty
text). The grid is then the one openpyxl's read-only reader gives, value for value
and type for type (:class:`~.sheet.SheetGrid`), so the import writes the same file and
the same diagnostics.

A sheet the pass marks as not plain (cells out of order, ``_x000D_`` escapes,
phonetic runs, the 1904 date system), an empty sheet, a sheet where calamine finds a
date openpyxl would not, or a workbook calamine cannot open, is read by openpyxl as
before; the whole sheet is then held as openpyxl read it, once.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from govopen_cli.excel.sheet import SheetGrid
from govopen_cli.excel.workbook_cells import SheetExtent

_DATES = (dt.date, dt.time, dt.timedelta)


class CalamineValues:
    """python-calamine's reading of a checked workbook, opened when first asked."""

    def __init__(self, raw: bytes, extents: dict[str, SheetExtent]) -> None:
        self._raw = raw
        self._book: Any = None
        self._failed = False
        self.by_path = extents

    def grid(self, extent: SheetExtent | None) -> SheetGrid | None:
        """The sheet as openpyxl's read-only reader gives it, or None when calamine
        cannot give the same values (the caller then reads it with openpyxl)."""
        if extent is None or not extent.plain or self._failed:
            return None
        if self._book is None:
            try:
                from python_calamine import CalamineWorkbook

                self._book = CalamineWorkbook.from_filelike(io.BytesIO(self._raw))
            except Exception:  # calamine's own errors: openpyxl reads it
                self._failed = True
                return None
        return _calamine_grid(self._book, extent)

    def close(self) -> None:
        if self._book is not None:
            self._book.close()


def xlsx_loader(values: CalamineValues, ws: Any) -> Callable[[], SheetGrid]:
    """The loader of one openpyxl sheet: its values by calamine where they are the same."""

    def load() -> SheetGrid:
        extent = values.by_path.get(getattr(ws, "_worksheet_path", ""))
        if extent is not None and extent.title != ws.title:
            extent = None
        grid = values.grid(extent)
        return grid if grid is not None else SheetGrid(ws)

    return load


def _calamine_grid(book: Any, extent: SheetExtent) -> SheetGrid | None:
    """The sheet as openpyxl's read-only reader gives it, or None where calamine cannot
    give the same values."""
    height, width = extent.rows, extent.columns
    if not height or not width:
        return None  # openpyxl reads an empty sheet by its own bounds
    try:
        data = book.get_sheet_by_name(extent.title).to_python(skip_empty_area=False)
    except Exception:  # a sheet calamine cannot read: openpyxl reads it
        return None
    exact = extent.exact
    # Each row is replaced where it stands, so calamine's rows and the grid's are not
    # both held whole.
    rows: list[Any] = data
    del rows[height:]
    dates: list[tuple[int, int]] = []
    blank = [None] * width
    for r, values in enumerate(rows, 1):
        row: list[Any] = [None if v == "" else v for v in values[:width]]
        for c, v in enumerate(row, 1):
            if type(v) is float:
                if v.is_integer():
                    row[c - 1] = int(v)  # openpyxl reads "3" as an int (see exact for "3.0")
            elif isinstance(v, _DATES):
                dates.append((r, c))
        if len(row) < width:
            row.extend(blank[: width - len(row)])
        rows[r - 1] = row
    if any(d not in exact for d in dates):
        return None  # a date by calamine's rules that openpyxl reads as a number
    while len(rows) < height:
        rows.append(list(blank))
    for (r, c), v in exact.items():
        if r <= height and c <= width:
            rows[r - 1][c - 1] = v
    for i, row in enumerate(rows):
        rows[i] = tuple(row)
    grid = SheetGrid.of(extent.title, rows, _merges(extent.merges))
    grid.uncached = extent.uncached
    return grid


def _merges(refs: list[str]) -> list[tuple[int, int, int, int]]:
    from openpyxl.utils.cell import range_boundaries

    ranges = []
    for ref in refs:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        ranges.append((min_row, min_col, max_row, max_col))
    return ranges
