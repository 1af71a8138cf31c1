"""A ledger's rows as read from any format, before they become requests.

Each format's reader (:mod:`.ledger_csv`, :mod:`.ledger_xlsx`, :mod:`.ledger_yaml`)
turns its file into :class:`RawRow` values keyed by column, each cell with its
:class:`CellRef`, and reports what it cannot read through a :class:`LedgerReader`:
nothing here raises for a problem in the file. The header handling that CSV and
workbooks share (:func:`map_header`, :func:`report_unlabeled_columns`) is here too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from govopen_cli.cell_value import cell_text
from govopen_cli.codes import Code
from govopen_cli.codes.gr import GR001, GR002, GR009
from govopen_cli.diagnostics import Diagnostic
from govopen_cli.requests.ledger_columns import (
    COLUMNS,
    column_header,
    match_header,
    normalize_header,
)

LedgerKind = Literal["csv", "xlsx", "yaml"]


@dataclass(frozen=True, slots=True)
class CellRef:
    """Where a value is: line and column (1-based), and for workbooks the cell name."""

    line: int
    column: int
    source: str = ""
    pointer: str = ""


@dataclass(frozen=True)
class RawCell:
    """A cell's value as the file holds it, and where it is."""

    value: Any
    ref: CellRef


@dataclass
class RawRow:
    """A row of the ledger: its place, and its cells by column key."""

    ref: CellRef
    cells: dict[str, RawCell] = field(default_factory=dict)


class LedgerReader:
    """Collects diagnostics for one ledger file."""

    def __init__(self, path: Path, display: str) -> None:
        self.path = path
        self.display = display
        self.diagnostics: list[Diagnostic] = []
        self.unreadable = False

    def cannot_read(self, message: str, ref: CellRef | None = None) -> None:
        """The file cannot be read as a table at all: GR001, and the run could not happen."""
        self.unreadable = True
        self.report(GR001, ref or CellRef(1, 1), message)

    def report(
        self, code: Code, ref: CellRef, message: str, *, number: str = "", field_name: str = ""
    ) -> None:
        """Add a diagnostic located at ``ref``."""
        self.diagnostics.append(
            ledger_diagnostic(
                self.display, code, ref, message, number=number, field_name=field_name
            )
        )


def ledger_diagnostic(
    display: str,
    code: Code,
    ref: CellRef,
    message: str,
    *,
    number: str = "",
    field_name: str = "",
) -> Diagnostic:
    """A GR diagnostic located at a ledger cell (file:line:column, or ``台账!C12``)."""
    return code.at(
        display,
        message,
        line=ref.line,
        column=ref.column,
        path=ref.pointer,
        fingerprint=f"{code.code}:ledger:{number}:{field_name}",
        source=ref.source,
    )


def map_header(
    reader: LedgerReader,
    values: list[Any],
    ref_of: Callable[[int], CellRef],
) -> dict[int, str]:
    """Column index -> key for a header row; unknown headers and missing columns reported."""
    mapping: dict[int, str] = {}
    seen: dict[str, int] = {}
    has_serial = None
    for index, value in enumerate(values):
        text = cell_text(value)
        key = match_header(text)
        if normalize_header(text) == "序号":
            has_serial = index
        if key is None:
            reader.report(
                GR009,
                ref_of(index),
                f"不认识的列“{text}”，这一列不会被检查。规定的列名见 docs/ledger.md"
                "（如 编号、收到日期、申请人类型、答复日期、处理结果）",
                field_name=text,
            )
            continue
        if not key:
            continue
        if key in seen:
            reader.report(
                GR009,
                ref_of(index),
                f"“{text}”与第 {seen[key] + 1} 列都是“{column_header(key)}”，只读取前一列",
                field_name=text,
            )
            continue
        seen[key] = index
        mapping[index] = key
    if "number" not in seen and has_serial is not None:
        mapping[has_serial] = "number"  # 序号 stands in for 编号 when there is no 编号
        seen["number"] = has_serial
    for column in COLUMNS:
        if column.required and column.key not in seen:
            aliases = "、".join(column.aliases[:4])
            reader.report(
                GR002,
                ref_of(0),
                f"台账缺少“{column.header}”列（也可写作 {aliases}）",
                field_name=column.header,
            )
    return mapping


def report_unlabeled_columns(
    reader: LedgerReader,
    header: list[Any],
    rows: list[tuple[int, list[Any]]],
    ref_of: Callable[[int, int], CellRef],
) -> None:
    """Data in a column without a header is not read: say so, once per column."""
    found: dict[int, list[int]] = {}
    for line, values in rows:
        for index, value in enumerate(values):
            label = cell_text(header[index]) if index < len(header) else ""
            if not label and cell_text(value):
                found.setdefault(index, []).append(line)
    for index, lines in sorted(found.items()):
        first = lines[0]
        sample = cell_text(rows[[r[0] for r in rows].index(first)][1][index])
        reader.report(
            GR009,
            ref_of(first, index),
            f"第 {index + 1} 列没有表头，但有 {len(lines)} 行在这一列有内容（如“{sample[:20]}”），"
            "未被读取。常见原因：内容中的英文逗号没有加引号，把后面的单元格挤到了右边",
        )
