"""Official-layout workbooks -> catalog data, with every cell it cannot read located as ``Sheet!C12``.

Agencies' tables are read as they really are: a title row above a one- or
two-row header found by its column names (in any order; extra columns are
ignored and reported), cells merged in any column (a merged cell's value holds
for every cell it covers), ■ □ ▲ channel marks (口 and other look-alikes read as
□ …), √ ✓ ✔ ticks, full-width and half-width punctuation, channel variants mapped
to the official names, numbered 公开内容 cells split into elements, several sheets.

Ids: taken from a 事项编号 (编号, 事项代码 …) column when there is one; otherwise
generated from the matter path, ``M-`` and the first 8 hex digits of the SHA-256
of "一级/二级/三级", so the same matter gets the same id in next year's table; a
second row with the same matter gets ``-2``, ``-3`` in table order.

What the workbook does not say becomes a placeholder starting with
:data:`~govopen_cli.catalog.placeholder.PLACEHOLDER` (待填写), which ``govopen check``
reports (GX006), so the file is still written and nothing is lost.

A workbook written by ``govopen export`` is recognised by its 说明 sheet: the
catalog header is read from there and the other generated sheets are skipped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_cli.catalog.channel import WEBSITE
from govopen_cli.catalog.model import (
    AUDIENCES,
    LEVELS,
    MODES,
    STAGES,
    Channel,
    Deadline,
    Item,
    Waiver,
)
from govopen_cli.catalog.placeholder import FIELD_NAMES, PLACEHOLDER
from govopen_cli.codes import all_codes
from govopen_cli.codes.gx import (
    GX001,
    GX002,
    GX003,
    GX004,
    GX005,
    GX006,
    GX007,
    GX008,
    GX009,
    GX010,
    GX011,
    GX012,
    GX013,
    GX015,
    GX016,
    GX017,
    GX018,
    GX019,
)
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.errors import GovopenError, PathNotFoundError
from govopen_cli.excel import layout, text
from govopen_cli.excel.layout import Column
from govopen_cli.excel.sheet import (
    SheetGrid,
    UnreadableWorkbookError,
    cell_name,
    cell_text,
    excel_error,
    open_workbook,
)

# Import diagnostics: codes never change meaning (documented in codes/gx.py).
CODE_NO_HEADER = GX001.code
CODE_UNKNOWN_COLUMN = GX002.code
CODE_BAD_TICK = GX003.code
CODE_UNKNOWN_MARK = GX004.code
CODE_EMPTY_CELL = GX005.code
CODE_PLACEHOLDER = GX006.code
CODE_CHANNEL_VARIANT = GX007.code
CODE_LOOKALIKE_MARK = GX008.code
CODE_DUPLICATE_ID = GX009.code
CODE_UNREADABLE = GX010.code
CODE_SKIPPED_ROW = GX011.code
CODE_GENERATED_ID = GX012.code
CODE_HEADER_INFERRED = GX013.code
CODE_UNKNOWN_CHANNEL = GX015.code
CODE_BAD_VALUE = GX016.code
CODE_URL_SCHEME_ADDED = GX017.code
CODE_EXCEL_ERROR = GX018.code
CODE_FORMULA_NOT_SAVED = GX019.code

#: Rows searched for the header.
HEADER_SEARCH_ROWS = 30
#: A catalog table has at least two of these columns besides 公开事项.
ESSENTIAL_KEYS = frozenset({"content", "basis", "deadline", "owner", "channels"})
PLACEHOLDERS = {
    "id": f"{PLACEHOLDER}（目录标识：只用字母、数字、-、_、.，各年度保持不变）",
    "title": f"{PLACEHOLDER}（目录名称）",
    "agency": f"{PLACEHOLDER}（制定机关）",
    "year": f"{PLACEHOLDER}（年度，如 2025）",
    "matter": f"{PLACEHOLDER}（一级事项）",
    "content": f"{PLACEHOLDER}（公开内容）",
    "basis": f"{PLACEHOLDER}（公开依据）",
    "deadline": f"{PLACEHOLDER}（公开时限）",
    "owner": f"{PLACEHOLDER}（公开主体）",
    "channels": f"{PLACEHOLDER}（公开渠道和载体）",
    "audience": f"{PLACEHOLDER}（公开对象：全社会或特定群体）",
    "mode": f"{PLACEHOLDER}（公开方式：主动或依申请）",
    "levels": f"{PLACEHOLDER}（公开层级）",
}
_NOTE_ROW = re.compile(r"^\s*(注|备注|说明|填表说明|附注)\s*[:：\d]")
_YEAR = re.compile(r"(?<![0-9])(20[0-9]{2}|19[0-9]{2})(?![0-9])")
_AGENCY_IN_TITLE = re.compile(
    r"^(.+?)(?:[（(]?\s*(?:19|20)[0-9]{2}\s*年?[版度]?\s*[)）]?)?(?:政务公开|政府信息公开|信息公开)"
)
_LABELLED = re.compile(
    r"^\s*(制定机关|填报单位|编制单位|单位名称|单位|印发文号|文号)\s*[:：]\s*(.+?)\s*$"
)


@dataclass
class ImportResult:
    """What an import read: the catalog in the spec's data form, and what it noticed."""

    catalog: dict[str, Any] | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    #: ``目录!A5`` for each item, in order.
    sources: list[str] = field(default_factory=list)
    #: Header fields written as placeholders.
    placeholders: list[str] = field(default_factory=list)
    #: The file could not be opened as a workbook at all (GX010): nothing was read.
    unreadable: bool = False

    @property
    def items(self) -> int:
        """How many items were read."""
        return len(self.catalog["items"]) if self.catalog else 0


