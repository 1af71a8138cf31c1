"""The 覆盖情况 sheet of the export: each 三定 duty, its status and the items that cover it."""

from __future__ import annotations

from typing import Any

from govopen_cli.checks.coverage import CoverageTable
from govopen_cli.excel import layout
from govopen_cli.excel.writer import SheetWriter, red_when


def write_coverage_sheet(wb: Any, coverage: CoverageTable) -> int:
    """The 覆盖情况 sheet; the number of its last row (for 汇总's formulas)."""
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
    sheet = SheetWriter(wb, layout.SHEET_COVERAGE, [w for _, w in headers])
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
        red_when(sheet, f"D3:D{sheet.row}", "缺失")
    return sheet.row
