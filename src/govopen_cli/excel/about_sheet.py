"""The 说明 sheet of the export: what the workbook was made from, and how to fill it in.

Written last by ``govopen export``: the tool and time, the catalog header, the input
files with their SHA-256, the rule set in force, and notes for the inspector. Read
back too: ``govopen import`` takes the catalog header from it, so an exported
workbook reads back whole; ``govopen inspect`` finds the catalog file it records,
and its SHA-256.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govopen_cli.catalog.model import Catalog
from govopen_cli.cell_value import cell_text
from govopen_cli.excel import layout
from govopen_cli.excel.sheet import open_workbook
from govopen_cli.excel.writer import SheetWriter


def about_pairs(wb: Any) -> dict[str, str] | None:
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


@dataclass(frozen=True)
class InputFile:
    """A file the workbook was made from, named in 说明 with its SHA-256."""

    role: str
    display: str
    sha256: str


@dataclass(frozen=True)
class RuleInfo:
    """One rule of the rule set the check ran with."""

    code: str
    name: str
    severity: str
    summary: str


def generated_text(moment: dt.datetime) -> str:
    """说明's 生成时间: ``2026-11-26 17:52:17（UTC+08:00）``, local time and its offset."""
    text = moment.strftime("%Y-%m-%d %H:%M:%S")
    offset = moment.utcoffset()
    if offset is None:
        return text
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{text}（UTC{sign}{hours:02d}:{mins:02d}）"


def write_about_sheet(
    wb: Any,
    catalog: Catalog,
    inputs: Sequence[InputFile],
    rules: Sequence[RuleInfo],
    generated: dt.datetime,
    tool_version: str,
) -> None:
    """The 说明 sheet: tool and time, catalog header, input files, rule set, notes."""
    sheet = SheetWriter(wb, layout.SHEET_ABOUT, [16, 48, 12, 64])
    sheet.setup(title="说明", wide=False)
    sheet.title_row("说明", 28)
    cell = sheet.cell

    def pair(key: str, value: Any) -> None:
        sheet.append([cell(key, "head"), cell(value)])
        sheet.merge(f"B{sheet.row}:D{sheet.row}")

    pair(layout.ABOUT_TOOL, f"govopen {tool_version}")
    pair("生成时间", generated_text(generated))
    header = catalog.header_data()
    for zh, key in layout.ABOUT_HEADER_KEYS.items():
        pair(zh, header.get(key))
    pair(layout.ABOUT_CATALOG_FILE, next((f.display for f in inputs if f.role == "目录"), None))
    pair("事项数", len(catalog.items))
    sheet.section("输入文件")
    sheet.header_row(("用途", "文件", "", "SHA-256"))
    sheet.merge(f"B{sheet.row}:C{sheet.row}")
    for f in inputs:
        sheet.append([cell(f.role, "center"), cell(f.display), cell(None), cell(f.sha256)])
        sheet.merge(f"B{sheet.row}:C{sheet.row}")
    sheet.section(f"规则集（{len(rules)} 条）")
    sheet.header_row(("规则编号", "名称", "严重程度", "说明"))
    for r in rules:
        sheet.append(
            [cell(r.code, "center"), cell(r.name), cell(r.severity, "center"), cell(r.summary)]
        )
    sheet.section("填写说明")
    for text in ABOUT_NOTES:
        sheet.append([None, cell(text, "plain")], 34)
        sheet.merge(f"B{sheet.row}:D{sheet.row}")


ABOUT_NOTES = (
    "目录：按标准目录版式排列；公开渠道前的 ■ 为必选，□ 为可选，▲ 为择一"
    "（在标注范围内至少选择其一公开，法律法规规章另有规定的从其规定）；√ 表示适用。",
    "检查表：每个事项一行，请勿修改“事项编号”列；是否公开、是否及时、要素是否完整、"
    "渠道是否符合从下拉列表选择（是、否、不适用）；日期写成 2025-10-31。",
    "检查表填好后运行 govopen inspect 本文件：按工作日（含调休）核对是否逾期，"
    "列出问题和整改责任处室。",
    "汇总中的检查结果是公式，随检查表填写自动更新。合格事项：是否公开为“是”，"
    "且是否及时、要素是否完整、渠道是否符合均不为“否”。公式不按日期核对是否逾期，"
    "也不检查下拉列中的文字：正式结果以 govopen inspect 为准。",
)
