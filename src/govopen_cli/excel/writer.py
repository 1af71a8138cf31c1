"""Writing govopen's sheets: named styles, print setup, row heights, text kept as text.

Every sheet of ``govopen export`` is written through a :class:`SheetWriter` on
openpyxl's write-only (streaming) workbook: each row is serialised as it is
appended, as XML text in the form openpyxl writes (:mod:`.row_xml`), so memory stays
bounded and no openpyxl object is made per cell. All styles are a handful of named
styles registered once (:func:`named_styles`), each looked up once per sheet. Row
heights and column widths come from :mod:`.text_size`. Text is written as text: a value starting with ``=``, ``+``,
``-`` or ``@`` gets the string type and Excel's quote prefix, so it is never
evaluated as a formula. The xlsx of ``govopen diff`` and ``govopen requests report``
write text and print the same way (:func:`clean_text`, :func:`looks_like_formula`,
:func:`print_setup`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from typing import Any

from govopen_cli.excel.row_xml import ERROR_CODES, Cell, can_stream
from govopen_cli.excel.sheet import column_letter
from govopen_cli.excel.text_size import (
    LINE_HEIGHT,
    MAX_COLUMN_WIDTH,
    MAX_LINES,
    MAX_ROW_HEIGHT,
    row_height,
    text_lines,
    widths_to_show,
)

__all__ = [  # the text measures are used from here by the sheet writers
    "LINE_HEIGHT",
    "MAX_COLUMN_WIDTH",
    "MAX_LINES",
    "MAX_ROW_HEIGHT",
    "row_height",
    "text_lines",
    "widths_to_show",
]

FONT_BODY = "宋体"
FONT_HEAD = "黑体"
_FORMULA_START = ("=", "+", "-", "@")
_FORMULA_FIRST = frozenset(_FORMULA_START)
PAPER_A3 = 8  # OOXML paper size codes
PAPER_A4 = 9
#: Page margins in inches. The running header and footer are printed inside the top
#: and bottom margins, from HEADER_MARGIN in: the margin must leave room for their line.
PAGE_MARGIN_SIDE = 0.4
PAGE_MARGIN_TOP = 0.75
HEADER_MARGIN = 0.3


#: Characters XML 1.0 cannot carry (C0 controls but tab and newlines, U+FFFE, U+FFFF,
#: lone surrogates): a workbook holding one does not open.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: The most characters an Excel cell holds.
CELL_LIMIT = 32767
#: What ends a text cut to fit a cell: said in the cell, never cut silently.
CUT_NOTE = "……（此处超出 Excel 单元格上限 32767 字，后文未写入，全文见目录文件）"


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot carry (document properties, headers)."""
    return _XML_ILLEGAL.sub("", text)


def clean_text(text: str) -> str:
    """``text`` as a cell can hold it: no XML-illegal characters, and within
    :data:`CELL_LIMIT` — longer text is cut with :data:`CUT_NOTE` saying so in the cell."""
    cleaned = _XML_ILLEGAL.sub("", text)
    if len(cleaned) > CELL_LIMIT:
        cleaned = cleaned[: CELL_LIMIT - len(CUT_NOTE)] + CUT_NOTE
    return cleaned


def looks_like_formula(value: object) -> bool:
    """Text Excel would take for a formula (``= + - @`` first): it must be written as text."""
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def formula_text(text: str) -> str:
    """A text constant inside a formula."""
    return '"' + text.replace('"', '""') + '"'


