"""三定 coverage: which duties of the 三定方案 the catalog discloses.

A duty is covered when at least one catalog item names it (``items[].duties``) or
it names at least one existing catalog item (``duties[].items``); an exempt duty
needs no item. Links in either direction to ids that do not exist are collected
so the rules can report them at the link.

A mapping that cannot be trusted is never read as if it were whole: a duty whose
id is used twice (an item naming that id could mean either), or whose ``exempt`` is
not a mapping with reason and basis (``exempt: yes``), is ``unclear`` — counted as
not covered — and the table says why it is not :attr:`CoverageTable.trusted`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from govopen_cli.catalog.model import Catalog, Duty, DutyMap

Status = Literal["covered", "exempt", "missing", "unclear"]
STATUS_ZH = {"covered": "已覆盖", "exempt": "不予公开", "missing": "缺失", "unclear": "无法判断"}


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
    #: Why the mapping cannot be trusted (empty when it can), one sentence each.
    untrusted: tuple[str, ...] = ()

    @property
    def trusted(self) -> bool:
        """False when a duty id is used twice or an exemption is not a mapping."""
        return not self.untrusted

    def count(self, status: Status) -> int:
        """How many duties have this status."""
        return sum(1 for r in self.rows if r.status == status)

    @property
    def percent(self) -> float:
        """Share of duties covered or lawfully exempt, in percent (100 with no duties).

        ``unclear`` duties count as not covered: an untrusted mapping never reaches 100.
        """
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
    seen: set[str] = set()
    duplicated: list[str] = []
    for duty in dutymap.duties:
        if duty.id in seen and duty.id not in duplicated:
            duplicated.append(duty.id)
        seen.add(duty.id)
    bad_exempt = [d.id for d in dutymap.duties if d.exempt_declared and d.exempt is None]
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
        if duty.id in duplicated or duty.id in bad_exempt:
            status = "unclear"
        elif duty.exempt_declared:
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
        untrusted=_untrusted(duplicated, bad_exempt),
    )


def _untrusted(duplicated: list[str], bad_exempt: list[str]) -> tuple[str, ...]:
    reasons = []
    if duplicated:
        reasons.append(
            f"职责编号 {'、'.join(duplicated)} 重复，无法判断事项公开的是哪一项职责（GO408）"
        )
    if bad_exempt:
        reasons.append(
            f"职责 {'、'.join(bad_exempt)} 的 exempt 不是写有 reason（理由）和 basis（依据）"
            "的不予公开声明（GO102）"
        )
    return tuple(reasons)
