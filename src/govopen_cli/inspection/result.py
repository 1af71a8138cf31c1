"""The results of an inspection, as data: per item, per 一级事项 and in all, with the 合格率.

An item is :data:`PASSED` (合格), :data:`FAILED` (不合格), :data:`NOT_APPLICABLE`,
:data:`UNCHECKED` or :data:`TO_VERIFY` (待核实); :mod:`.verdict` decides which. The
four :data:`QUESTIONS` an inspector answers per item, with one of the :data:`ANSWERS`,
are the 检查表's dropdown columns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from govopen_cli.diagnostics import Diagnostic, Severity

#: The questions an inspector answers for each item (the 检查表's dropdown columns),
#: keyed by the :class:`ItemResult` field that holds the answer, in sheet order.
QUESTIONS = {
    "published": "是否公开",
    "timely": "是否及时",
    "complete": "要素是否完整",
    "channels_ok": "渠道是否符合",
}
#: The answers a dropdown offers.
ANSWERS = ("是", "否", "不适用")

PASSED = "合格"
FAILED = "不合格"
NOT_APPLICABLE = "不适用"
UNCHECKED = "未检查"
#: Checked, but a dropdown holds free text: not 合格 until someone picks 是/否/不适用.
TO_VERIFY = "待核实"


@dataclass
class ItemResult:
    """One item's inspection."""

    item_id: str
    matter1: str
    matter: str
    row: int | None
    status: str = UNCHECKED
    published: str | None = None
    timely: str | None = None
    complete: str | None = None
    channels_ok: str | None = None
    formed: dt.date | None = None
    published_on: dt.date | None = None
    limit: str = ""
    due: dt.date | None = None
    late_by: int | None = None
    late_unit: str = ""
    evidence: str = ""
    problem: str = ""
    unit: str = ""
    unit_from_catalog: bool = False
    fix_by: dt.date | None = None
    reasons: list[str] = field(default_factory=list)
    #: Dropdown columns holding free text: (column header, the text).
    unclear: list[tuple[str, str]] = field(default_factory=list)

    @property
    def late(self) -> bool:
        """Late by the dates: published after the deadline the 公开时限 gives."""
        return self.late_by is not None and self.late_by > 0

    @property
    def ticked_untimely(self) -> bool:
        """是否及时 = 否, but not late by the dates (on time by them, or no dates)."""
        return self.timely == "否" and not self.late

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "id": self.item_id,
            "matter1": self.matter1,
            "matter": self.matter,
            "row": self.row,
            "status": self.status,
            "published": self.published,
            "timely": self.timely,
            "complete": self.complete,
            "channels_ok": self.channels_ok,
            "formed": self.formed.isoformat() if self.formed else None,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "limit": self.limit or None,
            "due": self.due.isoformat() if self.due else None,
            "late": self.late,
            "ticked_untimely": self.ticked_untimely,
            "late_by": self.late_by,
            "late_unit": self.late_unit or None,
            "evidence": self.evidence or None,
            "problem": self.problem or None,
            "unit": self.unit or None,
            "unit_from_catalog": self.unit_from_catalog,
            "fix_by": self.fix_by.isoformat() if self.fix_by else None,
            "reasons": list(self.reasons),
            "unclear": [{"column": c, "text": t} for c, t in self.unclear],
        }


@dataclass
class GroupResult:
    """Results under one 一级事项."""

    name: str
    items: int = 0
    passed: int = 0
    failed: int = 0
    not_applicable: int = 0
    to_verify: int = 0

    @property
    def checked(self) -> int:
        """Items with a result that counts (合格, 不合格 or 待核实)."""
        return self.passed + self.failed + self.to_verify

    @property
    def rate(self) -> float | None:
        """合格率 in percent, None with nothing checked."""
        return 100.0 * self.passed / self.checked if self.checked else None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "name": self.name,
            "items": self.items,
            "checked": self.checked,
            "passed": self.passed,
            "failed": self.failed,
            "to_verify": self.to_verify,
            "not_applicable": self.not_applicable,
            "rate": None if self.rate is None else round(self.rate, 1),
        }