def named_styles() -> list[Any]:
    """The workbook's named styles (``govopen-title``, ``govopen-text`` …), registered once per workbook."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    input_fill = PatternFill("solid", fgColor="FFF9E5")
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    body = Font(name=FONT_BODY, size=10, charset=134)
    head = Font(name=FONT_HEAD, size=10, bold=True, charset=134)

    def style(name: str, **kwargs: Any) -> Any:
        return NamedStyle(name=f"govopen-{name}", **kwargs)

    return [
        style(
            "title",
            font=Font(name=FONT_HEAD, size=16, bold=True, charset=134),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        ),
        style(
            "section",
            font=Font(name=FONT_HEAD, size=12, bold=True, charset=134),
            alignment=Alignment(horizontal="left", vertical="center"),
        ),
        style("head", font=head, alignment=center, border=border, fill=head_fill),
        style("text", font=body, alignment=left, border=border),
        style("center", font=body, alignment=center, border=border),
        style("input", font=body, alignment=center, border=border, fill=input_fill),
        style("input-text", font=body, alignment=left, border=border, fill=input_fill),
        style(
            "input-date",
            font=body,
            alignment=center,
            border=border,
            fill=input_fill,
            number_format="yyyy-mm-dd",
        ),
        style("percent", font=body, alignment=center, border=border, number_format="0.0%"),
        style(
            "plain",
            font=body,
            alignment=Alignment(horizontal="left", vertical="top", wrap_text=True),
        ),
        style(
            "note",
            font=Font(name=FONT_BODY, size=10, color="C00000", charset=134),
            alignment=Alignment(horizontal="left", vertical="top", wrap_text=True),
        ),
    ]


def print_setup(ws: Any, *, title: str, wide: bool = False, title_rows: str = "") -> None:
    """How govopen's sheets print: landscape, fit to the page width (A3 when ``wide``),
    ``title_rows`` repeated on every page, ``title`` in the running header, page numbers
    in the footer, and margins that leave the header and footer their room."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_A3 if wide else PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = PAGE_MARGIN_SIDE
    ws.page_margins.top = ws.page_margins.bottom = PAGE_MARGIN_TOP
    ws.page_margins.header = ws.page_margins.footer = HEADER_MARGIN
    ws.oddHeader.center.text = xml_safe(title).replace("&", "&&")[:200]
    ws.oddHeader.center.size = 9
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9
    if title_rows:
        ws.print_title_rows = title_rows


#: Rows are written as XML text (:mod:`.row_xml`); False: through openpyxl's cells, as
#: before (the tests compare the two byte for byte).
STREAM_ROWS = True


