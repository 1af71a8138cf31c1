"""Rows of a streaming sheet written as XML text: the bytes openpyxl writes, without its cell objects.

openpyxl's write-only sheet turns every cell into a ``WriteOnlyCell``, binds its value,
copies its style array and serialises it through lxml's incremental writer, element by
element: that was most of the time of a 50,000-item export. A sheet of ``govopen export``
holds few kinds of cells (text, numbers, empty styled cells, formulas), so each row is
written as one piece of text (:func:`row_xml`), in exactly the form openpyxl gives it
(``<c r="A4" s="5" t="inlineStr"><is><t>…</t></is></c>``, non-ASCII characters as
character references), straight into the sheet's XML stream (:class:`RowStream`).
Everything that is not a row (column widths, frozen panes, merged cells, dropdowns,
conditional formats, print setup, charts) is still written by openpyxl around the rows,
and a cell of any other kind (a date, an error code) by openpyxl's own cell writer. The
two paths are compared byte for byte in tests/excel/test_export_stream.py.
"""

from __future__ import annotations

import io
import math
from collections.abc import Generator, Sequence
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

#: Rows are passed to the file in pieces of about this many bytes.
_CHUNK = 1 << 20
#: The first characters of text Excel would take for a formula (written with a quote prefix).
_FORMULA_FIRST = frozenset("=+-@")
#: Text openpyxl writes as an error value (``t="e"``), not as text.
ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))


class Cell:
    """A cell of a written row: its value, its named style, and whether it is text that
    looks like a formula (quote prefix) or a formula (with the value it computes now)."""

    __slots__ = ("cached", "data_type", "formula", "quote", "style", "value")

    def __init__(
        self,
        value: Any,
        style: str,
        *,
        quote: bool = False,
        formula: bool = False,
        cached: int | float | str | None = None,
        data_type: str = "",
    ) -> None:
        self.value = value
        self.style = style
        self.quote = quote
        self.formula = formula
        self.cached = cached
        #: The type openpyxl gives the cell: "s" text, "n" number or empty, "f" formula,
        #: "e" error value; "?" another type, left to openpyxl.
        self.data_type = data_type or _data_type(value, quote, formula)


def _data_type(value: Any, quote: bool, formula: bool) -> str:
    if isinstance(value, str):
        if quote:
            return "s"
        if len(value) > 1 and value.startswith("="):
            return "f" if formula else "s"
        return "e" if value in ERROR_CODES else "s"
    if value is None or type(value) is int or (type(value) is float and math.isfinite(value)):
        return "n"
    return "?"


