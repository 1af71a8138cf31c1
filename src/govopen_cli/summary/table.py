"""``govopen summary``: one row per agency, worst first, with totals.

:func:`summarize` is the one core call. It runs :func:`~govopen_cli.checks.run.check_paths`
once over everything, then for each agency (one catalog ``id``; its newest year is the
row) :func:`~govopen_cli.checks.coverage.compute_coverage`,
:func:`~govopen_cli.guide.conform.conform_catalog` and, when the previous year's catalog
is there too, :func:`~govopen_cli.diff.compare.diff_catalogs`. Nothing is re-implemented.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_cli.catalog.config import Config
from govopen_cli.catalog.files import LoadedFile
from govopen_cli.catalog.model import Catalog
from govopen_cli.checks.coverage import compute_coverage
from govopen_cli.checks.run import CheckOptions, check_paths
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.diff.compare import CatalogDiff, diff_catalogs
from govopen_cli.guide.conform import conform_catalog
from govopen_cli.guide.reference import load_guide


@dataclass(frozen=True)
class AgencyRow:
    """One agency: its newest catalog, its findings, coverage, conformance and changes."""

    agency: str
    catalog_id: str
    file: str
    year: int | None
    level: str | None
    items: int
    errors: int
    warnings: int
    #: 三定 coverage in percent; None when the catalog names no 三定 mapping.
    coverage: float | None
    #: Rows of the guide missing / weakened; None when no guide is used.
    missing: int | None
    weakened: int | None
    #: The previous year's file and the number of changes since; None without one.
    previous: str | None = None
    changes: int | None = None
    added: int | None = None
    removed: int | None = None

    def sort_key(self) -> tuple[float, ...]:
        """Worst first: errors, guide rows missing, warnings, weakened, low coverage."""
        return (
            -self.errors,
            -(self.missing or 0),
            -self.warnings,
            -(self.weakened or 0),
            self.coverage if self.coverage is not None else 101.0,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form (the ``agencies`` list)."""
        return {
            "agency": self.agency,
            "id": self.catalog_id,
            "file": self.file,
            "year": self.year,
            "level": self.level,
            "items": self.items,
            "errors": self.errors,
            "warnings": self.warnings,
            "coverage": None if self.coverage is None else round(self.coverage, 1),
            "guide": None
            if self.missing is None
            else {"missing": self.missing, "weakened": self.weakened},
            "changes": None
            if self.changes is None
            else {
                "since": self.previous,
                "total": self.changes,
                "added": self.added,
                "removed": self.removed,
            },
        }


