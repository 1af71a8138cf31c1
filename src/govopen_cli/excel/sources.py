"""Every kind of file an agency publishes its 标准目录 in, read into one model: :class:`SheetGrid`.

- ``.xlsx`` (``.xlsm``): opened by openpyxl, values read by calamine as openpyxl gives them
  (:mod:`.fast_book`); a file that openpyxl cannot open is tried with calamine.
- ``.xls`` (old Excel, WPS) and ``.ods`` (LibreOffice, WPS): python-calamine for the values;
  merged ranges from calamine for .xls (``merged_cell_ranges``); calamine does not expose
  them for .ods, so they are read from the file's content.xml here. Where neither works,
  a merged cell holds its value only in its first cell (said once per file).
- ``.docx``: every table of the document (python-docx opens it; rows and cells are read
  from the table's XML so that ``gridSpan`` and ``vMerge`` become merged ranges).
- ``.html`` / ``.htm``: a saved web page; every table that holds no other table, with
  ``rowspan``/``colspan`` as merged ranges (lxml's HTML parser).

Cells of a workbook are named ``目录!C12``; cells of a Word or web table ``表2 第5行第3列``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_cli.excel.fast_book import CalamineValues, xlsx_loader
from govopen_cli.excel.sheet import SheetGrid, UnreadableWorkbookError
from govopen_cli.excel.workbook_file import check_file, load_checked
from govopen_cli.input_file import MAX_WORKBOOK_BYTES, read_input

#: The suffixes ``govopen import`` reads, by kind.
SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "calamine", ".ods": "calamine"}
SUFFIXES |= {".docx": "docx", ".html": "html", ".htm": "html"}
FORMATS_TEXT = "Excel 工作簿（.xlsx、.xls）、OpenDocument 表格（.ods）、Word 文档（.docx）、网页（.html、.htm）"

Merge = tuple[int, int, int, int]


@dataclass
class SourceSheet:
    """One table of a file: its name, whether it is shown, and how to read it."""

    title: str
    visible: bool
    rows_hint: int
    load: Callable[[], SheetGrid]
    #: A title printed outside the table (a Word paragraph, a web page heading).
    caption: str = ""


@dataclass
class Book:
    """The tables of one file."""

    kind: str
    sheets: list[SourceSheet]
    workbook: Any = None  # openpyxl's, when it opened the file (for an export's 说明 sheet)
    #: What this file cannot tell (merged ranges of an .ods), said once.
    notes: list[str] = field(default_factory=list)
    values: Any = None  # an .xlsx file's values read by calamine (fast_book)

    @property
    def names(self) -> list[str]:
        return [s.title for s in self.sheets]

    def close(self) -> None:
        for opened in (self.workbook, self.values):
            if opened is not None:
                opened.close()


def is_table_file(path: Path) -> bool:
    """A file ``govopen import`` reads (by its suffix)."""
    return path.suffix.lower() in SUFFIXES and not path.name.startswith("~$")


def open_book(path: Path) -> Book:
    """The tables of ``path``; :class:`UnreadableWorkbookError` (in Chinese) when it has none."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UnreadableWorkbookError(
            f"不能读取“{path.suffix or path.name}”文件：govopen import 读取 {FORMATS_TEXT}"
        )
    if kind == "xlsx":
        try:
            raw, extents = check_file(path)
            wb = load_checked(raw, extents)
        except UnreadableWorkbookError:
            if not path.is_file() or zipfile.is_zipfile(path):  # refused for a reason: say it
                raise
            try:  # an old .xls (WPS saves them under an .xlsx name): read it by its content
                return _calamine_book(path)
            except UnreadableWorkbookError:
                pass
            raise
        values = CalamineValues(raw, extents)
        sheets = [
            SourceSheet(
                ws.title, ws.sheet_state == "visible", ws.max_row or 0, xlsx_loader(values, ws)
            )
            for ws in wb.worksheets
        ]
        return Book("xlsx", sheets, workbook=wb, values=values)
    if kind == "calamine":
        return _calamine_book(path)
    if kind == "docx":
        return _docx_book(path)
    return _html_book(path)


# ── .xls / .ods ─────────────────────────────────────────────────────────────