class SheetWriter:
    """A write-only sheet that counts its rows and sizes each row to its text.

    Styles are the workbook's named styles, shared by every cell: each distinct style
    is looked up once per sheet. Rows are written as XML text (:mod:`.row_xml`), each
    as it is appended, so nothing accumulates per row.
    """

    def __init__(self, wb: Any, title: str, widths: Sequence[float]) -> None:
        self.ws = wb.create_sheet(title)
        self.title = title
        self.widths = list(widths)
        self.row = 0
        self._styles: dict[str, Any] = {}
        self._ids: dict[tuple[str, bool], str] = {}
        #: The ids of the styles without a quote prefix, by name (:meth:`style_id`).
        self.plain_ids: dict[str, str] = {}
        self._stream: Any = None
        self._letters = [column_letter(i) for i in range(1, len(self.widths) + 1)]
        #: The value each formula cell computes when written, by cell reference, when
        #: rows go through openpyxl's cells (see :mod:`.cached_values`); streamed rows
        #: carry them in the formula cells themselves.
        self.cached: dict[str, int | float | str] = {}
        for i, width in enumerate(widths, 1):
            self.ws.column_dimensions[column_letter(i)].width = width

    @property
    def ncols(self) -> int:
        """The number of columns."""
        return len(self.widths)

    def cell(self, value: Any, style: str = "text") -> Cell:
        """A styled cell; text that looks like a formula stays text."""
        if type(value) is str:
            value = clean_text(value)
            if not value:
                return Cell(None, style, data_type="n")
            if value[0] in _FORMULA_FIRST:  # as looks_like_formula
                return Cell(value, style, quote=True, data_type="s")
            return Cell(value, style, data_type="e" if value in ERROR_CODES else "s")
        if isinstance(value, str):
            value = clean_text(value) or None
        return Cell(value, style, quote=looks_like_formula(value))

    def formula(
        self, text: str, style: str = "center", value: int | float | str | None = None
    ) -> Cell:
        """A formula cell: the only way a value starting with ``=`` is evaluated.
        ``value``: what it computes now, stored in the file for readers that do not
        calculate (:attr:`cached`)."""
        return Cell(text, style, formula=True, cached=value)

    def legacy(self, c: Cell) -> Any:
        """The ``WriteOnlyCell`` openpyxl writes for ``c``."""
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.ws, value=c.value)
        self._style(cell, c.style)
        if c.quote:
            cell.data_type = "s"
            cell.quotePrefix = True  # after the style: assigning a style resets it
        return cell

    def _style(self, cell: Any, style: str) -> None:
        # Assigning a named style looks it up by name and rebuilds its style
        # array every time; the array is computed once per style and copied.
        cached = self._styles.get(style)
        if cached is None:
            cell.style = f"govopen-{style}"
            self._styles[style] = copy.copy(cell._style)
        else:
            cell._style = copy.copy(cached)

    def style_id(self, style: str, quote: bool) -> str:
        """The workbook's index of a cell style, registered when first written (as
        openpyxl registers it, so styles.xml lists them in the same order)."""
        sid = self._ids.get((style, quote))
        if sid is None:
            sid = self._ids[style, quote] = str(
                self.legacy(Cell(None, style, quote=quote)).style_id
            )
        return sid

    def append(self, cells: Sequence[Any], height: float | None = None) -> int:
        """Write a row (sized to its wrapped text unless ``height`` is given); its number."""
        self.row += 1
        if height is None:
            texts = [
                (c.value, w)
                for c, w in zip(cells, self.widths, strict=False)
                if c is not None and c.data_type == "s" and isinstance(c.value, str)
            ]
            height = row_height(texts)
        if STREAM_ROWS and can_stream():
            if self._stream is None:
                from govopen_cli.excel.row_xml import RowStream

                self._stream = RowStream(self.ws)
            self._stream.write(self._row_xml(cells, height))
            return self.row
        legacy = [None if c is None else self.legacy(c) for c in cells]
        for i, c in enumerate(cells, 1):
            if c is not None and c.formula and c.cached is not None:
                self.cached[f"{column_letter(i)}{self.row}"] = c.cached
        self.ws.row_dimensions[self.row].height = height
        self.ws.append(legacy)
        del self.ws.row_dimensions[self.row]
        return self.row

    def append_values(
        self, values: Sequence[Any], styles: Sequence[str], height: float | None = None
    ) -> int:
        """Write a row of plain values, each in the named style at its place (None: an
        empty styled cell): what ``append([cell(v, s) …])`` writes, without cell objects."""
        cleaned: list[Any] = []
        for value in values:
            if type(value) is str:
                value = clean_text(value) or None
                if value in ERROR_CODES:
                    break
            elif value is not None and type(value) is not int:
                break
            cleaned.append(value)
        else:
            if STREAM_ROWS and can_stream():
                return self._append_plain(cleaned, styles, height)
        return self.append([self.cell(v, s) for v, s in zip(values, styles, strict=True)], height)

    def _append_plain(self, values: list[Any], styles: Sequence[str], height: float | None) -> int:
        from govopen_cli.excel.row_xml import RowStream, values_row_xml

        self.row += 1
        if height is None:
            height = row_height(
                [(v, w) for v, w in zip(values, self.widths, strict=False) if type(v) is str]
            )
        if self._stream is None:
            self._stream = RowStream(self.ws)
        self._stream.write(values_row_xml(self, values, styles, height))
        return self.row

    def _row_xml(self, cells: Sequence[Any], height: float) -> bytes:
        from govopen_cli.excel.row_xml import row_xml

        return row_xml(self, cells, height)

    def letters(self, n: int) -> list[str]:
        """The letters of (at least) the first ``n`` columns."""
        while len(self._letters) < n:
            self._letters.append(column_letter(len(self._letters) + 1))
        return self._letters

    def merge(self, ref: str) -> None:
        """Merge a range (written with the sheet's tail, so it works while streaming).

        The ranges of a sheet never overlap: each is added as it is, without
        openpyxl's check against every range before it (quadratic: 5,000 merged
        一级事项 made it a quarter of a 20,000-item export)."""
        from openpyxl.worksheet.cell_range import CellRange

        self.ws.merged_cells.ranges.add(CellRange(ref))

    def title_row(self, text: str, height: float = 30) -> None:
        """A title across the whole width."""
        self.append([self.cell(text, "title")] + [None] * (self.ncols - 1), height)
        if self.ncols > 1:
            self.merge(f"A{self.row}:{column_letter(self.ncols)}{self.row}")

    def header_row(self, names: Iterable[str]) -> None:
        """A row of column headers."""
        self.append([self.cell(n, "head") for n in names])

    def section(self, text: str) -> None:
        """A blank line, then a section heading."""
        self.append([], 10)
        self.append([self.cell(text, "section")], 22)

    def setup(self, *, title: str, wide: bool, title_rows: str = "", freeze: str = "") -> None:
        """Landscape, fit to the page width, header rows repeated, page numbers, frozen panes.

        Must come before the first row: a streaming sheet writes its properties
        and view with the first row.
        """
        assert self.row == 0, "set up a streaming sheet before writing rows"
        if freeze:
            self.ws.freeze_panes = freeze
        print_setup(self.ws, title=title, wide=wide, title_rows=title_rows)


def red_when(sheet: SheetWriter, ref: str, value: str) -> None:
    """Cells of ``ref`` holding ``value`` shown red (a 否, a 缺失)."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    sheet.ws.conditional_formatting.add(
        ref,
        CellIsRule(
            operator="equal",
            formula=[formula_text(value)],
            fill=PatternFill(bgColor="FFC7CE"),
            font=Font(color="9C0006"),
        ),
    )
