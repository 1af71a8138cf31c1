"""Write ledgers as xlsx and YAML for tests, and (once) the bundled examples.

``python tests/ledger_files.py`` regenerates examples/ledger/台账-2025.xlsx and .yaml
from the CSV, so the three always hold the same requests.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "ledger"
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[Any]],
    *,
    sheet: str = "台账",
    title: str | None = None,
    iso_as_date_cells: bool = True,
) -> None:
    """A workbook whose first sheet holds ``rows`` (header first).

    ISO date strings become real date cells (as Excel stores them), other values
    are written as they are: text dates stay text, numbers stay numbers.
    """
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title is not None:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        ws["A1"].font = Font(bold=True, size=14)
    for values in rows:
        out = []
        for value in values:
            if iso_as_date_cells and isinstance(value, str) and ISO.match(value):
                value = dt.date.fromisoformat(value)
            elif isinstance(value, str) and value.isdigit():
                value = int(value)
            out.append(value if value != "" else None)
        ws.append(out)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, dt.date | dt.datetime):
                cell.number_format = "yyyy-mm-dd"
    wb.save(path)


def _yaml_scalar(value: str) -> str:
    if ISO.match(value) or re.match(r"^\d{4}-\d{3}$", value):
        return value  # a date stays a plain YAML date; 2025-001 is plain text
    if re.search(r"[:#{}\[\],&*!|>'\"%@`]", value):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}"'
    return value


def csv_to_yaml(rows: Sequence[Sequence[str]], agency: str | None = None) -> str:
    """The YAML form of a CSV ledger: one mapping per request, keys = the headers."""
    header, *body = rows
    lines = [
        "# 依申请公开台账（YAML 形式）：字段名与表格列名相同，格式见 docs/ledger.md",
        "format: 1",
    ]
    if agency:
        lines.append(f"agency: {agency}")
    lines.append("requests:")
    for values in body:
        first = True
        for key, value in zip(header, values, strict=False):
            if value == "":
                continue
            prefix = "  - " if first else "    "
            lines.append(f"{prefix}{key}: {_yaml_scalar(value)}")
            first = False
    return "\n".join(lines) + "\n"


def read_csv_rows(path: Path) -> list[list[str]]:
    """The CSV's records."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def regenerate_examples() -> None:
    """Write the example ledger's xlsx and YAML forms from its CSV."""
    rows = read_csv_rows(EXAMPLES / "台账-2025.csv")
    write_xlsx(
        EXAMPLES / "台账-2025.xlsx",
        rows,
        title="平遥县自然资源局2025年政府信息公开申请登记台账",
    )
    (EXAMPLES / "台账-2025.yaml").write_text(
        csv_to_yaml(rows, agency="平遥县自然资源局"), encoding="utf-8"
    )


if __name__ == "__main__":
    regenerate_examples()
