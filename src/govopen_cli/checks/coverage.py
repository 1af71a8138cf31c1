"""三定 coverage: which duties of the 三定方案 the catalog discloses.

A duty is covered when at least one catalog item names it (``items[].duties``) or
it names at least one existing catalog item (``duties[].items``); an exempt duty
needs no item. Links in either direction to ids that do not exist are collected
so the rules can report them at the link.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from govopen_cli.catalog.model import Catalog, Duty, DutyMap
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.errors import GovopenError, PathNotFoundError

if TYPE_CHECKING:
    from govopen_cli.checks.run import CheckOptions

Status = Literal["covered", "exempt", "missing"]
STATUS_ZH = {"covered": "已覆盖", "exempt": "不予公开", "missing": "缺失"}


@dataclass(frozen=True)
class DutyCoverage:
    """One row of the coverage table."""

    duty: Duty
    items: tuple[str, ...]
    status: Status

    @property
    def status_zh(self) -> str:
        """已覆盖 / 不予公开 / 缺失."""
        return STATUS_ZH[self.status]


@dataclass(frozen=True)
class DanglingLink:
    """A link to an id that does not exist on the other side."""

    source_id: str
    target_id: str
    pointer: str


@dataclass(frozen=True)
class CoverageTable:
    """Duties against the items that disclose them."""

    catalog: Catalog
    dutymap: DutyMap
    rows: tuple[DutyCoverage, ...]
    unknown_items: tuple[DanglingLink, ...]
    unknown_duties: tuple[DanglingLink, ...]

    def count(self, status: Status) -> int:
        """How many duties have this status."""
        return sum(1 for r in self.rows if r.status == status)

    @property
    def percent(self) -> float:
        """Share of duties covered or lawfully exempt, in percent (100 with no duties)."""
        if not self.rows:
            return 100.0
        return 100.0 * (self.count("covered") + self.count("exempt")) / len(self.rows)

    def exempt_but_linked(self) -> list[DutyCoverage]:
        """Exempt duties that an item still names: worth a warning."""
        return [r for r in self.rows if r.duty.exempt_declared and r.items]


def compute_coverage(catalog: Catalog, dutymap: DutyMap) -> CoverageTable:
    """Match the catalog's items with the mapping's duties, in both directions."""
    item_ids = {it.id for it in catalog.items if it.id}
    duty_ids = {d.id for d in dutymap.duties if d.id}
    named_by_items: dict[str, list[str]] = {}
    unknown_duties: list[DanglingLink] = []
    for item in catalog.items:
        for i, duty_id in enumerate(item.duties):
            if duty_id in duty_ids:
                named_by_items.setdefault(duty_id, []).append(item.id)
            else:
                unknown_duties.append(DanglingLink(item.id, duty_id, f"{item.pointer}/duties/{i}"))
    rows: list[DutyCoverage] = []
    unknown_items: list[DanglingLink] = []
    for duty in dutymap.duties:
        linked = list(named_by_items.get(duty.id, []))
        for i, item_id in enumerate(duty.items):
            if item_id in item_ids:
                linked.append(item_id)
            else:
                unknown_items.append(DanglingLink(duty.id, item_id, f"{duty.pointer}/items/{i}"))
        items = tuple(dict.fromkeys(linked))
        status: Status
        if duty.exempt_declared:
            status = "exempt"
        elif items:
            status = "covered"
        else:
            status = "missing"
        rows.append(DutyCoverage(duty=duty, items=items, status=status))
    return CoverageTable(
        catalog=catalog,
        dutymap=dutymap,
        rows=tuple(rows),
        unknown_items=tuple(unknown_items),
        unknown_duties=tuple(unknown_duties),
    )


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
        """False when a threshold is set and the coverage is below it."""
        return self.threshold is None or self.table.percent >= self.threshold


def check_coverage(path: Path, options: CheckOptions | None = None) -> CoverageResult:
    """Load one catalog and its 三定 mapping and match them: the core of ``govopen coverage``.

    The mapping is ``options.duties``, else the catalog's ``catalog.duties``, else the
    configuration's ``duties``. Raises :class:`~govopen_cli.errors.GovopenError` when
    the coverage cannot be computed: the catalog or the mapping cannot be read, or
    there is no mapping (the message says how to name one).
    """
    from govopen_cli.checks.run import CheckOptions, check_paths

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
        reason = next((d for d in cat_file.diagnostics if d.severity >= Severity.ERROR), None)
        detail = (
            f"（{reason.file}:{reason.line}:{reason.column}: {reason.message}）" if reason else ""
        )
        raise GovopenError(
            f"{cat_file.display} 无法作为目录读取{detail}。请先运行 govopen check {cat_file.display}"
        )
    missing = [d for d in result.report.diagnostics if d.code == "GO401"]
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
        d for d in result.report.active if d.code.startswith("GO4") and d.code != "GO409"
    )
    return CoverageResult(
        catalog_file=cat_file.display,
        mapping_file=mapping.display,
        table=compute_coverage(catalog, mapping.dutymap),
        threshold=options.config.min_coverage,
        problems=problems,
    )