def _calamine_book(path: Path) -> Book:
    from python_calamine import CalamineWorkbook

    try:
        # By content, not by name: an .xls saved as .xlsx (WPS does this) is read too.
        wb = CalamineWorkbook.from_filelike(io.BytesIO(read_input(path, limit=MAX_WORKBOOK_BYTES)))
        metadata = list(wb.sheets_metadata)
    except Exception as exc:  # calamine raises its own kinds for a damaged file
        raise UnreadableWorkbookError(
            f"无法作为表格文件读取：{exc}。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入"
        ) from exc
    sheets = []
    notes: list[str] = []
    ods_merges = _ods_merges(path) if path.suffix.lower() == ".ods" else {}
    for meta in metadata:
        if "WorkSheet" not in str(meta.typ):
            continue
        sheet = wb.get_sheet_by_name(meta.name)
        visible = "Visible" in str(meta.visible) and "Hidden" not in str(meta.visible)
        merges: list[Merge] | None = None
        if sheet.merged_cell_ranges is not None:
            merges = [
                (r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges
            ]
        elif meta.name in ods_merges:
            merges = ods_merges[meta.name]
        elif not notes:
            notes.append(
                f"无法读出 {path.name} 中合并单元格的范围：合并单元格的值只在其左上角单元格中读取，"
                "其余单元格按空白读取；如有合并单元格，请另存为 .xlsx 后导入"
            )
        sheets.append(
            SourceSheet(
                meta.name, visible, sheet.height, _calamine_loader(meta.name, sheet, merges)
            )
        )
    return Book("calamine", sheets, notes=notes)


def _calamine_loader(title: str, sheet: Any, merges: list[Merge] | None) -> Callable[[], SheetGrid]:
    def load() -> SheetGrid:
        rows = [
            tuple(None if v == "" else v for v in row)
            for row in sheet.to_python(skip_empty_area=False)
        ]
        return SheetGrid.of(title, rows, merges or [])

    return load


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods_merges(path: Path) -> dict[str, list[Merge]]:
    """Merged ranges of each sheet of an .ods file (calamine does not give them): cells with
    ``number-rows-spanned`` / ``number-columns-spanned`` in content.xml, placed with the
    ``number-*-repeated`` counts as LibreOffice writes them."""
    from xml.etree.ElementTree import iterparse

    found: dict[str, list[Merge]] = {}
    try:
        with zipfile.ZipFile(path) as z, z.open("content.xml") as source:
            name, row, col = "", 0, 0
            for event, el in iterparse(source, events=("start", "end")):
                tag = el.tag
                if event == "start":
                    if tag == f"{_TABLE}table":
                        name, row = el.get(f"{_TABLE}name", ""), 0
                        found[name] = []
                    elif tag == f"{_TABLE}table-row":
                        row, col = row + 1, 0
                    continue
                if tag == f"{_TABLE}table-row":
                    row += int(el.get(f"{_TABLE}number-rows-repeated", "1")) - 1
                    el.clear()
                elif tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    rows = int(el.get(f"{_TABLE}number-rows-spanned", "1"))
                    cols = int(el.get(f"{_TABLE}number-columns-spanned", "1"))
                    if rows > 1 or cols > 1:
                        found[name].append((row, col + 1, row + rows - 1, col + cols))
                    col += int(el.get(f"{_TABLE}number-columns-repeated", "1"))
    except (OSError, KeyError, zipfile.BadZipFile, SyntaxError):
        return {}
    return found


# ── .docx ───────────────────────────────────────────────────────────────────

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_book(path: Path) -> Book:
    try:
        import docx

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a file that is not .docx
        raise UnreadableWorkbookError(
            f"无法作为 Word 文档（.docx）读取：{exc}。旧版 .doc 请先用 Word 或 WPS 另存为 .docx"
        ) from exc
    sheets = []
    caption = ""
    n = 0
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            words = "".join(t.text or "" for t in block.iter(f"{_W}t")).strip()
            if words:
                caption = words
        elif tag == "tbl":
            n += 1
            rows, merged = _docx_table(block)
            grid = SheetGrid.of(f"表{n}", rows, merged, style="table")
            sheets.append(SourceSheet(grid.title, True, len(rows), _ready(grid), caption))
            caption = ""
    return Book("docx", sheets)


def _ready(grid: SheetGrid) -> Callable[[], SheetGrid]:
    return lambda: grid


def _docx_cell_text(tc: Any) -> str:
    lines = []
    for p in tc.iter(f"{_W}p"):
        parts = []
        for node in p.iter(f"{_W}t", f"{_W}br", f"{_W}tab"):
            name = node.tag.rsplit("}", 1)[-1]
            parts.append(node.text or "" if name == "t" else ("\n" if name == "br" else " "))
        lines.append("".join(parts))
    return "\n".join(lines).strip()


def _docx_table(tbl: Any) -> tuple[list[tuple[Any, ...]], list[Merge]]:
    """Rows and merged ranges of a Word table: ``gridSpan`` across, ``vMerge`` down."""
    rows: list[list[Any]] = []
    merged: list[Merge] = []
    open_down: dict[int, list[int]] = {}  # column -> [first row, last row, last column]
    for r, tr in enumerate(tbl.iterchildren(f"{_W}tr"), 1):
        values: list[Any] = []
        c = 1
        for tc in tr.iterchildren(f"{_W}tc"):
            pr = tc.find(f"{_W}tcPr")
            span, vmerge = 1, None
            if pr is not None:
                gs = pr.find(f"{_W}gridSpan")
                if gs is not None:
                    span = int(gs.get(f"{_W}val", "1"))
                vm = pr.find(f"{_W}vMerge")
                if vm is not None:
                    vmerge = vm.get(f"{_W}val", "continue")
            if vmerge == "continue" and c in open_down:
                open_down[c][1] = r
                values.extend([None] * span)
            else:
                values.extend([_docx_cell_text(tc) or None] + [None] * (span - 1))
                if c in open_down:
                    first, last, last_col = open_down.pop(c)
                    if last > first or last_col > c:
                        merged.append((first, c, last, last_col))
                if vmerge == "restart":
                    open_down[c] = [r, r, c + span - 1]
                elif span > 1:
                    merged.append((r, c, r, c + span - 1))
            c += span
        rows.append(values)
    for c, (first, last, last_col) in open_down.items():
        merged.append((first, c, last, last_col))
    return [tuple(v) for v in rows], merged


# ── .html ───────────────────────────────────────────────────────────────────

_BLOCKS = frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"})
_SPACE = re.compile(r"[ \t\r\n\f\u00a0\u3000]+")
_TITLE_TAIL = re.compile(r"\s*[_|｜\-－—–]+[^_|｜\-－—–]*$")


def _html_book(path: Path) -> Book:
    import lxml.html

    data = read_input(path)
    # UTF-8 whether or not the page says so; otherwise the page's own charset (lxml reads
    # the <meta>), and GB18030 for a Chinese page that declares none.
    source: str | bytes = data
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if b"charset" not in data[:4096].lower():
            source = data.decode("gb18030", errors="replace")
    try:
        root = lxml.html.document_fromstring(source)
    except Exception as exc:  # lxml raises ParserError for an empty document
        raise UnreadableWorkbookError(f"无法作为网页读取：{exc}") from exc
    page_title = ""
    title_el = root.find(".//title")
    if title_el is not None and title_el.text_content().strip():
        page_title = _TITLE_TAIL.sub("", title_el.text_content().strip())
    sheets = []
    n = 0
    for table in root.iter("table"):
        if table.find(".//table") is not None:
            continue  # a layout table around the catalog table
        n += 1
        rows, merged = _html_table(table)
        caption = ""
        cap = table.find("caption")
        if cap is not None:
            caption = _html_text(cap)
        if not caption:
            heading = table.xpath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4][1]")
            caption = _html_text(heading[0]) if heading else page_title
        ident = table.get("id")
        title = f"表{n}" + (f"（id={ident}）" if ident else "")
        grid = SheetGrid.of(title, rows, merged, style="table")
        sheets.append(SourceSheet(title, True, len(rows), _ready(grid), caption))
    return Book("html", sheets)


