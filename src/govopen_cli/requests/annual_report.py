"""The 年度报告 table "收到和处理政府信息公开申请情况" (国办公开办函〔2021〕30号).

Columns: 自然人 | 法人或其他组织 (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他)
| 总计. Rows: 一、本年新收; 二、上年结转; 三、本年度办理结果 (一)…(六) with their
sub-categories and (七) 总计; 四、结转下年度继续办理.

Counting for year Y, per request of the ledger:

* 一 本年新收: received in Y;
* 二 上年结转: received before Y and not answered before Y began;
* 三 办理结果: answered in Y, in the row of its 处理结果;
* 四 结转下年度: received by the end of Y and not answered by then.

Every column must satisfy 一 + 二 = 三（七）+ 四 ("本列数据的勾稽关系"). With clean
data it holds by construction; it fails when a request answered in Y has no
classifiable result, or its dates are missing or contradictory. A failed column
is an error diagnostic (GR201) naming the column and the requests that break it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from govopen_cli.codes.gr import GR201, GR202
from govopen_cli.diagnostics import Diagnostic, Report
from govopen_cli.requests.ledger import Ledger, read_ledger
from govopen_cli.requests.ledger_request import LedgerRequest
from govopen_cli.requests.ledger_rows import CellRef, ledger_diagnostic
from govopen_cli.requests.ledger_values import (
    APPLICANT_FORMS,
    APPLICANT_KINDS,
    OUTCOME_SUBCATEGORIES,
)
from govopen_cli.requests.ledger_xlsx import WorkbookReader

if TYPE_CHECKING:
    from govopen_cli.catalog.config import Config

TITLE = "收到和处理政府信息公开申请情况"
#: The seven number columns, left to right.
COLUMNS = (*APPLICANT_KINDS, "总计")
IDENTITY_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

_CATEGORY_NUMBERS = ("（一）", "（二）", "（三）", "（四）", "（五）", "（六）")
_CATEGORY_LABELS = {
    "予以公开": "予以公开",
    "部分公开": "部分公开（区分处理的，只计这一情形，不计其他情形）",
    "不予公开": "不予公开",
    "无法提供": "无法提供",
    "不予处理": "不予处理",
    "其他处理": "其他处理",
}


@dataclass(frozen=True, slots=True)
class TableRow:
    """One numbered row of the official table.

    ``section`` is the 一/二/三/四 part, ``category`` the (一)…(七) heading for rows
    under 三 (with ``category_label``), and ``number``/``label`` the row's own
    numbering and text (a sub-category "1"/"属于国家秘密", or the category itself).
    """

    key: str
    section: str
    section_label: str
    number: str
    label: str
    category: str = ""
    category_label: str = ""

    @property
    def full_label(self) -> str:
        """The row's text with its numbering, as printed in the official table."""
        if self.category and self.number.isdigit():
            return f"{self.number}.{self.label}"
        if self.category:
            return f"{self.number}{self.label}"
        return f"{self.number}、{self.label}"


def _rows() -> tuple[TableRow, ...]:
    rows = [
        TableRow("new", "一", "本年新收政府信息公开申请数量", "一", "本年新收政府信息公开申请数量"),
        TableRow(
            "carried", "二", "上年结转政府信息公开申请数量", "二", "上年结转政府信息公开申请数量"
        ),
    ]
    result = "本年度办理结果"
    for number, (category, subs) in zip(
        _CATEGORY_NUMBERS, OUTCOME_SUBCATEGORIES.items(), strict=True
    ):
        label = _CATEGORY_LABELS[category]
        if not subs:
            rows.append(TableRow(f"result:{category}", "三", result, number, label, number, label))
        for i, sub in enumerate(subs, 1):
            rows.append(
                TableRow(f"result:{category}:{i}", "三", result, str(i), sub, number, label)
            )
    rows.append(TableRow("result-total", "三", result, "（七）", "总计", "（七）", "总计"))
    rows.append(
        TableRow("next", "四", "结转下年度继续办理", "四", "结转下年度继续办理"),
    )
    return tuple(rows)


#: Every row of the table, top to bottom.
ROWS = _rows()


def result_key(request: LedgerRequest) -> str | None:
    """The 三 row a request's 处理结果 is counted in, or None when it cannot be placed."""
    outcome = request.outcome
    if outcome is None or not outcome.complete or "result" in request.invalid:
        return None
    if outcome.sub is None:
        return f"result:{outcome.category}"
    return f"result:{outcome.category}:{outcome.sub}"


