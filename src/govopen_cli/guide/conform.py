"""A catalog against a guide, row by row: present, missing, weakened, and its own additions.

:func:`conform_catalog` is pure (two catalogs in, a :class:`Conformance` out);
:func:`conform_path` is the one core call behind ``govopen conform``: it loads the
catalog and the shipped guide and raises only when the catalog cannot be read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_cli.catalog.channel import canonical_channel
from govopen_cli.catalog.deadline import describe, longer_than, publishing_limit
from govopen_cli.catalog.files import load_file, unreadable_catalog
from govopen_cli.catalog.model import MARK_SYMBOLS, Catalog, Item
from govopen_cli.catalog.model_build import not_a_catalog
from govopen_cli.errors import CatalogUnreadableError, PathNotFoundError
from govopen_cli.guide.match import pair_items
from govopen_cli.guide.reference import load_guide


@dataclass(frozen=True)
class ItemRef:
    """A catalog item as the reports name it: id, matter and where it is."""

    id: str
    matter: tuple[str, ...]
    file: str
    line: int
    column: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "id": self.id,
            "matter": list(self.matter),
            "file": self.file,
            "line": self.line,
            "column": self.column,
        }


@dataclass(frozen=True)
class RowResult:
    """One row of the guide and what the catalog does with it."""

    row_id: str
    matter: tuple[str, ...]
    items: tuple[ItemRef, ...]
    #: What the catalog drops from the row, each a sentence (empty: as strong as the guide).
    weakenings: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """一级/二级 as one string."""
        return "／".join(self.matter)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        data: dict[str, Any] = {
            "row": self.row_id,
            "matter": list(self.matter),
            "items": [i.to_dict() for i in self.items],
        }
        if self.weakenings:
            data["weakenings"] = list(self.weakenings)
        return data


@dataclass(frozen=True)
class Conformance:
    """The verdict on one catalog against one guide."""

    catalog_file: str
    agency: str
    guide: str
    guide_title: str
    rows: tuple[RowResult, ...]
    extra: tuple[ItemRef, ...] = field(default=())

    @property
    def present(self) -> list[RowResult]:
        """Rows the catalog has, with nothing weakened."""
        return [r for r in self.rows if r.items and not r.weakenings]

    @property
    def weakened(self) -> list[RowResult]:
        """Rows the catalog has in a weaker form."""
        return [r for r in self.rows if r.items and r.weakenings]

    @property
    def missing(self) -> list[RowResult]:
        """Rows of the guide no catalog item matches."""
        return [r for r in self.rows if not r.items]

    def summary(self) -> str:
        """One line: the counts."""
        return (
            f"对照《{self.guide_title}》{len(self.rows)} 行：具备 {len(self.present)} 行，"
            f"缺少 {len(self.missing)} 行，弱化 {len(self.weakened)} 行；"
            f"目录自行增加的事项 {len(self.extra)} 个。"
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the four lists the issue names, and the counts."""
        return {
            "catalog": self.catalog_file,
            "agency": self.agency,
            "guide": self.guide,
            "guide_title": self.guide_title,
            "present": [r.to_dict() for r in self.present],
            "missing": [r.to_dict() for r in self.missing],
            "weakened": [r.to_dict() for r in self.weakened],
            "extra": [i.to_dict() for i in self.extra],
            "counts": {
                "rows": len(self.rows),
                "present": len(self.present),
                "missing": len(self.missing),
                "weakened": len(self.weakened),
                "extra": len(self.extra),
            },
        }


def item_ref(catalog: Catalog, item: Item) -> ItemRef:
    """Where ``item`` is, for the reports."""
    loc = catalog.locate(item.pointer)
    return ItemRef(item.id, item.matter, loc.file, loc.line, loc.column)


#: Levels of a catalog above the 基层 (county and township) the guides are written for: such a
#: catalog's rows are its own level, so the guide's 县级/乡级 are not asked of it.
ABOVE_GUIDE = ("省级", "市级")


