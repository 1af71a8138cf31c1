"""``govopen summary``: the province's table as text, JSON, Markdown, a workbook or a page.

Registered as the ``summary`` kind of :mod:`govopen_cli.reporters`: it renders a
:class:`~govopen_cli.summary.table.Summary`.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

from govopen_cli.publish.summary_page import HEADERS, NONE, cells, number, percent, summary_page
from govopen_cli.reporters import SUMMARY, RenderOptions, register
from govopen_cli.reporters.markdown import escape_cell
from govopen_cli.summary.table import Summary

SUMMARY_FORMATS = ("text", "json", "markdown", "xlsx", "html")
BINARY_FORMATS = ("xlsx",)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _total_cells(summary: Summary) -> list[str]:
    t = summary.totals()
    return [
        f"合计（{t['agencies']} 个机构）",
        NONE,
        NONE,
        str(t["items"]),
        str(t["errors"]),
        str(t["warnings"]),
        percent(t["coverage"]),
        number(t["missing"]),
        number(t["weakened"]),
        NONE,
        "",
    ]


def _table(summary: Summary) -> list[list[str]]:
    return [[r.agency, *cells(r), r.file] for r in summary.rows]


def render_text(summary: Summary) -> str:
    """An aligned table, worst first, with the totals and any unreadable file."""
    rows = [[*HEADERS, "文件"], *_table(summary), _total_cells(summary)]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(_pad(c, widths[i]) for i, c in enumerate(r)).rstrip() for r in rows]
    lines.insert(1, "  ".join("─" * w for w in widths))
    lines.insert(len(lines) - 1, "  ".join("─" * w for w in widths))
    for diag in summary.unreadable:
        lines.append(f"无法读取：{diag.where}: {diag.code} {diag.message}")
    lines.append(
        "对照标准目录：" + (summary.guide or "未对照（用 --guide 或 govopen.toml 的 guide 指定）")
    )
    return "\n".join(lines) + "\n"


def render_markdown(summary: Summary) -> str:
    """A Markdown table with a totals row."""
    headers = [*HEADERS, "文件"]
    out = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    for row in [*_table(summary), _total_cells(summary)]:
        out.append("| " + " | ".join(escape_cell(c) for c in row) + " |")
    return "\n".join(out) + "\n"


def render_workbook(summary: Summary) -> bytes:
    """Sheet 汇总 (one row per agency, totals last) a provincial office can send round."""
    from govopen_cli.excel.table_book import Table, table_workbook

    def value(text: str) -> str | int:
        return int(text) if text.isdigit() else text

    rows = [[value(c) for c in r] for r in _table(summary)]
    rows.append([value(c) for c in _total_cells(summary)])
    return table_workbook(
        [Table("汇总", (*HEADERS, "文件"), rows, (24, 6, 6, 6, 6, 6, 9, 12, 12, 10, 40))]
    )


def render_summary(summary: Summary, fmt: str, *, date: dt.date | None = None) -> str | bytes:
    """``summary`` in ``fmt`` (one of :data:`SUMMARY_FORMATS`)."""
    if fmt == "json":
        return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return render_markdown(summary)
    if fmt == "xlsx":
        return render_workbook(summary)
    if fmt == "html":
        return summary_page(summary, date=date or dt.date.today())
    return render_text(summary)


for _name in SUMMARY_FORMATS:

    def _render(result: Summary, options: RenderOptions, _fmt: str = _name) -> str | bytes:
        return render_summary(result, _fmt)

    register(SUMMARY, _name, binary=_name in BINARY_FORMATS)(_render)
