"""The catalog and 三定 mapping as frozen values.

Built from schema-checked data by :func:`catalog_from_data` and
:func:`dutymap_from_data`, and tolerant of data that failed the schema: a field of
the wrong type becomes empty rather than raising, since the schema has already
reported it. Every item and duty keeps the JSON pointer of its node, so anything
that reports on it can be located in the source file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from govopen_cli.catalog.document import Document

Kind = Literal["catalog", "duties"]

CHANNEL_MARKS = ("必选", "可选", "择一")
MARK_SYMBOLS = {"必选": "■", "可选": "□", "择一": "▲"}
LEVELS = ("省级", "市级", "县级", "乡级", "村级")
AUDIENCES = ("全社会", "特定群体")
MODES = ("主动", "依申请")
STAGES = ("决策", "执行", "管理", "服务", "结果")


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file, 1-based."""

    file: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Channel:
    """One 公开渠道和载体 with its official mark."""

    name: str
    mark: str = "必选"
    url: str | None = None

    def to_data(self) -> str | dict[str, str]:
        """The spec's form: a bare name when nothing but the name is set."""
        if self.mark == "必选" and self.url is None:
            return self.name
        data = {"name": self.name}
        if self.mark != "必选":
            data["mark"] = self.mark
        if self.url is not None:
            data["url"] = self.url
        return data


@dataclass(frozen=True, slots=True)
class Deadline:
    """公开时限: the official wording, and a count when the file states one outright."""

    text: str
    days: int | None = None
    unit: str | None = None

    def to_data(self) -> str | dict[str, Any]:
        """The spec's form: a string, or ``{text, days, unit}``."""
        if self.days is None:
            return self.text
        return {"text": self.text, "days": self.days, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class Waiver:
    """A rule deliberately not applied to one item."""

    rule: str
    reason: str
    until: dt.date | None = None
    pointer: str = ""

    def to_data(self) -> dict[str, Any]:
        """The spec's form."""
        data: dict[str, Any] = {"rule": self.rule, "reason": self.reason}
        if self.until is not None:
            data["until"] = self.until.isoformat()
        return data


@dataclass(frozen=True)
class Item:
    """One row of the catalog: a 公开事项."""

    id: str
    matter: tuple[str, ...]
    content: tuple[str, ...]
    basis: tuple[str, ...]
    deadline: Deadline
    owner: str
    channels: tuple[Channel, ...]
    audience: tuple[str, ...]
    mode: tuple[str, ...]
    levels: tuple[str, ...]
    department: str | None = None
    audience_note: str | None = None
    stage: str | None = None
    duties: tuple[str, ...] = ()
    interpretation: bool = False
    note: str | None = None
    waivers: tuple[Waiver, ...] = ()
    content_is_list: bool = True
    pointer: str = ""
    index: int = 0

    @property
    def proactive(self) -> bool:
        """公开方式 includes 主动."""
        return "主动" in self.mode

    @property
    def channel_names(self) -> tuple[str, ...]:
        """The names of the item's channels, in order."""
        return tuple(c.name for c in self.channels)

    @property
    def first_level(self) -> str:
        """一级事项."""
        return self.matter[0] if self.matter else ""

    def to_data(self) -> dict[str, Any]:
        """The item in the spec's YAML form (optional fields only when set)."""
        data: dict[str, Any] = {
            "id": self.id,
            "matter": list(self.matter),
            "content": list(self.content)
            if self.content_is_list or len(self.content) != 1
            else self.content[0],
            "basis": list(self.basis),
            "deadline": self.deadline.to_data(),
            "owner": self.owner,
        }
        if self.department is not None:
            data["department"] = self.department
        data["channels"] = [c.to_data() for c in self.channels]
        data["audience"] = self.audience[0] if len(self.audience) == 1 else list(self.audience)
        if self.audience_note is not None:
            data["audience_note"] = self.audience_note
        data["mode"] = self.mode[0] if len(self.mode) == 1 else list(self.mode)
        data["levels"] = list(self.levels)
        if self.stage is not None:
            data["stage"] = self.stage
        if self.duties:
            data["duties"] = list(self.duties)
        if self.interpretation:
            data["interpretation"] = True
        if self.note is not None:
            data["note"] = self.note
        if self.waivers:
            data["waivers"] = [w.to_data() for w in self.waivers]
        return data


@dataclass(frozen=True)
class Catalog:
    """One agency's catalog for one year."""

    id: str
    title: str
    agency: str
    year: int | None
    items: tuple[Item, ...]
    document_no: str | None = None
    level: str | None = None
    duties_ref: str | None = None
    path: Path | None = None
    display: str = ""
    document: Document | None = field(default=None, compare=False, repr=False)

    def item(self, item_id: str) -> Item | None:
        """The item with this id (the first, when ids repeat)."""
        for it in self.items:
            if it.id == item_id:
                return it
        return None

    @property
    def duties_path(self) -> Path | None:
        """The 三定 mapping file named by ``catalog.duties``, resolved against this file."""
        if not self.duties_ref:
            return None
        base = self.path.parent if self.path is not None else Path.cwd()
        return (base / self.duties_ref).resolve()

    def header_data(self) -> dict[str, Any]:
        """The ``catalog:`` mapping in the spec's form."""
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "agency": self.agency,
            "year": self.year,
        }
        for key, value in (
            ("document_no", self.document_no),
            ("level", self.level),
            ("duties", self.duties_ref),
        ):
            if value is not None:
                data[key] = value
        return data

    def to_data(self) -> dict[str, Any]:
        """The whole catalog in the spec's form."""
        return {
            "format": 1,
            "catalog": self.header_data(),
            "items": [it.to_data() for it in self.items],
        }

    def locate(self, pointer: str, *, key: bool = False) -> Location:
        """Where ``pointer`` is in the source file (1:1 when there is no source)."""
        if self.document is None:
            return Location(self.display, 1, 1)
        line, column = self.document.locate(pointer, key=key)
        return Location(self.display, line, column)


