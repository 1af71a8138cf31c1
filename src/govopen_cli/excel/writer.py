"""The inspector's workbook: 目录, 检查表, 覆盖情况, 问题清单, 汇总, 说明.

:func:`export_workbook` writes every sheet with openpyxl's write-only (streaming)
workbook, whatever the catalog's size: each row is serialised as it is appended,
so memory stays bounded for tens of thousands of items, and the few things that
are not rows (merged 一级事项 cells, dropdown validations, print settings, the
chart) are small lists set on the sheet before it is closed. Merged ranges are
plain ``ws.merged_cells`` entries written at the end of the sheet, so the 一级事项
cells are merged in the streaming mode too; the covered cells are written empty
(with their border), as Excel itself stores them.

All styles are a handful of named styles registered once; no per-cell style
objects are created. Text is written as text: a value starting with ``=``, ``+``,
``-`` or ``@`` gets the string type and Excel's quote prefix, so it is never
evaluated as a formula. The workbook goes to a temporary file beside the target
and is moved into place only when complete.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govopen_cli import __version__
from govopen_cli.catalog.deadline import publishing_limit
from govopen_cli.catalog.model import LEVELS, MARK_SYMBOLS, Catalog, Deadline, Item
from govopen_cli.catalog.pointer import split_pointer
from govopen_cli.checks.coverage import CoverageTable
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.errors import OutputError
from govopen_cli.excel import layout
from govopen_cli.excel.layout import Column
from govopen_cli.excel.sheet import column_letter
from govopen_cli.output_file import atomic_path

ProgressCallback = Callable[[int, int], None]

FONT_BODY = "宋体"
FONT_HEAD = "黑体"
#: Total column width (characters) above which the 目录 is laid out for A3 paper.
A3_WIDTH = 170
_FORMULA_START = ("=", "+", "-", "@")
_PROGRESS_EVERY = 500
PAPER_A3 = 8  # OOXML paper size codes
PAPER_A4 = 9
#: Page margins in inches. The running header and footer are printed inside the top
#: and bottom margins, from HEADER_MARGIN in: the margin must leave room for their line.
PAGE_MARGIN_SIDE = 0.4
PAGE_MARGIN_TOP = 0.75
HEADER_MARGIN = 0.3


@dataclass(frozen=True)
class InputFile:
    """A file the workbook was made from, named in 说明 with its SHA-256."""

    role: str
    display: str
    sha256: str


@dataclass(frozen=True)
class RuleInfo:
    """One rule of the rule set the check ran with."""

    code: str
    name: str
    severity: str
    summary: str


@dataclass(frozen=True)
class ExportSummary:
    """What was written."""

    path: Path
    items: int
    sheets: tuple[str, ...]
    findings: int


def features_of(catalog: Catalog) -> layout.CatalogFeatures:
    """Which optional 目录 columns this catalog needs."""
    items = catalog.items
    used_levels = {lv for it in items for lv in it.levels}
    levels = tuple(lv for lv in LEVELS if lv in used_levels) or ("县级", "乡级")
    return layout.CatalogFeatures(
        matter3=any(len(it.matter) > 2 for it in items),
        levels=levels,
        stage=any(it.stage for it in items),
        department=any(it.department for it in items),
        audience_note=any(it.audience_note for it in items),
        url=any(c.url for it in items for c in it.channels),
        deadline_count=any(it.deadline.days is not None for it in items),
        duties=any(it.duties for it in items),
        interpretation=any(it.interpretation for it in items),
        waivers=any(it.waivers for it in items),
        note=any(it.note for it in items),
    )


# ── cell values ─────────────────────────────────────────────────────────────


def clean_text(text: str) -> str:
    """``text`` without the control characters a workbook cannot hold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned


def looks_like_formula(value: object) -> bool:
    """Text Excel would take for a formula (``= + - @`` first): it must be written as text."""
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def matter_text(item: Item) -> str:
    """公开事项 below the 一级事项, for one-line displays."""
    rest = item.matter[1:] or item.matter[:1]
    return " / ".join(rest)


def deadline_count_text(item: Item) -> str:
    """The 时限天数 cell: the explicit count of a ``{text, days, unit}`` deadline."""
    if item.deadline.days is None or item.deadline.unit is None:
        return ""
    return f"{item.deadline.days}个{item.deadline.unit}"


