"""Official-layout workbooks -> catalog data, with every cell it cannot read located as ``Sheet!C12``.

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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_cli.cell_value import cell_text
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.errors import GovopenError, PathNotFoundError
from govopen_cli.excel import layout
from govopen_cli.excel.about_sheet import about_pairs
from govopen_cli.excel.catalog_header import catalog_header
from govopen_cli.excel.import_report import (
    CODE_NO_HEADER,
    CODE_UNKNOWN_COLUMN,
    CODE_UNREADABLE,
    ImportReport,
)
from govopen_cli.excel.sheet import SheetGrid, UnreadableWorkbookError, open_workbook
from govopen_cli.excel.sheet_import import ImportContext, SheetImport
from govopen_cli.excel.table_header import HEADER_SEARCH_ROWS, find_header, title_above


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

    @property
    def items(self) -> int:
        """How many items were read."""
        return len(self.catalog["items"]) if self.catalog else 0


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
        wb = open_workbook(path)
    except UnreadableWorkbookError as exc:
        report.add(CODE_UNREADABLE, str(exc))
        return ImportResult(None, report.diagnostics, unreadable=True)
    try:
        return _import(
            wb, report, agency, year, catalog_id, title, sheets, tuple(known_channels), progress
        )
    finally:
        wb.close()


def _import(
    wb: Any,
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
        missing = [s for s in sheets if s not in wb.sheetnames]
        if missing:
            raise GovopenError(
                f"工作簿中没有工作表 {'、'.join(missing)}：有 {'、'.join(wb.sheetnames)}"
            )
    about = about_pairs(wb)
    ctx = ImportContext(known_channels=known_channels, report=report)
    used: list[str] = []
    found_title: dict[str, tuple[str, int, int]] = {}
    found_sheet = ""
    worksheets = [wb[s] for s in sheets] if sheets else list(wb.worksheets)
    total = sum(ws.max_row or 0 for ws in worksheets)
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
        if not sheets and ws.sheet_state != "visible":
            report.add(
                CODE_NO_HEADER,
                f"隐藏的工作表“{ws.title}”未读取；如需读取请用 --sheet {ws.title}",
                sheet=ws.title,
            )
            continue
        report.sheets.setdefault(ws.title, len(report.sheets))
        grid = SheetGrid(ws)
        header = find_header(grid)
        if header is None:
            if grid.rows:
                report.add(
                    CODE_NO_HEADER,
                    f"工作表“{ws.title}”的前 {HEADER_SEARCH_ROWS} 行中找不到目录表头"
                    "（需要“公开事项”或“一级事项”，以及公开内容、公开依据、公开时限等列），已跳过",
                    sheet=ws.title,
                )
            continue
        used.append(ws.title)
        for row, col, name in header.unknown:
            carried = (
                "是地方目录常见的列，目录格式没有对应字段"
                if layout.is_not_carried(name)
                else "不在目录格式中"
            )
            report.add(
                CODE_UNKNOWN_COLUMN,
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
                    CODE_UNKNOWN_COLUMN,
                    "这一列没有表头，其内容未导入",
                    sheet=ws.title,
                    row=header.first,
                    col=c,
                )
        if not found_title:
            found_title = title_above(grid, header)[1]
            found_sheet = ws.title
        SheetImport(grid, header, ctx).run(tick)
    if not ctx.items:
        if not used:
            report.add(
                CODE_NO_HEADER,
                "没有找到目录表：任何工作表中都没有“公开事项/一级事项”“公开内容”“公开依据”等表头",
                severity=Severity.ERROR,
            )
        return ImportResult(None, report.sorted(), used)
    header_data, placeholders = catalog_header(
        report, about, found_title, found_sheet, agency, year, catalog_id, title
    )
    data = {
        "format": 1,
        "catalog": header_data,
        "items": [it.to_data() for it in ctx.items],
    }
    return ImportResult(data, report.sorted(), used, ctx.sources, placeholders)
