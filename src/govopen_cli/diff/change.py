"""One classified change of ``govopen diff``: a :class:`Diagnostic` with what changed.

A change is located, coded and graded exactly like a finding of ``govopen check``
(file, line, column, GD code, severity, message, name, JSON pointer), so it is a
:class:`~govopen_cli.diagnostics.Diagnostic`; it adds the item or duty it is about,
the field, and the old and new values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govopen_cli.diagnostics import Diagnostic
from govopen_cli.diff.fields import HEADER_FIELDS, ITEM_FIELDS


@dataclass(frozen=True, slots=True)
class Change(Diagnostic):
    """One classified change, a finding of a GD code.

    Located in the new file, or in the old one for what the new file no longer
    has, or in the 三定 mapping for a duty. ``old``/``new`` are JSON values of what
    changed (for the workbook).
    """

    item_id: str = ""
    matter: tuple[str, ...] = ()
    field: str = ""
    old: Any = None
    new: Any = None
    duty_id: str = ""

    @property
    def first_level(self) -> str:
        """The item's 一级事项 (in the new catalog; the old one for a removal)."""
        return self.matter[0] if self.matter else ""

    @property
    def field_label(self) -> str:
        """The field's Chinese name (``三定职责 D05`` for a duty)."""
        if self.duty_id:
            return f"三定职责 {self.duty_id}"
        if not self.field:
            return ""
        if self.item_id:
            return "事项编号" if self.field == "id" else ITEM_FIELDS.get(self.field, self.field)
        return HEADER_FIELDS.get(self.field, self.field)

    def to_dict(self) -> dict[str, Any]:
        """The diff's JSON shape (docs/diff.md), not a check finding's.

        ``{code, name, severity, item, duty, field, message, file, line, column}``.
        """
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "item": self.item_id,
            "duty": self.duty_id,
            "field": self.field,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
        }
