"""Old catalog vs new catalog: what changed, classified with GD codes.

:func:`diff_catalogs` is pure: two :class:`~govopen_cli.catalog.model.Catalog` values (and
their 三定 mappings, when both name one) in, a :class:`CatalogDiff` out. It never
reads files, prints or exits. :func:`diff_sources` is the one core call behind
``govopen diff``: it loads both sides (files or ``REV:path``) and diffs them.

Matching, in order:

1. items with the same ``id`` are the same item;
2. among the rest, an old and a new item whose content is nearly the same are one
   item renamed (:data:`RENAME_THRESHOLD`, see :func:`similarity`), paired greedily
   by best score, one to one;
3. what is left is removed (old) or added (new).

A matched item whose 一级事项 changed is also reported as moved. Order carries no
meaning for the items nor for the list fields in :data:`MULTISET_FIELDS`, so
reordering is never a difference; ``matter`` is a path and keeps its order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from govopen_cli.catalog.deadline import publishing_limit
from govopen_cli.catalog.model import Catalog, Channel, Deadline, DutyMap, Item, Location, Waiver
from govopen_cli.checks.coverage import compute_coverage
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
    GD301,
    GD302,
    GD303,
    GD401,
    GD402,
)
from govopen_cli.diagnostics import Diagnostic, Severity

CODE_BASIS_CHANGED = GD205.code
CODE_CATALOG_ID_CHANGED = GD402.code
CODE_CHANNEL_DROPPED = GD203.code
CODE_DEADLINE_LENGTHENED = GD201.code
CODE_DUTY_LOST_LAST_ITEM = GD301.code
CODE_DUTY_NEWLY_COVERED = GD302.code
CODE_DUTY_NEWLY_MISSING = GD303.code
CODE_FIELD_CHANGED = GD204.code
CODE_HEADER_CHANGED = GD401.code
CODE_ITEM_ADDED = GD101.code
CODE_ITEM_MOVED = GD104.code
CODE_ITEM_REMOVED = GD102.code
CODE_ITEM_RENAMED = GD103.code
CODE_PROACTIVE_TO_ON_REQUEST = GD202.code

#: Two items of different ids are one item renamed at this similarity (0-100) or above.
RENAME_THRESHOLD = 85.0

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


def _elements(item: Item, name: str) -> tuple[Any, ...]:
    elements: tuple[Any, ...] = getattr(item, name)
    return elements


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


# -- similarity --------------------------------------------------------------------


def _name_text(item: Item) -> str:
    return item.matter[-1] if item.matter else ""


def _body_text(item: Item) -> str:
    def bag(values: Iterable[str]) -> str:
        return "；".join(sorted(values))

    return "\n".join(
        (
            bag(item.content),
            bag(item.basis),
            item.deadline.text,
            item.owner,
            item.department or "",
            bag(channel_text(c) for c in item.channels),
            bag(item.audience),
            item.audience_note or "",
            bag(item.mode),
            bag(item.levels),
            item.stage or "",
        )
    )


def similarity(old: Item, new: Item, cutoff: float = 0.0) -> float:
    """How alike two items are, 0-100, ignoring their ids and their 一级事项.

    The lower of two ``rapidfuzz.fuzz.ratio`` scores (normalized Indel similarity):
    the items' names (the last level of ``matter``), and the rest of their content
    as text (content, basis, deadline, owner, department, channels, audience, mode,
    levels, stage; list fields sorted). Taking the lower keeps two items cut from
    the same template (办事指南 rows differ mostly in their names) apart. Scores
    below ``cutoff`` come back as 0.
    """
    return _score(_texts(old), _texts(new), cutoff)


def _texts(item: Item) -> tuple[str, str]:
    return _name_text(item), _body_text(item)


def _score(old: tuple[str, str], new: tuple[str, str], cutoff: float) -> float:
    from rapidfuzz import fuzz

    name = float(fuzz.ratio(old[0], new[0], score_cutoff=cutoff))
    if cutoff > 0 and name == 0.0:  # below the cutoff: the body cannot help
        return 0.0
    body = float(fuzz.ratio(old[1], new[1], score_cutoff=cutoff))
    return min(name, body)


# -- results -----------------------------------------------------------------------


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


@dataclass(frozen=True)
class Change:
    """One classified change, like a finding of ``govopen check``.

    Located in the new file, or in the old one for what the new file no longer
    has. ``old``/``new`` are JSON values of what changed (for the workbook).
    """

    code: str
    severity: Severity
    message: str
    location: Location
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
    def name(self) -> str:
        """The code's kebab-case name."""
        return all_codes()[self.code].name

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
        """``{code, name, severity, item, duty, field, message, file, line, column}``."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "item": self.item_id,
            "duty": self.duty_id,
            "field": self.field,
            "message": self.message,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
        }


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
        """True when the two catalogs do not differ."""
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


def _by_id(catalog: Catalog) -> dict[str, Item]:
    """Items by id; a repeated id keeps its first item (the loader reports GD001)."""
    out: dict[str, Item] = {}
    for item in catalog.items:
        out.setdefault(item.id, item)
    return out


def match_renames(
    removed: Sequence[Item], added: Sequence[Item], threshold: float = RENAME_THRESHOLD
) -> list[tuple[Item, Item, float]]:
    """Pairs (old, new, similarity) at or above ``threshold``, best first, one to one.

    ``removed`` and ``added`` are in file order; ties go to the earlier old item, then
    the earlier new item, so the result depends on nothing but the two files.
    """
    new_texts = [_texts(new) for new in added]
    candidates = []
    for i, old in enumerate(removed):
        old_text = _texts(old)
        for j, new_text in enumerate(new_texts):
            score = _score(old_text, new_text, threshold)
            if score >= threshold:
                candidates.append((-score, i, j))
    candidates.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for neg_score, i, j in candidates:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((removed[i], added[j], -neg_score))
    return pairs


def compare_items(old: Item, new: Item) -> list[FieldChange]:
    """The fields that differ between two versions of one item, in report order."""
    out = []
    for name in ITEM_FIELDS:
        if name in MULTISET_FIELDS:
            added, removed = _multiset_delta(_elements(old, name), _elements(new, name))
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
        elif getattr(old, name) != getattr(new, name):
            out.append(FieldChange(name, _field_value(old, name), _field_value(new, name)))
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


class _Differ:
    """Builds the classified changes of one diff."""

    def __init__(self, old: Catalog, new: Catalog) -> None:
        self.old = old
        self.new = new
        self.changes: list[Change] = []

    def add(
        self,
        code: str,
        severity: Severity,
        message: str,
        location: Location,
        *,
        item: Item | None = None,
        field_name: str = "",
        old: Any = None,
        new: Any = None,
        duty_id: str = "",
    ) -> None:
        self.changes.append(
            Change(
                code=code,
                severity=severity,
                message=message,
                location=location,
                item_id=item.id if item is not None else "",
                matter=item.matter if item is not None else (),
                field=field_name,
                old=old,
                new=new,
                duty_id=duty_id,
            )
        )

    def header(self) -> list[FieldChange]:
        old_data, new_data = self.old.header_data(), self.new.header_data()
        out = []
        for name, label in HEADER_FIELDS.items():
            before, after = old_data.get(name), new_data.get(name)
            if before == after:
                continue
            out.append(FieldChange(name, before, after))
            location = self.new.locate(f"/catalog/{name}")
            if name == "id":
                self.add(
                    CODE_CATALOG_ID_CHANGED,
                    Severity.WARNING,
                    f"目录编号由 {value_text(before)} 改为 {value_text(after)}："
                    "对比的可能不是同一机构的目录",
                    location,
                    field_name=name,
                    old=before,
                    new=after,
                )
            else:
                self.add(
                    CODE_HEADER_CHANGED,
                    Severity.INFO,
                    f"{label}：{value_text(before)} → {value_text(after)}",
                    location,
                    field_name=name,
                    old=before,
                    new=after,
                )
        return out

    def added(self, item: Item) -> None:
        self.add(
            CODE_ITEM_ADDED,
            Severity.INFO,
            f"新增事项 {item.id}（{' › '.join(item.matter)}）",
            self.new.locate(item.pointer),
            item=item,
            new=list(item.matter),
        )

    def removed(self, item: Item) -> None:
        proactive = item.proactive
        kind = "主动公开事项" if proactive else "事项"
        self.add(
            CODE_ITEM_REMOVED,
            Severity.WARNING if proactive else Severity.INFO,
            f"删除了{kind} {item.id}（{' › '.join(item.matter)}）",
            self.old.locate(item.pointer),
            item=item,
            old=list(item.matter),
        )

    def renamed(self, old: Item, new: Item, score: float) -> None:
        self.add(
            CODE_ITEM_RENAMED,
            Severity.INFO,
            f"事项编号由 {old.id} 改为 {new.id}（内容相似度 {score:.1f}）",
            self.new.locate(f"{new.pointer}/id"),
            item=new,
            field_name="id",
            old=old.id,
            new=new.id,
        )

    def field(self, old: Item, new: Item, change: FieldChange) -> None:
        name = change.field
        location = self.new.locate(f"{new.pointer}/{name}")
        label = change.label
        code, severity = CODE_FIELD_CHANGED, Severity.INFO
        if name == "matter" and old.first_level != new.first_level:
            code = CODE_ITEM_MOVED
            message = (
                f"从一级事项“{old.first_level}”移到“{new.first_level}”"
                f"（{' › '.join(old.matter)} → {' › '.join(new.matter)}）"
            )
        elif name == "deadline" and deadline_lengthened(old.deadline, new.deadline):
            code, severity = CODE_DEADLINE_LENGTHENED, Severity.WARNING
            message = (
                f"公开时限延长：{_limit_text(old.deadline)} → {_limit_text(new.deadline)}"
                f"（原：{old.deadline.text}；现：{new.deadline.text}）"
            )
        elif name == "mode" and old.proactive and not new.proactive:
            code, severity = CODE_PROACTIVE_TO_ON_REQUEST, Severity.WARNING
            message = (
                f"公开方式不再包括主动公开：{value_text(change.old)} → {value_text(change.new)}"
            )
        elif name == "channels":
            kept = set(new.channel_names)
            dropped = [n for n in old.channel_names if n not in kept]
            if dropped:
                code, severity = CODE_CHANNEL_DROPPED, Severity.WARNING
                message = f"公开渠道减少：{_delta_text(change)}"
            else:
                message = f"{label}：{_delta_text(change)}"
        elif name == "basis":
            code = CODE_BASIS_CHANGED
            message = f"{label}：{_delta_text(change)}"
        elif change.added is not None:
            message = f"{label}：{_delta_text(change)}"
        else:
            message = f"{label}：{value_text(change.old)} → {value_text(change.new)}"
        self.add(
            code,
            severity,
            message,
            location,
            item=new,
            field_name=name,
            old=change.old,
            new=change.new,
        )


def _duty_links(catalog: Catalog, dutymap: DutyMap | None) -> dict[str, list[str]]:
    """Duty id -> ids of the catalog's items that disclose it, both directions counted."""
    ids = {item.id for item in catalog.items}
    links: dict[str, list[str]] = {}
    for item in catalog.items:
        for duty_id in item.duties:
            links.setdefault(duty_id, [])
            if item.id not in links[duty_id]:
                links[duty_id].append(item.id)
    if dutymap is not None:
        for duty in dutymap.duties:
            for item_id in duty.items:
                if item_id in ids:
                    links.setdefault(duty.id, [])
                    if item_id not in links[duty.id]:
                        links[duty.id].append(item_id)
    return links


