"""The 说明 sheet of a govopen workbook: what it says about the catalog, read back.

``govopen import`` takes the catalog header from it, so an exported workbook reads
back whole; ``govopen inspect`` finds the catalog file it records, and its SHA-256.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govopen_cli.excel import layout
from govopen_cli.excel.sheet import cell_text, open_workbook


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
