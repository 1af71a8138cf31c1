"""What each difference means: its GD code, its severity and the message people read.

:class:`Classifier` turns the facts of one comparison (an item added, removed or
renamed, a field changed, a header field changed) into :class:`Change` values, in
the order it is told about them. A field change is classified by what it does to
the public: a longer deadline, a 主动公开 item no longer proactive and a dropped
channel are warnings; other edits are information.
"""

from __future__ import annotations

from typing import Any, Protocol

from govopen_cli.catalog.deadline import publishing_limit
from govopen_cli.catalog.model import Catalog, Deadline, DutyMap, Item, Location
from govopen_cli.codes import all_codes
from govopen_cli.codes.gd import (
    GD101,
    GD102,
    GD103,
    GD104,
    GD201,
    GD202,
    GD203,
    GD204,
    GD205,
    GD401,
    GD402,
)
from govopen_cli.diagnostics import Severity
from govopen_cli.diff.change import Change
from govopen_cli.diff.fields import HEADER_FIELDS, FieldChange, deadline_lengthened, value_text


def _delta_text(change: FieldChange) -> str:
    parts = []
    if change.added:
        parts.append("新增 " + "、".join(value_text(v) for v in change.added))
    if change.removed:
        parts.append("删除 " + "、".join(value_text(v) for v in change.removed))
    return "；".join(parts)


def _limit_text(deadline: Deadline) -> str:
    limit = publishing_limit(deadline)
    return f"{limit.days}个{limit.unit}" if limit is not None else deadline.text


class Positions(Protocol):
    """Where a pointer of a document is written."""

    def locate(self, pointer: str) -> Location:
        """1-based file, line and column of ``pointer``."""
        ...


class Classifier:
    """Builds the classified changes of one diff of ``old`` against ``new``.

    ``old_positions`` locates the old catalog's pointers when its document was
    dropped after loading (see :class:`~govopen_cli.diff.revision.ItemPositions`).
    """

    def __init__(self, old: Catalog, new: Catalog, old_positions: Positions | None = None) -> None:
        self.old = old
        self.new = new
        self.old_positions = old_positions
        self.changes: list[Change] = []

    def add(
        self,
        code: str,
        severity: Severity,
        message: str,
        document: Catalog | DutyMap,
        pointer: str,
        *,
        item: Item | None = None,
        field_name: str = "",
        old: Any = None,
        new: Any = None,
        duty_id: str = "",
    ) -> None:
        """Record a change located at ``pointer`` in ``document``."""
        where: Positions = document
        if document is self.old and self.old_positions is not None:
            where = self.old_positions
        location = where.locate(pointer)
        self.changes.append(
            Change(
                file=location.file,
                line=location.line,
                column=location.column,
                code=code,
                severity=severity,
                message=message,
                path=pointer,
                name=all_codes()[code].name,
                item_id=item.id if item is not None else "",
                matter=item.matter if item is not None else (),
                field=field_name,
                old=old,
                new=new,
                duty_id=duty_id,
            )
        )

    def header(self, change: FieldChange) -> None:
        """A field of the ``catalog:`` header changed (GD402 for its id, else GD401)."""
        name, before, after = change.field, change.old, change.new
        if name == "id":
            self.add(
                GD402.code,
                Severity.WARNING,
                f"目录编号由 {value_text(before)} 改为 {value_text(after)}："
                "对比的可能不是同一机构的目录",
                self.new,
                f"/catalog/{name}",
                field_name=name,
                old=before,
                new=after,
            )
        else:
            self.add(
                GD401.code,
                Severity.INFO,
                f"{HEADER_FIELDS[name]}：{value_text(before)} → {value_text(after)}",
                self.new,
                f"/catalog/{name}",
                field_name=name,
                old=before,
                new=after,
            )

    def added(self, item: Item) -> None:
        """An item of the new catalog that matched nothing (GD101)."""
        self.add(
            GD101.code,
            Severity.INFO,
            f"新增事项 {item.id}（{' › '.join(item.matter)}）",
            self.new,
            item.pointer,
            item=item,
            new=list(item.matter),
        )

    def removed(self, item: Item) -> None:
        """An item of the old catalog that matched nothing (GD102, a warning if proactive)."""
        proactive = item.proactive
        kind = "主动公开事项" if proactive else "事项"
        self.add(
            GD102.code,
            Severity.WARNING if proactive else Severity.INFO,
            f"删除了{kind} {item.id}（{' › '.join(item.matter)}）",
            self.old,
            item.pointer,
            item=item,
            old=list(item.matter),
        )

    def renamed(self, old: Item, new: Item, score: float) -> None:
        """An item whose id changed while its content stayed nearly the same (GD103)."""
        self.add(
            GD103.code,
            Severity.INFO,
            f"事项编号由 {old.id} 改为 {new.id}（内容相似度 {score:.1f}）",
            self.new,
            f"{new.pointer}/id",
            item=new,
            field_name="id",
            old=old.id,
            new=new.id,
        )

    def field(self, old: Item, new: Item, change: FieldChange) -> None:
        """A field of a matched item changed: GD104, GD201-GD205 by what the change does."""
        name = change.field
        label = change.label
        code, severity = GD204.code, Severity.INFO
        if name == "matter" and old.first_level != new.first_level:
            code = GD104.code
            message = (
                f"从一级事项“{old.first_level}”移到“{new.first_level}”"
                f"（{' › '.join(old.matter)} → {' › '.join(new.matter)}）"
            )
        elif name == "deadline" and deadline_lengthened(old.deadline, new.deadline):
            code, severity = GD201.code, Severity.WARNING
            message = (
                f"公开时限延长：{_limit_text(old.deadline)} → {_limit_text(new.deadline)}"
                f"（原：{old.deadline.text}；现：{new.deadline.text}）"
            )
        elif name == "mode" and old.proactive and not new.proactive:
            code, severity = GD202.code, Severity.WARNING
            message = (
                f"公开方式不再包括主动公开：{value_text(change.old)} → {value_text(change.new)}"
            )
        elif name == "channels":
            kept = set(new.channel_names)
            dropped = [n for n in old.channel_names if n not in kept]
            if dropped:
                code, severity = GD203.code, Severity.WARNING
                message = f"公开渠道减少：{_delta_text(change)}"
            else:
                message = f"{label}：{_delta_text(change)}"
        elif name == "basis":
            code = GD205.code
            message = f"{label}：{_delta_text(change)}"
        elif change.added is not None:
            message = f"{label}：{_delta_text(change)}"
        else:
            message = f"{label}：{value_text(change.old)} → {value_text(change.new)}"
        self.add(
            code,
            severity,
            message,
            self.new,
            f"{new.pointer}/{name}",
            item=new,
            field_name=name,
            old=change.old,
            new=change.new,
        )
