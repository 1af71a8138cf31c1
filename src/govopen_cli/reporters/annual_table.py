"""Renderers of the 年度报告 table: text (aligned), Markdown, JSON and xlsx.

Each keeps the rows and columns of the official layout (国办公开办函〔2021〕30号):
the xlsx has its merged header and row-label cells, Markdown shows merged cells as
blanks, text indents the row labels under their headings. The xlsx workbook is
built by :mod:`govopen_cli.excel.annual_sheet`.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from govopen_cli.reporters import ANNUAL_TABLE, RenderOptions, register
from govopen_cli.requests.annual_report import (
    COLUMNS,
    ROWS,
    TITLE,
    AnnualTable,
    TableRow,
)
from govopen_cli.requests.ledger_values import ORGANISATION_KINDS


def display_width(text: str) -> int:
    """Columns a text takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def _identity_line(table: AnnualTable) -> str:
    failing = table.failing_columns
    rule = "勾稽关系（第一项加第二项之和，等于第三项加第四项之和）"
    short = f"\n{table.short_note}" if table.short_note else ""
    if not failing:
        return f"{rule}：各列均相符。{short}"
    return f"{rule}：{'、'.join(failing)} 列不相符，见诊断信息。{short}"


def _text_lines(table: AnnualTable) -> list[tuple[str, TableRow | None]]:
    """(indented label, row) in order, with heading lines (row None) for 三 and categories."""
    lines: list[tuple[str, TableRow | None]] = []
    seen_section = ""
    seen_category = ""
    for row in ROWS:
        if row.section == "三" and seen_section != "三":
            lines.append((f"三、{row.section_label}", None))
        seen_section = row.section
        if row.category and row.number.isdigit():
            if row.category != seen_category:
                lines.append((f"  {row.category}{row.category_label}", None))
            seen_category = row.category
            lines.append((f"    {row.full_label}", row))
        elif row.category:
            seen_category = row.category
            lines.append((f"  {row.full_label}", row))
        else:
            lines.append((row.full_label, row))
    return lines


@register(ANNUAL_TABLE, "text")
def render_table_text(table: AnnualTable, options: RenderOptions | None = None) -> str:
    """An aligned plain-text table for the terminal."""
    lines = _text_lines(table)
    label_width = max(display_width(label) for label, _ in lines) + 2
    widths = [max(display_width(c), 4) for c in COLUMNS]
    org_start = sum(w + 2 for w in widths[:1])
    org_width = sum(w + 2 for w in widths[1:6]) - 2
    head1 = (
        " " * label_width
        + _pad("自然人", widths[0])
        + "  "
        + _pad("法人或其他组织", org_width)
        + "  "
        + _pad("总计", widths[6])
    )
    head2 = " " * (label_width + org_start) + "  ".join(
        _pad(k, w) for k, w in zip(ORGANISATION_KINDS, widths[1:6], strict=True)
    )
    out = [table.title, "", head1.rstrip(), head2.rstrip()]
    for label, row in lines:
        if row is None:
            out.append(label)
            continue
        values = "  ".join(
            _pad(str(v), w, right=True) for v, w in zip(table.counts[row.key], widths, strict=True)
        )
        out.append(_pad(label, label_width) + values)
    out.append("")
    out.append(_identity_line(table))
    return "\n".join(out) + "\n"


def _markdown_labels(row: TableRow, first_of_section: bool, first_of_category: bool) -> list[str]:
    if row.section != "三":
        return [row.full_label, "", ""]
    a = f"三、{row.section_label}" if first_of_section else ""
    if row.category and row.number.isdigit():
        b = f"{row.category}{row.category_label}" if first_of_category else ""
        return [a, b, row.full_label]
    return [a, row.full_label, ""]


@register(ANNUAL_TABLE, "markdown")
def render_table_markdown(table: AnnualTable, options: RenderOptions | None = None) -> str:
    """A GitHub-flavoured Markdown table; merged cells of the official layout are blank."""
    headers = ["项目", "", "", "自然人"]
    headers += [f"法人或其他组织<br>{k}" for k in ORGANISATION_KINDS]
    headers.append("总计")
    out = [f"**{table.title}**", "", "| " + " | ".join(headers) + " |"]
    out.append("| " + " | ".join(["---"] * 3 + ["---:"] * len(COLUMNS)) + " |")
    seen_section = ""
    seen_category = ""
    for row in ROWS:
        labels = _markdown_labels(row, row.section != seen_section, row.category != seen_category)
        seen_section, seen_category = row.section, row.category
        cells = labels + [str(v) for v in table.counts[row.key]]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    out.append(_identity_line(table))
    return "\n".join(out) + "\n"


def table_to_dict(table: AnnualTable) -> dict[str, Any]:
    """The table as data: columns, rows with their official numbering, and the identity."""
    return {
        "title": TITLE,
        "year": table.year,
        "columns": list(COLUMNS),
        "rows": [
            {
                "key": row.key,
                "section": row.section,
                "category": row.category,
                "number": row.number,
                "label": row.full_label,
                "values": list(table.counts[row.key]),
            }
            for row in ROWS
        ],
        "identity": {
            "holds": not table.failing_columns,
            "failing_columns": table.failing_columns,
            "uncounted": [r.number or r.label for r in table.uncounted],
        },
    }


@register(ANNUAL_TABLE, "json")
def render_table_json(table: AnnualTable, options: RenderOptions | None = None) -> str:
    """JSON, UTF-8 not escaped."""
    return json.dumps(table_to_dict(table), ensure_ascii=False, indent=2) + "\n"


@register(ANNUAL_TABLE, "xlsx", binary=True)
def render_table_xlsx(table: AnnualTable, options: RenderOptions | None = None) -> bytes:
    """A workbook with the official layout (built by :mod:`govopen_cli.excel.annual_sheet`)."""
    from govopen_cli.excel.annual_sheet import annual_workbook

    return annual_workbook(table)
