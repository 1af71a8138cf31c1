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
from dataclasses import dataclass
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
    """The range a sheet uses: rows and columns up to the last cell holding something."""

    title: str
    rows: int = 0
    columns: int = 0


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


def _shared_count(archive: zipfile.ZipFile) -> int:
    name = "xl/sharedStrings.xml"
    if name not in archive.namelist():
        return 0
    count = 0
    try:
        for _, el in iterparse(archive.open(name)):
            if _local(el.tag) == "si":
                count += 1
                el.clear()
    except ParseError as exc:
        line, col = exc.position
        raise UnreadableWorkbookError(
            f"工作簿的共享字符串表（{name}）第 {line} 行第 {col} 列无法解析。{REPAIR}"
        ) from exc
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise UnreadableWorkbookError(f"工作簿的共享字符串表无法解压（{exc}）。{REPAIR}") from exc
    return count


def check_sheets(archive: zipfile.ZipFile) -> dict[str, SheetExtent]:
    """Check every worksheet; the range each really uses, by part name."""
    shared = _shared_count(archive)
    return {
        name: _check_sheet(archive, name, title, shared)
        for name, title in _sheet_parts(archive).items()
    }


class _Sheet:
    def __init__(self, title: str, shared: int) -> None:
        self.extent = SheetExtent(title)
        self.shared = shared
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
        kind = el.get("t", "n")
        value = None
        used = False
        for child in el:
            name = _local(child.tag)
            if name == "v":
                value = child.text or None
                used = used or value is not None
            elif name in ("is", "f"):
                used = True
        if value is not None and kind != "inlineStr":
            self._value(ref, kind, value)
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


def _check_sheet(archive: zipfile.ZipFile, name: str, title: str, shared: int) -> SheetExtent:
    sheet = _Sheet(title, shared)
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
                elif tag == "mergeCell":
                    sheet.ranged(el, "的合并单元格")
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
