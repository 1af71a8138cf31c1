"""The inspector's workbook of ``govopen export``: 目录, 检查表, 覆盖情况, 问题清单, 汇总, 说明.

:func:`export_workbook` writes every sheet, one module each, with openpyxl's
write-only (streaming) workbook, whatever the catalog's size; the few things that
are not rows (merged cells, dropdown validations, print settings, the chart) are
small lists set on each sheet before it is closed. The workbook goes to a temporary
file beside the target and is moved into place only when complete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govopen_cli import __version__
from govopen_cli.catalog.model import Catalog
from govopen_cli.checks.coverage import CoverageTable
from govopen_cli.diagnostics import Diagnostic
from govopen_cli.errors import OutputError
from govopen_cli.excel import layout
from govopen_cli.excel.about_sheet import InputFile, RuleInfo, write_about_sheet
from govopen_cli.excel.catalog_sheet import CATALOG_FIRST_ROW, features_of, write_catalog_sheet
from govopen_cli.excel.coverage_sheet import write_coverage_sheet
from govopen_cli.excel.findings_sheet import write_findings_sheet
from govopen_cli.excel.inspection_sheet import INSPECTION_FIRST_ROW, write_inspection_sheet
from govopen_cli.excel.summary_sheet import DataRanges, write_summary_sheet
from govopen_cli.excel.writer import named_styles, xml_safe
from govopen_cli.output_file import atomic_path, check_target, private_tempdir

ProgressCallback = Callable[[int, int], None]

_PROGRESS_EVERY = 500


@dataclass(frozen=True)
class ExportSummary:
    """What was written."""

    path: Path
    items: int
    sheets: tuple[str, ...]
    findings: int


def _output_folder(out_path: Path) -> Path:
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"输出目录不存在：{folder}")
    return folder


def _save_atomic(
    wb: Any, out_path: Path, force: bool, cached: tuple[int, dict[str, int | float | str]]
) -> None:
    """Save the workbook through :func:`govopen_cli.output_file.atomic_path`, with the
    cached values of one sheet's formulas (sheet number, values by cell)."""
    from govopen_cli.excel.cached_values import store_cached_values

    tmp: Path | None = None
    try:
        with atomic_path(out_path, force=force) as tmp:
            wb.save(tmp)
            store_cached_values(tmp, *cached)
    except BaseException:
        _discard(wb, str(tmp) if tmp is not None else "")
        raise


def _discard(wb: Any, tmp: str) -> None:
    """Close what a failed save left open, and remove the temporary file."""
    for ws in wb.worksheets:
        try:
            if not ws.closed:
                ws.close()
        except Exception:  # the sheet's own temporary stream may be gone already
            pass
    if tmp:
        Path(tmp).unlink(missing_ok=True)


def _ticker(items: int, progress: ProgressCallback | None) -> Callable[[], None]:
    """One tick per row written; ``progress(items done, items)``: each item has two rows
    (目录 and 检查表), so 20,000 items show 20000/20000, never 40000."""
    total = 2 * items
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and (done % _PROGRESS_EVERY == 0 or done == total):
            progress(done // 2, items)

    return tick


def export_workbook(
    catalog: Catalog,
    diagnostics: Sequence[Diagnostic],
    coverage: CoverageTable | None,
    out_path: Path,
    *,
    inputs: Sequence[InputFile] = (),
    rules: Sequence[RuleInfo] = (),
    progress: ProgressCallback | None = None,
    generated: dt.datetime | None = None,
    tool_version: str = __version__,
    force: bool = False,
) -> ExportSummary:
    """Write the inspector's workbook for ``catalog`` to ``out_path``, atomically.

    ``diagnostics`` fill 问题清单 (the findings of ``govopen check``); ``coverage``
    fills 覆盖情况 when the catalog has a 三定 mapping. ``progress(done, total)``
    is called as rows are written, counting items. Raises :class:`~govopen_cli.errors.OutputError`
    when the file cannot be written; an existing file is then left untouched.
    """
    _output_folder(out_path)  # fail before the work, not after
    check_target(out_path, force, "（可能是已填写的检查表）")
    # openpyxl streams each sheet through temporary files: in a folder of their own,
    # removed however the export ends (an error, Ctrl-C, TERM, HUP).
    with private_tempdir():
        return _export(
            catalog,
            diagnostics,
            coverage,
            out_path,
            inputs,
            rules,
            progress,
            generated,
            tool_version,
            force,
        )


def _export(
    catalog: Catalog,
    diagnostics: Sequence[Diagnostic],
    coverage: CoverageTable | None,
    out_path: Path,
    inputs: Sequence[InputFile],
    rules: Sequence[RuleInfo],
    progress: ProgressCallback | None,
    generated: dt.datetime | None,
    tool_version: str,
    force: bool,
) -> ExportSummary:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    try:
        for style in named_styles():
            wb.add_named_style(style)
        wb.properties.creator = f"govopen {tool_version}"
        wb.properties.title = xml_safe(catalog.title)
        wb.calculation.fullCalcOnLoad = True
        columns = tuple(layout.catalog_columns(features_of(catalog)))
        n = len(catalog.items)
        tick = _ticker(n, progress)
        write_catalog_sheet(wb, catalog, columns, tick)
        write_inspection_sheet(wb, catalog, tick)
        coverage_last = write_coverage_sheet(wb, coverage) if coverage is not None else 2
        findings_last = write_findings_sheet(wb, catalog, diagnostics)
        where = DataRanges(
            catalog_columns=columns,
            catalog_first=CATALOG_FIRST_ROW,
            catalog_last=max(CATALOG_FIRST_ROW + n - 1, CATALOG_FIRST_ROW),
            inspection_first=INSPECTION_FIRST_ROW,
            inspection_last=INSPECTION_FIRST_ROW + n - 1,
            coverage_last=coverage_last,
            findings_last=findings_last,
        )
        cached = write_summary_sheet(wb, catalog, where, coverage, diagnostics)
        write_about_sheet(
            wb, catalog, inputs, rules, generated or dt.datetime.now().astimezone(), tool_version
        )
        summary = wb.sheetnames.index(layout.SHEET_SUMMARY) + 1
        _save_atomic(wb, out_path, force, (summary, cached))
    except BaseException:
        # An interrupt while a sheet streams: close it here, while its temporary file
        # exists, not at exit ("Exception ignored … I/O operation on closed file").
        _discard(wb, "")
        raise
    sheets = tuple(ws.title for ws in wb.worksheets)
    return ExportSummary(out_path, n, sheets, len(diagnostics))
