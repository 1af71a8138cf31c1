"""The 说明 sheet of a govopen workbook: what it says about the catalog, read back.

``govopen import`` takes the catalog header from it, so an exported workbook reads
back whole.
"""

from __future__ import annotations

from typing import Any

from govopen_cli.excel import layout
from govopen_cli.excel.sheet import cell_text


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
