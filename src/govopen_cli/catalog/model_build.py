"""The catalog and 三定 mapping values built from YAML data, and what kind a file is.

:func:`catalog_from_data` and :func:`dutymap_from_data` are tolerant of data that
failed the schema: a field of the wrong type becomes empty rather than raising,
since the schema has already reported it. Every item and duty keeps the JSON
pointer of its node, so anything that reports on it can be located in the source file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, TypeVar

from govopen_cli.catalog.document import Document
from govopen_cli.catalog.model import (
    CHANNEL_MARKS,
    Catalog,
    Channel,
    Deadline,
    Duty,
    DutyMap,
    Exemption,
    Item,
    Kind,
    Unit,
    Waiver,
)


def other_file_kind(data: Any) -> str | None:
    """Other files of a govopen project that ``check`` does not check: their Chinese name."""
    if not isinstance(data, dict):
        return None
    if "requests" in data:
        return "依申请公开台账（用 govopen requests check 检查）"
    if "year" in data and ("holidays" in data or "workdays" in data):
        return "节假日文件（由 govopen.toml 的 holidays 引用）"
    return None


def not_a_catalog(data: Any) -> str | None:
    """What a file that is a govopen file but no catalog is (its Chinese name), or None."""
    return other_file_kind(data) or ("三定映射文件" if detect_kind(data) == "duties" else None)


def detect_kind(data: Any) -> Kind | None:
    """Tell a catalog from a 三定 mapping by its content."""
    if not isinstance(data, dict) or other_file_kind(data) is not None:
        return None
    if "catalog" in data or "items" in data:
        return "catalog"
    if "duties" in data or "source" in data:
        return "duties"
    return None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _strs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(v if isinstance(v, str) else str(v) for v in value if v is not None)
    return ()


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _channel(value: Any) -> Channel | None:
    if isinstance(value, str):
        return Channel(name=value)
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        mark = value.get("mark")
        return Channel(
            name=value["name"],
            mark=mark if mark in CHANNEL_MARKS else "必选",
            url=_opt_str(value.get("url")),
        )
    return None


def _deadline(value: Any) -> Deadline:
    if isinstance(value, dict):
        days = value.get("days")
        unit = value.get("unit")
        return Deadline(
            text=_str(value.get("text")),
            days=days if isinstance(days, int) and not isinstance(days, bool) else None,
            unit=unit if unit in ("工作日", "自然日") else None,
        )
    return Deadline(text=_str(value))


_T = TypeVar("_T")


def _one(shared: dict[Any, Any] | None, value: _T) -> _T:
    """``value``, or the equal value already built for this catalog (one object for both)."""
    if shared is None:
        return value
    found: _T = shared.setdefault(value, value)
    return found


def item_from_data(data: Any, index: int = 0, shared: dict[Any, Any] | None = None) -> Item:
    """One item from its YAML data (tolerant of wrong types).

    ``shared`` (one per catalog) makes equal values one object: the rows of a catalog
    repeat the same 公开对象, 公开方式, 公开层级, 公开依据, 公开时限 and channels
    thousands of times, and every value of the model is immutable.
    """
    d = _dict(data)
    content = d.get("content")
    waivers = []
    for i, w in enumerate(_list(d.get("waivers"))):
        if isinstance(w, dict) and isinstance(w.get("rule"), str):
            waivers.append(
                Waiver(
                    rule=w["rule"],
                    reason=_str(w.get("reason")),
                    until=_date(w.get("until")),
                    pointer=f"/items/{index}/waivers/{i}",
                )
            )
    raw_channels = _list(d.get("channels"))
    return Item(
        id=_str(d.get("id")),
        matter=_strs(d.get("matter")),
        content=_one(shared, _strs(content)),
        basis=_one(shared, _strs(d.get("basis"))),
        deadline=_one(shared, _deadline(d.get("deadline"))),
        owner=_str(d.get("owner")),
        channels=_one(
            shared,
            tuple(_one(shared, c) for c in (_channel(v) for v in raw_channels) if c is not None),
        ),
        audience=_one(shared, _strs(d.get("audience"))),
        mode=_one(shared, _strs(d.get("mode"))),
        levels=_one(shared, _strs(d.get("levels"))),
        department=_opt_str(d.get("department")),
        audience_note=_opt_str(d.get("audience_note")),
        stage=_opt_str(d.get("stage")),
        duties=_strs(d.get("duties")),
        interpretation=d.get("interpretation") is True,
        note=_opt_str(d.get("note")),
        waivers=tuple(waivers),
        content_is_list=not isinstance(content, str),
        pointer=f"/items/{index}",
        index=index,
    )


def catalog_from_data(
    data: Any, *, path: Path | None = None, display: str = "", document: Document | None = None
) -> Catalog:
    """A :class:`Catalog` from YAML data."""
    d = _dict(data)
    header = _dict(d.get("catalog"))
    year = header.get("year")
    raw_items = _list(d.get("items"))
    shared: dict[Any, Any] = {}
    return Catalog(
        id=_str(header.get("id")),
        title=_str(header.get("title")),
        agency=_str(header.get("agency")),
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        items=tuple(item_from_data(it, i, shared) for i, it in enumerate(raw_items)),
        document_no=_opt_str(header.get("document_no")),
        level=_opt_str(header.get("level")),
        duties_ref=_opt_str(header.get("duties")),
        path=path,
        display=display,
        document=document,
    )


def dutymap_from_data(
    data: Any, *, path: Path | None = None, display: str = "", document: Document | None = None
) -> DutyMap:
    """A :class:`DutyMap` from YAML data."""
    d = _dict(data)
    duties = []
    for i, raw in enumerate(_list(d.get("duties"))):
        r = _dict(raw)
        exempt = r.get("exempt")
        exemption = None
        if isinstance(exempt, dict):
            exemption = Exemption(
                reason=_str(exempt.get("reason")), basis=_str(exempt.get("basis"))
            )
        duties.append(
            Duty(
                id=_str(r.get("id")),
                text=_str(r.get("text")),
                units=_strs(r.get("units")),
                items=_strs(r.get("items")),
                exempt=exemption,
                exempt_declared="exempt" in r,
                pointer=f"/duties/{i}",
            )
        )
    units = []
    for i, raw in enumerate(_list(d.get("units"))):
        r = _dict(raw)
        units.append(Unit(id=_str(r.get("id")), name=_str(r.get("name")), pointer=f"/units/{i}"))
    return DutyMap(
        agency=_str(d.get("agency")),
        source=_str(d.get("source")),
        duties=tuple(duties),
        units=tuple(units),
        path=path,
        display=display,
        document=document,
    )
