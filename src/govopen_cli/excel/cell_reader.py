"""Reading the cells of one item's row: text, ticks, channel marks, placeholders.

:class:`CellReader` reads a cell as the catalog wants it and reports, at the cell,
what it could not use: an Excel error value or an unsaved formula, a date where text
belongs, a tick that is no √, a channel mark that is not ■ □ ▲ (口 and other
look-alikes read as □, counted once per sheet), a channel name or a 公开网址 it had
to map or could not, and a required cell left empty (written as a 待填写 placeholder).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from govopen_cli.catalog.channel import WEBSITE
from govopen_cli.catalog.model import STAGES, Channel, Deadline, Waiver
from govopen_cli.catalog.placeholder import FIELD_NAMES
from govopen_cli.cell_value import cell_text
from govopen_cli.codes.gx import GX003, GX004, GX005, GX007, GX015, GX016, GX017, GX018, GX019
from govopen_cli.excel import layout, text
from govopen_cli.excel.import_report import PLACEHOLDERS, ImportReport
from govopen_cli.excel.sheet import SheetGrid, excel_error
from govopen_cli.excel.table_header import TableHeader


class CellReader:
    """Reads the cells of one sheet whose header was found, reporting what it cannot use."""

    def __init__(
        self,
        grid: SheetGrid,
        header: TableHeader,
        import_report: ImportReport,
        known_channels: tuple[str, ...],
    ) -> None:
        self.grid = grid
        self.header = header
        self.import_report = import_report
        self.known_channels = known_channels
        self.by_key = {col.key: c for c, col in header.columns.items()}
        #: The first cell with a look-alike mark (``row:column``) and how many there are.
        self.lookalike: str | None = None
        self.lookalikes = 0
        #: Cells reported as holding no usable value (an Excel error, an unsaved formula).
        self.unusable: set[tuple[int, int]] = set()
        #: The first cell with a space between two Chinese characters, and how many.
        self.spaced: tuple[int, int] | None = None
        self.spaces = 0

    def report(self, code: str, message: str, row: int, col: int) -> None:
        """A diagnostic at a cell of this sheet."""
        self.import_report.add(code, message, sheet=self.grid.title, row=row, col=col)

    def text(self, row: int, c: int) -> str:
        """A cell's text; "" for an Excel error value (which :meth:`check_cells` reports)."""
        value = self.grid.value(row, c)
        if excel_error(value):
            return ""
        words = cell_text(value)
        col = self.header.columns.get(c)
        if col is not None and col.kind not in ("url", "id", "seq"):
            words, n = text.close_hanzi_spaces(words)
            if n and self.grid.own(row, c) is not None:  # a merged range counts once
                self.spaces += n
                if self.spaced is None:
                    self.spaced = (row, c)
        return words

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
                    GX018.code,
                    f"{name}单元格是 Excel 错误值 {error}（公式出错，如引用的单元格已删除），"
                    "按空白读取（必填的写为“待填写”占位）；请在 Excel 或 WPS 中改正公式或直接填写内容，"
                    "再重新导入",
                    row,
                    c,
                )
            elif value is None and (row, c) in self.grid.uncached:
                self.unusable.add((row, c))
                self.report(
                    GX019.code,
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
                    GX016.code,
                    f"{name}是日期单元格（{shown}），已按文字“{shown}”导入；{hint}",
                    row,
                    c,
                )

    def required(self, key: str, row: int, value: str) -> str:
        """``value``, or a placeholder with a diagnostic when the cell is empty."""
        if value:
            return value
        c = self.by_key.get(key, 0)
        placeholder = PLACEHOLDERS[key if key != "matter1" else "matter"]
        if c:  # reported here (GX005) or as an unusable cell (GX018, GX019)
            self.import_report.gaps.add(
                (self.grid.title, row, key if key != "matter1" else "matter")
            )
        unusable = (row, c) in self.unusable or excel_error(self.grid.value(row, c)) is not None
        if c and not unusable:  # an unusable cell was reported, with the placeholder
            self.report(
                GX005.code,
                f"{FIELD_NAMES[key]}为空，已写为“{placeholder}”，请补充",
                row,
                c,
            )
        return placeholder

    def read_deadline(self, row: int) -> Deadline:
        """公开时限 (required), with the count of a 时限天数 column when it is readable."""
        words = self.required("deadline", row, text.one_line(self.cell("deadline", row)[0]))
        count_text, c = self.cell("deadline_count", row)
        if not count_text:
            return Deadline(text=words)
        parsed = text.parse_count(count_text)
        if parsed is None:
            self.report(
                GX016.code,
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
        parsed = text.parse_channels(raw, self.known_channels)
        for note in parsed.notes:
            if note.kind == "lookalike":
                self.lookalikes += 1
                if self.lookalike is None:
                    self.lookalike = f"{row}:{c}"
            elif note.kind == "unknown-mark":
                self.report(
                    GX004.code,
                    f"“{note.text}{note.detail}”前的“{note.text}”不是渠道标注（■ 必选、□ 可选、▲ 择一），"
                    "已按必选读取，请核对",
                    row,
                    c,
                )
            elif note.kind == "variant":
                self.report(
                    GX007.code,
                    f"渠道“{note.text}”按标准名称“{note.detail}”导入",
                    row,
                    c,
                )
            elif note.kind == "unknown-name":
                self.report(
                    GX015.code,
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
                    GX016.code,
                    f"公开网址“{line.text}”不是网址（应以 https:// 或 http:// 开头），"
                    "已原样写入备注；请改为栏目或页面的完整网址",
                    row,
                    url_col,
                )
                kept.append(f"公开网址：{line.text}")
                continue
            if line.kind == "domain":
                self.report(
                    GX017.code,
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
                    GX016.code,
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
                    GX003.code,
                    f"{col.value}列中的“{raw}”不是打勾（√），按未选读取；请改为 √ 或留空",
                    row,
                    c,
                )
                continue
            if ticked and col.value is not None:
                found.extend(col.value.split("、"))
                if rest and col.value == "特定群体":
                    extra = rest
                elif rest:
                    self.report(GX003.code, f"√ 后的文字“{rest}”没有对应字段，已忽略", row, c)
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
                    GX016.code,
                    f"{FIELD_NAMES[field_name]}中的“{'、'.join(unknown)}”不是{'、'.join(values)}之一，已忽略",
                    row,
                    choice_col,
                )
        ordered = [v for v in values if v in found]
        if not ordered:
            c = choice_col or (min(c for c, _ in tick_cols) if tick_cols else 0)
            placeholder = PLACEHOLDERS[field_name]
            if c:
                self.import_report.gaps.add((self.grid.title, row, field_name))
                self.report(
                    GX005.code,
                    f"{FIELD_NAMES[field_name]}没有打勾，已写为“{placeholder}”，请补充",
                    row,
                    c,
                )
            ordered = [placeholder]
        return ordered, extra

    def read_tick_column(self, key: str, row: int) -> bool:
        """A single tick column (需政策解读): ticked or not."""
        raw, c = self.cell(key, row)
        if not c or not raw:
            return False
        ticked, _ = text.parse_tick(raw)
        if ticked is None:
            self.report(GX003.code, f"“{raw}”不是打勾（√），按未选读取", row, c)
            return False
        return ticked

    def read_stage(self, row: int) -> str | None:
        """五公开类别 without 公开/类; kept as written (and reported) when it is none of them."""
        raw, c = self.cell("stage", row)
        value = text.one_line(raw).removesuffix("公开").removesuffix("类")
        if not value:
            return None
        if value not in STAGES:
            self.report(
                GX016.code,
                f"五公开类别“{raw}”不是{'、'.join(STAGES)}之一，按原文导入，请改正",
                row,
                c,
            )
            return raw
        return value

    def read_waivers(self, row: int) -> list[Waiver]:
        """规则豁免 lines (``GO301：理由（有效期至 2027-12-31）``); unreadable ones are reported."""
        raw, c = self.cell("waivers", row)
        waivers = []
        for line in raw.splitlines():
            if not line.strip():
                continue
            parsed = text.parse_waiver(line)
            if parsed is None:
                self.report(
                    GX016.code,
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
