"""Official-layout tables -> catalog data, with every cell it cannot read located
(``Sheet!C12`` in a workbook, ``表2 第5行第3列`` in a Word document or a web page).

Workbooks (.xlsx .xls .ods), Word tables and web-page tables are read into one model
(:class:`~govopen_cli.excel.sheet.SheetGrid`, by :mod:`.sources`); everything below reads
that model.

Agencies' tables are read as they really are: a title row above a one- or
two-row header found by its column names (in any order; extra columns are
ignored and reported), cells merged in any column (a merged cell's value holds
for every cell it covers), ■ □ ▲ channel marks (口 and other look-alikes read as
□ …), √ ✓ ✔ ticks, full-width and half-width punctuation, channel variants mapped
to the official names, numbered 公开内容 cells split into elements, several sheets.

Ids: taken from a 事项编号 (编号, 事项代码 …) column when there is one; otherwise
generated from the matter path, ``M-`` and the first 8 hex digits of the SHA-256
of "一级/二级/三级", so the same matter gets the same id in next year's table; a
second row with the same matter gets ``-2``, ``-3`` in table order.

What the workbook does not say becomes a placeholder starting with
:data:`~govopen_cli.catalog.placeholder.PLACEHOLDER` (待填写), which ``govopen check``
reports (GX006), so the file is still written and nothing is lost.

A workbook written by ``govopen export`` is recognised by its 说明 sheet: the
catalog header is read from there and the other generated sheets are skipped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_cli.cell_value import cell_text
from govopen_cli.codes.gx import GX001, GX002, GX006, GX010
from govopen_cli.codes.gx_tables import GX021, GX022, GX025
from govopen_cli.diagnostics import Diagnostic, Report, Severity
from govopen_cli.errors import GovopenError, PathNotFoundError
from govopen_cli.excel import layout
from govopen_cli.excel.about_sheet import about_pairs
from govopen_cli.excel.catalog_header import catalog_header
from govopen_cli.excel.import_report import ImportReport
from govopen_cli.excel.sheet import UnreadableWorkbookError
from govopen_cli.excel.sheet_import import ImportContext, SheetImport
from govopen_cli.excel.sources import Book, open_book
from govopen_cli.excel.table_header import (
    HEADER_SEARCH_ROWS,
    TableHeader,
    find_header,
    title_above,
)

#: Required fields a table may lack a column for altogether, with what to add.
_GROUP_COLUMNS = {
    "content": ("公开内容", "各事项的公开内容（要素）"),
    "basis": ("公开依据", "各事项的公开依据"),
    "deadline": ("公开时限", "各事项的公开时限"),
    "owner": ("公开主体", "负责公开的机关"),
    "channels": ("公开渠道和载体", "各事项的公开渠道"),
    "audience": ("公开对象", "“全社会”“特定群体”"),
    "mode": ("公开方式", "“主动”“依申请”"),
    "levels": ("公开层级", "“县级”“乡级”"),
}


def _report_columns(report: ImportReport, sheet: str, header: TableHeader) -> None:
    """Level columns read under another name (镇街级 -> 乡级), and required groups with no
    column at all (every item gets a placeholder)."""
    for row, col, name in header.mapped:
        value = header.columns[col].value or ""
        report.add(
            GX025.code,
            f"公开层级列“{name}”按“{value}”读取",
            sheet=sheet,
            row=row,
            col=col,
        )
    keys = {k.split(":", 1)[0] for k in header.keys}
    for key, (group, columns) in _GROUP_COLUMNS.items():
        if key not in keys:
            report.missing.add((sheet, "matter" if key == "matter1" else key))
            report.add(
                GX022.code,
                f"表中没有“{group}”列：所有事项的{group}写为“待填写”占位。"
                f"请在表中加上{group}（{columns}）并打勾后重新导入，或在目录文件中逐项填写",
                sheet=sheet,
                row=header.first,
                col=1,
            )


@dataclass
class ImportResult:
    """What an import read: the catalog in the spec's data form, and what it noticed."""

    catalog: dict[str, Any] | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    #: ``目录!A5`` for each item, in order.
    sources: list[str] = field(default_factory=list)
    #: Header fields written as placeholders.
    placeholders: list[str] = field(default_factory=list)
    #: The file could not be opened as a workbook at all (GX010): nothing was read.
    unreadable: bool = False
    #: How the tables read are named: ``sheet`` (a workbook's sheets) or ``table``
    #: (表1, 表2 … of a Word document or a web page).
    style: str = "sheet"
    #: (sheet, row) of each item, and the placeholders import reported itself.
    rows: list[tuple[str, int]] = field(default_factory=list)
    gaps: set[tuple[str, int, str]] = field(default_factory=set)
    missing: set[tuple[str, str]] = field(default_factory=set)

    def reported_here(self, diagnostic: Diagnostic) -> bool:
        """A GX006 finding of ``govopen check`` on the written file about a placeholder this
        import already reported at its cell (GX005, GX018, GX019) or column (GX022): the
        same gap, which ``govopen import`` then tells once."""
        parts = diagnostic.path.split("/")
        if diagnostic.code != GX006.code or len(parts) < 4 or parts[1] != "items":
            return False
        if not parts[2].isdigit() or int(parts[2]) >= len(self.rows):
            return False
        sheet, row = self.rows[int(parts[2])]
        return (sheet, row, parts[3]) in self.gaps or (sheet, parts[3]) in self.missing

    @property
    def tables(self) -> str:
        """The tables read, for messages: ``工作表 征地、规划`` or ``表2``."""
        names = "、".join(self.sheets)
        return f"工作表 {names}" if self.style == "sheet" else names

    @property
    def items(self) -> int:
        """How many items were read."""
        return len(self.catalog["items"]) if self.catalog else 0


