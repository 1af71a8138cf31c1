"""Field by field: which fields of an item (or of the catalog header) differ, and how.

An item's list fields in :data:`MULTISET_FIELDS` carry no order, so reordering is never
a difference; they are compared as multisets and reported with what was added and
removed. ``matter`` is a path and keeps its order. Values come back in their JSON form,
and :func:`value_text` writes one as a line of text for people.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from govopen_cli.catalog.deadline import publishing_limit
from govopen_cli.catalog.model import Catalog, Channel, Deadline, Item, Waiver

#: Item fields in the order they are reported, with the label users see.
ITEM_FIELDS: dict[str, str] = {
    "matter": "公开事项",
    "content": "公开内容",
    "basis": "公开依据",
    "deadline": "公开时限",
    "owner": "公开主体",
    "department": "责任科室",
    "channels": "公开渠道和载体",
    "audience": "公开对象",
    "audience_note": "公开对象说明",
    "mode": "公开方式",
    "levels": "公开层级",
    "stage": "五公开类别",
    "duties": "三定职责",
    "interpretation": "政策解读（三同步）",
    "note": "备注",
    "waivers": "豁免",
}

#: List fields whose order carries no meaning: compared as multisets, reported
#: with what was added and removed.
MULTISET_FIELDS = (
    "content",
    "basis",
    "channels",
    "audience",
    "mode",
    "levels",
    "duties",
    "waivers",
)

_MULTISET = frozenset(MULTISET_FIELDS)
_item_fields = attrgetter(*ITEM_FIELDS)

#: Header fields (``catalog:``) in the order they are reported, with their labels.
HEADER_FIELDS: dict[str, str] = {
    "id": "目录编号",
    "title": "标题",
    "agency": "机构",
    "year": "年度",
    "document_no": "发文字号",
    "level": "层级",
    "duties": "三定映射",
}

# A 工作日 is compared with 自然日 as 7/5 of a day: 20 工作日 ≈ 28 自然日.
_CALENDAR_DAYS_PER_WORKING_DAY = 7 / 5


# -- values ------------------------------------------------------------------------


def channel_text(channel: Channel) -> str:
    """``政府网站``, ``公开查阅点（可选）``, ``政府网站（择一，https://…）``."""
    extra = [m for m in (None if channel.mark == "必选" else channel.mark, channel.url) if m]
    return f"{channel.name}（{'，'.join(extra)}）" if extra else channel.name


def value_text(value: Any) -> str:
    """A JSON value of a field as one line of text for people."""
    if value is None:
        return "（无）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(value_text(v) for v in value) if value else "（无）"
    if isinstance(value, dict):
        if "text" in value:  # a deadline stated outright
            return f"{value['text']}（{value.get('days')}{value.get('unit') or ''}）"
        if "rule" in value:  # a waiver
            until = f"，至 {value['until']}" if value.get("until") else ""
            return f"{value['rule']}：{value.get('reason', '')}{until}"
        if "name" in value:  # a channel
            return channel_text(Channel(value["name"], value.get("mark", "必选"), value.get("url")))
    return str(value)


def _field_value(item: Item, name: str) -> Any:
    """The field's value in JSON form; list fields are always lists."""
    if name == "deadline":
        return item.deadline.to_data()
    if name == "channels":
        return [c.to_data() for c in item.channels]
    if name == "waivers":
        return [w.to_data() for w in item.waivers]
    value = getattr(item, name)
    return list(value) if isinstance(value, tuple) else value


def _element_key(element: Any) -> Hashable:
    if isinstance(element, Waiver):  # its pointer says where it is, not what it is
        return (element.rule, element.reason, element.until)
    key: Hashable = element
    return key


def _element_data(element: Any) -> Any:
    if isinstance(element, Channel | Waiver):
        return element.to_data()
    return element


def _multiset_delta(old: Sequence[Any], new: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    """(added, removed): elements of ``new`` not in ``old`` and the reverse, counted."""

    def minus(a: Sequence[Any], b: Sequence[Any]) -> list[Any]:
        left = Counter(_element_key(e) for e in b)
        out = []
        for element in a:
            key = _element_key(element)
            if left[key]:
                left[key] -= 1
            else:
                out.append(element)
        return out

    return minus(new, old), minus(old, new)


# -- comparing ---------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """One field that changed. ``added``/``removed`` are set for multiset fields."""

    field: str
    old: Any
    new: Any
    added: tuple[Any, ...] | None = None
    removed: tuple[Any, ...] | None = None

    @property
    def label(self) -> str:
        """The field's Chinese name."""
        return ITEM_FIELDS.get(self.field) or HEADER_FIELDS.get(self.field, self.field)

    def to_dict(self) -> dict[str, Any]:
        """``{field, old, new}``, plus ``added``/``removed`` for multiset fields."""
        data: dict[str, Any] = {"field": self.field, "old": self.old, "new": self.new}
        if self.added is not None and self.removed is not None:
            data["added"] = list(self.added)
            data["removed"] = list(self.removed)
        return data


def compare_items(old: Item, new: Item) -> list[FieldChange]:
    """The fields that differ between two versions of one item, in report order."""
    if _item_fields(old) == _item_fields(new):  # most items: one C-level comparison
        return []
    out = []
    for name in ITEM_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:  # equal lists are equal multisets: nothing to count
            continue
        if name in _MULTISET:
            added, removed = _multiset_delta(before, after)
            if added or removed:
                out.append(
                    FieldChange(
                        name,
                        _field_value(old, name),
                        _field_value(new, name),
                        added=tuple(_element_data(e) for e in added),
                        removed=tuple(_element_data(e) for e in removed),
                    )
                )
        else:
            out.append(FieldChange(name, _field_value(old, name), _field_value(new, name)))
    return out


def compare_headers(old: Catalog, new: Catalog) -> list[FieldChange]:
    """The header fields (``catalog:``) that differ, in report order."""
    old_data, new_data = old.header_data(), new.header_data()
    out = []
    for name in HEADER_FIELDS:
        before, after = old_data.get(name), new_data.get(name)
        if before != after:
            out.append(FieldChange(name, before, after))
    return out


def _calendar_days(days: int, unit: str) -> float:
    return days * _CALENDAR_DAYS_PER_WORKING_DAY if unit == "工作日" else float(days)


def deadline_lengthened(old: Deadline, new: Deadline) -> bool:
    """Both state a publishing limit and the new one is longer."""
    before, after = publishing_limit(old), publishing_limit(new)
    if before is None or after is None:
        return False
    if before.unit == after.unit:
        return after.days > before.days
    return _calendar_days(after.days, after.unit) > _calendar_days(before.days, before.unit)
