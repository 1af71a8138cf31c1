"""The catalog and 三定 mapping as frozen values.

Built from YAML data by :mod:`.model_build`. A :class:`Catalog` or :class:`DutyMap`
read from a file keeps its :class:`~govopen_cli.catalog.document.Document`, so that
an item or duty, by the JSON pointer of its node, can be located in the source file.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
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

_SPACE = re.compile(r"\s")


@lru_cache(maxsize=16384)
def normal_text(text: str) -> str:
    """``text`` NFKC-folded (full-width letters, digits, brackets) with every space removed.

    The rules compare 公开事项, 公开内容 and 公开主体 in this form. Most catalog text is
    already normal: then ``text`` itself is returned, without building a new string; and
    the rows of a catalog repeat their texts, so each is worked out once (bounded cache).
    """
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()) if _SPACE.search(text) else text


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


@dataclass(frozen=True, slots=True)
class Item:
    """One row of the catalog: a 公开事项.

    Slotted (no per-item ``__dict__``): a province's file holds 50,000 of them. The
    normalised 公开事项 the rules compare is worked out once per item, on first use, and
    kept in the two cache slots (not part of equality or ``repr``).
    """

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
    _matter_key: tuple[str, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _matter_text: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def matter_key(self) -> tuple[str, ...]:
        """Each level of 公开事项 in :func:`normal_text` form (worked out once)."""
        key = self._matter_key
        if key is None:
            key = tuple(normal_text(m) for m in self.matter)
            object.__setattr__(self, "_matter_key", key)
        return key

    @property
    def matter_text(self) -> str:
        """All levels of 公开事项, normalised and joined (worked out once)."""
        text = self._matter_text
        if text is None:
            text = "".join(self.matter_key)
            object.__setattr__(self, "_matter_text", text)
        return text

    @property
    def what_text(self) -> str:
        """What the item is: its 公开事项 and 公开内容, normalised and joined."""
        return self.matter_text + "".join(normal_text(c) for c in self.content)

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


@dataclass(frozen=True, slots=True)
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