@dataclass(frozen=True, slots=True)
class Unit:
    """A 内设机构 of the 三定方案."""

    id: str
    name: str
    pointer: str = ""


@dataclass(frozen=True, slots=True)
class Exemption:
    """Why a duty has nothing to disclose."""

    reason: str
    basis: str


@dataclass(frozen=True)
class Duty:
    """A 主要职责 of the 三定方案."""

    id: str
    text: str
    units: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    exempt: Exemption | None = None
    exempt_declared: bool = False
    pointer: str = ""


@dataclass(frozen=True)
class DutyMap:
    """The agency's 三定 mapping."""

    agency: str
    source: str
    duties: tuple[Duty, ...]
    units: tuple[Unit, ...] = ()
    path: Path | None = None
    display: str = ""
    document: Document | None = field(default=None, compare=False, repr=False)

    def duty(self, duty_id: str) -> Duty | None:
        """The duty with this id."""
        for d in self.duties:
            if d.id == duty_id:
                return d
        return None

    def locate(self, pointer: str, *, key: bool = False) -> Location:
        """Where ``pointer`` is in the source file."""
        if self.document is None:
            return Location(self.display, 1, 1)
        line, column = self.document.locate(pointer, key=key)
        return Location(self.display, line, column)


def other_file_kind(data: Any) -> str | None:
    """Other files of a govopen project that ``check`` does not check: their Chinese name."""
    if not isinstance(data, dict):
        return None
    if "requests" in data:
        return "依申请公开台账（用 govopen requests check 检查）"
    if "year" in data and ("holidays" in data or "workdays" in data):
        return "节假日文件（由 govopen.toml 的 holidays 引用）"
    return None


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


def item_from_data(data: Any, index: int = 0) -> Item:
    """One item from its YAML data (tolerant of wrong types)."""
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
        content=_strs(content),
        basis=_strs(d.get("basis")),
        deadline=_deadline(d.get("deadline")),
        owner=_str(d.get("owner")),
        channels=tuple(c for c in (_channel(v) for v in raw_channels) if c is not None),
        audience=_strs(d.get("audience")),
        mode=_strs(d.get("mode")),
        levels=_strs(d.get("levels")),
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
    return Catalog(
        id=_str(header.get("id")),
        title=_str(header.get("title")),
        agency=_str(header.get("agency")),
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        items=tuple(item_from_data(it, i) for i, it in enumerate(raw_items)),
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