@dataclass
class InspectionResult:
    """A filled-in 检查表 read back against its catalog."""

    workbook: str
    catalog: str
    sheet: str
    items: list[ItemResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    today: dt.date = field(default_factory=dt.date.today)
    #: The file could not be opened as a workbook at all (GI006): nothing was read.
    unreadable: bool = False

    def count(self, status: str) -> int:
        """Items with this status."""
        return sum(1 for r in self.items if r.status == status)

    @property
    def rate(self) -> float | None:
        """合格率 in percent over items 合格, 不合格 or 待核实; None with none checked."""
        checked = self.count(PASSED) + self.count(FAILED) + self.count(TO_VERIFY)
        return 100.0 * self.count(PASSED) / checked if checked else None

    @property
    def groups(self) -> list[GroupResult]:
        """Per 一级事项, in catalog order."""
        groups: dict[str, GroupResult] = {}
        for r in self.items:
            g = groups.setdefault(r.matter1, GroupResult(r.matter1))
            g.items += 1
            if r.status == PASSED:
                g.passed += 1
            elif r.status == FAILED:
                g.failed += 1
            elif r.status == NOT_APPLICABLE:
                g.not_applicable += 1
            elif r.status == TO_VERIFY:
                g.to_verify += 1
        return list(groups.values())

    @property
    def late(self) -> list[ItemResult]:
        """Items late by their dates."""
        return [r for r in self.items if r.late and r.status != NOT_APPLICABLE]

    @property
    def ticked_untimely(self) -> list[ItemResult]:
        """Items ticked 是否及时 = 否 that their dates do not show late."""
        return [r for r in self.items if r.ticked_untimely and r.status != NOT_APPLICABLE]

    @property
    def problems(self) -> list[ItemResult]:
        """Items 不合格, with what is wrong and who fixes it."""
        return [r for r in self.items if r.status == FAILED]

    @property
    def to_verify(self) -> list[ItemResult]:
        """Items 待核实: a dropdown holds free text and nothing else makes them 不合格."""
        return [r for r in self.items if r.status == TO_VERIFY]

    def sorted_diagnostics(self) -> list[Diagnostic]:
        """The diagnostics, those located in the sheet first, in sheet order."""
        return sorted(self.diagnostics, key=_order)

    def fails(self, fail_on: Severity) -> bool:
        """True when a diagnostic is at or above ``fail_on``."""
        return any(d.severity >= fail_on for d in self.diagnostics)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``--format json``."""
        return {
            "tool": "govopen",
            "command": "inspect",
            "workbook": self.workbook,
            "catalog": self.catalog,
            "sheet": self.sheet,
            "today": self.today.isoformat(),
            "summary": {
                "items": len(self.items),
                "passed": self.count(PASSED),
                "failed": self.count(FAILED),
                "not_applicable": self.count(NOT_APPLICABLE),
                "to_verify": self.count(TO_VERIFY),
                "unchecked": self.count(UNCHECKED),
                "late": len(self.late),
                "ticked_untimely": len(self.ticked_untimely),
                "rate": None if self.rate is None else round(self.rate, 1),
            },
            "groups": [g.to_dict() for g in self.groups],
            "items": [r.to_dict() for r in self.items],
            "late": [r.item_id for r in self.late],
            "ticked_untimely": [r.item_id for r in self.ticked_untimely],
            "problems": [r.to_dict() for r in self.problems],
            "to_verify": [r.to_dict() for r in self.to_verify],
            "diagnostics": [d.to_dict() for d in self.sorted_diagnostics()],
        }


def _order(d: Diagnostic) -> tuple[int, str, int, int, str]:
    # Sheet diagnostics in sheet order, catalog-located ones after.
    return (0 if d.source else 1, d.file, d.line, d.column, d.code)
