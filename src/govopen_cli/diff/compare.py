"""Old catalog vs new catalog: what changed, classified with GD codes.

:func:`diff_catalogs` is pure: two :class:`~govopen_cli.catalog.model.Catalog` values (and
their 三定 mappings, when both name one) in, a :class:`CatalogDiff` out. It never
reads files, prints or exits. :func:`diff_sources` is the one core call behind
``govopen diff``: it loads both sides (files or ``REV:path``) and diffs them.

Items are paired by id, then renamed items by similarity (:mod:`.match`); the fields
of each pair are compared (:mod:`.fields`) and every difference becomes a
:class:`~govopen_cli.diff.change.Change` (:mod:`.classifier`), then the 三定 duties
(:mod:`.coverage_change`). A matched item whose 一级事项 changed is also reported as
moved. Order carries no meaning for the items nor for the list fields in
:data:`~govopen_cli.diff.fields.MULTISET_FIELDS`, so reordering is never a
difference; ``matter`` is a path and keeps its order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govopen_cli.catalog.files import paused_gc
from govopen_cli.catalog.model import Catalog, DutyMap
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.diff.change import Change
from govopen_cli.diff.classifier import Classifier, Positions
from govopen_cli.diff.coverage_change import CoverageChange, duty_changes
from govopen_cli.diff.fields import FieldChange, compare_headers, compare_items
from govopen_cli.diff.match import RENAME_THRESHOLD, items_by_id, match_renames


@dataclass(frozen=True)
class ItemChange:
    """A matched item whose fields changed (``old_id`` differs when it was renamed)."""

    id: str
    old_id: str
    fields: tuple[FieldChange, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{id, fields}``, plus ``old_id`` for a renamed item."""
        data: dict[str, Any] = {"id": self.id}
        if self.old_id != self.id:
            data["old_id"] = self.old_id
        data["fields"] = [f.to_dict() for f in self.fields]
        return data


@dataclass(frozen=True)
class Rename:
    """An item whose id changed while its content stayed nearly the same."""

    old: str
    new: str
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        """``{old, new, similarity}``; similarity 0-100, one decimal."""
        return {"old": self.old, "new": self.new, "similarity": round(self.similarity, 1)}


