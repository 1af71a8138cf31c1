"""``govopen export`` as one core call: check the catalog, then write the workbook.

:func:`export_catalog` runs the same check as ``govopen check`` (for 问题清单 and
覆盖情况), gathers what 说明 records (the input files with their SHA-256, the rule
set in force) and writes the workbook atomically. It returns data and never prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govopen_cli.catalog.files import display_path
from govopen_cli.checks.coverage import compute_coverage
from govopen_cli.checks.run import CheckOptions, check_paths
from govopen_cli.codes import iter_codes
from govopen_cli.diagnostics import Report
from govopen_cli.excel.about_sheet import InputFile, RuleInfo
from govopen_cli.excel.export_workbook import ExportSummary, ProgressCallback, export_workbook
from govopen_cli.excel.inspect_run import sha256_of


@dataclass(frozen=True)
class ExportResult:
    """The check's report, and what was written (None when the catalog could not be read)."""

    report: Report
    summary: ExportSummary | None


def export_catalog(
    catalog_path: Path,
    out_path: Path,
    options: CheckOptions,
    *,
    progress: ProgressCallback | None = None,
    force: bool = False,
) -> ExportResult:
    """Check ``catalog_path`` and write the inspector's workbook to ``out_path``."""
    config = options.config
    result = check_paths([catalog_path], options)
    cat_file = next((f for f in result.files if f.catalog is not None), None)
    if cat_file is None or cat_file.catalog is None:
        return ExportResult(result.report, None)
    catalog = cat_file.catalog
    mapping = next((f for f in result.files if f.dutymap is not None), None)
    coverage = (
        compute_coverage(catalog, mapping.dutymap)
        if mapping is not None and mapping.dutymap is not None
        else None
    )
    inputs = [InputFile("目录", cat_file.display, sha256_of(catalog_path))]
    if mapping is not None:
        inputs.append(InputFile("三定映射", mapping.display, sha256_of(mapping.path)))
    if config.path is not None:
        inputs.append(InputFile("配置", display_path(config.path), sha256_of(config.path)))
    rules = [
        RuleInfo(r.code, r.name, config.severity_for(r.code, r.severity).zh, r.summary)
        for r in iter_codes()
        if config.enabled(r.code)
    ]
    summary = export_workbook(
        catalog,
        result.report.diagnostics,
        coverage,
        out_path,
        inputs=inputs,
        rules=rules,
        progress=progress,
        force=force,
    )
    return ExportResult(result.report, summary)