@dataclass(frozen=True)
class Membership:
    """Where one request is counted in the year's table."""

    new: bool
    carried: bool
    result: str | None
    answered_in_year: bool
    next_year: bool

    @property
    def left(self) -> bool:
        """Counted in 一 or 二."""
        return self.new or self.carried

    @property
    def right(self) -> bool:
        """Counted in 三 or 四."""
        return self.result is not None or self.next_year


def membership(request: LedgerRequest, year: int) -> Membership:
    """The rows of year ``year`` that count ``request``."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    received, answered = request.received, request.answered
    answered_in_year = answered is not None and first <= answered <= last
    return Membership(
        new=received is not None and received.year == year,
        carried=received is not None
        and received < first
        and (answered is None or answered >= first),
        result=result_key(request) if answered_in_year else None,
        answered_in_year=answered_in_year,
        next_year=received is not None
        and received <= last
        and (answered is None or answered > last),
    )


@dataclass
class AnnualTable:
    """The counts of the table for one year, and what breaks its identity."""

    year: int
    counts: dict[str, list[int]] = field(default_factory=dict)
    #: column -> requests counted on one side of the identity only
    breaking: dict[str, list[tuple[LedgerRequest, str]]] = field(default_factory=dict)
    #: Requests of this year's table whose 申请人类型 cannot be placed in any column: the
    #: table is short of them on both sides of every identity, which then still holds.
    uncounted: list[LedgerRequest] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The title printed above the table: ``收到和处理政府信息公开申请情况（2025 年度）``."""
        return f"{TITLE}（{self.year} 年度）"

    def value(self, key: str, column: str) -> int:
        """The number in row ``key`` and column ``column``."""
        return self.counts[key][COLUMNS.index(column)]

    def identity(self, column: str) -> tuple[int, int]:
        """(一 + 二, 三（七）+ 四) of a column."""
        i = COLUMNS.index(column)
        left = self.counts["new"][i] + self.counts["carried"][i]
        right = self.counts["result-total"][i] + self.counts["next"][i]
        return left, right

    @property
    def failing_columns(self) -> list[str]:
        """The columns where 一 + 二 ≠ 三（七）+ 四."""
        return [c for c in COLUMNS if self.identity(c)[0] != self.identity(c)[1]]

    @property
    def short_note(self) -> str:
        """What the table leaves out, for the line under it; empty when nothing.

        ``本表少计 1 件申请（申请人类型无法归入任何一列）：申请 2025-009（申请人类型“个体户”）。``
        """
        if not self.uncounted:
            return ""
        listed = "、".join(
            f"{r.label}（申请人类型“{r.applicant_text}”）" for r in self.uncounted[:10]
        )
        more = f" 等 {len(self.uncounted)} 件" if len(self.uncounted) > 10 else ""
        return (
            f"本表少计 {len(self.uncounted)} 件申请（申请人类型无法归入任何一列，"
            f"各列的一、二、三、四都没有计入）：{listed}{more}。"
        )


def _reason(request: LedgerRequest, member: Membership, year: int) -> str:
    if member.left and not member.right:
        if member.answered_in_year:
            return "已在本年答复，但处理结果为空或无法归类"
        return "答复日期早于本年，却计入了本年新收或上年结转"
    if request.received is None:
        return "收到日期为空或无法识别"
    if request.answered is not None and request.received > request.answered:
        return "收到日期晚于答复日期"
    return f"收到日期不在 {year} 年或以前"


def build_annual_table(ledger: Ledger, year: int) -> AnnualTable:
    """Count the ledger's requests into the table of ``year``."""
    table = AnnualTable(year)
    for row in ROWS:
        table.counts[row.key] = [0] * len(COLUMNS)
    total = len(COLUMNS) - 1
    for request in ledger.requests:
        member = membership(request, year)
        if request.applicant is None:
            if member.left or member.right:
                table.uncounted.append(request)
            continue
        column = APPLICANT_KINDS.index(request.applicant)
        for key, counted in (
            ("new", member.new),
            ("carried", member.carried),
            ("next", member.next_year),
        ):
            if counted:
                table.counts[key][column] += 1
                table.counts[key][total] += 1
        if member.result is not None:
            for key in (member.result, "result-total"):
                table.counts[key][column] += 1
                table.counts[key][total] += 1
        if member.left != member.right:
            reason = _reason(request, member, year)
            for name in (request.applicant, "总计"):
                table.breaking.setdefault(name, []).append((request, reason))
    return table