def _coverage_state(catalog: Catalog, dutymap: DutyMap) -> CoverageState:
    """Covered / missing / exempt duty ids, as ``govopen coverage`` counts them."""
    table = compute_coverage(catalog, dutymap)

    def ids(status: str) -> tuple[str, ...]:
        return tuple(row.duty.id for row in table.rows if row.status == status)

    return CoverageState(dutymap.display, ids("covered"), ids("missing"), ids("exempt"))


def _duty_changes(
    differ: _Differ, old_map: DutyMap | None, new_map: DutyMap | None
) -> CoverageChange | None:
    both = old_map is not None and new_map is not None
    old_links = _duty_links(differ.old, old_map if both else None)
    new_links = _duty_links(differ.new, new_map if both else None)
    lost = sorted(d for d, items in old_links.items() if items and not new_links.get(d))
    if both:
        assert new_map is not None
        lost = [d for d in (x.id for x in new_map.duties) if d in lost and _not_exempt(new_map, d)]
    for duty_id in lost:
        before = old_links[duty_id]
        duty = new_map.duty(duty_id) if both and new_map is not None else None
        if duty is not None and new_map is not None:
            location = new_map.locate(duty.pointer)
        else:
            first = next(i for i in differ.old.items if i.id == before[0])
            location = differ.old.locate(f"{first.pointer}/duties")
        differ.add(
            CODE_DUTY_LOST_LAST_ITEM,
            Severity.WARNING,
            f"三定职责 {duty_id} 在新目录中没有对应事项了（原有 {'、'.join(before)}）",
            location,
            old=list(before),
            new=[],
            duty_id=duty_id,
        )
    if old_map is None or new_map is None:
        return None
    before_state = _coverage_state(differ.old, old_map)
    after_state = _coverage_state(differ.new, new_map)
    newly_covered = tuple(d for d in after_state.covered if d not in before_state.covered)
    newly_missing = tuple(d for d in after_state.missing if d not in before_state.missing)
    for duty_id in newly_covered:
        duty = new_map.duty(duty_id)
        assert duty is not None
        items = new_links[duty_id]
        differ.add(
            CODE_DUTY_NEWLY_COVERED,
            Severity.INFO,
            f"三定职责 {duty_id} 新有对应事项 {'、'.join(items)}",
            new_map.locate(duty.pointer),
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
        differ.add(
            CODE_DUTY_NEWLY_MISSING,
            Severity.WARNING,
            f"三定职责 {duty_id} 没有对应事项（{why}）",
            new_map.locate(duty.pointer),
            old=[],
            new=[],
            duty_id=duty_id,
        )
    return CoverageChange(before_state, after_state, newly_covered, newly_missing)


def _not_exempt(dutymap: DutyMap, duty_id: str) -> bool:
    duty = dutymap.duty(duty_id)
    return duty is not None and duty.exempt is None


def diff_catalogs(
    old: Catalog,
    new: Catalog,
    old_map: DutyMap | None = None,
    new_map: DutyMap | None = None,
    *,
    rename_threshold: float = RENAME_THRESHOLD,
) -> CatalogDiff:
    """Compare two catalogs (and their 三定 mappings, when both are given).

    Pure: reads nothing, prints nothing. Changes come in a stable order: the
    header, then items in the new file's order (removed items after them, in the
    old file's order), then 三定 duties.
    """
    differ = _Differ(old, new)
    header = differ.header()
    old_items, new_items = _by_id(old), _by_id(new)
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
            differ.renamed(old_item, new_item, score)
        else:
            added.append(new_item.id)
            differ.added(new_item)
            continue
        fields = compare_items(old_item, new_item)
        if old_item.first_level != new_item.first_level:
            moves.append(Move(new_item.id, old_item.first_level, new_item.first_level))
        for change in fields:
            differ.field(old_item, new_item, change)
        if fields:
            changed.append(ItemChange(new_item.id, old_item.id, tuple(fields)))
    removed = [it.id for it in unmatched_old if it.id not in renamed_from]
    for item_id in removed:
        differ.removed(old_items[item_id])
    coverage = _duty_changes(differ, old_map, new_map)
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
        changes=tuple(differ.changes),
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
    from govopen_cli.diff.revision import load_mapping, load_side

    before, after = load_side(old), load_side(new)
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
    result = diff_catalogs(before.catalog, after.catalog, before.dutymap, after.dutymap)
    return DiffOutcome(result, problems, files, notes)