def weakenings(
    row: Item, items: Iterable[Item], extra_channels: Iterable[str] = (), *, levels: bool = True
) -> list[str]:
    """What ``items`` (together) drop from the guide's ``row``: each a sentence in Chinese.

    A 必选 (■) channel none of them has; none of the row's 择一 (▲) channels; 主动
    turned into 依申请; a 公开层级 dropped (unless ``levels`` is False); a longer publishing deadline (read by
    :func:`~govopen_cli.catalog.deadline.publishing_limit`; a row or item without a
    fixed count is not compared).
    """
    items = list(items)
    extra = list(extra_channels)
    have = {canonical_channel(c.name, extra) for it in items for c in it.channels}
    found: list[str] = []
    for channel in row.channels:
        name = canonical_channel(channel.name, extra)
        if channel.mark == "必选" and name not in have:
            found.append(f"缺少标准目录标为必选（■）的渠道“{channel.name}”")
    choose = [canonical_channel(c.name, extra) for c in row.channels if c.mark == "择一"]
    if choose and not have.intersection(choose):
        found.append(f"择一（▲）的渠道 {'、'.join(choose)} 一个也没有")
    if row.proactive and not any(it.proactive for it in items):
        found.append("标准目录为主动公开，目录改为依申请公开")
    have_levels = {lv for it in items for lv in it.levels}
    dropped = [lv for lv in row.levels if lv not in have_levels] if levels else []
    if dropped:
        found.append(f"缺少公开层级 {'、'.join(dropped)}")
    guide_limit = publishing_limit(row.deadline)
    if guide_limit is not None:
        for it in items:
            limit = publishing_limit(it.deadline)
            if limit is not None and longer_than(limit, guide_limit.days, guide_limit.unit):
                found.append(
                    f"事项 {it.id} 的公开时限 {describe(limit)} 长于标准目录的 "
                    f"{describe(guide_limit)}（{row.deadline.text}）"
                )
    return found


def conform_catalog(
    catalog: Catalog, guide: Catalog, guide_name: str, extra_channels: Iterable[str] = ()
) -> Conformance:
    """``catalog`` against ``guide``, row by row."""
    pairing = pair_items(catalog, guide)
    extra = list(extra_channels)
    rows = []
    for row in guide.items:
        matched = [item for item, _score in pairing.rows[row.id]]
        rows.append(
            RowResult(
                row_id=row.id,
                matter=row.matter,
                items=tuple(item_ref(catalog, it) for it in matched),
                weakenings=tuple(
                    weakenings(row, matched, extra, levels=catalog.level not in ABOVE_GUIDE)
                )
                if matched
                else (),
            )
        )
    return Conformance(
        catalog_file=catalog.display,
        agency=catalog.agency,
        guide=guide_name,
        guide_title=guide.title,
        rows=tuple(rows),
        extra=tuple(item_ref(catalog, it) for it in pairing.extra),
    )


def conform_path(path: Path, guide_name: str, extra_channels: Iterable[str] = ()) -> Conformance:
    """Load ``path`` and the guide ``guide_name`` and compare: the core of ``govopen conform``."""
    if not path.exists():
        raise PathNotFoundError(f"路径不存在：{path}")
    if not path.is_file():
        raise PathNotFoundError(f"{path} 不是文件：govopen conform 需要一个目录文件")
    loaded = load_file(path, "catalog")
    data = loaded.document.data if loaded.document is not None else None
    other = not_a_catalog(data)
    if other is not None:  # read as a catalog, a ledger would be a catalog with every row missing
        raise CatalogUnreadableError(
            f"{loaded.display} 是{other}，不是目录文件：govopen conform 对照的是有 catalog、"
            "items 的目录文件",
            loaded.diagnostics,
        )
    if loaded.catalog is None:
        raise unreadable_catalog(loaded)
    return conform_catalog(loaded.catalog, load_guide(guide_name), guide_name, extra_channels)


__all__ = ["MARK_SYMBOLS", "Conformance", "ItemRef", "RowResult", "conform_catalog", "conform_path"]
