"""Waivers: an item's ``waivers`` silence one rule for that item only.

A waiver applies to the findings of its rule that are about its item: located inside
the item (``/items/N/...`` in the catalog file), or naming the item's id (a finding in
the 三定 mapping about a link to the item). A waived finding is kept, marked
``waived`` with the reason, so reports count it; it just no longer fails the run.

A waiver stops working after its ``until`` date (GO901). A waiver that silenced
nothing is reported (GO902), like ruff's unused ``noqa``, but only when its rule
actually ran on the catalog; a waiver naming a code that does not exist is an error
(GO903). A waiver without a reason never silences: the schema reports it (GO101).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from govopen_cli.catalog.model import Catalog, Item, Waiver
from govopen_cli.codes import Code, all_codes
from govopen_cli.codes.go.waiver import GO901, GO902, GO903
from govopen_cli.diagnostics import Diagnostic

_ITEM_POINTER = re.compile(r"^/items/(\d+)(?:/|$)")
_CODE = re.compile(r"^[A-Z]{2}[0-9]{3}$")


def item_index(pointer: str) -> int | None:
    """The index N of a pointer inside ``/items/N``, or None."""
    match = _ITEM_POINTER.match(pointer)
    return int(match.group(1)) if match else None


def item_label(item: Item) -> str:
    """``事项 ZD-002``, or ``第 3 个事项`` for an item without an id."""
    return f"事项 {item.id}" if item.id else f"第 {item.index + 1} 个事项"


@dataclass
class _Entry:
    item: Item
    waiver: Waiver
    used: bool = False


class WaiverBook:
    """The waivers of one catalog's items, and which of them silenced something."""

    def __init__(self, catalog: Catalog, today: dt.date) -> None:
        self.catalog = catalog
        self.today = today
        self.entries = [
            _Entry(item, waiver)
            for item in catalog.items
            for waiver in item.waivers
            if waiver.reason.strip()
        ]

    def expired(self, waiver: Waiver) -> bool:
        """True once ``today`` is past the waiver's ``until`` date."""
        return waiver.until is not None and self.today > waiver.until

    def item_for(self, diag: Diagnostic, item_id: str = "") -> Item | None:
        """The item a diagnostic is about: by its pointer in the catalog, else by item id."""
        if diag.file == self.catalog.display:
            index = item_index(diag.path)
            if index is not None and index < len(self.catalog.items):
                return self.catalog.items[index]
        return self.catalog.item(item_id) if item_id else None

    def waive(self, diag: Diagnostic, item_id: str = "") -> Diagnostic:
        """The diagnostic, marked waived when its item has a live waiver for its code."""
        if not self.entries:
            return diag
        item = self.item_for(diag, item_id)
        if item is None:
            return diag
        for entry in self.entries:
            if (
                entry.item is item
                and entry.waiver.rule == diag.code
                and not self.expired(entry.waiver)
            ):
                entry.used = True
                return replace(diag, waived=True, waiver_reason=entry.waiver.reason)
        return diag

    def findings(self, ran: Callable[[str], bool]) -> Iterator[Diagnostic]:
        """GO901/GO902/GO903 for this catalog's waivers (call after every :meth:`waive`).

        ``ran(code)`` tells whether rule ``code`` ran on the catalog: a waiver for a rule
        that did not run cannot be called unused.
        """
        used_rules: set[tuple[int, str]] = set()
        for entry in self.entries:
            if entry.used:
                used_rules.add((entry.item.index, entry.waiver.rule))
        for entry in self.entries:
            item, waiver = entry.item, entry.waiver
            rule_code = waiver.rule
            if not _CODE.match(rule_code):
                continue  # not even shaped like a code: the schema reports it (GO103)
            if rule_code not in all_codes():
                yield self._diag(
                    GO903,
                    entry,
                    f"{waiver.pointer}/rule",
                    f"{item_label(item)} 的豁免写的规则编号 {rule_code} 不存在，"
                    "它什么也不豁免。请改成 govopen rules 列出的编号，或删除这条豁免",
                )
            elif self.expired(waiver):
                yield self._diag(
                    GO901,
                    entry,
                    f"{waiver.pointer}/until",
                    f"{item_label(item)} 对 {rule_code} 的豁免已于 {waiver.until} 到期，不再生效，"
                    f"{rule_code} 的问题照常报告。处理该问题后删除这条豁免；"
                    "理由仍然成立时，把 until 改到新的日期",
                )
            elif not entry.used and ran(rule_code):
                if (item.index, rule_code) in used_rules:
                    message = (
                        f"{item_label(item)} 对 {rule_code} 的豁免重复："
                        "同一规则已有一条生效的豁免。请删除这一条"
                    )
                else:
                    message = (
                        f"{item_label(item)} 对 {rule_code} 的豁免没有用到："
                        f"{rule_code} 在这个事项上没有发现问题。请删除这条豁免"
                    )
                yield self._diag(GO902, entry, f"{waiver.pointer}/rule", message)

    def _diag(self, code: Code, entry: _Entry, pointer: str, message: str) -> Diagnostic:
        location = self.catalog.locate(pointer)
        return code.at(
            location.file,
            message,
            line=location.line,
            column=location.column,
            path=pointer,
            fingerprint=f"{code.code}:{self.catalog.id}:{entry.item.id}:waivers/{entry.waiver.rule}",
        )
