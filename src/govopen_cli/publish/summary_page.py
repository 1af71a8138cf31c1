"""``govopen summary -f html``: the province's table as the same kind of page."""

from __future__ import annotations

import datetime as dt

from govopen_cli.publish.page import Page, esc, page_html
from govopen_cli.summary.table import AgencyRow, Summary

HEADERS = (
    "机构",
    "层级",
    "年度",
    "事项",
    "错误",
    "警告",
    "三定覆盖",
    "标准目录缺少",
    "标准目录弱化",
    "较上年变更",
)
NONE = "—"


def percent(value: float | None) -> str:
    """``83.3%`` or ``—``."""
    if value is None:
        return NONE
    text = f"{value:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def number(value: int | None) -> str:
    """The number, or ``—`` when it does not apply."""
    return NONE if value is None else str(value)


def cells(row: AgencyRow) -> list[str]:
    """The row's values after the agency name, as the page and the workbook show them."""
    return [
        row.level or NONE,
        number(row.year),
        str(row.items),
        str(row.errors),
        str(row.warnings),
        percent(row.coverage),
        number(row.missing),
        number(row.weakened),
        number(row.changes),
    ]


def summary_table(summary: Summary) -> str:
    """The ``<table>``: one row per agency, worst first, totals in the footer."""
    head = "".join(f'<th scope="col">{h}</th>' for h in HEADERS)
    rows = []
    for row in summary.rows:
        values = "".join(
            f'<td class="num" data-label="{HEADERS[i + 1]}">{esc(v)}</td>'
            for i, v in enumerate(cells(row))
        )
        rows.append(
            f'<tr><th scope="row" data-label="机构">{esc(row.agency)}'
            f"<br><small>{esc(row.file)}</small></th>{values}</tr>"
        )
    totals = summary.totals()
    foot_values = [
        NONE,
        NONE,
        str(totals["items"]),
        str(totals["errors"]),
        str(totals["warnings"]),
        percent(totals["coverage"]),
        number(totals["missing"]),
        number(totals["weakened"]),
        NONE,
    ]
    foot = "".join(
        f'<td class="num" data-label="{HEADERS[i + 1]}">{esc(v)}</td>'
        for i, v in enumerate(foot_values)
    )
    return (
        f"<table data-searchable><caption>{len(summary.rows)} 个机构的政务公开目录（问题多的在前）</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><th scope="row">合计（{totals["agencies"]} 个机构）</th>{foot}</tr></tfoot></table>'
    )


def summary_page(summary: Summary, *, date: dt.date) -> str:
    """The whole page (one file: stylesheet and script inline)."""
    guide = f"对照标准目录：{summary.guide}" if summary.guide else "未对照标准目录"
    return page_html(
        Page(
            title="政务公开目录汇总",
            agency=f"{len(summary.rows)} 个机构",
            date=f"汇总日期：{date.isoformat()}",
            table=summary_table(summary),
            meta=(guide, "三定覆盖为各机构平均值；“—”表示不适用（没有三定映射、没有上年目录）。"),
            search_label="搜索机构",
            search_hint="如：县、局",
        ),
        inline=True,
    )