def fold_reported(report: Report, results: Sequence[ImportResult]) -> tuple[Report, int]:
    """The check report of imported files without the placeholders their import already
    reported at a cell or column (each gap told once), and how many were left out."""
    kept = [d for d in report.diagnostics if not any(r.reported_here(d) for r in results)]
    return dataclasses.replace(report, diagnostics=kept), len(report.diagnostics) - len(kept)


def _taken(items: list[Any]) -> Iterator[Any]:
    """The items of ``items`` in order, each removed from the list as it is given."""
    items.reverse()
    while items:
        yield items.pop()


def import_workbook(
    path: Path,
    *,
    agency: str | None = None,
    year: int | None = None,
    catalog_id: str | None = None,
    title: str | None = None,
    sheets: Sequence[str] | None = None,
    known_channels: Iterable[str] = (),
    display: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Read an official-layout workbook into catalog data (the spec's form).

    Options win over what the workbook says; what neither says becomes a
    placeholder. Raises :class:`~govopen_cli.errors.GovopenError` only when it
    cannot run (no such file, a ``--sheet`` the workbook does not have).
    """
    if not path.exists():  # a FIFO or device: the workbook door says what it is
        raise PathNotFoundError(f"找不到工作簿：{path}")
    shown = display or str(path)
    report = ImportReport(shown)
    try:
        book = open_book(path)
    except UnreadableWorkbookError as exc:
        report.add(GX010.code, str(exc))
        return ImportResult(None, report.diagnostics, unreadable=True)
    try:
        return _import(
            book, report, agency, year, catalog_id, title, sheets, tuple(known_channels), progress
        )
    finally:
        book.close()


def _import(
    book: Book,
    report: ImportReport,
    agency: str | None,
    year: int | None,
    catalog_id: str | None,
    title: str | None,
    sheets: Sequence[str] | None,
    known_channels: tuple[str, ...],
    progress: Callable[[int, int], None] | None,
) -> ImportResult:
    if sheets:
        missing = [s for s in sheets if s not in book.names]
        if missing:
            raise GovopenError(
                f"文件中没有工作表（表格） {'、'.join(missing)}：有 {'、'.join(book.names)}"
            )
    about = about_pairs(book.workbook) if book.workbook is not None else None
    for note in book.notes:
        report.add(GX010.code, note, severity=Severity.INFO)
    ctx = ImportContext(known_channels=known_channels, report=report)
    used: list[str] = []
    found_title: dict[str, tuple[str, int, int]] = {}
    found_sheet = ""
    by_name = {s.title: s for s in book.sheets}
    worksheets = [by_name[s] for s in sheets] if sheets else list(book.sheets)
    total = sum(ws.rows_hint for ws in worksheets)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)

    for ws in worksheets:
        if (
            about is not None
            and ws.title in layout.EXPORT_SHEETS
            and ws.title != layout.SHEET_CATALOG
        ):
            continue
        if not sheets and not ws.visible:
            report.add(
                GX001.code,
                f"隐藏的工作表“{ws.title}”未读取；如需读取请用 --sheet {ws.title}",
                sheet=ws.title,
            )
            continue
        report.sheets.setdefault(ws.title, len(report.sheets))
        grid = ws.load()
        report.styles[ws.title] = grid.style
        header = find_header(grid)
        if header is None:
            # A web page or a Word document has other tables (layout, contacts): only a
            # workbook's sheet is expected to be a catalog.
            if grid.rows and grid.style == "sheet":
                report.add(
                    GX001.code,
                    f"工作表“{ws.title}”的前 {HEADER_SEARCH_ROWS} 行中找不到目录表头"
                    "（需要“公开事项”或“一级事项”，以及公开内容、公开依据、公开时限等列），已跳过",
                    sheet=ws.title,
                )
            del grid
            continue
        used.append(ws.title)
        for row, col, name in header.unknown:
            carried = (
                "是地方目录常见的列，目录格式没有对应字段"
                if layout.is_not_carried(name)
                else "不在目录格式中"
            )
            report.add(
                GX002.code,
                f"列“{name}”{carried}，其内容未导入",
                sheet=ws.title,
                row=row,
                col=col,
            )
        for c in range(1, grid.width + 1):
            if (
                c not in header.columns
                and not any(u[1] == c for u in header.unknown)
                and any(
                    cell_text(grid.own(r, c)) for r in range(header.last + 1, len(grid.rows) + 1)
                )
            ):
                report.add(
                    GX002.code,
                    "这一列没有表头，其内容未导入",
                    sheet=ws.title,
                    row=header.first,
                    col=c,
                )
        for row, col, message in header.fixes:
            report.add(GX021.code, message, sheet=ws.title, row=row, col=col)
        _report_columns(report, ws.title, header)
        if not found_title:
            found_title = title_above(grid, header)[1]
            if "title" not in found_title and ws.caption:
                found_title["title"] = (ws.caption, 0, 0)
            found_sheet = ws.title
        SheetImport(grid, header, ctx).run(tick)
        del grid, header  # read: the next sheet's grid is not held beside it
    if not ctx.items:
        if not used:
            report.add(
                GX001.code,
                "没有找到目录表：任何工作表中都没有“公开事项/一级事项”“公开内容”“公开依据”等表头",
                severity=Severity.ERROR,
            )
        return ImportResult(None, report.sorted(), used)
    header_data, placeholders = catalog_header(
        report, about, found_title, found_sheet, agency, year, catalog_id, title
    )
    # Each item in the data form as the item itself is let go: not both held whole.
    items, ctx.items = ctx.items, []
    data = {"format": 1, "catalog": header_data, "items": [it.to_data() for it in _taken(items)]}
    style = report.styles.get(used[0], "sheet") if used else "sheet"
    return ImportResult(
        data,
        report.sorted(),
        used,
        ctx.sources,
        placeholders,
        style=style,
        rows=ctx.rows,
        gaps=report.gaps,
        missing=report.missing,
    )
