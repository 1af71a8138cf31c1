"""The rows of one sheet -> catalog items, with ids stable across years.

:class:`SheetImport` walks the rows under a found header: a row of column numbers,
a group heading (一、机构信息: the 一级事项 of the rows below it), a note (注：…) or a
row with nothing to import is skipped and reported; every other row is an item,
its cells read by :class:`~govopen_cli.excel.cell_reader.CellReader`. An item's id is
its 事项编号, made unique with ``-2``, ``-3``; without one, :func:`generated_id`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from govopen_cli.catalog.model import AUDIENCES, LEVELS, MODES, Item
from govopen_cli.cell_value import cell_text
from govopen_cli.codes.gx import GX008, GX009, GX011, GX012
from govopen_cli.codes.gx_tables import GX020, GX024
from govopen_cli.excel import text
from govopen_cli.excel.cell_reader import CellReader
from govopen_cli.excel.import_report import ImportReport
from govopen_cli.excel.sheet import SheetGrid
from govopen_cli.excel.table_header import TableHeader

_NOTE_ROW = re.compile(r"^\s*(注|备注|说明|填表说明|附注)\s*[:：\d]")


def generated_id(matter: Sequence[str]) -> str:
    """The id of an item whose table has no 事项编号: stable for the same matter path."""
    digest = hashlib.sha256("/".join(matter).encode("utf-8")).hexdigest()[:8].upper()
    return f"M-{digest}"


@dataclass
class ImportContext:
    """Options and running state across the sheets of one workbook."""

    known_channels: tuple[str, ...]
    report: ImportReport
    ids: dict[str, str] = field(default_factory=dict)  # id -> source
    items: list[Item] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    #: (sheet, row) of each item.
    rows: list[tuple[str, int]] = field(default_factory=list)


class SheetImport:
    """Reads the items of one sheet whose header was found."""

    def __init__(self, grid: SheetGrid, header: TableHeader, ctx: ImportContext) -> None:
        self.grid = grid
        self.header = header
        self.ctx = ctx
        self.cells = CellReader(grid, header, ctx.report, ctx.known_channels)
        self.section = ""
        self.last_first_level = ""
        self.generated: list[str] = []
        self.merged_told: set[tuple[int, int]] = set()

    def report(self, code: str, message: str, row: int, col: int) -> None:
        """A diagnostic at a cell of this sheet."""
        self.cells.report(code, message, row, col)

    def run(self, progress: Callable[[], None] | None = None) -> None:
        """Read every row under the header; ``progress()`` is called once per row."""
        grid = self.grid
        first_data = self.header.last + 1
        for row in range(first_data, len(grid.rows) + 1):
            if progress is not None:
                progress()
            own = grid.rows[row - 1]
            own_filled = [c for c, v in enumerate(own, 1) if cell_text(v)]
            if not own_filled:
                continue
            mapped = [c for c in own_filled if c in self.header.columns]
            body = [c for c in mapped if self.header.columns[c].key not in ("seq", "matter1")]
            if row == first_data and all(cell_text(own[c - 1]).isdigit() for c in own_filled):
                self.report(GX011.code, "列序号行（1、2、3……），已跳过", row, own_filled[0])
                continue
            if not body:
                self.skip_row(row, own_filled)
                continue
            self.cells.check_cells(row)
            self.read_item(row)
        self.finish()

    def skip_row(self, row: int, filled: list[int]) -> None:
        """Report a row that is no item: a note, a group heading (the 一级事项 of the rows
        below it) or a row with only 序号 or 一级事项."""
        words = [text.one_line(self.grid.text(row, c)) for c in filled]
        shown = words[0]
        if _NOTE_ROW.match(shown) or len(shown) > 40:
            brief = shown if len(shown) <= 30 else shown[:30] + "……"
            self.report(GX011.code, f"说明行“{brief}”，未作为事项导入", row, filled[0])
        elif len(set(words)) == 1:
            self.section = text.strip_numbering(shown)
            self.report(
                GX011.code,
                f"分组标题行“{shown}”：其下一级事项为空的行按“{self.section}”导入",
                row,
                filled[0],
            )
        else:
            self.report(
                GX011.code,
                "这一行只有序号或一级事项，没有公开内容等可导入的内容，已跳过",
                row,
                filled[0],
            )

    def finish(self) -> None:
        """The sheet-wide diagnostics: look-alike marks and spaces between Chinese characters
        (once, at the first), and generated ids."""
        if self.cells.spaced is not None:
            self.report(
                GX020.code,
                f"单元格中两个汉字之间的空格（网页或 PDF 中的换行）已删除，共 {self.cells.spaces} 处"
                "（首处在此），如“20个工 作日内”读作“20个工作日内”",
                *self.cells.spaced,
            )
        if self.cells.lookalike is not None:
            row, col = (int(x) for x in self.cells.lookalike.split(":"))
            self.report(
                GX008.code,
                f"渠道前的“口”等形似符号按 □（可选）读取，共 {self.cells.lookalikes} 处（首处在此）",
                row,
                col,
            )
        if self.generated:
            self.ctx.report.add(
                GX012.code,
                f"{len(self.generated)} 个事项没有事项编号，已按公开事项生成"
                f"（如 {self.generated[0]}，同一事项各年度相同）。可在表中加“事项编号”列指定",
                sheet=self.grid.title,
                row=self.header.last,
                col=1,
            )

    def read_item(self, row: int) -> None:
        """The item of ``row``, appended with its place in the workbook."""
        g = self.grid
        matter = []
        origins: list[tuple[int, int] | None] = []
        for key in ("matter1", "matter2", "matter3"):
            value, c = self.cells.cell(key, row)
            origin = g.origin(row, c) if c else None
            if origin is not None and origin in origins:
                if g.own(row, c) is None and origin[1] < c and value:
                    self.report_merged_matter(row, origin, value)
                continue  # one cell merged across the levels: one name
            origins.append(origin)
            value = text.strip_numbering(text.one_line(value))
            if key == "matter1" and not value:
                value = self.section or self.last_first_level
            if key == "matter1" and value:
                self.last_first_level = value
            if value:
                matter.append(value)
            elif key == "matter1":
                matter.append(self.cells.required("matter1", row, ""))
        content_text, _ = self.cells.cell("content", row)
        elements, is_list = text.parse_content(content_text)
        if not elements:
            elements, is_list = [self.cells.required("content", row, "")], False
        basis = text.parse_basis(self.cells.cell("basis", row)[0]) or [
            self.cells.required("basis", row, "")
        ]
        deadline = self.cells.read_deadline(row)
        owner = self.cells.required("owner", row, text.one_line(self.cells.cell("owner", row)[0]))
        channels, kept = self.cells.read_channels(row)
        audience, audience_note = self.cells.read_group("audience", AUDIENCES, row)
        mode, _ = self.cells.read_group("mode", MODES, row)
        levels, _ = self.cells.read_group("levels", LEVELS, row)
        note_col = self.cells.cell("audience_note", row)[0].strip()
        if note_col:
            audience_note = note_col
        department = text.one_line(self.cells.cell("department", row)[0]) or None
        stage = self.cells.read_stage(row)
        duties = tuple(
            text.split_outside_brackets(self.cells.cell("duties", row)[0], "、，,；; \n")
        )
        interpretation = self.cells.read_tick_column("interpretation", row)
        note = "\n".join([self.cells.cell("note", row)[0].strip(), *kept]).strip() or None
        waivers = self.cells.read_waivers(row)
        item_id = self.read_id(row, matter)
        item = Item(
            id=item_id,
            matter=tuple(matter),
            content=tuple(elements),
            basis=tuple(basis),
            deadline=deadline,
            owner=owner,
            channels=tuple(channels),
            audience=tuple(audience),
            mode=tuple(mode),
            levels=tuple(levels),
            department=department,
            audience_note=audience_note or None,
            stage=stage,
            duties=duties,
            interpretation=interpretation,
            note=note,
            waivers=tuple(waivers),
            content_is_list=is_list,
        )
        self.ctx.items.append(item)
        first = min(self.header.columns)
        self.ctx.sources.append(g.name(row, first))
        self.ctx.rows.append((g.title, row))

    def report_merged_matter(self, row: int, origin: tuple[int, int], value: str) -> None:
        """公开事项 merged across its levels: told once per merged range."""
        if origin in self.merged_told:
            return
        self.merged_told.add(origin)
        self.report(
            GX024.code,
            f"公开事项“{text.one_line(value)}”的单元格合并了几级事项列，按一个名称读取",
            origin[0],
            origin[1],
        )

    def read_id(self, row: int, matter: list[str]) -> str:
        """The item's id: its 事项编号 made unique, or one generated from the matter."""
        raw, c = self.cells.cell("id", row)
        where = self.grid.name(row, c or 1)
        if raw:
            item_id = re.sub(r"\s+", "", raw)
            if item_id in self.ctx.ids:
                n = 2
                while f"{item_id}-{n}" in self.ctx.ids:
                    n += 1
                new = f"{item_id}-{n}"
                self.report(
                    GX009.code,
                    f"事项编号 {item_id} 与 {self.ctx.ids[item_id]} 重复，本行已改为 {new}，请核对",
                    row,
                    c,
                )
                item_id = new
        else:
            base = generated_id(matter)
            item_id = base
            n = 2
            while item_id in self.ctx.ids:
                item_id = f"{base}-{n}"
                n += 1
            self.generated.append(item_id)
        self.ctx.ids[item_id] = where
        return item_id
