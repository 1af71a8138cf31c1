"""The 目录 sheet of the export: the catalog as the official 标准目录 table.

Two header rows (a group's name spans its columns), one row per item, the optional
local columns only when some item uses them (:func:`features_of`), 一级事项 (and,
with a 三级事项 column, 二级事项) cells merged over runs of equal values, and A3 paper
when the table is too wide for A4. Merged ranges are plain ``ws.merged_cells``
entries written at the end of the sheet, so they work while streaming; the covered
cells are written empty (with their border), as Excel itself stores them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from govopen_cli.catalog.model import LEVELS, MARK_SYMBOLS, Catalog, Item
from govopen_cli.excel import layout
from govopen_cli.excel.layout import Column
from govopen_cli.excel.sheet import column_letter
from govopen_cli.excel.writer import SheetWriter, row_height, widths_to_show

#: Total column width (characters) above which the 目录 is laid out for A3 paper.
A3_WIDTH = 170
CATALOG_FIRST_ROW = 4
#: Under the 目录 table, where the 公开渠道和载体 column uses the marks.
CHANNEL_LEGEND = "注：公开渠道和载体前的 ■ 为必选，□ 为可选，▲ 为择一。"


def features_of(catalog: Catalog) -> layout.CatalogFeatures:
    """Which optional 目录 columns this catalog needs."""
    items = catalog.items
    used_levels = {lv for it in items for lv in it.levels}
    levels = tuple(lv for lv in LEVELS if lv in used_levels) or ("县级", "乡级")
    return layout.CatalogFeatures(
        matter3=any(len(it.matter) > 2 for it in items),
        levels=levels,
        stage=any(it.stage for it in items),
        department=any(it.department for it in items),
        audience_note=any(it.audience_note for it in items),
        url=any(c.url for it in items for c in it.channels),
        deadline_count=any(it.deadline.days is not None for it in items),
        duties=any(it.duties for it in items),
        interpretation=any(it.interpretation for it in items),
        waivers=any(it.waivers for it in items),
        note=any(it.note for it in items),
    )


def deadline_count_text(item: Item) -> str:
    """The 时限天数 cell: the explicit count of a ``{text, days, unit}`` deadline."""
    if item.deadline.days is None or item.deadline.unit is None:
        return ""
    return f"{item.deadline.days}个{item.deadline.unit}"


def waiver_lines(item: Item) -> str:
    """The 规则豁免 cell: ``GO301：理由（有效期至 2027-12-31）`` one per line."""
    lines = []
    for w in item.waivers:
        until = f"（有效期至{w.until.isoformat()}）" if w.until else ""
        lines.append(f"{w.rule}：{w.reason}{until}")
    return "\n".join(lines)


def catalog_cell(item: Item, column: Column) -> str:
    """The text of one 目录 cell for an item (ticks as √, channels with their marks)."""
    return cell_text(column)(item)


@cache
def cell_text(column: Column) -> Callable[[Item], str]:
    """The function giving a column's 目录 cell for an item (:func:`catalog_cell`), chosen
    once per column rather than once per cell."""
    key = column.key
    if key.startswith(("audience:", "mode:", "levels:")):
        field, wanted = key.split(":", 1)[0], column.value
        return lambda item: layout.TICK if wanted in getattr(item, field) else ""
    if key in ("matter1", "matter2", "matter3"):
        index = int(key[-1]) - 1
        return lambda item: item.matter[index] if len(item.matter) > index else ""
    return _FIELD_TEXT.get(key) or (lambda item: _plain(item, key))


def _plain(item: Item, key: str) -> str:
    value = getattr(item, key, None)
    return value if isinstance(value, str) else ""


def _content(item: Item) -> str:
    if not item.content_is_list and len(item.content) == 1:
        return item.content[0]
    return layout.numbered(item.content)


_FIELD_TEXT: dict[str, Callable[[Item], str]] = {
    "content": _content,
    "basis": lambda item: "\n".join(item.basis),
    "deadline": lambda item: item.deadline.text,
    "channels": lambda item: "\n".join(
        f"{MARK_SYMBOLS.get(c.mark, '■')}{c.name}" for c in item.channels
    ),
    "url": lambda item: "\n".join(f"{c.name}：{c.url}" for c in item.channels if c.url),
    "deadline_count": deadline_count_text,
    "duties": lambda item: "、".join(item.duties),
    "interpretation": lambda item: layout.TICK if item.interpretation else "",
    "waivers": waiver_lines,
    "id": lambda item: item.id,
}


def write_catalog_sheet(
    wb: Any, catalog: Catalog, columns: Sequence[Column], tick: Callable[[], None]
) -> None:
    """The 目录 sheet: two header rows, one row per item, equal 一级事项 cells merged,
    the legend of the channel marks under the table."""
    texts = [cell_text(c) for c in columns]
    measured = [(i, texts[i]) for i, c in enumerate(columns) if c.kind not in ("seq", "tick", "id")]
    blank = [""] * len(columns)

    def measured_row(item: Item) -> list[str]:
        row = blank.copy()
        for i, text in measured:
            row[i] = text(item)
        return row

    widths = widths_to_show([c.width for c in columns], map(measured_row, catalog.items))
    sheet = SheetWriter(wb, layout.SHEET_CATALOG, widths)
    sheet.setup(
        title=catalog.title,
        wide=sum(widths) > A3_WIDTH,
        title_rows=f"2:{CATALOG_FIRST_ROW - 1}",
        freeze=f"A{CATALOG_FIRST_ROW}",
    )
    ncols = sheet.ncols
    sheet.title_row(catalog.title or "政务公开基本目录")
    # Two header rows: a group's name spans its columns; a single column spans both rows.
    top: list[Any] = []
    bottom: list[Any] = []
    i = 0
    while i < ncols:
        col = columns[i]
        if col.group is None:
            top.append(sheet.cell(col.header, "head"))
            bottom.append(sheet.cell(None, "head"))
            sheet.merge(f"{column_letter(i + 1)}2:{column_letter(i + 1)}3")
            i += 1
            continue
        j = i
        while j < ncols and columns[j].group == col.group:
            j += 1
        for k in range(i, j):
            top.append(sheet.cell(col.group if k == i else None, "head"))
            bottom.append(sheet.cell(columns[k].header, "head"))
        if j - i > 1:
            sheet.merge(f"{column_letter(i + 1)}2:{column_letter(j)}2")
        i = j
    sheet.append(top, 22)
    sheet.append(bottom)
    keys = [c.key for c in columns]
    # 一级事项 cells merge over a run of equal values; so do 二级事项 cells when a
    # 三级事项 column exists. depth: how much of the matter path must be equal.
    merge_depth = {keys.index("matter1"): 1}
    if "matter3" in keys:
        merge_depth[keys.index("matter2")] = 2
    runs: dict[int, tuple[int, tuple[str, ...]]] = {}
    styles = ["center" if c.kind in ("seq", "tick", "id") else "text" for c in columns]
    seq = keys.index("seq") if "seq" in keys else -1
    for n, item in enumerate(catalog.items):
        row = sheet.row + 1
        values: list[Any] = [text(item) for text in texts]
        if seq >= 0:
            values[seq] = n + 1
        for ci, depth in merge_depth.items():
            path = item.matter[:depth] if values[ci] else ()
            run = runs.get(ci)
            if run is not None and path and run[1] == path:
                values[ci] = None  # covered by the merged cell above
                continue
            _close_run(sheet, ci, run, row - 1)
            runs[ci] = (row, path)
        sheet.append_values(values, styles)
        tick()
    for ci, run in runs.items():
        _close_run(sheet, ci, run, sheet.row)
    if "channels" in keys:
        sheet.append([], 10)
        sheet.append(
            [sheet.cell(CHANNEL_LEGEND, "plain")] + [None] * (ncols - 1),
            row_height([(CHANNEL_LEGEND, sum(widths))]),
        )
        sheet.merge(f"A{sheet.row}:{column_letter(ncols)}{sheet.row}")


def _close_run(
    sheet: SheetWriter, ci: int, run: tuple[int, tuple[str, ...]] | None, last: int
) -> None:
    if run is not None and run[1] and last > run[0]:
        letter = column_letter(ci + 1)
        sheet.merge(f"{letter}{run[0]}:{letter}{last}")