@dataclass(frozen=True)
class Summary:
    """Every agency's row, worst first, the guide used and the files that could not be read."""

    rows: tuple[AgencyRow, ...]
    guide: str | None
    unreadable: tuple[Diagnostic, ...] = field(default=())

    def totals(self) -> dict[str, Any]:
        """Sums over the agencies (coverage: the mean of those that have one)."""
        covered = [r.coverage for r in self.rows if r.coverage is not None]
        return {
            "agencies": len(self.rows),
            "items": sum(r.items for r in self.rows),
            "errors": sum(r.errors for r in self.rows),
            "warnings": sum(r.warnings for r in self.rows),
            "coverage": round(sum(covered) / len(covered), 1) if covered else None,
            "missing": None if self.guide is None else sum(r.missing or 0 for r in self.rows),
            "weakened": None if self.guide is None else sum(r.weakened or 0 for r in self.rows),
            "unreadable": len(self.unreadable),
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``agencies``, ``totals``, ``guide``."""
        return {
            "guide": self.guide,
            "agencies": [r.to_dict() for r in self.rows],
            "totals": self.totals(),
            "unreadable": [d.to_dict() for d in self.unreadable],
        }


def change_total(diff: CatalogDiff) -> int:
    """The changes ``govopen diff`` counts in its closing line (:meth:`CatalogDiff.summary`).

    Each item once per kind of change: 新增, 删除, 改编号, 移动, 修改 (a moved item whose only
    change is its 一级事项 counts once, as 移动), and 目录信息 fields. Not the number of change
    records (``diff.changes``), which counts an item once per field and adds the 三定 notes.
    """
    return (
        len(diff.added)
        + len(diff.removed)
        + len(diff.renamed)
        + len(diff.moved)
        + len(diff.modified)
        + len(diff.header)
    )


def _counts(diagnostics: Iterable[Diagnostic], files: set[str]) -> tuple[int, int]:
    errors = warnings = 0
    for d in diagnostics:
        if d.waived or d.file not in files:
            continue
        if d.severity == Severity.ERROR:
            errors += 1
        elif d.severity == Severity.WARNING:
            warnings += 1
    return errors, warnings


def agencies(files: Iterable[LoadedFile]) -> list[list[LoadedFile]]:
    """The catalogs grouped by agency: one folder's catalogs of one ``catalog.id``.

    Several years of one id in one folder are one agency's years. Files that share an
    id and a year (copies, or a folder of examples) cannot be one agency's years: each
    is its own row.
    """
    groups: dict[tuple[Path, str], list[LoadedFile]] = defaultdict(list)
    for loaded in files:
        assert loaded.catalog is not None
        groups[(loaded.path.resolve().parent, loaded.catalog.id)].append(loaded)
    out: list[list[LoadedFile]] = []
    for group in groups.values():
        years = [f.catalog.year if f.catalog else None for f in group]
        if len(set(years)) == len(years):
            out.append(sorted(group, key=lambda f: (f.catalog.year or 0) if f.catalog else 0))
        else:
            out.extend([f] for f in group)
    return out


def summarize(paths: list[Path], config: Config, guide: str | None = None) -> Summary:
    """One row per agency over the catalogs in ``paths`` (files or folders)."""
    result = check_paths(paths, CheckOptions(config=config, keep_files=True))
    reference = load_guide(guide) if guide else None
    unreadable = tuple(
        d
        for f in result.files
        if f.kind != "duties" and f.catalog is None
        for d in f.diagnostics[:1]
    )
    diagnostics = result.report.diagnostics
    rows = [
        _row(files, diagnostics, config, reference, guide) for files in agencies(result.catalogs)
    ]
    rows.sort(key=lambda r: (r.sort_key(), r.agency, r.file))
    return Summary(rows=tuple(rows), guide=guide, unreadable=unreadable)


def _row(
    files: list[LoadedFile],
    diagnostics: list[Diagnostic],
    config: Config,
    reference: Catalog | None,
    guide: str | None,
) -> AgencyRow:
    """One agency's row: its newest catalog, and the change since the year before."""
    current = files[-1]
    catalog = current.catalog
    assert catalog is not None
    mapping = current.mapping.dutymap if current.mapping is not None else None
    shown = {current.display} | ({current.mapping.display} if current.mapping else set())
    errors, warnings = _counts(diagnostics, shown)
    conformance = (
        conform_catalog(catalog, reference, guide, config.extra_channels)
        if reference is not None and guide
        else None
    )
    previous = next(
        (
            f
            for f in files[:-1]
            if f.catalog is not None
            and catalog.year is not None
            and f.catalog.year == catalog.year - 1
        ),
        None,
    )
    diff = None
    if previous is not None and previous.catalog is not None:
        old_map = previous.mapping.dutymap if previous.mapping is not None else None
        diff = diff_catalogs(previous.catalog, catalog, old_map, mapping)
    return AgencyRow(
        agency=catalog.agency,
        catalog_id=catalog.id,
        file=current.display,
        year=catalog.year,
        level=catalog.level,
        items=len(catalog.items),
        errors=errors,
        warnings=warnings,
        coverage=compute_coverage(catalog, mapping).percent if mapping else None,
        missing=len(conformance.missing) if conformance else None,
        weakened=len(conformance.weakened) if conformance else None,
        previous=previous.display if diff is not None and previous else None,
        changes=change_total(diff) if diff is not None else None,
        added=len(diff.added) if diff is not None else None,
        removed=len(diff.removed) if diff is not None else None,
    )
