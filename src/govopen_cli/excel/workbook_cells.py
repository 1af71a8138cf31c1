"""Every cell of every worksheet checked the way openpyxl will read it, before it does.

One streaming pass over each sheet's XML (nothing kept but counters): a cell's
reference and row number, its style number, a logical value (``t="b"``) that is not a
number, a date (``t="d"``) that is not ISO 8601, a number that is not one or not
finite (``nan``, ``1e999999``), a shared-string index that is not a number or points
past the table, a merged range or ``<dimension>`` that is not a range, XML that is not
well-formed or cut off. Each is an :class:`UnreadableWorkbookError` naming the sheet
and the cell. The pass also measures the range each sheet really uses.
"""

from __future__ import annotations

import math
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse

from govopen_cli.excel.workbook_bounds import MAX_CELLS, REPAIR, UnreadableWorkbookError

MAX_ROW = 1_048_576
MAX_COLUMN = 16_384
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
_RANGE = re.compile(r"^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(:\$?[A-Za-z]{1,3}\$?[0-9]{1,7})?$")
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass
class SheetExtent:
    """The range a sheet uses: rows and columns up to the last cell holding something.

    The same pass notes what a values-only reader (python-calamine) does not give the
    way openpyxl does (:mod:`.fast_book`): merged ranges, formulas whose value was never
    saved, and the cells whose value calamine reads otherwise (dates, error values, a
    number written ``3.0`` or too long for a float, an empty text), each with openpyxl's
    value. ``plain`` is False when the sheet has something the fast reader cannot match
    (cells out of order, escaped or phonetic text): it is then read by openpyxl.
    """

    title: str
    rows: int = 0
    columns: int = 0
    merges: list[str] = field(default_factory=list)
    uncached: set[tuple[int, int]] = field(default_factory=set)
    exact: dict[tuple[int, int], Any] = field(default_factory=dict)
    plain: bool = True
    #: The sheet has a ``<dimension>`` (without one, openpyxl parses the whole sheet to learn so).
    dimension: bool = False


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _shown(value: str) -> str:
    return value if len(value) <= 40 else f"{value[:30]}…（共 {len(value)} 个字符）"


def _letters(col: int) -> str:
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's part name in the archive -> the sheet's title."""
    names = set(archive.namelist())
    book = "xl/workbook.xml"
    parts: dict[str, str] = {}
    try:
        rels_name = posixpath.join(posixpath.dirname(book), "_rels", "workbook.xml.rels")
        targets: dict[str, str] = {}
        if rels_name in names:
            for _, el in iterparse(archive.open(rels_name)):
                if _local(el.tag) == "Relationship" and el.get("Type", "").endswith("/worksheet"):
                    target = el.get("Target", "")
                    path = (
                        target.lstrip("/")
                        if target.startswith("/")
                        else posixpath.normpath(posixpath.join(posixpath.dirname(book), target))
                    )
                    targets[el.get("Id", "")] = path
        if book in names:
            for _, el in iterparse(archive.open(book)):
                if _local(el.tag) == "sheet" and el.get(_REL) in targets:
                    parts[targets[el.get(_REL, "")]] = el.get("name", "")
    except (ParseError, KeyError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise UnreadableWorkbookError(f"工作簿的目录部件无法读取（{exc}）。{REPAIR}") from exc
    for name in names:  # sheets the workbook does not list are still in the archive
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            parts.setdefault(name, posixpath.basename(name))
    return {name: title for name, title in parts.items() if name in names}


def text_as_openpyxl(el: Any) -> tuple[str, bool]:
    """The text of a shared string (``<si>``) or inline string (``<is>``) as openpyxl
    reads it (plain text and rich-text runs, not phonetic runs), and whether
    python-calamine may read it otherwise (``_x000D_`` escapes, phonetic runs, CR)."""
    parts: list[str] = []
    odd = False
    for child in el:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            for t in child:
                if _local(t.tag) == "t":
                    parts.append(t.text or "")
        else:
            odd = True  # rPh, phoneticPr
    text = "".join(parts)
    return text, odd or "_x" in text or "x005F_" in text or "\r" in text


@dataclass
class SharedStrings:
    """How many shared strings, which are empty, and whether calamine may read any otherwise."""

    count: int = 0
    empty: set[int] = field(default_factory=set)
    plain: bool = True


def _shared_count(archive: zipfile.ZipFile) -> SharedStrings:
    name = "xl/sharedStrings.xml"
    found = SharedStrings()
    if name not in archive.namelist():
        return found
    count = 0
    try:
        for _, el in iterparse(archive.open(name)):
            if _local(el.tag) == "si":
                text, odd = text_as_openpyxl(el)
                if not text:
                    found.empty.add(count)
                if odd:
                    found.plain = False
                count += 1
                el.clear()
    except ParseError as exc:
        line, col = exc.position
        raise UnreadableWorkbookError(
            f"工作簿的共享字符串表（{name}）第 {line} 行第 {col} 列无法解析。{REPAIR}"
        ) from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise UnreadableWorkbookError(f"工作簿的共享字符串表无法解压（{exc}）。{REPAIR}") from exc
    found.count = count
    return found


def _date_styles(archive: zipfile.ZipFile) -> Any:
    """The style numbers openpyxl reads as dates and as durations, and the epoch; None
    when the stylesheet or the workbook's date system cannot be read here."""
    try:
        from openpyxl.styles.stylesheet import Stylesheet
        from openpyxl.utils.datetime import WINDOWS_EPOCH
        from openpyxl.xml.functions import fromstring

        for _, el in iterparse(archive.open("xl/workbook.xml")):
            if _local(el.tag) == "workbookPr" and el.get("date1904") not in (None, "0", "false"):
                return None  # the 1904 date system: openpyxl reads such a workbook
        if "xl/styles.xml" not in archive.namelist():
            return set(), set(), WINDOWS_EPOCH
        sheet = Stylesheet.from_tree(fromstring(archive.read("xl/styles.xml")))
        if not sheet.cell_styles:
            return set(), set(), WINDOWS_EPOCH
        return set(sheet.date_formats), set(sheet.timedelta_formats), WINDOWS_EPOCH
    except Exception:  # whatever openpyxl makes of it, it reads the workbook itself
        return None