@dataclass(frozen=True)
class Move:
    """An item filed under another 一级事项 (``id`` is its id in the new catalog)."""

    id: str
    old: str
    new: str

    def to_dict(self) -> dict[str, Any]:
        """``{id, old, new}`` with the old and new 一级事项."""
        return {"id": self.id, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class CatalogDiff:
    """Everything that differs between two catalogs. Empty when nothing does."""

    old: str
    new: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    renamed: tuple[Rename, ...] = ()
    moved: tuple[Move, ...] = ()
    changed: tuple[ItemChange, ...] = ()
    header: tuple[FieldChange, ...] = ()
    coverage: CoverageChange | None = None
    changes: tuple[Change, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the two catalogs do not classifier."""
        return not self.changes

    def count(self, severity: Severity) -> int:
        """How many changes have exactly this severity."""
        return sum(1 for c in self.changes if c.severity == severity)

    def fails(self, fail_on: Severity) -> bool:
        """True when a change is at or above ``fail_on``."""
        return any(c.severity >= fail_on for c in self.changes)

    @property
    def modified(self) -> tuple[ItemChange, ...]:
        """Changed items a reader counts as 修改: a moved item's ``matter`` is its move.

        ``changed`` (and the JSON) keeps every item with a field change, moved ones
        included; the summary line counts an item moved and nothing else once, as 移动.
        """
        moved = {m.id for m in self.moved}
        return tuple(
            c
            for c in self.changed
            if c.id not in moved or any(f.field != "matter" for f in c.fields)
        )

    def summary(self) -> str:
        """The closing line, in Chinese: each item once per kind of change."""
        if self.empty:
            return "两个目录没有差异。"
        parts = [
            f"{label} {count} {unit}"
            for label, count, unit in (
                ("新增", len(self.added), "项"),
                ("删除", len(self.removed), "项"),
                ("改编号", len(self.renamed), "项"),
                ("移动", len(self.moved), "项"),
                ("修改", len(self.modified), "项"),
                ("目录信息", len(self.header), "处"),
            )
            if count
        ]
        counts = f"警告 {self.count(Severity.WARNING)} 个，提示 {self.count(Severity.INFO)} 个"
        return "，".join(parts or ["三定覆盖有变化"]) + "；" + counts + "。"

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape (docs/diff.md): keep it stable."""
        return {
            "tool": "govopen",
            "old": self.old,
            "new": self.new,
            "added": list(self.added),
            "removed": list(self.removed),
            "renamed": [r.to_dict() for r in self.renamed],
            "moved": [m.to_dict() for m in self.moved],
            "changed": [c.to_dict() for c in self.changed],
            "header": [h.to_dict() for h in self.header],
            "coverage": self.coverage.to_dict() if self.coverage is not None else None,
            "changes": [c.to_dict() for c in self.changes],
            "summary": {
                "added": len(self.added),
                "removed": len(self.removed),
                "renamed": len(self.renamed),
                "moved": len(self.moved),
                "changed": len(self.changed),
                "header": len(self.header),
                "warning": self.count(Severity.WARNING),
                "info": self.count(Severity.INFO),
            },
        }


# -- comparing ---------------------------------------------------------------------


def diff_catalogs(
    old: Catalog,
    new: Catalog,
    old_map: DutyMap | None = None,
    new_map: DutyMap | None = None,
    *,
    rename_threshold: float = RENAME_THRESHOLD,
    old_positions: Positions | None = None,
) -> CatalogDiff:
    """Compare two catalogs (and their 三定 mappings, when both are given).

    Pure: reads nothing, prints nothing. Changes come in a stable order: the
    header, then items in the new file's order (removed items after them, in the
    old file's order), then 三定 duties. ``old_positions`` locates changes in the
    old catalog when its document was dropped (:mod:`.revision`).
    """
    classifier = Classifier(old, new, old_positions)
    header = compare_headers(old, new)
    for change in header:
        classifier.header(change)
    old_items, new_items = items_by_id(old), items_by_id(new)
    unmatched_old = [it for it in old_items.values() if it.id not in new_items]
    unmatched_new = [it for it in new_items.values() if it.id not in old_items]
    pairs = match_renames(unmatched_old, unmatched_new, rename_threshold)
    renamed_to = {new_item.id: (old_item, score) for old_item, new_item, score in pairs}
    renamed_from = {old_item.id for old_item, _, _ in pairs}

    added: list[str] = []
    renames: list[Rename] = []
    moves: list[Move] = []
    changed: list[ItemChange] = []
    for new_item in new_items.values():
        if new_item.id in old_items:
            old_item = old_items[new_item.id]
        elif new_item.id in renamed_to:
            old_item, score = renamed_to[new_item.id]
            renames.append(Rename(old_item.id, new_item.id, score))
            classifier.renamed(old_item, new_item, score)
        else:
            added.append(new_item.id)
            classifier.added(new_item)
            continue
        fields = compare_items(old_item, new_item)
        if old_item.first_level != new_item.first_level:
            moves.append(Move(new_item.id, old_item.first_level, new_item.first_level))
        for change in fields:
            classifier.field(old_item, new_item, change)
        if fields:
            changed.append(ItemChange(new_item.id, old_item.id, tuple(fields)))
    removed = [it.id for it in unmatched_old if it.id not in renamed_from]
    for item_id in removed:
        classifier.removed(old_items[item_id])
    coverage = duty_changes(classifier, old_map, new_map)
    return CatalogDiff(
        old=old.display,
        new=new.display,
        added=tuple(added),
        removed=tuple(removed),
        renamed=tuple(renames),
        moved=tuple(moves),
        changed=tuple(changed),
        header=tuple(header),
        coverage=coverage,
        changes=tuple(classifier.changes),
    )


# -- loading both sides ------------------------------------------------------------


@dataclass
class DiffOutcome:
    """What ``govopen diff`` shows: the diff, or the problems that prevent it."""

    diff: CatalogDiff | None
    problems: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def diff_sources(old: str, new: str) -> DiffOutcome:
    """Load two sides (a file or ``REV:path`` each) and diff them: the core of ``govopen diff``.

    A side with errors (YAML, schema, repeated ids) is not diffed: its diagnostics
    come back in ``problems`` and ``diff`` is None. The 三定 mappings are loaded
    only when both catalogs name one. Raises
    :class:`~govopen_cli.errors.GovopenError` when a side cannot be read at all.
    """
    with paused_gc():  # loads and the diff build no cycles: a collector pass is pure cost
        return _diff_sides(old, new)


def _diff_sides(old: str, new: str) -> DiffOutcome:
    from govopen_cli.diff.revision import load_mapping, load_side

    before = load_side(old)
    if before.usable:
        before.keep_item_positions()  # one file's document held at a time
    after = load_side(new)
    files = [before.display, after.display]
    problems = sorted(before.diagnostics + after.diagnostics, key=Diagnostic.sort_key)
    if before.catalog is None or after.catalog is None or not (before.usable and after.usable):
        return DiffOutcome(None, problems, files)
    if before.catalog.duties_ref and after.catalog.duties_ref:
        load_mapping(before)
        load_mapping(after)
    notes = before.notes + after.notes
    if notes:
        notes.append("因此不比较三定覆盖")
    result = diff_catalogs(
        before.catalog,
        after.catalog,
        before.dutymap,
        after.dutymap,
        old_positions=before.positions,
    )
    return DiffOutcome(result, problems, files, notes)
