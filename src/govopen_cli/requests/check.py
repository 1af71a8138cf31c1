"""``govopen requests check``: answer deadlines and 主动公开 candidates of a ledger.

:func:`check_ledger` is the one core call; it never prints. It reads the ledger
(:mod:`.ledger`), checks each request's dates against today, its deadline
(:mod:`.deadline`, 条例第三十条至第三十三条) and the ground of a refusal (第三十六条),
its 关联事项 against the catalog, and finds the conversion candidates
(:mod:`.conversion`, 第四十四条).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from govopen_cli.calendar.workday import WorkdayCalendar
from govopen_cli.catalog.config import Config, apply_config
from govopen_cli.catalog.files import display_path, load_file
from govopen_cli.catalog.model import Catalog
from govopen_cli.codes.gr import GR006, GR011, GR104
from govopen_cli.diagnostics import Report
from govopen_cli.requests.conversion import ConversionCandidate, check_conversion
from govopen_cli.requests.deadline import check_deadline
from govopen_cli.requests.finding import Findings
from govopen_cli.requests.ledger import Ledger, read_ledger
from govopen_cli.requests.ledger_columns import column_header
from govopen_cli.requests.ledger_request import LedgerRequest
from govopen_cli.requests.ledger_values import OUTCOME_SUBCATEGORIES, REFUSALS
from govopen_cli.requests.ledger_xlsx import WorkbookReader
from govopen_cli.requests.settings import RequestSettings


@dataclass(frozen=True)
class RequestCheckOptions:
    """What a requests check needs besides the ledger."""

    calendar: WorkdayCalendar
    today: dt.date
    config: Config = field(default_factory=Config)
    settings: RequestSettings = field(default_factory=RequestSettings)
    catalog_path: Path | None = None
    #: How an .xlsx ledger is read (:func:`govopen_cli.excel.ledger_sheet.read_ledger_sheet`).
    read_workbook: WorkbookReader | None = None


@dataclass
class RequestCheckResult:
    """The report, the ledger as read, and the conversion candidates."""

    report: Report
    ledger: Ledger | None
    candidates: list[ConversionCandidate] = field(default_factory=list)
    catalog: Catalog | None = None
    #: The ledger file cannot be read as a table at all: the check could not run.
    unreadable: bool = False


def _check_dates_not_future(out: Findings, request: LedgerRequest, today: dt.date) -> None:
    for key, value in (
        ("received", request.received),
        ("correction_notice", request.correction_notice),
        ("correction_received", request.correction_received),
        ("answered", request.answered),
    ):
        if value is not None and value > today:
            out.add(
                GR006,
                request,
                key,
                f"{request.label} 的{column_header(key)} {value} 晚于今天（{today}）："
                "请核对年份、月份是否写错（检查另一天的情况请用 --today）",
            )


def _check_ground(out: Findings, request: LedgerRequest) -> None:
    outcome = request.outcome
    if (
        outcome is None
        or outcome.category not in REFUSALS
        or outcome.sub is not None
        or request.ground.strip()
        or "result" in request.invalid
    ):
        return
    subs = OUTCOME_SUBCATEGORIES[outcome.category]
    out.add(
        GR104,
        request,
        "result",
        f"{request.label} 的处理结果“{outcome.category}”没有写明理由（条例第三十六条），"
        f"也无法计入年度报告表：请写明是哪一种，如“{outcome.category}-{subs[0]}”"
        f"（共 {len(subs)} 种，见 docs/ledger.md），或在“理由”列写明依据",
    )


def check_ledger(
    path: Path, options: RequestCheckOptions, display: str | None = None
) -> RequestCheckResult:
    """Read and check one ledger: the core of ``govopen requests check``.

    Problems are diagnostics in the returned report; this raises only for what stops
    the run (a catalog path that does not exist is checked by the caller).
    """
    shown = display if display is not None else display_path(path)
    result = read_ledger(path, shown, read_workbook=options.read_workbook)
    report = Report(title="govopen requests check")
    report.files.append(shown)
    report.extend(result.diagnostics)
    catalog = None
    if options.catalog_path is not None:
        loaded = load_file(options.catalog_path, "catalog")
        report.files.append(loaded.display)
        catalog = loaded.catalog
        if catalog is None:
            report.extend(loaded.diagnostics)
    ledger = result.ledger
    candidates: list[ConversionCandidate] = []
    if ledger is not None:
        out = Findings(ledger)
        for request in ledger.requests:
            _check_dates_not_future(out, request, options.today)
            check_deadline(out, request, options.calendar, options.today, options.settings)
            _check_ground(out, request)
            item_id = request.item.strip()
            if catalog is not None and item_id and catalog.item(item_id) is None:
                out.add(
                    GR011,
                    request,
                    "item",
                    f"{request.label} 的关联事项 {item_id} 在目录 "
                    f"{catalog.display}（{catalog.id}）中不存在",
                )
        candidates = check_conversion(out, ledger, catalog, options.settings)
        report.extend(out.diagnostics)
    report.diagnostics = apply_config(report.diagnostics, options.config)
    return RequestCheckResult(report, ledger, candidates, catalog, result.unreadable)
