"""Finding a catalog table's header in a sheet, and the title written above it.

The header is found by its column names, in any order, within the first
:data:`HEADER_SEARCH_ROWS` rows: a one-row header, or two rows where a group's name
(公开事项, 公开对象 …) spans its sub-columns. Columns the catalog format has no field
for are kept aside to be reported. Above the header, the first text is the table's
title and ``单位：…`` / ``文号：…`` cells are labelled values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govopen_cli.cell_value import cell_text
from govopen_cli.excel import layout, text
from govopen_cli.excel.layout import Column
from govopen_cli.excel.sheet import SheetGrid

#: Rows searched for the header.
HEADER_SEARCH_ROWS = 30
#: A catalog table has at least two of these columns besides 公开事项.
ESSENTIAL_KEYS = frozenset({"content", "basis", "deadline", "owner", "channels"})
#: The level a duplicated matter column stands for (一级事项 twice: the second is 二级事项).
_NEXT_LEVEL = {"matter1": layout.MATTER2, "matter2": layout.MATTER3}
_PREVIOUS = {"matter2": layout.MATTER1}
_LABELLED = re.compile(
    r"^\s*(制定机关|填报单位|编制单位|单位名称|单位|印发文号|文号)\s*[:：]\s*(.+?)\s*$"
)


@dataclass
class TableHeader:
    """A header found in a sheet: its rows and what each column holds."""

    first: int
    last: int
    columns: dict[int, Column]
    unknown: list[tuple[int, int, str]]  # (row, column, name)
    score: int
    #: Header cells read other than as written (a typo), with the message: (row, column, text).
    fixes: list[tuple[int, int, str]] = field(default_factory=list)
    #: Level columns under a local name (镇街级 -> 乡级): (row, column, name as written).
    mapped: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        """The keys of the columns found."""
        return {c.key for c in self.columns.values()}


def _map_header(grid: SheetGrid, first: int, pair: bool) -> TableHeader:
    columns: dict[int, Column] = {}
    unknown: list[tuple[int, int, str]] = []
    generic: list[int] = []
    last = first + 1 if pair else first
    matter_group = layout.header_key(layout.MATTER_GROUP)
    # A pair is a two-row header only when its upper row names something: a group
    # over sub-columns, or a column spanning both rows. Otherwise the upper row is a
    # title above a one-row header, and that header is found on its own.
    upper_names = False
    for c in range(1, grid.width + 1):
        upper = grid.text(first, c)
        lower = grid.text(last, c) if pair else ""
        col: Column | None = None
        where, name = first, upper
        if lower and lower != upper:
            col = layout.find_column(lower)
            where, name = last, lower
            if layout.header_key(upper) in layout.GROUP_KEYS:
                upper_names = True
            if col is None and layout.header_key(upper) not in layout.GROUP_KEYS:
                col = layout.find_column(upper)
                where, name = first, upper
            elif col is None:
                name = f"{upper}/{lower}"
        elif upper:
            if layout.header_key(upper) == matter_group:
                generic.append(c)
                continue
            col = layout.find_column(upper)
        if col is None:
            if name:
                unknown.append((where, c, name))
            continue
        if where == first:
            upper_names = True
        columns[c] = col
    used = {col.key for col in columns.values()}
    for c in generic:
        slot = next(
            (m for m in (layout.MATTER1, layout.MATTER2, layout.MATTER3) if m.key not in used), None
        )
        if slot is not None:
            columns[c] = slot
            used.add(slot.key)
    # A key mapped twice: the first column wins, the others are reported; but
    # "一级事项 | 一级事项" is a typo for 二级事项 when no 二级事项 column follows.
    fixes: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for c in sorted(columns):
        key = columns[c].key
        typo = _NEXT_LEVEL.get(key)
        if (
            key in seen
            and typo is not None
            and typo.key not in used
            and columns.get(c - 1)
            in (
                columns[c],
                _PREVIOUS.get(key),
            )
        ):
            written = grid.text(last, c) or grid.text(first, c)
            fixes.append(
                (
                    last,
                    c,
                    f"表头中“{written}”出现两次，第二个按“{typo.header}”读取"
                    f"（原表应是笔误），请核对这一列并改正原表",
                )
            )
            columns[c] = typo
            used.add(typo.key)
            key = typo.key
        elif key in seen:
            unknown.append((first, c, f"{grid.text(first, c)}（与前面的列重复）"))
            del columns[c]
        seen.add(key)
    keys = {col.key for col in columns.values()}
    has_matter = bool(keys & {"matter1", "matter2"})
    # A table with 公开事项 but without what a catalog says of it (a govopen diff
    # workbook: 事项编号, 一级事项, 说明) is not a catalog.
    essential = len(keys & ESSENTIAL_KEYS) >= 2
    score = len(keys) if has_matter and essential and (upper_names or not pair) else 0
    mapped = [
        (
            last if pair and grid.text(last, c) else first,
            c,
            grid.text(last, c) or grid.text(first, c),
        )
        for c, col in columns.items()
        if col.key.startswith("levels:")
        and layout.header_key(grid.text(last, c) or grid.text(first, c))
        not in (layout.header_key(v) for v in (col.value or "").split("、"))
    ]
    return TableHeader(first, last, columns, unknown, score, fixes, mapped)


def find_header(grid: SheetGrid) -> TableHeader | None:
    """The best-scoring catalog header in the first :data:`HEADER_SEARCH_ROWS` rows, if any."""
    best: TableHeader | None = None
    for r in range(1, min(len(grid.rows), HEADER_SEARCH_ROWS) + 1):
        for pair in (False, True):
            if pair and r + 1 > len(grid.rows):
                continue
            header = _map_header(grid, r, pair)
            if header.score and (best is None or header.score > best.score):
                best = header
    return best


def title_above(
    grid: SheetGrid, header: TableHeader
) -> tuple[str, dict[str, tuple[str, int, int]]]:
    """The title row above the header, and labelled values (单位：…, 文号：…)."""
    title = ""
    labelled: dict[str, tuple[str, int, int]] = {}
    for r in range(1, header.first):
        for c in range(1, grid.width + 1):
            value = cell_text(grid.own(r, c))
            if not value:
                continue
            m = _LABELLED.match(value)
            if m is not None:
                kind = "document_no" if "文号" in m.group(1) else "agency"
                labelled.setdefault(kind, (m.group(2), r, c))
            elif not title:
                title = text.one_line(value)
                labelled["title"] = (title, r, c)
    return title, labelled
