"""Reading a filled-in 检查表 back against its catalog, cell by cell.

The sheet is found by its columns (事项编号 and at least one dropdown), in the sheet
named 检查表 first. Each row is matched to its catalog item by 事项编号; what the row
says goes into an :class:`~govopen_cli.inspection.result.ItemResult`, and
:mod:`govopen_cli.inspection.verdict` decides the item's status, each finding
located at the cell it is about.

Nothing in the sheet is dropped silently: free text in a dropdown column,
unreadable dates, rows without an id or with an id the catalog does not have,
ids on two rows, and catalog items with no row are all diagnostics.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from govopen_cli.calendar.date_text import date_from_cell
from govopen_cli.calendar.workday import WorkdayCalendar
from govopen_cli.catalog.model import Catalog, Item
from govopen_cli.cell_value import cell_text as _text
from govopen_cli.codes import all_codes
from govopen_cli.codes.gi import (
    GI002,
    GI003,
    GI004,
    GI005,
    GI006,
    GI007,
    GI008,
    GI010,
    GI011,
    GI013,
)
from govopen_cli.diagnostics import Diagnostic
from govopen_cli.errors import PathNotFoundError
from govopen_cli.excel import layout
from govopen_cli.excel.layout import Column
from govopen_cli.excel.sheet import (
    SheetGrid,
    UnreadableWorkbookError,
    cell_name,
    open_workbook,
)
from govopen_cli.inspection.result import QUESTIONS, InspectionResult, ItemResult
from govopen_cli.inspection.verdict import answer, judge, responsible_unit


class _Reader:
    """Makes the diagnostics of one 检查表, located at its cells or at catalog items."""

    def __init__(self, display: str, sheet: str, catalog: Catalog) -> None:
        self.display = display
        self.sheet = sheet
        self.catalog = catalog
        self.diagnostics: list[Diagnostic] = []

    def add(
        self, code: str, message: str, row: int = 1, col: int = 1, *, cell: bool = True
    ) -> None:
        source = cell_name(self.sheet, row, col) if cell else ""
        self.diagnostics.append(
            all_codes()[code].at(
                self.display, message, line=row, column=col, source=source or self.display
            )
        )

    def at_item(self, code: str, item: Item, message: str) -> None:
        """A diagnostic located at the item in the catalog file."""
        loc = self.catalog.locate(item.pointer)
        self.diagnostics.append(
            all_codes()[code].at(
                loc.file, message, line=loc.line, column=loc.column, path=item.pointer
            )
        )


def _find_sheet(wb: Any) -> tuple[Any, int, dict[str, int]] | None:
    """The 检查表 sheet, its header row and the column of each key."""
    names = [layout.SHEET_INSPECTION] + [n for n in wb.sheetnames if n != layout.SHEET_INSPECTION]
    index = {layout.header_key(n): col for col in layout.INSPECTION_COLUMNS for n in col.names}
    for name in names:
        if name not in wb.sheetnames:
            continue
        ws = wb[name]
        for r, row in enumerate(ws.iter_rows(max_row=15, values_only=True), 1):
            columns: dict[str, int] = {}
            for c, value in enumerate(row, 1):
                if value is None:
                    continue
                col: Column | None = index.get(layout.header_key(str(value)))
                if col is not None and col.key not in columns:
                    columns[col.key] = c
            if "id" in columns and len(set(columns) & set(QUESTIONS)) >= 1:
                return ws, r, columns
    return None


def read_inspection(
    path: Path,
    catalog: Catalog,
    calendar: WorkdayCalendar,
    *,
    today: dt.date | None = None,
    display: str | None = None,
    expected_sha256: str = "",
    catalog_sha256: str = "",
) -> InspectionResult:
    """Read the filled-in 检查表 of ``path`` against ``catalog``.

    ``expected_sha256`` is the catalog's hash recorded in the workbook's 说明 and
    ``catalog_sha256`` the hash of the catalog file now: when both are given and
    differ, the catalog changed since the export (GI010).
    """
    if not path.is_file():
        raise PathNotFoundError(f"找不到工作簿：{path}")
    shown = display or str(path)
    today = today or dt.date.today()
    result = InspectionResult(workbook=shown, catalog=catalog.display, sheet="", today=today)
    try:
        wb = open_workbook(path)
    except UnreadableWorkbookError as exc:
        reader = _Reader(shown, "", catalog)
        reader.add(GI006.code, str(exc), cell=False)
        result.diagnostics = reader.diagnostics
        result.unreadable = True
        return result
    try:
        found = _find_sheet(wb)
        if found is None:
            reader = _Reader(shown, "", catalog)
            reader.add(
                GI006.code,
                "找不到检查表：需要有“事项编号”和“是否公开”等列的工作表（govopen export 生成的“检查表”）",
                cell=False,
            )
            result.diagnostics = reader.diagnostics
            return result
        ws, header_row, columns = found
        result.sheet = ws.title
        reader = _Reader(shown, ws.title, catalog)
        grid = SheetGrid(ws)
    finally:
        wb.close()
    if expected_sha256 and catalog_sha256 and expected_sha256 != catalog_sha256:
        reader.add(
            GI010.code,
            f"目录文件 {catalog.display} 在导出本工作簿后改过（SHA-256 与说明页记录的不同）："
            "事项可能已增删或改动，请核对，必要时重新导出检查表",
            cell=False,
        )
    for col in layout.INSPECTION_COLUMNS:
        if col.key not in columns and col.kind in ("dropdown", "date"):
            reader.add(
                GI013.code,
                f"检查表没有“{col.header}”列，这一项按未填写处理",
                header_row,
                1,
            )
    _read_rows(grid, header_row, columns, catalog, calendar, today, reader, result)
    result.diagnostics = reader.diagnostics
    return result


def _cell(grid: Any, row: int, columns: dict[str, int], key: str) -> Any:
    c = columns.get(key)
    return grid.value(row, c) if c else None


def _read_rows(
    grid: Any,
    header_row: int,
    columns: dict[str, int],
    catalog: Catalog,
    calendar: WorkdayCalendar,
    today: dt.date,
    reader: _Reader,
    result: InspectionResult,
) -> None:
    by_id = {it.id: it for it in catalog.items}
    order = {it.id: n for n, it in enumerate(catalog.items)}
    rows: dict[str, ItemResult] = {}
    reordered_at: int | None = None
    last_index = -1
    input_keys = (
        *QUESTIONS,
        "formed",
        "published_on",
        "evidence",
        "problem",
        "unit",
        "fix_by",
    )
    for row in range(header_row + 1, len(grid.rows) + 1):
        item_id = re.sub(r"\s+", "", _text(_cell(grid, row, columns, "id")))
        filled = [k for k in input_keys if _text(_cell(grid, row, columns, k))]
        if not item_id:
            if filled:
                names = "、".join(layout.inspection_column(k).header for k in filled)
                reader.add(
                    GI007.code,
                    f"这一行填了{names}，但没有事项编号，无法对应到目录中的事项；请补上事项编号",
                    row,
                    columns["id"],
                )
            continue
        item = by_id.get(item_id)
        if item is None:
            reader.add(
                GI002.code,
                f"事项编号 {item_id} 不在目录 {catalog.display} 中"
                + ("（这一行的检查结果未计入）" if filled else "")
                + "；请核对编号，或确认目录是否已改",
                row,
                columns["id"],
            )
            continue
        if item_id in rows:
            reader.add(
                GI004.code,
                f"事项 {item_id} 在第 {rows[item_id].row} 行已有，这一行未计入；请合并为一行",
                row,
                columns["id"],
            )
            continue
        if order[item_id] < last_index and reordered_at is None:
            reordered_at = row
        last_index = max(last_index, order[item_id])
        rows[item_id] = _read_item(grid, row, columns, item, calendar, today, reader)
    if reordered_at is not None:
        reader.add(
            GI011.code,
            "检查表的行顺序与目录不同（自此行起）：按事项编号对应，结果不受影响",
            reordered_at,
            columns["id"],
        )
    for item in catalog.items:
        res = rows.get(item.id)
        if res is None:
            reader.at_item(
                GI003.code,
                item,
                f"事项 {item.id}（{'/'.join(item.matter)}）在检查表 {reader.display} 中没有行"
                "（被删除？），按未检查计",
            )
            res = ItemResult(item.id, item.first_level, "/".join(item.matter[1:]), None)
            responsible_unit(res, item)
        result.items.append(res)


def _date(
    grid: Any, row: int, columns: dict[str, int], key: str, reader: _Reader
) -> dt.date | None:
    value = _cell(grid, row, columns, key)
    if value is None or _text(value) == "":
        return None
    parsed = date_from_cell(value)
    if parsed is None:
        reader.add(
            GI005.code,
            f"{layout.inspection_column(key).header}“{_text(value)}”不是日期，请写成 2025-10-31",
            row,
            columns[key],
        )
    return parsed


def _read_item(
    grid: Any,
    row: int,
    columns: dict[str, int],
    item: Item,
    calendar: WorkdayCalendar,
    today: dt.date,
    reader: _Reader,
) -> ItemResult:
    res = ItemResult(item.id, item.first_level, "/".join(item.matter[1:]), row)
    written = _text(_cell(grid, row, columns, "matter1"))
    if written and written != item.first_level:
        reader.add(
            GI008.code,
            f"这一行的一级事项写的是“{written}”，目录中事项 {item.id} 的是“{item.first_level}”："
            "事项编号可能填错，请核对",
            row,
            columns["matter1"],
        )

    # The verdict names the column a finding is about; a sheet without that column
    # gets the finding at the row's 事项编号 cell.
    def report(code: str, message: str, key: str) -> None:
        reader.add(code, message, row, columns.get(key, columns["id"]))

    res.published = answer(res, "published", _text(_cell(grid, row, columns, "published")), report)
    res.timely = answer(res, "timely", _text(_cell(grid, row, columns, "timely")), report)
    res.complete = answer(res, "complete", _text(_cell(grid, row, columns, "complete")), report)
    res.channels_ok = answer(
        res, "channels_ok", _text(_cell(grid, row, columns, "channels_ok")), report
    )
    res.formed = _date(grid, row, columns, "formed", reader)
    res.published_on = _date(grid, row, columns, "published_on", reader)
    res.fix_by = _date(grid, row, columns, "fix_by", reader)
    res.evidence = _text(_cell(grid, row, columns, "evidence"))
    res.problem = _text(_cell(grid, row, columns, "problem"))
    res.unit = _text(_cell(grid, row, columns, "unit"))
    responsible_unit(res, item)
    judge(res, item, calendar, today, report)
    return res
