"""The 三定 coverage table of ``govopen coverage``: text (rich or plain), JSON, Markdown.

Registered for the :data:`~govopen_cli.reporters.COVERAGE` kind: it renders a
:class:`~govopen_cli.checks.coverage_result.CoverageResult`, not a report of findings.
"""

from __future__ import annotations

import io
import json
import unicodedata
from typing import Any

from govopen_cli.checks.coverage import DutyCoverage
from govopen_cli.checks.coverage_result import CoverageResult
from govopen_cli.checks.rules.coverage import catalog_label, excerpt, format_percent
from govopen_cli.reporters import COVERAGE, RenderOptions, register
from govopen_cli.reporters.markdown import escape_cell
from govopen_cli.reporters.text import diagnostic_line

HEADERS = ("职责", "内容", "承担机构", "公开事项", "状态")
NONE = "—"


def figure(result: CoverageResult) -> str:
    """``覆盖率 83.3%：已覆盖 4、不予公开 1、缺失 1，共 6 项职责。`` plus the threshold verdict."""
    table = result.table
    text = (
        f"覆盖率 {format_percent(table.percent)}%：已覆盖 {table.count('covered')}、"
        f"不予公开 {table.count('exempt')}、缺失 {table.count('missing')}，"
        f"共 {len(table.rows)} 项职责。"
    )
    if result.threshold is not None:
        verdict = "达到" if result.passed else "低于"
        text += f"{verdict}要求的 {format_percent(result.threshold)}%。"
    return text


def title(result: CoverageResult) -> str:
    """``三定覆盖：目录 cat.yaml（2025 年），三定映射 sanding.yaml``."""
    return f"三定覆盖：{catalog_label(result.table.catalog)}，三定映射 {result.mapping_file}"


def status_text(row: DutyCoverage) -> str:
    """已覆盖 / 缺失 / 不予公开（reason）."""
    exempt = row.duty.exempt
    if row.status == "exempt" and exempt is not None and exempt.reason:
        return f"{row.status_zh}（{exempt.reason}）"
    return row.status_zh


def _cells(row: DutyCoverage, full_text: bool) -> list[str]:
    duty = row.duty
    return [
        duty.id,
        " ".join(duty.text.split()) if full_text else excerpt(duty.text),
        "、".join(duty.units) or NONE,
        "、".join(row.items) or NONE,
        status_text(row),
    ]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def render_plain(result: CoverageResult) -> str:
    """Aligned columns without colour, for a pipe or a file."""
    rows = [list(HEADERS)] + [_cells(r, full_text=False) for r in result.table.rows]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(HEADERS))]
    lines = [title(result), ""]
    for row in rows:
        lines.append("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
    lines.append("")
    lines += [diagnostic_line(d) for d in result.problems]
    lines.append(figure(result))
    return "\n".join(lines) + "\n"


def render_rich(result: CoverageResult, width: int) -> str:
    """A rich table for a terminal, the status in colour."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    style = {"covered": "green", "exempt": "cyan", "missing": "bold red"}
    table = Table(title=title(result), title_justify="left", show_lines=False)
    for head in HEADERS:
        table.add_column(head, overflow="fold", no_wrap=head == "职责")
    for row in result.table.rows:
        cells = _cells(row, full_text=True)
        table.add_row(*cells[:-1], Text(cells[-1], style=style[row.status]))
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=True, color_system="standard", width=width, highlight=False
    )
    console.print(table)
    for diag in result.problems:
        console.print(Text(diagnostic_line(diag)), soft_wrap=True)
    console.print(Text(figure(result), style="bold" if result.passed else "bold red"))
    return buffer.getvalue()


def coverage_data(result: CoverageResult) -> dict[str, Any]:
    """The JSON document of ``govopen coverage --format json``."""
    table = result.table
    catalog = table.catalog
    duties = []
    for row in table.rows:
        duty = row.duty
        exempt = duty.exempt
        duties.append(
            {
                "id": duty.id,
                "text": duty.text,
                "units": list(duty.units),
                "items": list(row.items),
                "status": row.status,
                "exempt": None
                if exempt is None
                else {"reason": exempt.reason, "basis": exempt.basis},
                "line": table.dutymap.locate(duty.pointer).line,
            }
        )
    return {
        "tool": "govopen",
        "catalog": {"file": result.catalog_file, "id": catalog.id, "year": catalog.year},
        "duties_file": result.mapping_file,
        "coverage": round(table.percent, 1),
        "min_coverage": result.threshold,
        "passed": result.passed,
        "counts": {
            "duties": len(table.rows),
            "covered": table.count("covered"),
            "exempt": table.count("exempt"),
            "missing": table.count("missing"),
        },
        "duties": duties,
        "problems": [d.to_dict() for d in result.problems],
    }


@register(COVERAGE, "text")
def render_text(result: CoverageResult, options: RenderOptions) -> str:
    """The table: rich on a terminal (``options.color``), aligned plain text otherwise."""
    return render_rich(result, options.width) if options.color else render_plain(result)


@register(COVERAGE, "json")
def render_json(result: CoverageResult, options: RenderOptions) -> str:
    """:func:`coverage_data` as JSON, UTF-8 not escaped."""
    return json.dumps(coverage_data(result), ensure_ascii=False, indent=2) + "\n"


@register(COVERAGE, "markdown")
def render_markdown(result: CoverageResult, options: RenderOptions) -> str:
    """A heading, the figure and the table, for a pull-request comment."""
    lines = [
        f"### {escape_cell(title(result))}",
        "",
        escape_cell(figure(result)),
        "",
        "| " + " | ".join(HEADERS) + " |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in result.table.rows:
        cells = [escape_cell(c) for c in _cells(row, full_text=True)]
        if row.status == "missing":
            cells[-1] = f"**{cells[-1]}**"
        lines.append("| " + " | ".join(cells) + " |")
    if result.problems:
        lines += ["", "| 位置 | 规则 | 说明 |", "| --- | --- | --- |"]
        lines += [
            f"| `{escape_cell(f'{d.file}:{d.line}:{d.column}')}` | {escape_cell(d.code)} "
            f"| {escape_cell(d.message)} |"
            for d in result.problems
        ]
    return "\n".join(lines) + "\n"
