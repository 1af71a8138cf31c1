"""The 检查表 sheet of the export: one row per item for the inspector to fill in.

What the catalog says of each item (事项编号, 一级事项, 公开方式, 公开时限 …), then the
input columns: the four questions as 是/否/不适用 dropdowns (a 否 turns red), dates
checked as dates, evidence, problems and who fixes them. ``govopen inspect`` reads
it back (:mod:`.inspection`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govopen_cli.catalog.deadline import publishing_limit
from govopen_cli.catalog.model import Catalog, Deadline, Item
from govopen_cli.excel import layout
from govopen_cli.excel.sheet import column_letter
from govopen_cli.excel.writer import SheetWriter, red_when
from govopen_cli.inspection.result import ANSWERS, QUESTIONS

INSPECTION_FIRST_ROW = 3


def matter_text(item: Item) -> str:
    """公开事项 below the 一级事项, for one-line displays."""
    rest = item.matter[1:] or item.matter[:1]
    return " / ".join(rest)


def write_inspection_sheet(wb: Any, catalog: Catalog, tick: Callable[[], None]) -> None:
    """The 检查表 sheet: the catalog's facts per item, then the input columns, validated."""
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = layout.INSPECTION_COLUMNS
    sheet = SheetWriter(wb, layout.SHEET_INSPECTION, [c.width for c in columns])
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
    keys = [c.key for c in columns]
    facts = ("seq", "id", "matter1", "matter", "mode", "deadline", "department")
    styles = [
        ("center" if c.kind in ("seq", "id") else "text")
        if c.key in facts
        else {"dropdown": "input", "date": "input-date"}.get(c.kind, "input-text")
        for c in columns
    ]
    at = {key: keys.index(key) for key in facts if key in keys}
    blank: list[Any] = [None] * len(columns)  # the input columns stay empty
    for n, item in enumerate(catalog.items):
        deadline = item.deadline.text
        stated = item.deadline.days, item.deadline.unit
        in_text = publishing_limit(Deadline(text=deadline))
        if stated[0] is not None and (in_text is None or (in_text.days, in_text.unit) != stated):
            # The count is stated outside the wording: show it to the inspector.
            deadline = f"{deadline}（{stated[0]}个{stated[1]}）"
        fact = {
            "seq": n + 1,
            "id": item.id,
            "matter1": item.first_level,
            "matter": matter_text(item),
            "mode": "、".join(item.mode),
            "deadline": deadline,
            "department": item.department,
        }
        values = blank.copy()
        for key, i in at.items():
            values[i] = fact[key]
        sheet.append_values(values, styles)
        tick()
    last = sheet.row
    if last < first:
        return
    sheet.ws.auto_filter.ref = f"A{first - 1}:{column_letter(sheet.ncols)}{last}"
    questions = list(QUESTIONS)  # the dropdown columns, side by side
    drop_first = column_letter(keys.index(questions[0]) + 1)
    drop_last = column_letter(keys.index(questions[-1]) + 1)
    drop_range = f"{drop_first}{first}:{drop_last}{last}"
    choices = DataValidation(
        type="list",
        formula1='"' + ",".join(ANSWERS) + '"',
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
    red_when(sheet, drop_range, "否")