def column_name(column: str) -> str:
    """A column as the official table names it: ``法人或其他组织-商业企业``, ``自然人``."""
    return column if column in ("自然人", "总计") else f"法人或其他组织-{column}"


@dataclass(frozen=True)
class IdentityCheck:
    """One column's 勾稽关系: 一 + 二 against 三（七）+ 四, and why they differ."""

    column: str
    new: int
    carried: int
    results: int
    next_year: int
    #: (request, why it is counted on one side only), in ledger order.
    breaking: tuple[tuple[LedgerRequest, str], ...] = ()

    @property
    def left(self) -> int:
        """一 + 二."""
        return self.new + self.carried

    @property
    def right(self) -> int:
        """三（七）+ 四."""
        return self.results + self.next_year

    @property
    def holds(self) -> bool:
        """一 + 二 = 三（七）+ 四."""
        return self.left == self.right

    def reasons(self, limit: int = 10) -> str:
        """The requests that break the identity: ``申请 2025-018：…；…`` (at most ``limit``)."""
        listed = "；".join(f"{r.label}：{why}" for r, why in self.breaking[:limit])
        more = f" 等 {len(self.breaking)} 件" if len(self.breaking) > limit else ""
        return listed + more


def identity_checks(table: AnnualTable) -> list[IdentityCheck]:
    """The 勾稽关系 of every column, left to right."""
    out = []
    for i, column in enumerate(COLUMNS):
        out.append(
            IdentityCheck(
                column=column,
                new=table.counts["new"][i],
                carried=table.counts["carried"][i],
                results=table.counts["result-total"][i],
                next_year=table.counts["next"][i],
                breaking=tuple(table.breaking.get(column, [])),
            )
        )
    return out


def check_identity(table: AnnualTable, ledger: Ledger) -> list[Diagnostic]:
    """One GR201 error per column whose 一 + 二 differs from 三（七）+ 四, and one GR202 per
    request the table leaves out altogether."""
    out = []
    for request in table.uncounted:
        out.append(
            ledger_diagnostic(
                ledger.display,
                GR202,
                request.at("applicant"),
                f"{table.year} 年度报告表少计 {request.label}：申请人类型“{request.applicant_text}”"
                "无法归入任何一列，这件申请不在表中任何一行（勾稽关系仍相符，但各列和总计都少了它）："
                f"请把申请人类型改为 {APPLICANT_FORMS}",
                number=request.number,
                field_name="申请人类型",
            )
        )
    for check in identity_checks(table):
        if check.holds:
            continue
        ref = check.breaking[0][0].row if check.breaking else CellRef(1, 1)
        out.append(
            ledger_diagnostic(
                ledger.display,
                GR201,
                ref,
                f"{table.year} 年度报告表“{column_name(check.column)}”列不满足勾稽关系：一 + 二 = "
                f"{check.new} + {check.carried} = {check.left}，"
                f"三（七）+ 四 = {check.results} + {check.next_year} = "
                f"{check.right}。原因：{check.reasons()}",
                number=str(table.year),
                field_name=check.column,
            )
        )
    return out


@dataclass
class AnnualReportResult:
    """What ``govopen requests report`` shows: the table and the ledger's diagnostics."""

    #: The ledger's problems and the columns whose 勾稽关系 fails, after the config's
    #: ``select``/``ignore`` and severities.
    report: Report
    #: None when the ledger could not be used: there is no table to show.
    table: AnnualTable | None = None
    #: The ledger file could not be read as a table at all: the command could not run.
    unreadable: bool = False


def build_report(
    ledger_path: Path,
    year: int,
    config: Config,
    *,
    display: str | None = None,
    read_workbook: WorkbookReader | None = None,
) -> AnnualReportResult:
    """Read the ledger at ``ledger_path``, count its table for ``year`` and check the
    table's 勾稽关系. Problems are diagnostics in the result; this never prints.

    ``read_workbook`` reads an .xlsx ledger
    (:func:`govopen_cli.excel.ledger_sheet.read_ledger_sheet`)."""
    from govopen_cli.catalog.config import apply_config
    from govopen_cli.catalog.files import display_path

    shown = display if display is not None else display_path(ledger_path)
    read = read_ledger(ledger_path, shown, read_workbook=read_workbook)
    report = Report(title="govopen requests report", files=[shown])
    report.extend(read.diagnostics)
    table = None
    if read.ledger is not None:
        table = build_annual_table(read.ledger, year)
        report.extend(check_identity(table, read.ledger))
    report.diagnostics = apply_config(report.diagnostics, config)
    return AnnualReportResult(report, table, read.unreadable)