def _html_text(el: Any) -> str:
    """A cell's text as a browser shows it: source line breaks are spaces; ``<br>`` and
    paragraphs are line breaks."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "br":
            parts.append("\n")
        elif tag in ("script", "style"):
            pass
        else:
            if tag in _BLOCKS:
                parts.append("\n")
            if node.text and tag:
                parts.append(_SPACE.sub(" ", node.text))
            for child in node:
                walk(child)
                if child.tail:
                    parts.append(_SPACE.sub(" ", child.tail))
            if tag in _BLOCKS:
                parts.append("\n")

    walk(el)
    lines = [line.strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _html_table(table: Any) -> tuple[list[tuple[Any, ...]], list[Merge]]:
    """Rows and merged ranges of an HTML table, ``rowspan``/``colspan`` placed as a browser does."""
    trs = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    taken: dict[tuple[int, int], bool] = {}
    cells: dict[tuple[int, int], str] = {}
    merged: list[Merge] = []
    for r, tr in enumerate(trs, 1):
        c = 1
        for td in tr.xpath("./td|./th"):
            while taken.get((r, c)):
                c += 1
            rowspan = _span(td.get("rowspan"))
            colspan = _span(td.get("colspan"))
            cells[(r, c)] = _html_text(td)
            for rr in range(r, r + rowspan):
                for cc in range(c, c + colspan):
                    taken[(rr, cc)] = True
            if rowspan > 1 or colspan > 1:
                merged.append((r, c, min(r + rowspan - 1, len(trs)), c + colspan - 1))
            c += colspan
    width = max((c for _, c in taken), default=0)
    rows = [
        tuple(cells.get((r, c)) or None for c in range(1, width + 1))
        for r in range(1, len(trs) + 1)
    ]
    return rows, merged


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or "1"), 1000))
    except ValueError:
        return 1
