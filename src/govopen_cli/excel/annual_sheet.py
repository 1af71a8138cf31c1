"""The workbook of ``govopen requests report -f xlsx``: the 年度报告 table in its official layout.

国办公开办函〔2021〕30号 layout: merged header and row-label cells, borders; printed as
:func:`.writer.print_setup` prints govopen's sheets, with each column's 勾稽关系 under
the table. Text from the ledger (request numbers in the reasons) is written as
:mod:`.writer` writes text: control characters dropped, never a formula.
"""

from __future__ import annotations

import io
from typing import Any

from govopen_cli.excel.sheet import column_letter
from govopen_cli.excel.writer import clean_text, looks_like_formula, print_setup, row_height
from govopen_cli.requests.annual_report import (
    COLUMNS,
    IDENTITY_NOTE,
    ROWS,
    AnnualTable,
    column_name,
    identity_checks,
)
from govopen_cli.requests.ledger_values import ORGANISATION_KINDS


def annual_workbook(table: AnnualTable) -> bytes:
    """A workbook with the official layout: merged header and label cells, borders,
    printed like the export workbook, and each column's 勾稽关系 under the table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "依申请公开情况"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    bold = Font(bold=True)
    last_col = 3 + len(COLUMNS)

    ws.cell(1, 1, table.title).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    ws.cell(1, 1).alignment = center

    ws.cell(2, 1, IDENTITY_NOTE)
    ws.merge_cells("A2:C4")
    ws.cell(2, 4, "申请人情况")
    ws.merge_cells(start_row=2, start_column=4, end_row=2, end_column=last_col)
    ws.cell(3, 4, "自然人")
    ws.merge_cells("D3:D4")
    ws.cell(3, 5, "法人或其他组织")
    ws.merge_cells(start_row=3, start_column=5, end_row=3, end_column=9)
    for i, kind in enumerate(ORGANISATION_KINDS):
        ws.cell(4, 5 + i, kind)
    ws.cell(3, last_col, "总计")
    ws.merge_cells(start_row=3, start_column=last_col, end_row=4, end_column=last_col)

    widths = {"A": 14, "B": 16, "C": 44, "D": 8, "E": 10, "F": 10, "G": 14, "H": 14, "I": 8}
    first_data = 5
    section_start: dict[str, int] = {}
    category_span: dict[str, list[int]] = {}
    for offset, row in enumerate(ROWS):
        r = first_data + offset
        for i, value in enumerate(table.counts[row.key]):
            ws.cell(r, 4 + i, value).alignment = center
        if row.section != "三":
            ws.cell(r, 1, row.full_label)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
            continue
        section_start.setdefault("三", r)
        if row.category and row.number.isdigit():
            category_span.setdefault(row.category, []).append(r)
            ws.cell(r, 3, row.full_label)
            # the long 其他处理 labels wrap: give the row their lines when printed
            ws.row_dimensions[r].height = row_height([(row.full_label, widths["C"])])
        else:
            ws.cell(r, 2, row.full_label)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
    three = [first_data + i for i, row in enumerate(ROWS) if row.section == "三"]
    ws.cell(three[0], 1, f"三、{ROWS[2].section_label}")
    ws.merge_cells(start_row=three[0], start_column=1, end_row=three[-1], end_column=1)
    for category, rows in category_span.items():
        label = next(r.category_label for r in ROWS if r.category == category)
        ws.cell(rows[0], 2, f"{category}{label}")
        ws.merge_cells(start_row=rows[0], start_column=2, end_row=rows[-1], end_column=2)

    last_row = first_data + len(ROWS) - 1
    for row_cells in ws.iter_rows(min_row=2, max_row=last_row, max_col=last_col):
        for cell in row_cells:
            cell.border = border
            if cell.column <= 3 and cell.row >= first_data:
                cell.alignment = left
            elif cell.row < first_data:
                cell.alignment = center
                cell.font = bold
    ws.cell(three[0], 1).alignment = center
    for rows in category_span.values():
        ws.cell(rows[0], 2).alignment = center
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    ws.column_dimensions[column_letter(last_col)].width = 8
    ws.row_dimensions[2].height = 30
    _write_identity(ws, table, last_row + 2, last_col, border)
    print_setup(ws, title=table.title, title_rows="2:4")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _write_identity(ws: Any, table: AnnualTable, first: int, last_col: int, border: Any) -> None:
    """The 勾稽关系 of each column under the table: the sums, 相符 or not, and why not."""
    from openpyxl.styles import Alignment, Font

    failing = table.failing_columns
    rule = "勾稽关系核对（第一项加第二项之和，等于第三项加第四项之和）"
    verdict = (
        "各列均相符。"
        if not failing
        else f"{'、'.join(column_name(c) for c in failing)} 列不相符，原因见下表。"
    )
    ws.cell(first, 1, f"{rule}：{verdict}{table.short_note}").font = Font(bold=True)
    ws.merge_cells(start_row=first, start_column=1, end_row=first, end_column=last_col)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    heads = ((1, "列"), (4, "一 + 二"), (5, "三（七）+ 四"), (6, "结果"), (7, "不相符的原因"))
    for col, text in heads:
        ws.cell(first + 1, col, text).font = Font(bold=True)
    ws.row_dimensions[first + 1].height = 30
    for offset, check in enumerate(identity_checks(table), 2):
        r = first + offset
        reasons = check.reasons()
        values = (
            (1, column_name(check.column)),
            (4, check.left),
            (5, check.right),
            (6, "相符" if check.holds else "不相符"),
            (7, clean_text(reasons) or None),
        )
        for col, value in values:
            cell = ws.cell(r, col, value)
            if looks_like_formula(value):
                cell.data_type = "s"
        if not check.holds:
            ws.cell(r, 6).font = Font(bold=True, color="C00000")
        ws.row_dimensions[r].height = row_height([(reasons, 44.0)])
    last = first + 1 + len(COLUMNS)
    for r in range(first + 1, last + 1):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
        ws.merge_cells(start_row=r, start_column=7, end_row=r, end_column=last_col)
        for c in range(1, last_col + 1):
            cell = ws.cell(r, c)
            cell.border = border
            cell.alignment = left if c in (1, 7) and r > first + 1 else center
