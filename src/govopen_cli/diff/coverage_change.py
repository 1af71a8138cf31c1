"""三定 duties across a diff: a duty that lost its last item, and coverage before and after.

A duty's items are counted both ways: the items that name it in ``duties:``, and, when
both catalogs name a 三定 mapping, the items the mapping lists for it. With both
mappings, coverage is computed as ``govopen coverage`` computes it, on each side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govopen_cli.catalog.model import Catalog, DutyMap, Item
from govopen_cli.checks.coverage import compute_coverage
from govopen_cli.codes.gd import GD301, GD302, GD303
from govopen_cli.diagnostics import Severity
from govopen_cli.diff.classifier import Classifier
from govopen_cli.diff.match import items_by_id


@dataclass(frozen=True)
class CoverageState:
    """三定 coverage of one side: duty ids by state, in mapping order."""

    file: str
    covered: tuple[str, ...]
    missing: tuple[str, ...]
    exempt: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{file, duties, covered, missing, exempt}``."""
        return {
            "file": self.file,
            "duties": len(self.covered) + len(self.missing) + len(self.exempt),
            "covered": list(self.covered),
            "missing": list(self.missing),
            "exempt": list(self.exempt),
        }


@dataclass(frozen=True)
class CoverageChange:
    """三定 coverage before and after, when both sides name a mapping."""

    before: CoverageState
    after: CoverageState
    newly_covered: tuple[str, ...]
    newly_missing: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{before, after, newly_covered, newly_missing}``."""
        return {
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "newly_covered": list(self.newly_covered),
            "newly_missing": list(self.newly_missing),
        }


def _duty_links(catalog: Catalog, dutymap: DutyMap | None) -> dict[str, list[str]]:
    """Duty id -> ids of the catalog's items that disclose it, both directions counted."""
    ids = {item.id for item in catalog.items}
    # dicts as ordered sets: a duty linked by thousands of items costs no list scans
    links: dict[str, dict[str, None]] = {}
    for item in catalog.items:
        for duty_id in item.duties:
            links.setdefault(duty_id, {})[item.id] = None
    if dutymap is not None:
        for duty in dutymap.duties:
            for item_id in duty.items:
                if item_id in ids:
                    links.setdefault(duty.id, {})[item_id] = None
    return {duty_id: list(items) for duty_id, items in links.items()}


def _coverage_state(catalog: Catalog, dutymap: DutyMap) -> CoverageState:
    """Covered / missing / exempt duty ids, as ``govopen coverage`` counts them."""
    table = compute_coverage(catalog, dutymap)

    def ids(status: str) -> tuple[str, ...]:
        return tuple(row.duty.id for row in table.rows if row.status == status)

    return CoverageState(dutymap.display, ids("covered"), ids("missing"), ids("exempt"))


def duty_changes(
    classifier: Classifier, old_map: DutyMap | None, new_map: DutyMap | None
) -> CoverageChange | None:
    """Record the duties' changes (GD301-GD303) with ``classifier``; coverage when both maps.

    GD301 needs only the catalogs; GD302 and GD303 and the coverage returned need
    both mappings (None otherwise).
    """
    both = old_map is not None and new_map is not None
    old_links = _duty_links(classifier.old, old_map if both else None)
    new_links = _duty_links(classifier.new, new_map if both else None)
    lost = sorted(d for d, items in old_links.items() if items and not new_links.get(d))
    if both:
        assert new_map is not None
        lost = [d for d in (x.id for x in new_map.duties) if d in lost and _not_exempt(new_map, d)]
    old_items: dict[str, Item] = {}
    for duty_id in lost:
        before = old_links[duty_id]
        duty = new_map.duty(duty_id) if both and new_map is not None else None
        if duty is not None and new_map is not None:
            document: Catalog | DutyMap = new_map
            pointer = duty.pointer
        else:
            old_items = old_items or items_by_id(classifier.old)
            first = old_items[before[0]]
            document, pointer = classifier.old, f"{first.pointer}/duties"
        classifier.add(
            GD301.code,
            Severity.WARNING,
            f"三定职责 {duty_id} 在新目录中没有对应事项了（原有 {'、'.join(before)}）",
            document,
            pointer,
            old=list(before),
            new=[],
            duty_id=duty_id,
        )
    if old_map is None or new_map is None:
        return None
    before_state = _coverage_state(classifier.old, old_map)
    after_state = _coverage_state(classifier.new, new_map)
    newly_covered = tuple(d for d in after_state.covered if d not in before_state.covered)
    newly_missing = tuple(d for d in after_state.missing if d not in before_state.missing)
    for duty_id in newly_covered:
        duty = new_map.duty(duty_id)
        assert duty is not None
        items = new_links[duty_id]
        classifier.add(
            GD302.code,
            Severity.INFO,
            f"三定职责 {duty_id} 新有对应事项 {'、'.join(items)}",
            new_map,
            duty.pointer,
            old=list(old_links.get(duty_id, [])),
            new=list(items),
            duty_id=duty_id,
        )
    for duty_id in newly_missing:
        if duty_id in lost:
            continue  # reported as GD301
        duty = new_map.duty(duty_id)
        assert duty is not None
        why = "不再豁免" if duty_id in before_state.exempt else "新增的职责"
        classifier.add(
            GD303.code,
            Severity.WARNING,
            f"三定职责 {duty_id} 没有对应事项（{why}）",
            new_map,
            duty.pointer,
            old=[],
            new=[],
            duty_id=duty_id,
        )
    return CoverageChange(before_state, after_state, newly_covered, newly_missing)


def _not_exempt(dutymap: DutyMap, duty_id: str) -> bool:
    duty = dutymap.duty(duty_id)
    return duty is not None and duty.exempt is None
