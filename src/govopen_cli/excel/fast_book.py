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
        sheet = book.get_sheet_by_name(extent.title)
        start = sheet.start
        # Row by row, so calamine's values and the grid are never both held whole as
        # Python objects; iter_rows() starts at the first used column, so a sheet whose
        # column A is empty is read whole (with the empty columns) instead.
        if start is not None and start[1]:
            source = iter(sheet.to_python(skip_empty_area=False))
        else:
            source = sheet.iter_rows()
        rows = _converted(source, height, width, extent.exact)
    except Exception:  # a sheet calamine cannot read: openpyxl reads it
        return None
    del sheet, source
    release_freed()  # calamine's values of the sheet, freed in its own heap
    if rows is None:
        return None  # a date by calamine's rules that openpyxl reads as a number
    blank = (None,) * width
    while len(rows) < height:
        rows.append(blank)
    for (r, c), v in extent.exact.items():
        if r <= height and c <= width:
            row = list(rows[r - 1])
            row[c - 1] = v
            rows[r - 1] = tuple(row)
    grid = SheetGrid.of(extent.title, rows, _merges(extent.merges))
    grid.uncached = extent.uncached
    return grid


def _converted(
    source: Any, height: int, width: int, exact: dict[tuple[int, int], Any]
) -> list[tuple[Any, ...]] | None:
    """The first ``height`` rows of ``source`` as openpyxl gives them, ``width`` values each,
    or None when calamine read a date openpyxl does not (a cell not in ``exact``).

    The same text recurs thousands of times in a catalog (channels, owners, 公开依据, ✓):
    each distinct text is kept once, which makes the grid of a 50,000-row sheet a
    fraction of the size of calamine's values.
    """
    shared: dict[str, str] = {}
    keep = shared.setdefault
    rows: list[tuple[Any, ...]] = []
    dates: list[tuple[int, int]] = []
    blank = [None] * width
    for r, values in enumerate(source, 1):
        if r > height:
            break
        row: list[Any] = [None if v == "" else v for v in values[:width]]
        for c, v in enumerate(row):
            kind = type(v)
            if kind is str:
                row[c] = keep(v, v)
            elif kind is float:
                if v.is_integer():
                    row[c] = int(v)  # openpyxl reads "3" as an int (see exact for "3.0")
            elif isinstance(v, _DATES):
                dates.append((r, c + 1))
        if len(row) < width:
            row.extend(blank[: width - len(row)])
        rows.append(tuple(row))
    if any(d not in exact for d in dates):
        return None
    return rows


def release_freed(*, collect: bool = False) -> None:
    """Give the C heap's freed pages back to the system (glibc's ``malloc_trim``), after
    collecting cyclic garbage first with ``collect`` (openpyxl's workbook, the YAML
    dumper's caches: ``govopen import`` before it checks the file it wrote).

    glibc keeps what is freed in its heap for the process to use again, and calamine's
    values of a 50,000-row sheet (freed once converted) and a large import's data
    (freed before its check) are many small blocks: without this the memory counts
    until the process ends. Nothing happens where there is no ``malloc_trim``
    (macOS, Windows, musl)."""
    global _trim
    if collect:
        import gc

        gc.collect()
    if _trim is None:
        try:
            import ctypes

            _trim = ctypes.CDLL(None).malloc_trim
        except Exception:  # no such function in this C library, or no ctypes
            _trim = False
    if _trim:
        _trim(0)


_trim: Any = None


def _merges(refs: list[str]) -> list[tuple[int, int, int, int]]:
    from openpyxl.utils.cell import range_boundaries

    ranges = []
    for ref in refs:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        ranges.append((min_row, min_col, max_row, max_col))
    return ranges