def generated_id(matter: Sequence[str]) -> str:
    """The id of an item whose table has no 事项编号: stable for the same matter path."""
    digest = hashlib.sha256("/".join(matter).encode("utf-8")).hexdigest()[:8].upper()
    return f"M-{digest}"


@dataclass
class _Header:
    """A header found in a sheet: its rows and what each column holds."""

    first: int
    last: int
    columns: dict[int, Column]
    unknown: list[tuple[int, int, str]]  # (row, column, name)
    score: int

    @property
    def keys(self) -> set[str]:
        return {c.key for c in self.columns.values()}


class _Reporter:
    """Makes located diagnostics for one workbook."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.diagnostics: list[Diagnostic] = []
        self.sheets: dict[str, int] = {}

    def sorted(self) -> list[Diagnostic]:
        """In reading order: sheet by sheet, row by row; workbook-wide ones last."""

        def key(d: Diagnostic) -> tuple[int, int, int, str]:
            sheet = d.source.rsplit("!", 1)[0] if "!" in d.source else None
            order = self.sheets.get(sheet, len(self.sheets)) if sheet else len(self.sheets) + 1
            return (order, d.line, d.column, d.code)

        return sorted(self.diagnostics, key=key)

    def add(
        self,
        code: str,
        message: str,
        *,
        sheet: str = "",
        row: int = 1,
        col: int = 1,
        severity: Severity | None = None,
    ) -> None:
        known = all_codes()[code]
        name, default = known.name, known.severity
        severity = severity or default
        source = cell_name(sheet, row, col) if sheet else self.display
        if sheet:
            self.sheets.setdefault(sheet, len(self.sheets))
        self.diagnostics.append(
            Diagnostic(
                file=self.display,
                line=row,
                column=col,
                code=code,
                severity=severity,
                message=message,
                name=name,
                source=source,
            )
        )


def _map_header(grid: SheetGrid, first: int, pair: bool) -> _Header:
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
    # A key mapped twice: the first column wins, the others are reported.
    seen: set[str] = set()
    for c in sorted(columns):
        key = columns[c].key
        if key in seen:
            unknown.append((first, c, f"{grid.text(first, c)}（与前面的列重复）"))
            del columns[c]
        seen.add(key)
    keys = {col.key for col in columns.values()}
    has_matter = bool(keys & {"matter1", "matter2"})
    # A table with 公开事项 but without what a catalog says of it (a govopen diff
    # workbook: 事项编号, 一级事项, 说明) is not a catalog.
    essential = len(keys & ESSENTIAL_KEYS) >= 2
    score = len(keys) if has_matter and essential and (upper_names or not pair) else 0
    return _Header(first, last, columns, unknown, score)


def _find_header(grid: SheetGrid) -> _Header | None:
    best: _Header | None = None
    for r in range(1, min(len(grid.rows), HEADER_SEARCH_ROWS) + 1):
        for pair in (False, True):
            if pair and r + 1 > len(grid.rows):
                continue
            header = _map_header(grid, r, pair)
            if header.score and (best is None or header.score > best.score):
                best = header
    return best


@dataclass
class _Context:
    """Options and running state across the sheets of one workbook."""

    known_channels: tuple[str, ...]
    report: _Reporter
    ids: dict[str, str] = field(default_factory=dict)  # id -> source
    items: list[Item] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


def _about(wb: Any) -> dict[str, str] | None:
    """The catalog header from a govopen-exported workbook's 说明 sheet."""
    if layout.SHEET_ABOUT not in wb.sheetnames:
        return None
    ws = wb[layout.SHEET_ABOUT]
    pairs: dict[str, str] = {}
    # The key/value block under the title ends at the first empty row.
    for n, row in enumerate(ws.iter_rows(min_row=2, max_row=40, max_col=2, values_only=True)):
        if not row or row[0] is None:
            if n:
                break
            continue
        pairs[cell_text(row[0])] = cell_text(row[1] if len(row) > 1 else None)
    if not pairs.get(layout.ABOUT_TOOL, "").startswith("govopen"):
        return None
    return pairs


