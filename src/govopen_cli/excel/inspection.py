"""Reading a filled-in 检查表 back: per-item results, lateness in 工作日, problems and who fixes them.

An item's result, from its row:

* 是否公开 = 不适用: outside the compliance rate; empty: 未检查, unless another
  dropdown says 否: the item was checked, and is 不合格 for that 否 (GI103 notes
  the blank 是否公开 at its cell).
* 是否公开 = 否: 不合格 (GI102).
* 是否公开 = 是: 合格, unless it was late, 要素是否完整 = 否 or 渠道是否符合 = 否.
* Free text in a dropdown column (渠道是否符合 = 基本符合, GI001) is no answer: an
  item that is not 不合格 for another reason is 待核实, counted with the checked
  items but never as 合格.

Late (逾期) is what the dates show: when the item's 公开时限 states a count
(publishing_limit), the deadline is that many 工作日 (State Council schedule with
调休 make-up days) or 自然日 after 信息形成日期, and a 公开日期 after it is late
(GI101). 是否及时 = 否 makes the item 不合格 (不及时) too, but is not 逾期 unless the
dates say so: such items are listed apart (:attr:`InspectionResult.ticked_untimely`),
and a tick the dates contradict is reported (GI104). 汇总's live formulas count the
ticks only.

Nothing in the sheet is dropped silently: free text in a dropdown column,
unreadable dates, rows without an id or with an id the catalog does not have,
ids on two rows, and catalog items with no row are all diagnostics.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_cli.calendar.date_text import date_from_cell
from govopen_cli.calendar.workday import UnknownYearError, WorkdayCalendar
from govopen_cli.catalog.deadline import publishing_limit
from govopen_cli.catalog.model import Catalog, Item
from govopen_cli.codes import all_codes
from govopen_cli.codes.gi import (
    GI001,
    GI002,
    GI003,
    GI004,
    GI005,
    GI006,
    GI007,
    GI008,
    GI009,
    GI010,
    GI011,
    GI012,
    GI013,
    GI101,
    GI102,
    GI103,
    GI104,
    GI105,
)
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.errors import PathNotFoundError
from govopen_cli.excel import layout
from govopen_cli.excel.layout import Column
from govopen_cli.excel.sheet import (
    SheetGrid,
    UnreadableWorkbookError,
    cell_name,
    open_workbook,
)
from govopen_cli.excel.sheet import cell_text as _text

CODE_FREE_TEXT = GI001.code
CODE_UNKNOWN_ID = GI002.code
CODE_MISSING_ITEM = GI003.code
CODE_DUPLICATE_ROW = GI004.code
CODE_BAD_DATE = GI005.code
CODE_NO_SHEET = GI006.code
CODE_ROW_WITHOUT_ID = GI007.code
CODE_ITEM_MISMATCH = GI008.code
CODE_DATE_ORDER = GI009.code
CODE_CATALOG_CHANGED = GI010.code
CODE_REORDERED = GI011.code
CODE_UNKNOWN_YEAR = GI012.code
CODE_MISSING_COLUMN = GI013.code
CODE_LATE = GI101.code
CODE_NOT_PUBLISHED = GI102.code
CODE_MARKED = GI103.code
CODE_CONTRADICTION = GI104.code
CODE_FIX_OVERDUE = GI105.code

PASSED = "合格"
FAILED = "不合格"
NOT_APPLICABLE = "不适用"
UNCHECKED = "未检查"
#: Checked, but a dropdown holds free text: not 合格 until someone picks 是/否/不适用.
TO_VERIFY = "待核实"


@dataclass
class ItemResult:
    """One item's inspection."""

    item_id: str
    matter1: str
    matter: str
    row: int | None
    status: str = UNCHECKED
    published: str | None = None
    timely: str | None = None
    complete: str | None = None
    channels_ok: str | None = None
    formed: dt.date | None = None
    published_on: dt.date | None = None
    limit: str = ""
    due: dt.date | None = None
    late_by: int | None = None
    late_unit: str = ""
    evidence: str = ""
    problem: str = ""
    unit: str = ""
    unit_from_catalog: bool = False
    fix_by: dt.date | None = None
    reasons: list[str] = field(default_factory=list)
    #: Dropdown columns holding free text: (column header, the text).
    unclear: list[tuple[str, str]] = field(default_factory=list)

    @property
    def late(self) -> bool:
        """Late by the dates: published after the deadline the 公开时限 gives."""
        return self.late_by is not None and self.late_by > 0

    @property
    def ticked_untimely(self) -> bool:
        """是否及时 = 否, but not late by the dates (on time by them, or no dates)."""
        return self.timely == "否" and not self.late

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "id": self.item_id,
            "matter1": self.matter1,
            "matter": self.matter,
            "row": self.row,
            "status": self.status,
            "published": self.published,
            "timely": self.timely,
            "complete": self.complete,
            "channels_ok": self.channels_ok,
            "formed": self.formed.isoformat() if self.formed else None,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "limit": self.limit or None,
            "due": self.due.isoformat() if self.due else None,
            "late": self.late,
            "ticked_untimely": self.ticked_untimely,
            "late_by": self.late_by,
            "late_unit": self.late_unit or None,
            "evidence": self.evidence or None,
            "problem": self.problem or None,
            "unit": self.unit or None,
            "unit_from_catalog": self.unit_from_catalog,
            "fix_by": self.fix_by.isoformat() if self.fix_by else None,
            "reasons": list(self.reasons),
            "unclear": [{"column": c, "text": t} for c, t in self.unclear],
        }


