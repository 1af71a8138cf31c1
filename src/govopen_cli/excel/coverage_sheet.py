"""The 覆盖情况 sheet of the export: each 三定 duty, its status and the items that cover it.

A duty covered by several items takes one row per item, so that each 公开事项编号 stands
on the same row as its 公开事项 however either wraps; the duty's own cells (编号, 职责,
承担机构, 覆盖状态, 不予公开理由和依据) are merged down over its rows. Only the first of
those rows holds the duty's values, so 汇总's COUNTA and COUNTIF count each duty once.
"""

from __future__ import annotations

from typing import Any

from govopen_cli.checks.coverage import CoverageTable
from govopen_cli.excel import layout
from govopen_cli.excel.sheet import column_letter
from govopen_cli.excel.writer import MAX_ROW_HEIGHT, SheetWriter, red_when, row_height

HEADERS = (
    ("职责编号", 8),
    ("三定职责", 50),
    ("承担机构", 14),
    ("覆盖状态", 9),
    ("公开事项编号", 12),
    ("公开事项", 28),
    ("不予公开理由", 18),
    ("不予公开依据", 24),
)
#: The columns of the duty itself (1-based), merged over the rows of its items.
DUTY_COLUMNS = (1, 2, 3, 4, 7, 8)


def write_coverage_sheet(wb: Any, coverage: CoverageTable) -> int:
    """The 覆盖情况 sheet; the number of its last row (for 汇总's formulas)."""
    widths = [w for _, w in HEADERS]
    sheet = SheetWriter(wb, layout.SHEET_COVERAGE, widths)
    sheet.setup(title="三定职责覆盖情况", wide=False, title_rows="2:2", freeze="A3")
    source = coverage.dutymap.source or coverage.dutymap.display
    sheet.title_row(f"三定职责覆盖情况（{source}）", 28)
    sheet.header_row(h for h, _ in HEADERS)
    units = {u.id: u.name for u in coverage.dutymap.units}
    by_id = {it.id: it for it in coverage.catalog.items}
    for entry in coverage.rows:
        duty = entry.duty
        exempt = duty.exempt
        duty_texts = (
            duty.id,
            duty.text,
            "、".join(units.get(u, u) for u in duty.units),
            entry.status_zh,
            exempt.reason if exempt else "",
            exempt.basis if exempt else "",
        )
        covering = [
            (item_id, "/".join(by_id[item_id].matter) if item_id in by_id else "")
            for item_id in entry.items
        ] or [("", "")]
        heights = [row_height([(i, widths[4]), (m, widths[5])]) for i, m in covering]
        need = row_height(
            [(t, widths[c - 1]) for c, t in zip(DUTY_COLUMNS, duty_texts, strict=True)]
        )
        extra = max(0.0, need - sum(heights)) / len(heights)
        first = sheet.row + 1
        for n, ((item_id, matter), height) in enumerate(zip(covering, heights, strict=True)):
            duty_cells = dict(zip(DUTY_COLUMNS, duty_texts, strict=True)) if n == 0 else {}
            cells = [
                sheet.cell(duty_cells.get(1) or None, "center"),
                sheet.cell(duty_cells.get(2) or None),
                sheet.cell(duty_cells.get(3) or None),
                sheet.cell(duty_cells.get(4) or None, "center"),
                sheet.cell(item_id or None),
                sheet.cell(matter or None),
                sheet.cell(duty_cells.get(7) or None),
                sheet.cell(duty_cells.get(8) or None),
            ]
            sheet.append(cells, min(MAX_ROW_HEIGHT, height + extra))
        if sheet.row > first:
            for col in DUTY_COLUMNS:
                letter = column_letter(col)
                sheet.merge(f"{letter}{first}:{letter}{sheet.row}")
    if sheet.row >= 3:
        red_when(sheet, f"D3:D{sheet.row}", "缺失")
    return sheet.row