class _SheetImport:
    """Reads the items of one sheet whose header was found."""

    def __init__(self, grid: SheetGrid, header: _Header, ctx: _Context) -> None:
        self.grid = grid
        self.header = header
        self.ctx = ctx
        self.by_key = {col.key: c for c, col in header.columns.items()}
        self.section = ""
        self.last_first_level = ""
        self.generated: list[str] = []
        self.lookalike: str | None = None
        self.lookalikes = 0
        #: Cells reported as holding no usable value (an Excel error, an unsaved formula).
        self.unusable: set[tuple[int, int]] = set()

    def report(self, code: str, message: str, row: int, col: int) -> None:
        self.ctx.report.add(code, message, sheet=self.grid.title, row=row, col=col)

    def text(self, row: int, c: int) -> str:
        """A cell's text; "" for an Excel error value (which :meth:`check_cells` reports)."""
        value = self.grid.value(row, c)
        return "" if excel_error(value) else cell_text(value)

    def cell(self, key: str, row: int) -> tuple[str, int]:
        """The text of the ``key`` column in ``row`` and its column number (0 when absent)."""
        c = self.by_key.get(key, 0)
        return (self.text(row, c) if c else ""), c

    def check_cells(self, row: int) -> None:
        """Report the cells of an item's row that hold no usable value (an Excel error,
        a formula whose value was not saved) or a date where the catalog wants text."""
        for c, col in sorted(self.header.columns.items()):
            if col.kind == "seq":
                continue  # 序号 is not imported: =ROW()-3 there is harmless
            value = self.grid.own(row, c)
            name = col.header if col.kind != "tick" else f"{col.group or ''}“{col.header}”列"
            error = excel_error(value)
            if error is not None:
                self.unusable.add((row, c))
                self.report(
                    CODE_EXCEL_ERROR,
                    f"{name}单元格是 Excel 错误值 {error}（公式出错，如引用的单元格已删除），"
                    "按空白读取（必填的写为“待填写”占位）；请在 Excel 或 WPS 中改正公式或直接填写内容，"
                    "再重新导入",
                    row,
                    c,
                )
            elif value is None and (row, c) in self.grid.uncached:
                self.unusable.add((row, c))
                self.report(
                    CODE_FORMULA_NOT_SAVED,
                    f"{name}单元格是公式，但工作簿没有保存公式的计算结果（由程序生成、未在 Excel 中"
                    "打开保存过的文件常见），按空白读取（必填的写为“待填写”占位）；请用 Excel 或 WPS "
                    "打开工作簿、保存后重新导入",
                    row,
                    c,
                )
            elif isinstance(value, dt.date):  # a datetime is a date too
                shown = cell_text(value)
                hint = (
                    "公开时限应写明期限，如“自信息形成或者变更之日起20个工作日内”，请改正"
                    if col.key == "deadline"
                    else "请核对这一列是否应写日期"
                )
                self.report(
                    CODE_BAD_VALUE,
                    f"{name}是日期单元格（{shown}），已按文字“{shown}”导入；{hint}",
                    row,
                    c,
                )

    def run(self, progress: Callable[[], None] | None = None) -> None:
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
                self.report(CODE_SKIPPED_ROW, "列序号行（1、2、3……），已跳过", row, own_filled[0])
                continue
            if not body:
                self.skip_row(row, own_filled)
                continue
            self.check_cells(row)
            self.read_item(row)
        self.finish()

    def skip_row(self, row: int, filled: list[int]) -> None:
        words = [text.one_line(self.grid.text(row, c)) for c in filled]
        shown = words[0]
        if _NOTE_ROW.match(shown) or len(shown) > 40:
            brief = shown if len(shown) <= 30 else shown[:30] + "……"
            self.report(CODE_SKIPPED_ROW, f"说明行“{brief}”，未作为事项导入", row, filled[0])
        elif len(set(words)) == 1:
            self.section = text.strip_numbering(shown)
            self.report(
                CODE_SKIPPED_ROW,
                f"分组标题行“{shown}”：其下一级事项为空的行按“{self.section}”导入",
                row,
                filled[0],
            )
        else:
            self.report(
                CODE_SKIPPED_ROW,
                "这一行只有序号或一级事项，没有公开内容等可导入的内容，已跳过",
                row,
                filled[0],
            )

    def finish(self) -> None:
        if self.lookalike is not None:
            row, col = (int(x) for x in self.lookalike.split(":"))
            self.report(
                CODE_LOOKALIKE_MARK,
                f"渠道前的“口”等形似符号按 □（可选）读取，共 {self.lookalikes} 处（首处在此）",
                row,
                col,
            )
        if self.generated:
            self.ctx.report.add(
                CODE_GENERATED_ID,
                f"{len(self.generated)} 个事项没有事项编号，已按公开事项生成"
                f"（如 {self.generated[0]}，同一事项各年度相同）。可在表中加“事项编号”列指定",
                sheet=self.grid.title,
                row=self.header.last,
                col=1,
            )

    def required(self, key: str, row: int, value: str) -> str:
        """``value``, or a placeholder with a diagnostic when the cell is empty."""
        if value:
            return value
        c = self.by_key.get(key, 0)
        placeholder = PLACEHOLDERS[key if key != "matter1" else "matter"]
        unusable = (row, c) in self.unusable or excel_error(self.grid.value(row, c)) is not None
        if c and not unusable:  # an unusable cell was reported, with the placeholder
            self.report(
                CODE_EMPTY_CELL,
                f"{FIELD_NAMES[key]}为空，已写为“{placeholder}”，请补充",
                row,
                c,
            )
        return placeholder

    def read_item(self, row: int) -> None:
        g = self.grid
        matter = []
        for key in ("matter1", "matter2", "matter3"):
            value, _ = self.cell(key, row)
            value = text.strip_numbering(text.one_line(value))
            if key == "matter1" and not value:
                value = self.section or self.last_first_level
            if key == "matter1" and value:
                self.last_first_level = value
            if value:
                matter.append(value)
            elif key == "matter1":
                matter.append(self.required("matter1", row, ""))
        content_text, _ = self.cell("content", row)
        elements, is_list = text.parse_content(content_text)
        if not elements:
            elements, is_list = [self.required("content", row, "")], False
        basis = text.parse_basis(self.cell("basis", row)[0]) or [self.required("basis", row, "")]
        deadline = self.read_deadline(row)
        owner = self.required("owner", row, text.one_line(self.cell("owner", row)[0]))
        channels, kept = self.read_channels(row)
        audience, audience_note = self.read_group("audience", AUDIENCES, row)
        mode, _ = self.read_group("mode", MODES, row)
        levels, _ = self.read_group("levels", LEVELS, row)
        note_col = self.cell("audience_note", row)[0].strip()
        if note_col:
            audience_note = note_col
        department = text.one_line(self.cell("department", row)[0]) or None
        stage = self.read_stage(row)
        duties = tuple(text.split_outside_brackets(self.cell("duties", row)[0], "、，,；; \n"))
        interpretation = self.read_tick_column("interpretation", row)
        note = "\n".join([self.cell("note", row)[0].strip(), *kept]).strip() or None
        waivers = self.read_waivers(row)
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
        self.ctx.sources.append(cell_name(g.title, row, first))

    def read_id(self, row: int, matter: list[str]) -> str:
        raw, c = self.cell("id", row)
        where = cell_name(self.grid.title, row, c or 1)
        if raw:
            item_id = re.sub(r"\s+", "", raw)
            if item_id in self.ctx.ids:
                n = 2
                while f"{item_id}-{n}" in self.ctx.ids:
                    n += 1
                new = f"{item_id}-{n}"
                self.report(
                    CODE_DUPLICATE_ID,
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

    def read_deadline(self, row: int) -> Deadline:
        words = self.required("deadline", row, text.one_line(self.cell("deadline", row)[0]))
        count_text, c = self.cell("deadline_count", row)
        if not count_text:
            return Deadline(text=words)
        parsed = text.parse_count(count_text)
        if parsed is None:
            self.report(
                CODE_BAD_VALUE,
                f"时限天数“{count_text}”看不懂，应写成“20个工作日”或“30日”；已忽略，只保留公开时限原文",
                row,
                c,
            )
            return Deadline(text=words)
        return Deadline(text=words, days=parsed[0], unit=parsed[1])

    def read_channels(self, row: int) -> tuple[list[Channel], list[str]]:
        """The channels of ``row`` with their 公开网址, and the 公开网址 lines that are no
        address (kept for the item's note)."""
        raw, c = self.cell("channels", row)
        parsed = text.parse_channels(raw, self.ctx.known_channels)
        for note in parsed.notes:
            if note.kind == "lookalike":
                self.lookalikes += 1
                if self.lookalike is None:
                    self.lookalike = f"{row}:{c}"
            elif note.kind == "unknown-mark":
                self.report(
                    CODE_UNKNOWN_MARK,
                    f"“{note.text}{note.detail}”前的“{note.text}”不是渠道标注（■ 必选、□ 可选、▲ 择一），"
                    "已按必选读取，请核对",
                    row,
                    c,
                )
            elif note.kind == "variant":
                self.report(
                    CODE_CHANNEL_VARIANT,
                    f"渠道“{note.text}”按标准名称“{note.detail}”导入",
                    row,
                    c,
                )
            elif note.kind == "unknown-name":
                self.report(
                    CODE_UNKNOWN_CHANNEL,
                    f"“{note.text}”不是标准目录的 13 种渠道之一，按原文导入；"
                    "如是本地渠道，请加入 govopen.toml 的 [channels] extra",
                    row,
                    c,
                )
        channels = parsed.channels
        urls_text, url_col = self.cell("url", row)
        kept: list[str] = []  # 公开网址 lines without an address, for the item's note
        for line in text.parse_urls(urls_text):
            name, url = line.name, line.url
            if line.kind == "other":
                self.report(
                    CODE_BAD_VALUE,
                    f"公开网址“{line.text}”不是网址（应以 https:// 或 http:// 开头），"
                    "已原样写入备注；请改为栏目或页面的完整网址",
                    row,
                    url_col,
                )
                kept.append(f"公开网址：{line.text}")
                continue
            if line.kind == "domain":
                self.report(
                    CODE_URL_SCHEME_ADDED,
                    f"公开网址“{line.text}”没有写 https:// 或 http://，已按“{url}”导入；"
                    "如该网站只能用 http:// 访问，请改正",
                    row,
                    url_col,
                )
            target = next((ch for ch in channels if ch.name == name), None)
            if target is None and not name:
                target = next((ch for ch in channels if ch.name == WEBSITE), None) or (
                    channels[0] if channels else None
                )
            if target is None:
                self.report(
                    CODE_BAD_VALUE,
                    f"公开网址“{name}：{url}”对应的渠道不在公开渠道和载体中，已忽略",
                    row,
                    url_col,
                )
                continue
            channels[channels.index(target)] = Channel(target.name, target.mark, url)
        if not channels:
            channels = [Channel(self.required("channels", row, ""))]
        return channels, kept

    def read_group(self, field_name: str, values: Sequence[str], row: int) -> tuple[list[str], str]:
        """Ticks (or a one-column list of words) of 公开对象/公开方式/公开层级."""
        found: list[str] = []
        extra = ""
        tick_cols = [
            (c, col)
            for c, col in self.header.columns.items()
            if col.key.startswith(f"{field_name}:")
        ]
        choice_col = self.by_key.get(field_name, 0)
        for c, col in sorted(tick_cols):
            raw = self.text(row, c)
            ticked, rest = text.parse_tick(raw)
            if ticked is None and col.value == "特定群体":
                ticked, rest = True, raw  # the group itself written in the tick column
            if ticked is None:
                self.report(
                    CODE_BAD_TICK,
                    f"{col.value}列中的“{raw}”不是打勾（√），按未选读取；请改为 √ 或留空",
                    row,
                    c,
                )
                continue
            if ticked and col.value is not None:
                found.append(col.value)
                if rest and col.value == "特定群体":
                    extra = rest
                elif rest:
                    self.report(CODE_BAD_TICK, f"√ 后的文字“{rest}”没有对应字段，已忽略", row, c)
        if choice_col:
            raw = self.text(row, choice_col)
            aliases = {
                v: next(
                    (
                        col.aliases
                        for col in layout.CATALOG_COLUMNS
                        if col.key == f"{field_name}:{v}"
                    ),
                    (),
                )
                for v in values
            }
            words, unknown = text.parse_choices(raw, aliases)
            for word in words:
                if word not in found:
                    found.append(word)
            if unknown:
                self.report(
                    CODE_BAD_VALUE,
                    f"{FIELD_NAMES[field_name]}中的“{'、'.join(unknown)}”不是{'、'.join(values)}之一，已忽略",
                    row,
                    choice_col,
                )
        ordered = [v for v in values if v in found]
        if not ordered:
            c = choice_col or (min(c for c, _ in tick_cols) if tick_cols else 0)
            placeholder = PLACEHOLDERS[field_name]
            if c:
                self.report(
                    CODE_EMPTY_CELL,
                    f"{FIELD_NAMES[field_name]}没有打勾，已写为“{placeholder}”，请补充",
                    row,
                    c,
                )
            ordered = [placeholder]
        return ordered, extra

    def read_tick_column(self, key: str, row: int) -> bool:
        raw, c = self.cell(key, row)
        if not c or not raw:
            return False
        ticked, _ = text.parse_tick(raw)
        if ticked is None:
            self.report(CODE_BAD_TICK, f"“{raw}”不是打勾（√），按未选读取", row, c)
            return False
        return ticked

    def read_stage(self, row: int) -> str | None:
        raw, c = self.cell("stage", row)
        value = text.one_line(raw).removesuffix("公开").removesuffix("类")
        if not value:
            return None
        if value not in STAGES:
            self.report(
                CODE_BAD_VALUE,
                f"五公开类别“{raw}”不是{'、'.join(STAGES)}之一，按原文导入，请改正",
                row,
                c,
            )
            return raw
        return value

    def read_waivers(self, row: int) -> list[Waiver]:
        raw, c = self.cell("waivers", row)
        waivers = []
        for line in raw.splitlines():
            if not line.strip():
                continue
            parsed = text.parse_waiver(line)
            if parsed is None:
                self.report(
                    CODE_BAD_VALUE,
                    f"规则豁免“{line.strip()}”看不懂，应写成“GO301：理由（有效期至 2027-12-31）”，已忽略",
                    row,
                    c,
                )
                continue
            rule, reason, until = parsed
            waivers.append(
                Waiver(
                    rule=rule, reason=reason, until=dt.date.fromisoformat(until) if until else None
                )
            )
        return waivers


def _title_above(grid: SheetGrid, header: _Header) -> tuple[str, dict[str, tuple[str, int, int]]]:
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


def import_workbook(
    path: Path,
    *,
    agency: str | None = None,
    year: int | None = None,
    catalog_id: str | None = None,
    title: str | None = None,
    sheets: Sequence[str] | None = None,
    known_channels: Iterable[str] = (),
    display: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Read an official-layout workbook into catalog data (the spec's form).

    Options win over what the workbook says; what neither says becomes a
    placeholder. Raises :class:`~govopen_cli.errors.GovopenError` only when it
    cannot run (no such file, a ``--sheet`` the workbook does not have).
    """
    if not path.is_file():
        raise PathNotFoundError(f"找不到工作簿：{path}")
    shown = display or str(path)
    report = _Reporter(shown)
    try:
        wb = open_workbook(path)
    except UnreadableWorkbookError as exc:
        report.add(CODE_UNREADABLE, str(exc))
        return ImportResult(None, report.diagnostics, unreadable=True)
    try:
        return _import(
            wb, report, agency, year, catalog_id, title, sheets, tuple(known_channels), progress
        )
    finally:
        wb.close()


def _import(
    wb: Any,
    report: _Reporter,
    agency: str | None,
    year: int | None,
    catalog_id: str | None,
    title: str | None,
    sheets: Sequence[str] | None,
    known_channels: tuple[str, ...],
    progress: Callable[[int, int], None] | None,
) -> ImportResult:
    if sheets:
        missing = [s for s in sheets if s not in wb.sheetnames]
        if missing:
            raise GovopenError(
                f"工作簿中没有工作表 {'、'.join(missing)}：有 {'、'.join(wb.sheetnames)}"
            )
    about = _about(wb)
    ctx = _Context(known_channels=known_channels, report=report)
    used: list[str] = []
    found_title: dict[str, tuple[str, int, int]] = {}
    found_sheet = ""
    worksheets = [wb[s] for s in sheets] if sheets else list(wb.worksheets)
    total = sum(ws.max_row or 0 for ws in worksheets)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)

    for ws in worksheets:
        if (
            about is not None
            and ws.title in layout.EXPORT_SHEETS
            and ws.title != layout.SHEET_CATALOG
        ):
            continue
        if not sheets and ws.sheet_state != "visible":
            report.add(
                CODE_NO_HEADER,
                f"隐藏的工作表“{ws.title}”未读取；如需读取请用 --sheet {ws.title}",
                sheet=ws.title,
            )
            continue
        report.sheets.setdefault(ws.title, len(report.sheets))
        grid = SheetGrid(ws)
        header = _find_header(grid)
        if header is None:
            if grid.rows:
                report.add(
                    CODE_NO_HEADER,
                    f"工作表“{ws.title}”的前 {HEADER_SEARCH_ROWS} 行中找不到目录表头"
                    "（需要“公开事项”或“一级事项”，以及公开内容、公开依据、公开时限等列），已跳过",
                    sheet=ws.title,
                )
            continue
        used.append(ws.title)
        for row, col, name in header.unknown:
            carried = (
                "是地方目录常见的列，目录格式没有对应字段"
                if layout.is_not_carried(name)
                else "不在目录格式中"
            )
            report.add(
                CODE_UNKNOWN_COLUMN,
                f"列“{name}”{carried}，其内容未导入",
                sheet=ws.title,
                row=row,
                col=col,
            )
        for c in range(1, grid.width + 1):
            if (
                c not in header.columns
                and not any(u[1] == c for u in header.unknown)
                and any(
                    cell_text(grid.own(r, c)) for r in range(header.last + 1, len(grid.rows) + 1)
                )
            ):
                report.add(
                    CODE_UNKNOWN_COLUMN,
                    "这一列没有表头，其内容未导入",
                    sheet=ws.title,
                    row=header.first,
                    col=c,
                )
        if not found_title:
            found_title = _title_above(grid, header)[1]
            found_sheet = ws.title
        _SheetImport(grid, header, ctx).run(tick)
    if not ctx.items:
        if not used:
            report.add(
                CODE_NO_HEADER,
                "没有找到目录表：任何工作表中都没有“公开事项/一级事项”“公开内容”“公开依据”等表头",
                severity=Severity.ERROR,
            )
        return ImportResult(None, report.sorted(), used)
    header_data, placeholders = _catalog_header(
        report, about, found_title, found_sheet, agency, year, catalog_id, title
    )
    data = {
        "format": 1,
        "catalog": header_data,
        "items": [it.to_data() for it in ctx.items],
    }
    return ImportResult(data, report.sorted(), used, ctx.sources, placeholders)


def _catalog_header(
    report: _Reporter,
    about: dict[str, str] | None,
    found: dict[str, tuple[str, int, int]],
    sheet: str,
    agency: str | None,
    year: int | None,
    catalog_id: str | None,
    title: str | None,
) -> tuple[dict[str, Any], list[str]]:
    """Options first, then 说明 (a govopen export), then the title row, then placeholders."""
    from_about: dict[str, str] = {}
    if about is not None:
        for zh, key in layout.ABOUT_HEADER_KEYS.items():
            if about.get(zh):
                from_about[key] = about[zh]
    header: dict[str, Any] = {}
    inferred: list[str] = []
    title_text = title or from_about.get("title") or (found["title"][0] if "title" in found else "")
    found_agency = found.get("agency", ("", 0, 0))[0]
    if not found_agency and title_text and not from_about.get("agency"):
        m = _AGENCY_IN_TITLE.match(title_text)
        if m is not None and m.group(1).strip():
            found_agency = m.group(1).strip(" （(")
            if agency is None:
                inferred.append(f"制定机关“{found_agency}”")
    found_year: int | None = None
    if title_text and not from_about.get("year"):
        ym = _YEAR.search(title_text)
        if ym is not None:
            found_year = int(ym.group(1))
            if year is None:
                inferred.append(f"年度 {found_year}")
    header["id"] = catalog_id or from_about.get("id") or ""
    header["title"] = title_text
    header["agency"] = agency or from_about.get("agency") or found_agency
    year_value: Any = year
    if year_value is None and from_about.get("year", "").isdigit():
        year_value = int(from_about["year"])
    if year_value is None:
        year_value = found_year
    header["year"] = year_value
    placeholders = []
    for key in ("id", "title", "agency", "year"):
        if header[key] in ("", None):
            header[key] = PLACEHOLDERS[key]
            placeholders.append(key)
    if "document_no" in found or from_about.get("document_no"):
        header["document_no"] = from_about.get("document_no") or found["document_no"][0]
    for key in ("level", "duties"):
        if from_about.get(key):
            header[key] = from_about[key]
    if inferred:
        row, col = found.get("title", ("", 1, 1))[1:]
        report.add(
            CODE_HEADER_INFERRED,
            f"从标题“{title_text}”推断出{'、'.join(inferred)}；如不对，请用 --agency、--year 指定",
            sheet=sheet,
            row=row,
            col=col,
        )
    if placeholders:
        names = {
            "id": "目录标识（--id）",
            "title": "目录名称（--title）",
            "agency": "制定机关（--agency）",
            "year": "年度（--year）",
        }
        report.add(
            CODE_PLACEHOLDER,
            "工作簿没有写明"
            + "、".join(names[k] for k in placeholders)
            + "：已写为“待填写”占位，请在文件中补充或用括号中的选项重新导入",
        )
    return header, placeholders


# ── YAML ───────────────────────────────────────────────────────────────────


def schema_reference(out_path: Path) -> str | None:
    """A relative path from ``out_path`` to the project's ``schemas/catalog.schema.json``."""
    folder = out_path.resolve().parent
    for candidate in (folder, *folder.parents):
        schema = candidate / "schemas" / "catalog.schema.json"
        if schema.is_file():
            return os.path.relpath(schema, folder).replace(os.sep, "/")
    return None


def catalog_yaml(
    data: dict[str, Any],
    *,
    comments: Sequence[str] = (),
    sources: Sequence[str] = (),
    schema: str | None = None,
) -> str:
    """Readable YAML in the spec's format: 2-space indent, flow lists for short lists,
    block lists for content/basis/channels, Chinese unescaped, a blank line between items."""
    import yaml

    class Flow(list[Any]):
        pass

    class FlowMap(dict[str, Any]):
        pass

    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

    def flow_list(dumper: yaml.SafeDumper, value: Flow) -> yaml.Node:
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)

    def flow_map(dumper: yaml.SafeDumper, value: FlowMap) -> yaml.Node:
        return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)

    def string(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(Flow, flow_list)
    Dumper.add_representer(FlowMap, flow_map)
    Dumper.add_representer(str, string)

    def dump(value: Any) -> str:
        out: str = yaml.dump(
            value,
            Dumper=Dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=10_000,
            indent=2,
        )
        return out

    def shape(item: dict[str, Any]) -> dict[str, Any]:
        shaped: dict[str, Any] = {}
        for key, value in item.items():
            if key in ("matter", "levels", "duties", "audience", "mode") and isinstance(
                value, list
            ):
                shaped[key] = Flow(value)
            elif key == "channels":
                shaped[key] = [FlowMap(c) if isinstance(c, dict) else c for c in value]
            elif key == "deadline" and isinstance(value, dict):
                shaped[key] = FlowMap(value)
            elif key == "waivers":
                shaped[key] = [FlowMap(w) for w in value]
            else:
                shaped[key] = value
        return shaped

    lines: list[str] = []
    if schema:
        lines.append(f"# yaml-language-server: $schema={schema}")
    else:
        lines.append("# 字段说明：govopen schema catalog > catalog.schema.json，")
        lines.append(
            "# 再在本行写 # yaml-language-server: $schema=catalog.schema.json 供编辑器提示"
        )
    lines.extend(f"# {c}" if c else "#" for c in comments)
    lines.append(dump({"format": data["format"]}).rstrip())
    lines.append(dump({"catalog": data["catalog"]}).rstrip())
    lines.append("")
    # One dump for all items (a call per item costs more than the items), then a
    # blank line and the item's place in the workbook above each "  - id:".
    block = dump({"items": [shape(item) for item in data["items"]]}).rstrip()
    n = 0
    for line in block.splitlines():
        if line.startswith("  - ") and not line.startswith("  -  "):
            if n:
                lines.append("")
            if n < len(sources) and sources[n]:
                lines.append(f"  # {sources[n]}")
            n += 1
        lines.append(line)
    return "\n".join(lines) + "\n"
