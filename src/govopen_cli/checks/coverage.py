"""三定 coverage: which duties of the 三定方案 the catalog discloses.

A duty is covered when at least one catalog item names it (``items[].duties``) or
it names at least one existing catalog item (``duties[].items``); an exempt duty
needs no item. Links in either direction to ids that do not exist are collected
so the rules can report them at the link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from govopen_cli.catalog.model import Catalog, Duty, DutyMap

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
