"""The workbook of ``govopen diff -f xlsx``: sheet 变更 (one row per change) and 概况.

Cells are written as :mod:`.writer` writes them: control characters dropped, and text
that Excel would take for a formula kept as text.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from govopen_cli.diagnostics import Severity
from govopen_cli.diff.change import Change
from govopen_cli.diff.compare import CatalogDiff
from govopen_cli.diff.fields import value_text
from govopen_cli.excel.writer import clean_text, looks_like_formula

HEADERS = ("编号", "级别", "事项编号", "一级事项", "字段", "原值", "新值", "说明", "位置")
_WIDTHS = (9, 7, 12, 16, 16, 40, 40, 60, 36)
_WRAPPED = {"原值", "新值", "说明"}


def _append_texts(sheet: Any, values: Iterable[object]) -> None:
    """Append a row, keeping text as text (never a formula) and dropping control characters."""
    sheet.append([clean_text(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if looks_like_formula(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True  # Excel keeps it text when the cell is edited, too


def _change_row(change: Change) -> tuple[str, ...]:
    return (
        change.code,
        change.severity.zh,
        change.item_id,
        change.first_level,
        change.field_label,
        "" if change.old is None else value_text(change.old),
        "" if change.new is None else value_text(change.new),
        change.message,
        change.where,
    )


def diff_workbook(diff: CatalogDiff, *, coverage_line: str = "") -> bytes:
    """A workbook an inspector can filter: sheet 变更 (one row per change), sheet 概况.

    ``coverage_line`` is the 三定覆盖 summary shown in 概况 when the diff has coverage.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "变更"
    _append_texts(sheet, HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for change in diff.changes:
        _append_texts(sheet, _change_row(change))
    for index, (header, width) in enumerate(zip(HEADERS, _WIDTHS, strict=True), 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        if header in _WRAPPED:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(HEADERS))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(diff.changes) + 1)}"

    summary = book.create_sheet("概况")
    rows: list[tuple[str, object]] = [
        ("旧目录", diff.old),
        ("新目录", diff.new),
        ("新增事项", len(diff.added)),
        ("删除事项", len(diff.removed)),
        ("改编号", len(diff.renamed)),
        ("移动", len(diff.moved)),
        ("修改事项", len(diff.modified)),
        ("目录信息改动", len(diff.header)),
        ("警告", diff.count(Severity.WARNING)),
        ("提示", diff.count(Severity.INFO)),
    ]
    if diff.coverage is not None:
        rows.append(("三定覆盖", coverage_line))
    _append_texts(summary, ("项目", "内容"))
    for cell in summary[1]:
        cell.font = Font(bold=True)
    for label, value in rows:
        _append_texts(summary, (label, value))
    summary.column_dimensions["A"].width = 14
    summary.column_dimensions["B"].width = 80

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
