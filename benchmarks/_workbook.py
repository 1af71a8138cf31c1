"""The exported workbook the export and import benchmarks share, and its cells as text.

``workbook(items)`` runs ``govopen export`` once (untimed) on the first year from
generate_year.py and keeps ``export.xlsx`` beside it, with ``cells.pickle``: every
sheet's values read back with python-calamine and written as text, so the export
floor writes the same cells govopen wrote.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from _bench import govopen


def workbook(corpus: str, items: int, unlimited: bool = False) -> tuple[Path, Path, Path]:
    """The catalog, its exported workbook and the cells pickle, made if missing."""
    from python_calamine import CalamineWorkbook

    folder = Path(corpus) / f"year-{items}"
    catalog = folder / "2025.yaml"
    if not catalog.exists():
        sys.exit(f"no {catalog}: run benchmarks/generate_year.py --items {items} first")
    xlsx, cells = folder / "export.xlsx", folder / "cells.pickle"
    if not xlsx.exists() or not cells.exists():
        print(f"exporting {catalog} once to make {xlsx} (untimed) …", flush=True)
        subprocess.run(
            govopen(["export", str(catalog), "-o", str(xlsx), "--force"], unlimited), check=True
        )
        book = CalamineWorkbook.from_path(str(xlsx))
        sheets = []
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python()
            text = [[None if v == "" or v is None else str(v) for v in row] for row in rows]
            sheets.append((name, text))
        with cells.open("wb") as f:
            pickle.dump(sheets, f, protocol=pickle.HIGHEST_PROTOCOL)
    return catalog, xlsx, cells
