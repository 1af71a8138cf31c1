"""``govopen coverage``: one catalog and its 三定 mapping, loaded, checked and matched.

:func:`check_coverage` is the one core call behind the command: it runs
:func:`~govopen_cli.checks.run.check_paths` on the catalog, then
:func:`~govopen_cli.checks.coverage.compute_coverage` on the catalog and its mapping.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govopen_cli.catalog.files import unreadable_catalog
from govopen_cli.checks.coverage import CoverageTable, compute_coverage
from govopen_cli.checks.run import CheckOptions, check_paths
from govopen_cli.codes.go.coverage import GO401, GO409
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.errors import GovopenError, PathNotFoundError


@dataclass(frozen=True)
class CoverageResult:
    """What ``govopen coverage`` shows: the table, the threshold and the link problems."""

    catalog_file: str
    mapping_file: str
    table: CoverageTable
    threshold: float | None
    problems: tuple[Diagnostic, ...]

    @property
    def passed(self) -> bool:
        """False when the mapping cannot be trusted, or a threshold is set and not met."""
        if not self.table.trusted:
            return False
        return self.threshold is None or self.table.percent >= self.threshold


def check_coverage(path: Path, options: CheckOptions | None = None) -> CoverageResult:
    """Load one catalog and its 三定 mapping and match them: the core of ``govopen coverage``.

    The mapping is ``options.duties``, else the catalog's ``catalog.duties``, else the
    configuration's ``duties``. Raises :class:`~govopen_cli.errors.GovopenError` when
    the coverage cannot be computed: the catalog or the mapping cannot be read, or
    there is no mapping (the message says how to name one).
    """
    options = options or CheckOptions()
    if not path.exists():
        raise PathNotFoundError(f"路径不存在：{path}")
    if not path.is_file():
        raise GovopenError(
            f"{path} 不是文件：govopen coverage 需要一个目录文件，如 catalogs/2025.yaml"
        )
    result = check_paths([path], options)
    cat_file = result.files[0]
    catalog = cat_file.catalog
    if catalog is None:
        raise unreadable_catalog(cat_file)
    missing = [d for d in result.report.diagnostics if d.code == GO401.code]
    if missing:
        raise GovopenError(missing[0].message)
    mapping = cat_file.mapping
    if mapping is None:
        raise GovopenError(
            f"目录 {cat_file.display} 没有指定三定映射，无法计算覆盖率。请任选一种方式给出："
            "在目录的 catalog 下写 duties: 映射文件路径（相对于目录文件所在的文件夹）；"
            f"或运行 govopen coverage {cat_file.display} --duties 映射文件；"
            '或在 govopen.toml 中写 duties = "映射文件路径"'
        )
    if mapping.dutymap is None:
        reason = next((d for d in mapping.diagnostics if d.severity >= Severity.ERROR), None)
        detail = (
            f"（{reason.file}:{reason.line}:{reason.column}: {reason.message}）" if reason else ""
        )
        raise GovopenError(
            f"三定映射 {mapping.display} 无法读取{detail}。请先运行 govopen check {mapping.display}"
        )
    problems = tuple(
        d for d in result.report.active if d.code.startswith("GO4") and d.code != GO409.code
    )
    return CoverageResult(
        catalog_file=cat_file.display,
        mapping_file=mapping.display,
        table=compute_coverage(catalog, mapping.dutymap),
        threshold=options.config.min_coverage,
        problems=problems,
    )