@dataclass
class GroupResult:
    """Results under one 一级事项."""

    name: str
    items: int = 0
    passed: int = 0
    failed: int = 0
    not_applicable: int = 0
    to_verify: int = 0

    @property
    def checked(self) -> int:
        """Items with a result that counts (合格, 不合格 or 待核实)."""
        return self.passed + self.failed + self.to_verify

    @property
    def rate(self) -> float | None:
        """合格率 in percent, None with nothing checked."""
        return 100.0 * self.passed / self.checked if self.checked else None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "name": self.name,
            "items": self.items,
            "checked": self.checked,
            "passed": self.passed,
            "failed": self.failed,
            "to_verify": self.to_verify,
            "not_applicable": self.not_applicable,
            "rate": None if self.rate is None else round(self.rate, 1),
        }


@dataclass
class InspectionResult:
    """A filled-in 检查表 read back against its catalog."""

    workbook: str
    catalog: str
    sheet: str
    items: list[ItemResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    today: dt.date = field(default_factory=dt.date.today)
    #: The file could not be opened as a workbook at all (GI006): nothing was read.
    unreadable: bool = False

    def count(self, status: str) -> int:
        """Items with this status."""
        return sum(1 for r in self.items if r.status == status)

    @property
    def rate(self) -> float | None:
        """合格率 in percent over items 合格, 不合格 or 待核实; None with none checked."""
        checked = self.count(PASSED) + self.count(FAILED) + self.count(TO_VERIFY)
        return 100.0 * self.count(PASSED) / checked if checked else None

    @property
    def groups(self) -> list[GroupResult]:
        """Per 一级事项, in catalog order."""
        groups: dict[str, GroupResult] = {}
        for r in self.items:
            g = groups.setdefault(r.matter1, GroupResult(r.matter1))
            g.items += 1
            if r.status == PASSED:
                g.passed += 1
            elif r.status == FAILED:
                g.failed += 1
            elif r.status == NOT_APPLICABLE:
                g.not_applicable += 1
            elif r.status == TO_VERIFY:
                g.to_verify += 1
        return list(groups.values())

    @property
    def late(self) -> list[ItemResult]:
        """Items late by their dates."""
        return [r for r in self.items if r.late and r.status != NOT_APPLICABLE]

    @property
    def ticked_untimely(self) -> list[ItemResult]:
        """Items ticked 是否及时 = 否 that their dates do not show late."""
        return [r for r in self.items if r.ticked_untimely and r.status != NOT_APPLICABLE]

    @property
    def problems(self) -> list[ItemResult]:
        """Items 不合格, with what is wrong and who fixes it."""
        return [r for r in self.items if r.status == FAILED]

    @property
    def to_verify(self) -> list[ItemResult]:
        """Items 待核实: a dropdown holds free text and nothing else makes them 不合格."""
        return [r for r in self.items if r.status == TO_VERIFY]

    def fails(self, fail_on: Severity) -> bool:
        """True when a diagnostic is at or above ``fail_on``."""
        return any(d.severity >= fail_on for d in self.diagnostics)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``--format json``."""
        return {
            "tool": "govopen",
            "command": "inspect",
            "workbook": self.workbook,
            "catalog": self.catalog,
            "sheet": self.sheet,
            "today": self.today.isoformat(),
            "summary": {
                "items": len(self.items),
                "passed": self.count(PASSED),
                "failed": self.count(FAILED),
                "not_applicable": self.count(NOT_APPLICABLE),
                "to_verify": self.count(TO_VERIFY),
                "unchecked": self.count(UNCHECKED),
                "late": len(self.late),
                "ticked_untimely": len(self.ticked_untimely),
                "rate": None if self.rate is None else round(self.rate, 1),
            },
            "groups": [g.to_dict() for g in self.groups],
            "items": [r.to_dict() for r in self.items],
            "late": [r.item_id for r in self.late],
            "ticked_untimely": [r.item_id for r in self.ticked_untimely],
            "problems": [r.to_dict() for r in self.problems],
            "to_verify": [r.to_dict() for r in self.to_verify],
            "diagnostics": [d.to_dict() for d in sorted(self.diagnostics, key=_order)],
        }


def _order(d: Diagnostic) -> tuple[int, str, int, int, str]:
    # Sheet diagnostics in sheet order, catalog-located ones after.
    return (0 if d.source else 1, d.file, d.line, d.column, d.code)


@dataclass(frozen=True)
class AboutInfo:
    """What a govopen workbook's 说明 sheet says about its catalog."""

    catalog_file: str = ""
    catalog_sha256: str = ""
    catalog_id: str = ""


def read_about(path: Path) -> AboutInfo:
    """The catalog named in the workbook's 说明 sheet (empty when there is none)."""
    wb = open_workbook(path)
    try:
        if layout.SHEET_ABOUT not in wb.sheetnames:
            return AboutInfo()
        catalog_file = sha = catalog_id = ""
        in_header = True
        for row in wb[layout.SHEET_ABOUT].iter_rows(min_row=2, max_col=4, values_only=True):
            key = str(row[0]).strip() if row and row[0] is not None else ""
            value = str(row[1]).strip() if len(row) > 1 and row[1] is not None else ""
            if not key:
                in_header = False
            elif in_header and key == layout.ABOUT_CATALOG_FILE:
                catalog_file = value
            elif in_header and key == "目录标识":
                catalog_id = value
            elif not in_header and key == "目录" and len(row) > 3 and row[3] and not sha:
                sha = str(row[3]).strip()
        return AboutInfo(catalog_file, sha, catalog_id)
    finally:
        wb.close()


class _Reader:
    def __init__(self, display: str, sheet: str, catalog: Catalog) -> None:
        self.display = display
        self.sheet = sheet
        self.catalog = catalog
        self.diagnostics: list[Diagnostic] = []

    def add(
        self, code: str, message: str, row: int = 1, col: int = 1, *, cell: bool = True
    ) -> None:
        known = all_codes()[code]
        name, severity = known.name, known.severity
        source = cell_name(self.sheet, row, col) if cell else ""
        self.diagnostics.append(
            Diagnostic(
                file=self.display,
                line=row,
                column=col,
                code=code,
                severity=severity,
                message=message,
                name=name,
                source=source or self.display,
            )
        )

    def at_item(self, code: str, item: Item, message: str) -> None:
        """A diagnostic located at the item in the catalog file."""
        known = all_codes()[code]
        name, severity = known.name, known.severity
        loc = self.catalog.locate(item.pointer)
        self.diagnostics.append(
            Diagnostic(
                file=loc.file,
                line=loc.line,
                column=loc.column,
                code=code,
                severity=severity,
                message=message,
                path=item.pointer,
                name=name,
            )
        )


def _find_sheet(wb: Any) -> tuple[Any, int, dict[str, int]] | None:
    """The 检查表 sheet, its header row and the column of each key."""
    names = [layout.SHEET_INSPECTION] + [n for n in wb.sheetnames if n != layout.SHEET_INSPECTION]
    index = {layout.header_key(n): col for col in layout.INSPECTION_COLUMNS for n in col.names}
    for name in names:
        if name not in wb.sheetnames:
            continue
        ws = wb[name]
        for r, row in enumerate(ws.iter_rows(max_row=15, values_only=True), 1):
            columns: dict[str, int] = {}
            for c, value in enumerate(row, 1):
                if value is None:
                    continue
                col: Column | None = index.get(layout.header_key(str(value)))
                if col is not None and col.key not in columns:
                    columns[col.key] = c
            if "id" in columns and len(set(columns) & set(layout.DROPDOWN_KEYS)) >= 1:
                return ws, r, columns
    return None


def read_inspection(
    path: Path,
    catalog: Catalog,
    calendar: WorkdayCalendar,
    *,
    today: dt.date | None = None,
    display: str | None = None,
    expected_sha256: str = "",
    catalog_sha256: str = "",
) -> InspectionResult:
    """Read the filled-in 检查表 of ``path`` against ``catalog``.

    ``expected_sha256`` is the catalog's hash recorded in the workbook's 说明 and
    ``catalog_sha256`` the hash of the catalog file now: when both are given and
    differ, the catalog changed since the export (GI010).
    """
    if not path.is_file():
        raise PathNotFoundError(f"找不到工作簿：{path}")
    shown = display or str(path)
    today = today or dt.date.today()
    result = InspectionResult(workbook=shown, catalog=catalog.display, sheet="", today=today)
    try:
        wb = open_workbook(path)
    except UnreadableWorkbookError as exc:
        reader = _Reader(shown, "", catalog)
        reader.add(CODE_NO_SHEET, str(exc), cell=False)
        result.diagnostics = reader.diagnostics
        result.unreadable = True
        return result
    try:
        found = _find_sheet(wb)
        if found is None:
            reader = _Reader(shown, "", catalog)
            reader.add(
                CODE_NO_SHEET,
                "找不到检查表：需要有“事项编号”和“是否公开”等列的工作表（govopen export 生成的“检查表”）",
                cell=False,
            )
            result.diagnostics = reader.diagnostics
            return result
        ws, header_row, columns = found
        result.sheet = ws.title
        reader = _Reader(shown, ws.title, catalog)
        grid = SheetGrid(ws)
    finally:
        wb.close()
    if expected_sha256 and catalog_sha256 and expected_sha256 != catalog_sha256:
        reader.add(
            CODE_CATALOG_CHANGED,
            f"目录文件 {catalog.display} 在导出本工作簿后改过（SHA-256 与说明页记录的不同）："
            "事项可能已增删或改动，请核对，必要时重新导出检查表",
            cell=False,
        )
    for col in layout.INSPECTION_COLUMNS:
        if col.key not in columns and col.kind in ("dropdown", "date"):
            reader.add(
                CODE_MISSING_COLUMN,
                f"检查表没有“{col.header}”列，这一项按未填写处理",
                header_row,
                1,
            )
    _read_rows(grid, header_row, columns, catalog, calendar, today, reader, result)
    result.diagnostics = reader.diagnostics
    return result


def _cell(grid: Any, row: int, columns: dict[str, int], key: str) -> Any:
    c = columns.get(key)
    return grid.value(row, c) if c else None


def _read_rows(
    grid: Any,
    header_row: int,
    columns: dict[str, int],
    catalog: Catalog,
    calendar: WorkdayCalendar,
    today: dt.date,
    reader: _Reader,
    result: InspectionResult,
) -> None:
    by_id = {it.id: it for it in catalog.items}
    order = {it.id: n for n, it in enumerate(catalog.items)}
    rows: dict[str, ItemResult] = {}
    reordered_at: int | None = None
    last_index = -1
    input_keys = (
        *layout.DROPDOWN_KEYS,
        "formed",
        "published_on",
        "evidence",
        "problem",
        "unit",
        "fix_by",
    )
    for row in range(header_row + 1, len(grid.rows) + 1):
        item_id = re.sub(r"\s+", "", _text(_cell(grid, row, columns, "id")))
        filled = [k for k in input_keys if _text(_cell(grid, row, columns, k))]
        if not item_id:
            if filled:
                names = "、".join(layout.inspection_column(k).header for k in filled)
                reader.add(
                    CODE_ROW_WITHOUT_ID,
                    f"这一行填了{names}，但没有事项编号，无法对应到目录中的事项；请补上事项编号",
                    row,
                    columns["id"],
                )
            continue
        item = by_id.get(item_id)
        if item is None:
            reader.add(
                CODE_UNKNOWN_ID,
                f"事项编号 {item_id} 不在目录 {catalog.display} 中"
                + ("（这一行的检查结果未计入）" if filled else "")
                + "；请核对编号，或确认目录是否已改",
                row,
                columns["id"],
            )
            continue
        if item_id in rows:
            reader.add(
                CODE_DUPLICATE_ROW,
                f"事项 {item_id} 在第 {rows[item_id].row} 行已有，这一行未计入；请合并为一行",
                row,
                columns["id"],
            )
            continue
        if order[item_id] < last_index and reordered_at is None:
            reordered_at = row
        last_index = max(last_index, order[item_id])
        rows[item_id] = _read_item(grid, row, columns, item, calendar, today, reader)
    if reordered_at is not None:
        reader.add(
            CODE_REORDERED,
            "检查表的行顺序与目录不同（自此行起）：按事项编号对应，结果不受影响",
            reordered_at,
            columns["id"],
        )
    for item in catalog.items:
        res = rows.get(item.id)
        if res is None:
            reader.at_item(
                CODE_MISSING_ITEM,
                item,
                f"事项 {item.id}（{'/'.join(item.matter)}）在检查表 {reader.display} 中没有行"
                "（被删除？），按未检查计",
            )
            res = ItemResult(item.id, item.first_level, "/".join(item.matter[1:]), None)
            res.unit = item.department or ""
            res.unit_from_catalog = bool(item.department)
        result.items.append(res)


def _choice(
    grid: Any, row: int, columns: dict[str, int], key: str, reader: _Reader, res: ItemResult
) -> str | None:
    raw = _text(_cell(grid, row, columns, key))
    if not raw:
        return None
    value = raw.strip()
    if value in layout.DROPDOWN_VALUES:
        return value
    res.unclear.append((layout.DROPDOWN_NAMES[key], raw))
    reader.add(
        CODE_FREE_TEXT,
        f"{layout.DROPDOWN_NAMES[key]}填的是“{raw}”，不是下拉选项（是、否、不适用）：不算作回答，"
        f"这一事项不计为合格（没有其他问题时按“{TO_VERIFY}”计）；请从下拉列表选择，说明写在“问题描述”",
        row,
        columns[key],
    )
    return None


def _date(
    grid: Any, row: int, columns: dict[str, int], key: str, reader: _Reader
) -> dt.date | None:
    value = _cell(grid, row, columns, key)
    if value is None or _text(value) == "":
        return None
    parsed = date_from_cell(value)
    if parsed is None:
        reader.add(
            CODE_BAD_DATE,
            f"{layout.inspection_column(key).header}“{_text(value)}”不是日期，请写成 2025-10-31",
            row,
            columns[key],
        )
    return parsed


def _read_item(
    grid: Any,
    row: int,
    columns: dict[str, int],
    item: Item,
    calendar: WorkdayCalendar,
    today: dt.date,
    reader: _Reader,
) -> ItemResult:
    res = ItemResult(item.id, item.first_level, "/".join(item.matter[1:]), row)
    written = _text(_cell(grid, row, columns, "matter1"))
    if written and written != item.first_level:
        reader.add(
            CODE_ITEM_MISMATCH,
            f"这一行的一级事项写的是“{written}”，目录中事项 {item.id} 的是“{item.first_level}”："
            "事项编号可能填错，请核对",
            row,
            columns["matter1"],
        )
    res.published = _choice(grid, row, columns, "published", reader, res)
    res.timely = _choice(grid, row, columns, "timely", reader, res)
    res.complete = _choice(grid, row, columns, "complete", reader, res)
    res.channels_ok = _choice(grid, row, columns, "channels_ok", reader, res)
    res.formed = _date(grid, row, columns, "formed", reader)
    res.published_on = _date(grid, row, columns, "published_on", reader)
    res.fix_by = _date(grid, row, columns, "fix_by", reader)
    res.evidence = _text(_cell(grid, row, columns, "evidence"))
    res.problem = _text(_cell(grid, row, columns, "problem"))
    res.unit = _text(_cell(grid, row, columns, "unit"))
    if not res.unit and item.department:
        res.unit, res.unit_from_catalog = item.department, True
    id_col = columns["id"]
    if res.formed and res.published_on and res.published_on < res.formed:
        reader.add(
            CODE_DATE_ORDER,
            f"公开日期 {res.published_on} 早于信息形成日期 {res.formed}，请核对",
            row,
            columns.get("published_on", id_col),
        )
    _lateness(res, item, calendar, reader, row, columns)
    _status(res, item, today, reader, row, columns)
    return res


def _lateness(
    res: ItemResult,
    item: Item,
    calendar: WorkdayCalendar,
    reader: _Reader,
    row: int,
    columns: dict[str, int],
) -> None:
    limit = publishing_limit(item.deadline)
    if limit is None:
        return
    res.limit = f"{limit.days}个{limit.unit}"
    if res.formed is None:
        return
    try:
        if limit.unit == "工作日":
            res.due = calendar.add(res.formed, limit.days)
        else:
            res.due = res.formed + dt.timedelta(days=limit.days)
        if res.published_on is not None:
            if limit.unit == "工作日":
                res.late_by = calendar.count(res.due, res.published_on)
            else:
                res.late_by = (res.published_on - res.due).days
            res.late_unit = limit.unit
    except UnknownYearError as exc:
        res.due = None
        reader.add(CODE_UNKNOWN_YEAR, f"无法核对是否逾期：{exc}", row, columns.get("formed", 1))


def _status(
    res: ItemResult,
    item: Item,
    today: dt.date,
    reader: _Reader,
    row: int,
    columns: dict[str, int],
) -> None:
    label = f"{item.id}（{'/'.join(item.matter)}）"
    id_col = columns["id"]
    answered_no = [k for k in ("timely", "complete", "channels_ok") if getattr(res, k) == "否"]
    if res.published is None and not res.unclear and not answered_no:
        res.status = UNCHECKED
        return
    published_free_text = any(c == layout.DROPDOWN_NAMES["published"] for c, _ in res.unclear)
    if res.published is None and answered_no and not published_free_text:
        # An inspector who ticked 否 in another column has checked the item: it is
        # 不合格 for that 否 (below), and the blank 是否公开 is worth a word.
        names = "、".join(layout.DROPDOWN_NAMES[k] for k in answered_no)
        reader.add(
            CODE_MARKED,
            f"{label} 是否公开未填写，但{names}为“否”：按已检查、不合格计；请补填是否公开",
            row,
            columns.get("published", id_col),
        )
    if res.published == "不适用":
        res.status = NOT_APPLICABLE
        return
    if res.published == "否":
        res.reasons.append("未公开")
        overdue = ""
        if res.due is not None and today > res.due:
            overdue = f"；应于 {res.due} 前公开（{res.limit}），已过期"
        reader.add(
            CODE_NOT_PUBLISHED,
            f"{label} 未公开{overdue}" + _who(res),
            row,
            columns.get("published", id_col),
        )
    else:
        dates_late = res.late_by is not None and res.late_by > 0
        if dates_late:
            res.reasons.append(f"逾期 {res.late_by} 个{res.late_unit}")
            reader.add(
                CODE_LATE,
                f"{label} 信息形成于 {res.formed}，按“{item.deadline.text}”（{res.limit}）"
                f"应于 {res.due} 前公开，实际 {res.published_on} 公开，逾期 {res.late_by} 个{res.late_unit}"
                + _who(res),
                row,
                columns.get("published_on", id_col),
            )
            if res.timely == "是":
                reader.add(
                    CODE_CONTRADICTION,
                    f"是否及时填的是“是”，但按日期逾期 {res.late_by} 个{res.late_unit}：按逾期计，请核对",
                    row,
                    columns.get("timely", id_col),
                )
        elif res.timely == "否":
            res.reasons.append("不及时")
            if res.late_by is not None:
                reader.add(
                    CODE_CONTRADICTION,
                    f"是否及时填的是“否”，但按日期在时限内（应于 {res.due} 前，实际 {res.published_on}）："
                    "按不及时计，请核对",
                    row,
                    columns.get("timely", id_col),
                )
        for key, reason in (("complete", "要素不完整"), ("channels_ok", "渠道不符合")):
            if getattr(res, key) == "否":
                res.reasons.append(reason)
        marked = [
            k
            for k in ("timely", "complete", "channels_ok")
            if getattr(res, k) == "否" and not (k == "timely" and res.late_by and res.late_by > 0)
        ]
        if marked:
            names = "、".join(layout.DROPDOWN_NAMES[k] for k in marked)
            reader.add(
                CODE_MARKED,
                f"{label} {names}为“否”" + _who(res),
                row,
                columns.get(marked[0], id_col),  # the cell that says 否
            )
    if res.reasons:
        res.status = FAILED
    elif res.unclear or res.published is None:
        res.status = TO_VERIFY
    else:
        res.status = PASSED
    if res.status == FAILED and res.fix_by is not None and res.fix_by < today:
        reader.add(
            CODE_FIX_OVERDUE,
            f"{label} 整改期限 {res.fix_by} 已过（今天 {today}），请核实整改情况",
            row,
            columns.get("fix_by", id_col),
        )


def _who(res: ItemResult) -> str:
    if not res.unit:
        return ""
    source = "（目录中的责任科室）" if res.unit_from_catalog else ""
    return f"；整改责任处室：{res.unit}{source}"