def waiver_lines(item: Item) -> str:
    """The 规则豁免 cell: ``GO301：理由（有效期至 2027-12-31）`` one per line."""
    lines = []
    for w in item.waivers:
        until = f"（有效期至{w.until.isoformat()}）" if w.until else ""
        lines.append(f"{w.rule}：{w.reason}{until}")
    return "\n".join(lines)


def catalog_cell(item: Item, column: Column) -> str:
    """The text of one 目录 cell for an item (ticks as √, channels with their marks)."""
    key = column.key
    if key.startswith(("audience:", "mode:", "levels:")):
        field = key.split(":", 1)[0]
        values: tuple[str, ...] = getattr(item, field)
        return layout.TICK if column.value in values else ""
    if key in ("matter1", "matter2", "matter3"):
        index = int(key[-1]) - 1
        return item.matter[index] if len(item.matter) > index else ""
    if key == "content":
        if not item.content_is_list and len(item.content) == 1:
            return item.content[0]
        return layout.numbered(item.content)
    if key == "basis":
        return "\n".join(item.basis)
    if key == "deadline":
        return item.deadline.text
    if key == "channels":
        return "\n".join(f"{MARK_SYMBOLS.get(c.mark, '■')}{c.name}" for c in item.channels)
    if key == "url":
        return "\n".join(f"{c.name}：{c.url}" for c in item.channels if c.url)
    if key == "deadline_count":
        return deadline_count_text(item)
    if key == "duties":
        return "、".join(item.duties)
    if key == "interpretation":
        return layout.TICK if item.interpretation else ""
    if key == "waivers":
        return waiver_lines(item)
    if key == "id":
        return item.id
    value = getattr(item, key, None)
    return value if isinstance(value, str) else ""


# ── the workbook ────────────────────────────────────────────────────────────