def check_sheets(archive: zipfile.ZipFile) -> dict[str, SheetExtent]:
    """Check every worksheet; the range each really uses, by part name."""
    shared = _shared_count(archive)
    styles = _date_styles(archive)
    extents = {
        name: _check_sheet(archive, name, title, shared, styles)
        for name, title in _sheet_parts(archive).items()
    }
    if styles is None:
        for extent in extents.values():
            extent.plain = False
    return extents


class _Sheet:
    def __init__(self, title: str, shared: SharedStrings, styles: Any = None) -> None:
        self.extent = SheetExtent(title)
        self.shared = shared.count
        self.empty = shared.empty
        self.extent.plain = shared.plain
        self.styles = styles  # (date style numbers, duration style numbers, epoch) or None
        self.last = (0, 0)
        self.row = 0
        self.col = 0
        self.far = (0, 0)  # (row, column) of any cell, used or not, furthest out

    def fail(self, where: str, what: str) -> UnreadableWorkbookError:
        return UnreadableWorkbookError(f"工作表“{self.extent.title}”{where}：{what}。{REPAIR}")

    def row_start(self, el: Any) -> None:
        r = el.get("r")
        if r is None:
            self.row += 1
        else:
            try:
                number = float(r)
            except ValueError:
                number = math.nan
            if not number.is_integer() or not 1 <= number <= MAX_ROW:
                raise self.fail(
                    f"第 {self.row + 1} 行附近", f"行号“{_shown(r)}”不是 1 到 {MAX_ROW} 的整数"
                )
            self.row = int(number)
        self.col = 0

    def cell(self, el: Any) -> None:
        ref = el.get("r")
        if ref:
            match = _REF.match(ref)
            col = _column_number(match.group(1)) if match else 0
            row = int(match.group(2)) if match else 0
            if not match or not 1 <= col <= MAX_COLUMN or not 1 <= row <= MAX_ROW:
                raise self.fail(
                    f"第 {self.row} 行", f"单元格引用“{_shown(ref)}”不是有效的单元格（如 C12）"
                )
            self.col = col
        else:
            self.col += 1
            row, col = self.row, self.col
            ref = f"{_letters(col)}{row}"
        style = el.get("s")
        if style and not style.isdigit():
            raise self.fail(f"单元格 {ref}", f"格式编号“{_shown(style)}”不是数字")
        self.far = (max(self.far[0], row), max(self.far[1], col))
        if (row, col) <= self.last:
            self.extent.plain = False  # out of order: openpyxl reads it its own way
        self.last = (row, col)
        kind = el.get("t", "n")
        value = None
        used = False
        inline = None
        for child in el:
            name = _local(child.tag)
            if name == "v":
                value = child.text or None
                used = used or value is not None
            elif name in ("is", "f"):
                used = True
                if name == "is":
                    inline = child
        if len(el) and el[0].tag.endswith("}f") and el.get("r"):
            saved = len(el) > 1 and (bool(el[1].text) or kind == "str")
            if not saved:
                self.extent.uncached.add((row, col))
        if value is not None and kind != "inlineStr":
            self._value(ref, kind, value)
            self._exact(row, col, kind, value, style)
        elif kind == "inlineStr" and inline is not None:
            text, odd = text_as_openpyxl(inline)
            if odd or not text:
                self.extent.exact[(row, col)] = text
        if used:
            self.extent.rows = max(self.extent.rows, row)
            self.extent.columns = max(self.extent.columns, col)

    def _value(self, ref: str, kind: str, value: str) -> None:
        where = f"单元格 {ref}"
        shown = _shown(value)
        if kind == "n":
            try:
                number = float(value) if any(c in value for c in ".eE") else int(value)
            except (ValueError, OverflowError):
                raise self.fail(where, f"数字单元格的内容“{shown}”不是数字") from None
            if isinstance(number, float) and not math.isfinite(number):
                raise self.fail(where, f"数字单元格的内容“{shown}”不是有限的数字")
        elif kind == "b":
            if value.strip() not in ("0", "1"):
                raise self.fail(where, f"逻辑值单元格的内容“{shown}”应为 0 或 1")
        elif kind == "s":
            try:
                index = int(value)
            except ValueError:
                raise self.fail(where, f"共享字符串的编号“{shown}”不是数字") from None
            if not 0 <= index < self.shared:
                raise self.fail(
                    where, f"共享字符串的编号 {index} 超出了共享字符串表（共 {self.shared} 条）"
                )
        elif kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            try:
                from_ISO8601(value)
            except (ValueError, TypeError, OverflowError, AttributeError):
                raise self.fail(where, f"日期单元格的内容“{shown}”不是 ISO 8601 日期") from None

    def _exact(self, row: int, col: int, kind: str, value: str, style: str | None) -> None:
        """openpyxl's value of a cell whose value calamine reads otherwise."""
        exact = self.extent.exact
        if kind == "n":
            number = float(value) if any(c in value for c in ".eE") else int(value)
            styles = self.styles
            if styles is not None and int(style or 0) in styles[0]:
                from openpyxl.utils.datetime import from_excel

                try:
                    exact[(row, col)] = from_excel(
                        number, styles[2], timedelta=int(style or 0) in styles[1]
                    )
                except (OverflowError, ValueError):
                    exact[(row, col)] = "#VALUE!"
            elif isinstance(number, float) and number.is_integer():
                exact[(row, col)] = number  # 3.0 stays a float
            elif isinstance(number, int) and abs(number) > 2**53:
                exact[(row, col)] = number  # more digits than a float holds
        elif kind == "s":
            if int(value) in self.empty:
                exact[(row, col)] = ""
        elif kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            exact[(row, col)] = from_ISO8601(value)
        elif kind not in ("b", "str"):
            exact[(row, col)] = value  # an error value (#REF!) or an unknown kind: its text

    def ranged(self, el: Any, what: str) -> None:
        ref = el.get("ref") or el.get("sqref") or ""
        if ref and not _RANGE.match(ref):
            raise self.fail(what, f"范围“{_shown(ref)}”不是有效的单元格范围（如 A1:D20）")

    def bounded(self) -> None:
        rows, cols = self.far
        if rows * cols > MAX_CELLS:
            raise UnreadableWorkbookError(
                f"工作表“{self.extent.title}”单元格 {_letters(cols)}{rows}："
                f"表格范围达到 {rows:,} 行 × {cols:,} 列，超过 govopen 读取的上限 "
                f"{MAX_CELLS:,} 个单元格。请删除远离表格的单元格（在 Excel 中按 Ctrl+End 可找到）后另存"
            )


def _check_sheet(
    archive: zipfile.ZipFile, name: str, title: str, shared: SharedStrings, styles: Any
) -> SheetExtent:
    sheet = _Sheet(title, shared, styles)
    try:
        with archive.open(name) as source:
            for event, el in iterparse(source, events=("start", "end")):
                tag = _local(el.tag)
                if event == "start":
                    if tag == "row":
                        sheet.row_start(el)
                    continue
                if tag == "c":
                    sheet.cell(el)
                    el.clear()
                elif tag == "row":
                    el.clear()
                elif tag == "dimension":
                    sheet.ranged(el, "的 <dimension>")
                    sheet.extent.dimension = True
                elif tag == "mergeCell":
                    sheet.ranged(el, "的合并单元格")
                    if el.get("ref"):
                        sheet.extent.merges.append(el.get("ref", ""))
    except ParseError as exc:
        line, col = exc.position
        raise sheet.fail(
            f"的 XML（{name}）第 {line} 行第 {col} 列",
            "无法解析（文件不完整或已损坏）",
        ) from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise sheet.fail(f"的 XML（{name}）", f"无法解压（{exc}）") from exc
    sheet.bounded()
    return sheet.extent
