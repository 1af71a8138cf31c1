"""Renderers of the 年度报告 table: text (aligned), Markdown, JSON and xlsx.

Each keeps the rows and columns of the official layout (国办公开办函〔2021〕30号):
the xlsx has its merged header and row-label cells, Markdown shows merged cells as
blanks, text indents the row labels under their headings.
"""

from __future__ import annotations

import io
import json
import unicodedata
from typing import Any

from govopen_cli.annual_report import (
    COLUMNS,
    IDENTITY_NOTE,
    ROWS,
    TITLE,
    AnnualTable,
    TableRow,
    column_name,
    identity_checks,
)
from govopen_cli.ledger import ORGANISATION_KINDS

#: ``--format`` names of ``govopen requests report``; xlsx is binary.
TABLE_FORMATS = ("text", "markdown", "json", "xlsx")


def display_width(text: str) -> int:
    """Columns a text takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def _title(table: AnnualTable) -> str:
    return f"{TITLE}（{table.year} 年度）"


def _identity_line(table: AnnualTable) -> str:
    failing = table.failing_columns
    rule = "勾稽关系（第一项加第二项之和，等于第三项加第四项之和）"
    if not failing:
        return f"{rule}：各列均相符。"
    return f"{rule}：{'、'.join(failing)} 列不相符，见诊断信息。"


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


def render_table_text(table: AnnualTable) -> str:
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
    out = [_title(table), "", head1.rstrip(), head2.rstrip()]
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


def render_table_markdown(table: AnnualTable) -> str:
    """A GitHub-flavoured Markdown table; merged cells of the official layout are blank."""
    headers = ["项目", "", "", "自然人"]
    headers += [f"法人或其他组织<br>{k}" for k in ORGANISATION_KINDS]
    headers.append("总计")
    out = [f"**{_title(table)}**", "", "| " + " | ".join(headers) + " |"]
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
        },
    }


def render_table_json(table: AnnualTable) -> str:
    """JSON, UTF-8 not escaped."""
    return json.dumps(table_to_dict(table), ensure_ascii=False, indent=2) + "\n"


def render_table_xlsx(table: AnnualTable) -> bytes:
    """A workbook with the official layout: merged header and label cells, borders."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side

    from govopen_cli.excel.writer import print_setup, row_height

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "依申请公开情况"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    bold = Font(bold=True)
    last_col = 3 + len(COLUMNS)

    ws.cell(1, 1, _title(table)).font = Font(bold=True, size=14)
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
    ws.column_dimensions[openpyxl.utils.get_column_letter(last_col)].width = 8
    ws.row_dimensions[2].height = 30
    _write_identity(ws, table, last_row + 2, last_col, border)
    print_setup(ws, title=_title(table), title_rows="2:4")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _write_identity(ws: Any, table: AnnualTable, first: int, last_col: int, border: Any) -> None:
    """The 勾稽关系 of each column under the table: the sums, 相符 or not, and why not."""
    from openpyxl.styles import Alignment, Font

    from govopen_cli.excel.writer import row_height

    failing = table.failing_columns
    rule = "勾稽关系核对（第一项加第二项之和，等于第三项加第四项之和）"
    verdict = (
        "各列均相符。"
        if not failing
        else f"{'、'.join(column_name(c) for c in failing)} 列不相符，原因见下表。"
    )
    ws.cell(first, 1, f"{rule}：{verdict}").font = Font(bold=True)
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
            (7, reasons or None),
        )
        for col, value in values:
            ws.cell(r, col, value)
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


def render_table(table: AnnualTable, fmt: str) -> str | bytes:
    """The table in ``fmt`` (one of :data:`TABLE_FORMATS`)."""
    if fmt == "text":
        return render_table_text(table)
    if fmt == "markdown":
        return render_table_markdown(table)
    if fmt == "json":
        return render_table_json(table)
    if fmt == "xlsx":
        return render_table_xlsx(table)
    raise ValueError(f"unknown table format {fmt!r}")