def escape_text(text: str) -> str:
    """Text content as libxml2 writes it (``& < >`` and carriage returns escaped);
    non-ASCII characters become character references when the row is encoded."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


class Utf8(str):
    """A piece of a row written as UTF-8 as it stands, not as character references
    (as :mod:`.cached_values` writes a formula's cached text)."""


def encode_row(parts: list[str], utf8: bool = True) -> bytes:
    """The row's pieces as the bytes of the sheet stream (``utf8``: some are :class:`Utf8`)."""
    if not utf8:
        return "".join(parts).encode("ascii", "xmlcharrefreplace")
    return b"".join(
        p.encode("utf-8") if isinstance(p, Utf8) else p.encode("ascii", "xmlcharrefreplace")
        for p in parts
    )


def row_xml(sheet: Any, cells: Sequence[Cell | None], height: float) -> bytes:
    """Row ``sheet.row`` of a :class:`~govopen_cli.excel.writer.SheetWriter` as openpyxl
    writes it: ``ht`` and ``customHeight``, then each cell that is not None."""
    r = str(sheet.row)
    parts = [f'<row r="{r}" ht="{format(float(height), ".16g")}" customHeight="1">']
    letters = sheet.letters(len(cells))
    utf8 = False
    style_id = sheet.style_id
    for i, c in enumerate(cells):
        if c is None:
            continue
        ref = letters[i] + r
        value, dt = c.value, c.data_type
        if c.formula:
            if dt != "f":
                parts.append(_legacy_xml(sheet, c, i))
                continue
            sid = style_id(c.style, False)
            f = escape_text(value[1:])
            cached = c.cached
            if cached is None:
                parts.append(f'<c r="{ref}" s="{sid}"><f>{f}</f><v></v></c>')
            elif isinstance(cached, str):
                # As cached_values.store_cached_values puts it into openpyxl's XML.
                parts.append(f'<c r="{ref}" s="{sid}" t="str"><f>{f}</f><v>')
                parts.append(Utf8(escape(cached)))
                utf8 = True
                parts.append("</v></c>")
            else:
                parts.append(f'<c r="{ref}" s="{sid}"><f>{f}</f><v>{cached!r}</v></c>')
        elif dt == "s":
            space = ' xml:space="preserve"' if value != value.strip() else ""
            parts.append(
                f'<c r="{ref}" s="{style_id(c.style, c.quote)}" t="inlineStr"><is>'
                f"<t{space}>{escape_text(value)}</t></is></c>"
            )
        elif value is None:
            parts.append(f'<c r="{ref}" s="{style_id(c.style, c.quote)}" t="n"></c>')
        elif dt == "n":
            sid = style_id(c.style, c.quote)
            parts.append(f'<c r="{ref}" s="{sid}" t="n"><v>{format(value, ".16g")}</v></c>')
        else:  # an error code, a date …: as openpyxl writes it
            parts.append(_legacy_xml(sheet, c, i))
    parts.append("</row>")
    return encode_row(parts, utf8)


def values_row_xml(
    sheet: Any, values: Sequence[str | int | None], styles: Sequence[str], height: float
) -> bytes:
    """Row ``sheet.row`` of plain values: text (cleaned, not empty, not an error code),
    whole numbers, or None for an empty cell; each in the named style at its place.
    The bytes :func:`row_xml` writes for the same cells."""
    r = str(sheet.row)
    parts = [f'<row r="{r}" ht="{format(float(height), ".16g")}" customHeight="1">']
    letters = sheet.letters(len(values))
    style_id = sheet.style_id
    plain = sheet.plain_ids
    for i, value in enumerate(values):
        ref = letters[i] + r
        if value is None:
            sid = plain.get(styles[i]) or style_id(styles[i], False)
            parts.append(f'<c r="{ref}" s="{sid}" t="n"></c>')
        elif type(value) is str:
            if value[0] in _FORMULA_FIRST:
                sid = style_id(styles[i], True)
            else:
                sid = plain.get(styles[i]) or style_id(styles[i], False)
            space = ' xml:space="preserve"' if value != value.strip() else ""
            parts.append(
                f'<c r="{ref}" s="{sid}" t="inlineStr"><is>'
                f"<t{space}>{escape_text(value)}</t></is></c>"
            )
        else:
            sid = style_id(styles[i], False)
            parts.append(f'<c r="{ref}" s="{sid}" t="n"><v>{format(value, ".16g")}</v></c>')
    parts.append("</row>")
    return "".join(parts).encode("ascii", "xmlcharrefreplace")


def _legacy_xml(sheet: Any, c: Cell, i: int) -> str:
    """One cell as openpyxl's own cell writer serialises it."""
    from openpyxl.cell._writer import lxml_write_cell
    from openpyxl.xml.functions import xmlfile

    cell = sheet.legacy(c)
    cell.row, cell.column = sheet.row, i + 1
    out = io.BytesIO()
    with xmlfile(out) as xf:
        lxml_write_cell(xf, sheet.ws, cell, cell.has_style)
    return out.getvalue().decode("ascii")


@cache
def _writer_class() -> type:
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import xmlfile

    class Writer(WorksheetWriter):  # type: ignore[misc]
        """openpyxl's worksheet writer on a file object the rows are also written to."""

        fh: Any = None

        def get_stream(self) -> Generator[Any, Any, None]:
            with open(self.out, "wb") as fh, xmlfile(fh) as xf:
                self.fh = fh
                with xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                    try:
                        while True:
                            el = yield
                            if el is True:
                                yield xf
                            elif el is None:
                                continue
                            else:
                                xf.write(el)
                    except GeneratorExit:
                        pass

    return Writer


def _rows(writer: Any) -> Generator[None, bytes, None]:
    """Receive rows as bytes and write them inside ``<sheetData>`` (as openpyxl's own
    ``_write_rows`` does with cells); when closed, end the sheet data."""
    xf = writer.xf.send(True)
    pending: list[bytes] = []
    size = 0
    with xf.element("sheetData"):
        try:
            while True:
                data = yield
                pending.append(data)
                size += len(data)
                if size >= _CHUNK:
                    xf.flush()
                    writer.fh.write(b"".join(pending))
                    pending.clear()
                    size = 0
        except GeneratorExit:
            pass
        xf.flush()
        writer.fh.write(b"".join(pending))
    writer.xf.send(None)


@cache
def can_stream() -> bool:
    """Whether rows may be written as text: the openpyxl whose output :mod:`.row_xml`
    reproduces (3.1, writing through lxml, with the internals it builds on). Any other
    falls back to openpyxl's cells."""
    import openpyxl

    if not (openpyxl.LXML and openpyxl.__version__.startswith("3.1.")):
        return False
    return _internals_present()


def _internals_present() -> bool:
    """The parts of openpyxl :mod:`.row_xml` uses are all there (a 3.1.x that moved one
    gets openpyxl's own cells, never a crash)."""
    try:
        from openpyxl.cell import _writer as cell_writer
        from openpyxl.worksheet._write_only import WriteOnlyWorksheet
        from openpyxl.worksheet._writer import WorksheetWriter
        from openpyxl.xml.functions import xmlfile  # noqa: F401
    except ImportError:
        return False
    return (
        hasattr(cell_writer, "lxml_write_cell")
        and all(
            hasattr(WorksheetWriter, name)
            for name in ("write_top", "get_stream", "write_tail", "close")
        )
        and all(hasattr(WriteOnlyWorksheet, name) for name in ("_get_writer", "close"))
    )


class RowStream:
    """Rows written as bytes into a write-only sheet: made before its first row; the
    sheet's ``close`` (when the workbook is saved) ends them and writes the sheet's tail."""

    def __init__(self, ws: Any) -> None:
        writer = _writer_class()(ws)
        ws._writer = writer
        writer.write_top()
        rows = _rows(writer)
        next(rows)
        ws._rows = rows  # what WriteOnlyWorksheet.close() closes
        self._rows = rows

    def write(self, row: bytes) -> None:
        self._rows.send(row)
