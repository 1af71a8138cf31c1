"""``govopen check -f html``: the findings as the same kind of page as the public catalog.

One ``<tbody>`` per file, its name a ``<th scope="rowgroup">`` over its findings; the
page is one file with its stylesheet and script inside.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from govopen_cli.diagnostics import Diagnostic, Report
from govopen_cli.publish.page import Page, esc, page_html

HEADERS = ("文件", "行", "列", "编号", "级别", "说明")


def _row(diag: Diagnostic, group: str) -> str:
    waived = f"（已豁免：{diag.waiver_reason}）" if diag.waived else ""
    severity = diag.severity.label
    return (
        "<tr>"
        + group
        + f'<td class="num" data-label="行">{diag.line}</td>'
        + f'<td class="num" data-label="列">{diag.column}</td>'
        + f'<td data-label="编号">{esc(diag.code)}</td>'
        + f'<td data-label="级别"><span class="sev-{esc(severity)}">{esc(diag.severity.zh)}</span></td>'
        + f'<td data-label="说明">{esc(diag.message + waived)}</td>'
        + "</tr>"
    )


def findings_table(report: Report, *, show_waived: bool = False) -> str:
    """The ``<table>`` of the findings, one row group per file."""
    shown = [d for d in report.sorted() if show_waived or not d.waived]
    bodies = []
    for file, group in groupby(shown, key=lambda d: d.file):
        diags = list(group)
        rows = [
            _row(
                d,
                f'<th scope="rowgroup" rowspan="{len(diags)}" data-group>{esc(file)}</th>'
                if i == 0
                else "",
            )
            for i, d in enumerate(diags)
        ]
        bodies.append("<tbody>" + "".join(rows) + "</tbody>")
    if not bodies:
        bodies.append(f'<tbody><tr><td colspan="{len(HEADERS)}">没有发现问题。</td></tr></tbody>')
    head = "".join(f'<th scope="col">{h}</th>' for h in HEADERS)
    return (
        f"<table data-searchable><caption>{esc(report.summary())}</caption>"
        f"<thead><tr>{head}</tr></thead>" + "\n".join(bodies) + "</table>"
    )


def findings_page(report: Report, *, date: dt.date, show_waived: bool = False) -> str:
    """The whole page (one file: stylesheet and script inline)."""
    files = "、".join(report.files[:5]) + (" 等" if len(report.files) > 5 else "")
    return page_html(
        Page(
            title="政务公开目录检查结果",
            agency=files or "govopen check",
            date=f"检查日期：{date.isoformat()}",
            table=findings_table(report, show_waived=show_waived),
            meta=(report.summary(),),
            search_label="搜索问题",
            search_hint="如：GO201、公开时限、文件名",
        ),
        inline=True,
    )
