"""Diagnostics: one value per problem found, and the report that collects them.

Every command (check, requests check, import, inspect, diff) produces
:class:`Diagnostic` values and hands a :class:`Report` to a reporter. The JSON
shape of :meth:`Diagnostic.to_dict` is documented in the README and kept stable.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any


class Severity(enum.IntEnum):
    """How serious a finding is. Ordered, so ``>=`` compares with ``--fail-on``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The stable English token used in every output format."""
        return self.name.lower()

    @property
    def zh(self) -> str:
        """The Chinese word for summaries and workbooks."""
        return {Severity.INFO: "提示", Severity.WARNING: "警告", Severity.ERROR: "错误"}[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read ``error``/``warning``/``info`` (or 错误/警告/提示)."""
        key = text.strip().lower()
        for sev in cls:
            if key in (sev.label, sev.zh):
                return sev
        raise ValueError(f"未知的严重程度 {text!r}：应为 error、warning 或 info")


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, located at a file, 1-based line and column.

    ``path`` is the JSON pointer of the node the problem is about ("" for the
    whole document). ``fingerprint`` identifies the finding across edits
    (rule, catalog id, item id, field: never line numbers) for baselines.
    ``source`` is an alternative location text for non-YAML inputs such as
    a workbook cell (``检查表!C12``).
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    path: str = ""
    name: str = ""
    fingerprint: str = ""
    waived: bool = False
    waiver_reason: str = ""
    source: str = ""

    @property
    def where(self) -> str:
        """``file:line:column``, or ``file:Sheet!C12`` for a workbook cell."""
        if self.source:
            if not self.file or self.source == self.file:
                return self.source
            return f"{self.file}:{self.source}"
        return f"{self.file}:{self.line}:{self.column}"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by file, line, column, code: output is deterministic."""
        return (self.file, self.line, self.column, self.code, self.message)

    def with_severity(self, severity: Severity) -> Diagnostic:
        """A copy at another severity (per-rule severity from the configuration)."""
        return replace(self, severity=severity)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape (see README, "JSON 输出格式")."""
        data = asdict(self)
        data["severity"] = self.severity.label
        if not self.source:
            del data["source"]
        if not self.waived:
            del data["waiver_reason"]
        return data


@dataclass
class Report:
    """All diagnostics of one run, plus what was looked at."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    title: str = "govopen check"
    #: Findings left out because a ``--baseline`` already records them (None: no baseline).
    baselined: int | None = None
    #: The govopen.toml files the run used ("" for defaults: none found); None: not said.
    configs: list[str] | None = None

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Add diagnostics (order does not matter: :meth:`sorted` orders them)."""
        self.diagnostics.extend(diagnostics)

    def sorted(self) -> list[Diagnostic]:
        """Diagnostics ordered by file, line, column and code."""
        return sorted(self.diagnostics, key=Diagnostic.sort_key)

    @property
    def active(self) -> list[Diagnostic]:
        """Findings that count: not silenced by a waiver."""
        return [d for d in self.sorted() if not d.waived]

    @property
    def waived(self) -> list[Diagnostic]:
        """Findings silenced by a waiver: counted, never hidden."""
        return [d for d in self.sorted() if d.waived]

    def count(self, severity: Severity) -> int:
        """How many active findings have exactly this severity."""
        return sum(1 for d in self.diagnostics if not d.waived and d.severity == severity)

    def fails(self, fail_on: Severity) -> bool:
        """True when an active finding is at or above ``fail_on``."""
        return any(not d.waived and d.severity >= fail_on for d in self.diagnostics)

    def summary(self) -> str:
        """The closing line, in Chinese."""
        parts = [
            f"检查了 {len(self.files)} 个文件",
            f"错误 {self.count(Severity.ERROR)} 个",
            f"警告 {self.count(Severity.WARNING)} 个",
            f"提示 {self.count(Severity.INFO)} 个",
        ]
        waived = len(self.waived)
        if waived:
            parts.append(f"已豁免 {waived} 个")
        if self.baselined:
            parts.append(f"基线中已有 {self.baselined} 个（未列出）")
        return "，".join(parts) + "。" + self._config_note()

    def _config_note(self) -> str:
        if self.configs is None:
            return ""
        found = [c for c in self.configs if c]
        if not found:
            return "未找到 govopen.toml，使用默认设置。"
        note = f"配置：{'、'.join(found)}"
        if len(found) < len(self.configs):
            note += "；其余文件未找到 govopen.toml，使用默认设置"
        return note + "。"

    def to_dict(self) -> dict[str, Any]:
        """The JSON document printed by ``--format json``."""
        return {
            "tool": "govopen",
            "files": list(self.files),
            "diagnostics": [d.to_dict() for d in self.sorted()],
            "summary": {
                "files": len(self.files),
                "error": self.count(Severity.ERROR),
                "warning": self.count(Severity.WARNING),
                "info": self.count(Severity.INFO),
                "waived": len(self.waived),
                **({} if self.baselined is None else {"baselined": self.baselined}),
            },
        }
