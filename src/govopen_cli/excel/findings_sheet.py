"""The 问题清单 sheet of the export: the findings of ``govopen check``, one per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govopen_cli.catalog.model import Catalog
from govopen_cli.catalog.pointer import split_pointer
from govopen_cli.diagnostics import Diagnostic
from govopen_cli.excel import layout
from govopen_cli.excel.writer import SheetWriter


def _item_id_for(diag: Diagnostic, catalog: Catalog) -> str:
    if diag.file != catalog.display or not diag.path.startswith("/items/"):
        return ""
    tokens = split_pointer(diag.path)
    if len(tokens) > 1 and tokens[1].isdigit():
        index = int(tokens[1])
        if index < len(catalog.items):
            return catalog.items[index].id
    return ""


def write_findings_sheet(wb: Any, catalog: Catalog, diagnostics: Sequence[Diagnostic]) -> int:
    """The 问题清单 sheet; the last row of its table (for 汇总's formulas)."""
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
    sheet = SheetWriter(wb, layout.SHEET_FINDINGS, [w for _, w in headers])
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
