"""The workbook of ``govopen diff -f xlsx``: sheet 变更 (one row per change) and 概况.

Cells are written as :mod:`.writer` writes them: control characters dropped, and text
that Excel would take for a formula kept as text. Printed like the export
(:func:`.writer.print_setup`: landscape, fit to the page width, the header row on every
page); every cell wraps and each row is as tall as its text.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from govopen_cli.diagnostics import Severity
from govopen_cli.diff.change import Change
from govopen_cli.diff.compare import CatalogDiff
from govopen_cli.diff.fields import value_text
from govopen_cli.excel.writer import (
    clean_text,
    looks_like_formula,
    print_setup,
    row_height,
    widths_to_show,
)

HEADERS = ("编号", "级别", "事项编号", "一级事项", "字段", "原值", "新值", "说明", "位置")
_WIDTHS = (8, 6, 10, 12, 12, 32, 32, 40, 24)
_SUMMARY_WIDTHS = (14, 80)


def _append_texts(sheet: Any, values: Iterable[object], widths: Sequence[float]) -> None:
    """Append a row, keeping text as text (never a formula) and dropping control
    characters; every cell wraps, and the row is as tall as its text (at most 409 pt)."""
    from openpyxl.styles import Alignment

    sheet.append([clean_text(v) if isinstance(v, str) else v for v in values])
    row = sheet.max_row
    wrap = Alignment(wrap_text=True, vertical="top", horizontal="left")
    texts = []
    for cell, width in zip(sheet[row], widths, strict=False):
        cell.alignment = wrap
        if looks_like_formula(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True  # Excel keeps it text when the cell is edited, too
        if isinstance(cell.value, str):
            texts.append((cell.value, width))
    sheet.row_dimensions[row].height = row_height(texts)


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


#: Total column width (characters) above which the 变更 sheet is laid out for A3 paper.
A3_WIDTH = 200


def diff_workbook(diff: CatalogDiff, *, coverage_line: str = "") -> bytes:
    """A workbook an inspector can filter: sheet 变更 (one row per change), sheet 概况.

    ``coverage_line`` is the 三定覆盖 summary shown in 概况 when the diff has coverage.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "变更"
    rows = [_change_row(change) for change in diff.changes]
    widths = widths_to_show(_WIDTHS, rows)
    _append_texts(sheet, HEADERS, widths)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row in rows:
        _append_texts(sheet, row, widths)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(HEADERS))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(diff.changes) + 1)}"
    title = f"目录变更：{diff.old} → {diff.new}"
    print_setup(sheet, title=title, wide=sum(widths) > A3_WIDTH, title_rows="1:1")

    summary = book.create_sheet("概况")
    facts: list[tuple[str, object]] = [
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
        facts.append(("三定覆盖", coverage_line))
    _append_texts(summary, ("项目", "内容"), _SUMMARY_WIDTHS)
    for cell in summary[1]:
        cell.font = Font(bold=True)
    for label, value in facts:
        _append_texts(summary, (label, value), _SUMMARY_WIDTHS)
    summary.column_dimensions["A"].width = _SUMMARY_WIDTHS[0]
    summary.column_dimensions["B"].width = _SUMMARY_WIDTHS[1]
    print_setup(summary, title=title)

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