#: Points per printed line of 10-point text, with CJK fonts' taller line spacing.
LINE_HEIGHT = 14.0


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide.

    Column widths count the default font's digit width; a CJK character is about
    two of those. Rows need an explicit height: neither Excel nor LibreOffice
    grows a row to its wrapped text when the file does not say so.
    """
    usable = max(width - 1.0, 1.0)
    lines = 0
    for paragraph in text.split("\n"):
        units = sum(1.8 if ord(ch) > 0x2E7F else 1.0 for ch in paragraph)
        lines += max(1, math.ceil(units / usable))
    return lines


def row_height(texts: Iterable[tuple[str, float]], minimum: float = 18.0) -> float:
    """The height (points) of a row whose cells hold ``(text, column width)``."""
    lines = max((text_lines(t, w) for t, w in texts if t), default=1)
    return max(minimum, lines * LINE_HEIGHT + 4)


def _ref(sheet: str, col: int, first: int, last: int) -> str:
    from openpyxl.utils import quote_sheetname

    letter = column_letter(col)
    return f"{quote_sheetname(sheet)}!${letter}${first}:${letter}${last}"


def _quote(text: str) -> str:
    """A text constant inside a formula."""
    return '"' + text.replace('"', '""') + '"'


def _named_styles() -> list[Any]:
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
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddHeader.center.size = 9
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9
    if title_rows:
        ws.print_title_rows = title_rows


class _Sheet:
    """A write-only sheet that counts its rows and sizes each row to its text.

    Styles are the workbook's named styles, shared by every cell; a row's height
    is set just before it is written and dropped right after, so nothing
    accumulates per row.
    """

    def __init__(self, wb: Any, title: str, widths: Sequence[float]) -> None:
        self.ws = wb.create_sheet(title)
        self.title = title
        self.widths = list(widths)
        self.row = 0
        self._styles: dict[str, Any] = {}
        for i, width in enumerate(widths, 1):
            self.ws.column_dimensions[column_letter(i)].width = width

    @property
    def ncols(self) -> int:
        return len(self.widths)

    def cell(self, value: Any, style: str = "text") -> Any:
        """A styled cell; text that looks like a formula stays text."""
        from openpyxl.cell import WriteOnlyCell

        if isinstance(value, str):
            value = clean_text(value) or None
        cell = WriteOnlyCell(self.ws, value=value)
        self._style(cell, style)
        if looks_like_formula(value):
            cell.data_type = "s"
            cell.quotePrefix = True  # after the style: assigning a style resets it
        return cell

    def formula(self, text: str, style: str = "center") -> Any:
        """A formula cell: the only way a value starting with ``=`` is evaluated."""
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.ws, value=text)
        self._style(cell, style)
        return cell

    def _style(self, cell: Any, style: str) -> None:
        # Assigning a named style looks it up by name and rebuilds its style
        # array every time; a fifth of the export time for large catalogs. The
        # array is computed once per style and copied, as openpyxl itself does.
        cached = self._styles.get(style)
        if cached is None:
            cell.style = f"govopen-{style}"
            self._styles[style] = copy.copy(cell._style)
        else:
            cell._style = copy.copy(cached)

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
        self.ws.row_dimensions[self.row].height = height
        self.ws.append(list(cells))
        del self.ws.row_dimensions[self.row]
        return self.row

    def merge(self, ref: str) -> None:
        """Merge a range (written with the sheet's tail, so it works while streaming)."""
        self.ws.merged_cells.add(ref)

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


@dataclass(frozen=True)
class _Where:
    """Where the data sits, so 汇总 can point its formulas at it."""

    catalog_columns: tuple[Column, ...]
    catalog_first: int
    catalog_last: int
    inspection_first: int
    inspection_last: int
    coverage_last: int
    findings_last: int


CATALOG_FIRST_ROW = 4
#: 是, 否, 不适用, 未填写
CHART_COLORS = ("70AD47", "C00000", "A5A5A5", "FFD966")
INSPECTION_FIRST_ROW = 3


def _red_when(sheet: _Sheet, ref: str, value: str) -> None:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    sheet.ws.conditional_formatting.add(
        ref,
        CellIsRule(
            operator="equal",
            formula=[_quote(value)],
            fill=PatternFill(bgColor="FFC7CE"),
            font=Font(color="9C0006"),
        ),
    )


def _write_catalog(
    wb: Any, catalog: Catalog, columns: Sequence[Column], tick: Callable[[], None]
) -> None:
    sheet = _Sheet(wb, layout.SHEET_CATALOG, [c.width for c in columns])
    sheet.setup(
        title=catalog.title,
        wide=sum(c.width for c in columns) > A3_WIDTH,
        title_rows=f"2:{CATALOG_FIRST_ROW - 1}",
        freeze=f"A{CATALOG_FIRST_ROW}",
    )
    ncols = sheet.ncols
    sheet.title_row(catalog.title or "政务公开基本目录")
    # Two header rows: a group's name spans its columns; a single column spans both rows.
    top: list[Any] = []
    bottom: list[Any] = []
    i = 0
    while i < ncols:
        col = columns[i]
        if col.group is None:
            top.append(sheet.cell(col.header, "head"))
            bottom.append(sheet.cell(None, "head"))
            sheet.merge(f"{column_letter(i + 1)}2:{column_letter(i + 1)}3")
            i += 1
            continue
        j = i
        while j < ncols and columns[j].group == col.group:
            j += 1
        for k in range(i, j):
            top.append(sheet.cell(col.group if k == i else None, "head"))
            bottom.append(sheet.cell(columns[k].header, "head"))
        if j - i > 1:
            sheet.merge(f"{column_letter(i + 1)}2:{column_letter(j)}2")
        i = j
    sheet.append(top, 22)
    sheet.append(bottom)
    keys = [c.key for c in columns]
    # 一级事项 cells merge over a run of equal values; so do 二级事项 cells when a
    # 三级事项 column exists. depth: how much of the matter path must be equal.
    merge_depth = {keys.index("matter1"): 1}
    if "matter3" in keys:
        merge_depth[keys.index("matter2")] = 2
    runs: dict[int, tuple[int, tuple[str, ...]]] = {}
    for n, item in enumerate(catalog.items):
        row = sheet.row + 1
        cells: list[Any] = []
        for ci, col in enumerate(columns):
            if col.kind == "seq":
                cells.append(sheet.cell(n + 1, "center"))
                continue
            text = catalog_cell(item, col)
            style = "center" if col.kind in ("tick", "id") else "text"
            if ci in merge_depth:
                path = item.matter[: merge_depth[ci]] if text else ()
                run = runs.get(ci)
                if run is not None and path and run[1] == path:
                    cells.append(sheet.cell(None, style))
                    continue
                _close_run(sheet, ci, run, row - 1)
                runs[ci] = (row, path)
            cells.append(sheet.cell(text, style))
        sheet.append(cells)
        tick()
    for ci, run in runs.items():
        _close_run(sheet, ci, run, sheet.row)


def _close_run(sheet: _Sheet, ci: int, run: tuple[int, tuple[str, ...]] | None, last: int) -> None:
    if run is not None and run[1] and last > run[0]:
        letter = column_letter(ci + 1)
        sheet.merge(f"{letter}{run[0]}:{letter}{last}")


def _write_inspection(wb: Any, catalog: Catalog, tick: Callable[[], None]) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = layout.INSPECTION_COLUMNS
    sheet = _Sheet(wb, layout.SHEET_INSPECTION, [c.width for c in columns])
    first = INSPECTION_FIRST_ROW
    sheet.setup(
        title=f"检查表：{catalog.title}",
        wide=True,
        title_rows=f"{first - 1}:{first - 1}",
        freeze=f"E{first}",
    )
    sheet.title_row(f"检查表：{catalog.title}", 28)
    sheet.header_row(c.header for c in columns)
    assert sheet.row + 1 == first
    for n, item in enumerate(catalog.items):
        deadline = item.deadline.text
        stated = item.deadline.days, item.deadline.unit
        in_text = publishing_limit(Deadline(text=deadline))
        if stated[0] is not None and (in_text is None or (in_text.days, in_text.unit) != stated):
            # The count is stated outside the wording: show it to the inspector.
            deadline = f"{deadline}（{stated[0]}个{stated[1]}）"
        values: dict[str, Any] = {
            "seq": n + 1,
            "id": item.id,
            "matter1": item.first_level,
            "matter": matter_text(item),
            "mode": "、".join(item.mode),
            "deadline": deadline,
            "department": item.department,
        }
        cells = []
        for col in columns:
            if col.key in values:
                style = "center" if col.kind in ("seq", "id") else "text"
                cells.append(sheet.cell(values[col.key], style))
            elif col.kind == "dropdown":
                cells.append(sheet.cell(None, "input"))
            elif col.kind == "date":
                cells.append(sheet.cell(None, "input-date"))
            else:
                cells.append(sheet.cell(None, "input-text"))
        sheet.append(cells)
        tick()
    last = sheet.row
    if last < first:
        return
    keys = [c.key for c in columns]
    sheet.ws.auto_filter.ref = f"A{first - 1}:{column_letter(sheet.ncols)}{last}"
    drop_first = column_letter(keys.index(layout.DROPDOWN_KEYS[0]) + 1)
    drop_last = column_letter(keys.index(layout.DROPDOWN_KEYS[-1]) + 1)
    drop_range = f"{drop_first}{first}:{drop_last}{last}"
    choices = DataValidation(
        type="list",
        formula1='"' + ",".join(layout.DROPDOWN_VALUES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="stop",
        errorTitle="请从下拉列表中选择",
        error="只能填写：是、否、不适用。",
        promptTitle="检查结论",
        prompt="从下拉列表选择：是、否、不适用",
    )
    choices.add(drop_range)
    sheet.ws.data_validations.append(choices)
    dates = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",  # 2000-01-01
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="日期格式",
        error="请填写日期，如 2025-10-31。",
    )
    for key in ("formed", "published_on", "fix_by"):
        letter = column_letter(keys.index(key) + 1)
        dates.add(f"{letter}{first}:{letter}{last}")
    sheet.ws.data_validations.append(dates)
    _red_when(sheet, drop_range, "否")


def _write_coverage(wb: Any, coverage: CoverageTable) -> int:
    headers = (
        ("职责编号", 8),
        ("三定职责", 50),
        ("承担机构", 14),
        ("覆盖状态", 9),
        ("公开事项编号", 12),
        ("公开事项", 28),
        ("不予公开理由", 18),
        ("不予公开依据", 24),
    )
    sheet = _Sheet(wb, layout.SHEET_COVERAGE, [w for _, w in headers])
    sheet.setup(title="三定职责覆盖情况", wide=False, title_rows="2:2", freeze="A3")
    source = coverage.dutymap.source or coverage.dutymap.display
    sheet.title_row(f"三定职责覆盖情况（{source}）", 28)
    sheet.header_row(h for h, _ in headers)
    units = {u.id: u.name for u in coverage.dutymap.units}
    by_id = {it.id: it for it in coverage.catalog.items}
    for entry in coverage.rows:
        duty = entry.duty
        items = [by_id[i] for i in entry.items if i in by_id]
        exempt = duty.exempt
        sheet.append(
            [
                sheet.cell(duty.id, "center"),
                sheet.cell(duty.text),
                sheet.cell("、".join(units.get(u, u) for u in duty.units)),
                sheet.cell(entry.status_zh, "center"),
                sheet.cell("\n".join(entry.items)),
                sheet.cell("\n".join("/".join(it.matter) for it in items)),
                sheet.cell(exempt.reason if exempt else None),
                sheet.cell(exempt.basis if exempt else None),
            ]
        )
    if sheet.row >= 3:
        _red_when(sheet, f"D3:D{sheet.row}", "缺失")
    return sheet.row


def _item_id_for(diag: Diagnostic, catalog: Catalog) -> str:
    if diag.file != catalog.display or not diag.path.startswith("/items/"):
        return ""
    tokens = split_pointer(diag.path)
    if len(tokens) > 1 and tokens[1].isdigit():
        index = int(tokens[1])
        if index < len(catalog.items):
            return catalog.items[index].id
    return ""


def _write_findings(wb: Any, catalog: Catalog, diagnostics: Sequence[Diagnostic]) -> int:
    headers = (
        ("序号", 5),
        ("规则编号", 9),
        ("规则名称", 20),
        ("严重程度", 8),
        ("位置", 28),
        ("事项编号", 10),
        ("问题说明", 70),
        ("豁免", 24),
    )
    sheet = _Sheet(wb, layout.SHEET_FINDINGS, [w for _, w in headers])
    sheet.setup(title="问题清单", wide=False, title_rows="2:2", freeze="A3")
    sheet.title_row(f"问题清单（govopen check）：{catalog.title}", 28)
    sheet.header_row(h for h, _ in headers)
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    for n, diag in enumerate(ordered, 1):
        sheet.append(
            [
                sheet.cell(n, "center"),
                sheet.cell(diag.code, "center"),
                sheet.cell(diag.name),
                sheet.cell(diag.severity.zh, "center"),
                sheet.cell(diag.source or f"{diag.file}:{diag.line}:{diag.column}"),
                sheet.cell(_item_id_for(diag, catalog), "center"),
                sheet.cell(diag.message),
                sheet.cell(f"已豁免：{diag.waiver_reason}" if diag.waived else None),
            ]
        )
    last = sheet.row
    if not ordered:
        sheet.append([sheet.cell("未发现问题。", "plain")])
    return last


def _write_summary(
    wb: Any, catalog: Catalog, where: _Where, coverage: CoverageTable | None
) -> None:
    from openpyxl.chart import BarChart, Reference

    sheet = _Sheet(wb, layout.SHEET_SUMMARY, [26, 10, 10, 10, 10, 10])
    sheet.setup(title="汇总", wide=False)
    sheet.title_row(f"汇总：{catalog.title}", 30)
    cell, formula = sheet.cell, sheet.formula
    ikeys = [c.key for c in layout.INSPECTION_COLUMNS]
    first = where.inspection_first
    last = max(where.inspection_last, first)

    def rng(key: str) -> str:
        return _ref(layout.SHEET_INSPECTION, ikeys.index(key) + 1, first, last)

    pub, tim, com, chn = (rng(k) for k in layout.DROPDOWN_KEYS)
    passed = f'{pub},"是",{tim},"<>否",{com},"<>否",{chn},"<>否"'

    sheet.section("一、检查结果（随检查表填写自动更新）")
    sheet.header_row(("检查项", *layout.DROPDOWN_VALUES, "未填写", "符合率"))
    result_first = sheet.row + 1
    for key in layout.DROPDOWN_KEYS:
        r = sheet.row + 1
        sheet.append(
            [
                cell(layout.DROPDOWN_NAMES[key]),
                *(formula(f"=COUNTIF({rng(key)},{_quote(v)})") for v in layout.DROPDOWN_VALUES),
                formula(f"=COUNTBLANK({rng(key)})"),
                formula(f'=IF(B{r}+C{r}=0,"",B{r}/(B{r}+C{r}))', "percent"),
            ]
        )
    result_last = sheet.row
    checked = sheet.append(
        [
            cell("已检查事项（是否公开为是或否）"),
            formula(f'=COUNTIF({pub},"是")+COUNTIF({pub},"否")'),
        ]
    )
    sheet.append([cell("合格事项"), formula(f"=COUNTIFS({passed})")])
    sheet.append(
        [cell("合格率"), formula(f'=IF(B{checked}=0,"",B{checked + 1}/B{checked})', "percent")]
    )
    # The live rate is a convenience: say plainly what it does not see.
    sheet.append(
        [cell(SUMMARY_RATE_NOTE, "note")] + [None] * (sheet.ncols - 1),
        row_height([(SUMMARY_RATE_NOTE, sum(sheet.widths))]),
    )
    sheet.merge(f"A{sheet.row}:{column_letter(sheet.ncols)}{sheet.row}")
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "检查结果"
    chart.x_axis.title = "检查项"
    chart.y_axis.title = "事项数"
    chart.height = 7.5
    chart.width = 16
    data = Reference(sheet.ws, min_col=2, max_col=5, min_row=result_first - 1, max_row=result_last)
    cats = Reference(sheet.ws, min_col=1, min_row=result_first, max_row=result_last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    for series, color in zip(chart.series, CHART_COLORS, strict=True):
        series.graphicalProperties.solidFill = color
        series.graphicalProperties.line.solidFill = color
    sheet.ws.add_chart(chart, "H3")

    sheet.section("二、按一级事项")
    sheet.header_row(("一级事项", "事项数", "已检查", "合格", "不合格", "合格率"))
    groups = list(dict.fromkeys(it.first_level for it in catalog.items))
    group_rng = rng("matter1")
    group_first = sheet.row + 1
    for group in groups:
        r = sheet.row + 1
        g = f"{group_rng},$A{r}"
        sheet.append(
            [
                cell(group),
                formula(f"=COUNTIF({g})"),
                formula(f'=COUNTIFS({g},{pub},"是")+COUNTIFS({g},{pub},"否")'),
                formula(f"=COUNTIFS({g},{passed})"),
                formula(f"=C{r}-D{r}"),
                formula(f'=IF(C{r}=0,"",D{r}/C{r})', "percent"),
            ]
        )
    group_last = sheet.row
    r = sheet.row + 1
    sheet.append(
        [
            cell("合计", "head"),
            *(formula(f"=SUM({c}{group_first}:{c}{group_last})") for c in "BCDE"),
            formula(f'=IF(C{r}=0,"",D{r}/C{r})', "percent"),
        ]
    )

    cat_keys = [c.key for c in where.catalog_columns]

    def ticks(key: str) -> Any:
        if key not in cat_keys:
            return cell(0, "center")
        col = cat_keys.index(key) + 1
        ref = _ref(layout.SHEET_CATALOG, col, where.catalog_first, where.catalog_last)
        return formula(f"=COUNTIF({ref},{_quote(layout.TICK)})")

    sheet.section("三、按公开方式")
    sheet.header_row(("公开方式", "事项数"))
    for col in layout.MODE_TICKS:
        sheet.append([cell(col.header), ticks(col.key)])
    sheet.section("四、按公开层级")
    sheet.header_row(("公开层级", "事项数"))
    for col in where.catalog_columns:
        if col.key.startswith("levels:"):
            sheet.append([cell(col.header), ticks(col.key)])

    sheet.section("五、三定职责覆盖")
    if coverage is None:
        sheet.append(
            [cell("未提供三定映射（catalog.duties、--duties 或配置中的 duties）。", "plain")]
        )
    else:
        cov_last = max(where.coverage_last, 3)
        status = _ref(layout.SHEET_COVERAGE, 4, 3, cov_last)
        sheet.header_row(("项目", "数量"))
        total = sheet.append(
            [cell("职责总数"), formula(f"=COUNTA({_ref(layout.SHEET_COVERAGE, 1, 3, cov_last)})")]
        )
        for zh in ("已覆盖", "不予公开", "缺失"):
            sheet.append([cell(zh), formula(f"=COUNTIF({status},{_quote(zh)})")])
        sheet.append(
            [
                cell("覆盖率（已覆盖＋不予公开）"),
                formula(f'=IF(B{total}=0,"",(B{total + 1}+B{total + 2})/B{total})', "percent"),
            ]
        )

    sheet.section("六、目录检查发现的问题（govopen check）")
    sheet.header_row(("严重程度", "数量"))
    find_last = max(where.findings_last, 3)
    severity_rng = _ref(layout.SHEET_FINDINGS, 4, 3, find_last)
    waived_rng = _ref(layout.SHEET_FINDINGS, 8, 3, find_last)
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        sheet.append(
            [
                cell(severity.zh),
                formula(f'=COUNTIFS({severity_rng},{_quote(severity.zh)},{waived_rng},"")'),
            ]
        )
    sheet.append([cell("已豁免"), formula(f'=COUNTIF({waived_rng},"已豁免*")')])


#: Under 汇总's live 合格率.
SUMMARY_RATE_NOTE = (
    "注：以上公式只统计检查表下拉列的回答：是否公开为“是”、其余三列不为“否”即计为合格，"
    "下拉列中填的其他文字也不算“否”。是否逾期（按工作日核对信息形成日期和公开日期）、"
    "事项编号是否对应目录、下拉列中的文字，公式都不检查：以 govopen inspect 本工作簿 的结果为准。"
)


def generated_text(moment: dt.datetime) -> str:
    """说明's 生成时间: ``2026-11-26 17:52:17（UTC+08:00）``, local time and its offset."""
    text = moment.strftime("%Y-%m-%d %H:%M:%S")
    offset = moment.utcoffset()
    if offset is None:
        return text
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{text}（UTC{sign}{hours:02d}:{mins:02d}）"


def _write_about(
    wb: Any,
    catalog: Catalog,
    inputs: Sequence[InputFile],
    rules: Sequence[RuleInfo],
    generated: dt.datetime,
    tool_version: str,
) -> None:
    sheet = _Sheet(wb, layout.SHEET_ABOUT, [16, 48, 12, 64])
    sheet.setup(title="说明", wide=False)
    sheet.title_row("说明", 28)
    cell = sheet.cell

    def pair(key: str, value: Any) -> None:
        sheet.append([cell(key, "head"), cell(value)])
        sheet.merge(f"B{sheet.row}:D{sheet.row}")

    pair(layout.ABOUT_TOOL, f"govopen {tool_version}")
    pair("生成时间", generated_text(generated))
    header = catalog.header_data()
    for zh, key in layout.ABOUT_HEADER_KEYS.items():
        pair(zh, header.get(key))
    pair(layout.ABOUT_CATALOG_FILE, next((f.display for f in inputs if f.role == "目录"), None))
    pair("事项数", len(catalog.items))
    sheet.section("输入文件")
    sheet.header_row(("用途", "文件", "", "SHA-256"))
    sheet.merge(f"B{sheet.row}:C{sheet.row}")
    for f in inputs:
        sheet.append([cell(f.role, "center"), cell(f.display), cell(None), cell(f.sha256)])
        sheet.merge(f"B{sheet.row}:C{sheet.row}")
    sheet.section(f"规则集（{len(rules)} 条）")
    sheet.header_row(("规则编号", "名称", "严重程度", "说明"))
    for r in rules:
        sheet.append(
            [cell(r.code, "center"), cell(r.name), cell(r.severity, "center"), cell(r.summary)]
        )
    sheet.section("填写说明")
    for text in ABOUT_NOTES:
        sheet.append([None, cell(text, "plain")], 34)
        sheet.merge(f"B{sheet.row}:D{sheet.row}")


ABOUT_NOTES = (
    "目录：按标准目录版式排列；公开渠道前的 ■ 为必选，□ 为可选，▲ 为择一"
    "（在标注范围内至少选择其一公开，法律法规规章另有规定的从其规定）；√ 表示适用。",
    "检查表：每个事项一行，请勿修改“事项编号”列；是否公开、是否及时、要素是否完整、"
    "渠道是否符合从下拉列表选择（是、否、不适用）；日期写成 2025-10-31。",
    "检查表填好后运行 govopen inspect 本文件：按工作日（含调休）核对是否逾期，"
    "列出问题和整改责任处室。",
    "汇总中的检查结果是公式，随检查表填写自动更新。合格事项：是否公开为“是”，"
    "且是否及时、要素是否完整、渠道是否符合均不为“否”。公式不按日期核对是否逾期，"
    "也不检查下拉列中的文字：正式结果以 govopen inspect 为准。",
)


def _output_folder(out_path: Path) -> Path:
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"输出目录不存在：{folder}")
    return folder


def _save_atomic(wb: Any, out_path: Path) -> None:
    """Save the workbook through :func:`govopen_cli.output_file.atomic_path`."""
    tmp: Path | None = None
    try:
        with atomic_path(out_path) as tmp:
            wb.save(tmp)
    except BaseException:
        _discard(wb, str(tmp) if tmp is not None else "")
        raise


def _discard(wb: Any, tmp: str) -> None:
    """Close what a failed save left open, and remove the temporary file."""
    for ws in wb.worksheets:
        try:
            if not ws.closed:
                ws.close()
        except Exception:  # the sheet's own temporary stream may be gone already
            pass
    if tmp:
        Path(tmp).unlink(missing_ok=True)


def _ticker(total: int, progress: ProgressCallback | None) -> Callable[[], None]:
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and (done % _PROGRESS_EVERY == 0 or done == total):
            progress(done, total)

    return tick


def export_workbook(
    catalog: Catalog,
    diagnostics: Sequence[Diagnostic],
    coverage: CoverageTable | None,
    out_path: Path,
    *,
    inputs: Sequence[InputFile] = (),
    rules: Sequence[RuleInfo] = (),
    progress: ProgressCallback | None = None,
    generated: dt.datetime | None = None,
    tool_version: str = __version__,
) -> ExportSummary:
    """Write the inspector's workbook for ``catalog`` to ``out_path``, atomically.

    ``diagnostics`` fill 问题清单 (the findings of ``govopen check``); ``coverage``
    fills 覆盖情况 when the catalog has a 三定 mapping. ``progress(done, total)``
    is called as rows are written. Raises :class:`~govopen_cli.errors.OutputError`
    when the file cannot be written; an existing file is then left untouched.
    """
    from openpyxl import Workbook

    _output_folder(out_path)  # fail before the work, not after
    wb = Workbook(write_only=True)
    for style in _named_styles():
        wb.add_named_style(style)
    wb.properties.creator = f"govopen {tool_version}"
    wb.properties.title = catalog.title
    wb.calculation.fullCalcOnLoad = True
    columns = tuple(layout.catalog_columns(features_of(catalog)))
    n = len(catalog.items)
    tick = _ticker(2 * n, progress)
    _write_catalog(wb, catalog, columns, tick)
    _write_inspection(wb, catalog, tick)
    coverage_last = _write_coverage(wb, coverage) if coverage is not None else 2
    findings_last = _write_findings(wb, catalog, diagnostics)
    where = _Where(
        catalog_columns=columns,
        catalog_first=CATALOG_FIRST_ROW,
        catalog_last=max(CATALOG_FIRST_ROW + n - 1, CATALOG_FIRST_ROW),
        inspection_first=INSPECTION_FIRST_ROW,
        inspection_last=INSPECTION_FIRST_ROW + n - 1,
        coverage_last=coverage_last,
        findings_last=findings_last,
    )
    _write_summary(wb, catalog, where, coverage)
    _write_about(
        wb, catalog, inputs, rules, generated or dt.datetime.now().astimezone(), tool_version
    )
    _save_atomic(wb, out_path)
    sheets = tuple(ws.title for ws in wb.worksheets)
    return ExportSummary(out_path, n, sheets, len(diagnostics))
