"""The 汇总 sheet of the export: live formulas over the other sheets, and a chart.

Each formula's value as exported is stored with it (:mod:`.cached_values`), so that a
reader that does not calculate shows the counts instead of empty cells.

Its counts are formulas (COUNTIF over the 检查表's dropdown columns, the 目录's ticks,
覆盖情况 and 问题清单), so they follow the 检查表 as it is filled in; a note under the
合格率 says what they do not see (lateness by dates: ``govopen inspect`` does that).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from govopen_cli.catalog.model import Catalog
from govopen_cli.checks.coverage import CoverageTable
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.excel import layout
from govopen_cli.excel.layout import Column
from govopen_cli.excel.sheet import column_letter
from govopen_cli.excel.writer import SheetWriter, formula_text, row_height
from govopen_cli.inspection.result import ANSWERS, QUESTIONS


@dataclass(frozen=True)
class DataRanges:
    """Where the data sits, so 汇总 can point its formulas at it."""

    catalog_columns: tuple[Column, ...]
    catalog_first: int
    catalog_last: int
    inspection_first: int
    inspection_last: int
    coverage_last: int
    findings_last: int


#: 是, 否, 不适用, 未填写
CHART_COLORS = ("70AD47", "C00000", "A5A5A5", "FFD966")


def _ref(sheet: str, col: int, first: int, last: int) -> str:
    from openpyxl.utils import quote_sheetname

    letter = column_letter(col)
    return f"{quote_sheetname(sheet)}!${letter}${first}:${letter}${last}"


def write_summary_sheet(
    wb: Any,
    catalog: Catalog,
    where: DataRanges,
    coverage: CoverageTable | None,
    diagnostics: Sequence[Diagnostic] = (),
) -> dict[str, int | float | str]:
    """The 汇总 sheet: live counts over the other sheets (by question, 一级事项, 公开方式,
    公开层级, 三定 duty and finding), with a chart. Returns what each formula computes
    for the workbook as written (the 检查表 not yet filled in), by cell reference, to be
    stored as the formulas' cached values (:mod:`.cached_values`)."""
    from openpyxl.chart import BarChart, Reference

    from govopen_cli.excel.catalog_sheet import catalog_cell

    sheet = SheetWriter(wb, layout.SHEET_SUMMARY, [26, 10, 10, 10, 10, 10])
    sheet.setup(title="汇总", wide=False)
    sheet.title_row(f"汇总：{catalog.title}", 30)
    cell, formula = sheet.cell, sheet.formula
    ikeys = [c.key for c in layout.INSPECTION_COLUMNS]
    first = where.inspection_first
    last = max(where.inspection_last, first)

    def rng(key: str) -> str:
        return _ref(layout.SHEET_INSPECTION, ikeys.index(key) + 1, first, last)

    pub, tim, com, chn = (rng(k) for k in QUESTIONS)
    # As written, the 检查表 has no answers yet: every answer cell is blank.
    blank = last - first + 1
    passed = f'{pub},"是",{tim},"<>否",{com},"<>否",{chn},"<>否"'

    sheet.section("一、检查结果（随检查表填写自动更新）")
    sheet.header_row(("检查项", *ANSWERS, "未填写", "符合率"))
    result_first = sheet.row + 1
    for key in QUESTIONS:
        r = sheet.row + 1
        sheet.append(
            [
                cell(QUESTIONS[key]),
                *(formula(f"=COUNTIF({rng(key)},{formula_text(v)})", value=0) for v in ANSWERS),
                formula(f"=COUNTBLANK({rng(key)})", value=blank),
                formula(f'=IF(B{r}+C{r}=0,"",B{r}/(B{r}+C{r}))', "percent", ""),
            ]
        )
    result_last = sheet.row
    checked = sheet.append(
        [
            cell("已检查事项（是否公开为是或否）"),
            formula(f'=COUNTIF({pub},"是")+COUNTIF({pub},"否")', value=0),
        ]
    )
    sheet.append([cell("合格事项"), formula(f"=COUNTIFS({passed})", value=0)])
    sheet.append(
        [
            cell("合格率"),
            formula(f'=IF(B{checked}=0,"",B{checked + 1}/B{checked})', "percent", ""),
        ]
    )
    # The live rate is a convenience: say plainly what it does not see.
    sheet.append(
        [cell(SUMMARY_RATE_NOTE, "note")] + [None] * (sheet.ncols - 1),
        row_height([(SUMMARY_RATE_NOTE, sum(sheet.widths))]),
    )
    sheet.merge(f"A{sheet.row}:{column_letter(sheet.ncols)}{sheet.row}")
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "检查结果"
    chart.x_axis.title = "检查项"
    chart.y_axis.title = "事项数"
    chart.height = 7.5
    chart.width = 16
    data = Reference(sheet.ws, min_col=2, max_col=5, min_row=result_first - 1, max_row=result_last)
    cats = Reference(sheet.ws, min_col=1, min_row=result_first, max_row=result_last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    for series, color in zip(chart.series, CHART_COLORS, strict=True):
        series.graphicalProperties.solidFill = color
        series.graphicalProperties.line.solidFill = color
    sheet.ws.add_chart(chart, "H3")

    sheet.section("二、按一级事项")
    sheet.header_row(("一级事项", "事项数", "已检查", "合格", "不合格", "合格率"))
    groups = list(dict.fromkeys(it.first_level for it in catalog.items))
    group_rng = rng("matter1")
    group_first = sheet.row + 1
    per_group = Counter(it.first_level for it in catalog.items)  # one pass, not one per group
    for group in groups:
        r = sheet.row + 1
        g = f"{group_rng},$A{r}"
        sheet.append(
            [
                cell(group),
                formula(f"=COUNTIF({g})", value=per_group[group]),
                formula(f'=COUNTIFS({g},{pub},"是")+COUNTIFS({g},{pub},"否")', value=0),
                formula(f"=COUNTIFS({g},{passed})", value=0),
                formula(f"=C{r}-D{r}", value=0),
                formula(f'=IF(C{r}=0,"",D{r}/C{r})', "percent", ""),
            ]
        )
    group_last = sheet.row
    r = sheet.row + 1
    sheet.append(
        [
            cell("合计", "head"),
            *(
                formula(f"=SUM({c}{group_first}:{c}{group_last})", value=total)
                for c, total in zip("BCDE", (len(catalog.items), 0, 0, 0), strict=True)
            ),
            formula(f'=IF(C{r}=0,"",D{r}/C{r})', "percent", ""),
        ]
    )

    cat_keys = [c.key for c in where.catalog_columns]

    def ticks(key: str) -> Any:
        if key not in cat_keys:
            return cell(0, "center")
        column = where.catalog_columns[cat_keys.index(key)]
        ref = _ref(
            layout.SHEET_CATALOG, cat_keys.index(key) + 1, where.catalog_first, where.catalog_last
        )
        count = sum(1 for it in catalog.items if catalog_cell(it, column) == layout.TICK)
        return formula(f"=COUNTIF({ref},{formula_text(layout.TICK)})", value=count)

    sheet.section("三、按公开方式")
    sheet.header_row(("公开方式", "事项数"))
    for col in layout.MODE_TICKS:
        sheet.append([cell(col.header), ticks(col.key)])
    sheet.section("四、按公开层级")
    sheet.header_row(("公开层级", "事项数"))
    for col in where.catalog_columns:
        if col.key.startswith("levels:"):
            sheet.append([cell(col.header), ticks(col.key)])

    sheet.section("五、三定职责覆盖")
    if coverage is None:
        sheet.append(
            [cell("未提供三定映射（catalog.duties、--duties 或配置中的 duties）。", "plain")]
        )
    else:
        cov_last = max(where.coverage_last, 3)
        status = _ref(layout.SHEET_COVERAGE, 4, 3, cov_last)
        sheet.header_row(("项目", "数量"))
        duties = len(coverage.rows)
        by_status = {
            zh: sum(1 for e in coverage.rows if e.status_zh == zh)
            for zh in ("已覆盖", "不予公开", "缺失")
        }
        total = sheet.append(
            [
                cell("职责总数"),
                formula(f"=COUNTA({_ref(layout.SHEET_COVERAGE, 1, 3, cov_last)})", value=duties),
            ]
        )
        for zh, count in by_status.items():
            sheet.append([cell(zh), formula(f"=COUNTIF({status},{formula_text(zh)})", value=count)])
        rate = (by_status["已覆盖"] + by_status["不予公开"]) / duties if duties else ""
        sheet.append(
            [
                cell("覆盖率（已覆盖＋不予公开）"),
                formula(
                    f'=IF(B{total}=0,"",(B{total + 1}+B{total + 2})/B{total})', "percent", rate
                ),
            ]
        )

    sheet.section("六、目录检查发现的问题（govopen check）")
    sheet.header_row(("严重程度", "数量"))
    find_last = max(where.findings_last, 3)
    severity_rng = _ref(layout.SHEET_FINDINGS, 4, 3, find_last)
    waived_rng = _ref(layout.SHEET_FINDINGS, 8, 3, find_last)
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        count = sum(1 for d in diagnostics if d.severity is severity and not d.waived)
        sheet.append(
            [
                cell(severity.zh),
                formula(
                    f'=COUNTIFS({severity_rng},{formula_text(severity.zh)},{waived_rng},"")',
                    value=count,
                ),
            ]
        )
    waived = sum(1 for d in diagnostics if d.waived)
    sheet.append([cell("已豁免"), formula(f'=COUNTIF({waived_rng},"已豁免*")', value=waived)])
    return sheet.cached


#: Under 汇总's live 合格率.
SUMMARY_RATE_NOTE = (
    "注：以上公式只统计检查表下拉列的回答：是否公开为“是”、其余三列不为“否”即计为合格，"
    "下拉列中填的其他文字也不算“否”。是否逾期（按工作日核对信息形成日期和公开日期）、"
    "事项编号是否对应目录、下拉列中的文字，公式都不检查：以 govopen inspect 本工作簿 的结果为准。"
)
