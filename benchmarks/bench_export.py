"""Time `govopen export` against openpyxl write_only writing the same cells as text.

    python benchmarks/generate_year.py --items 50000
    python benchmarks/bench_export.py [--items 50000] [--runs 1] [--before PYTHON]

The floor writes, in a fresh Python with openpyxl's write-only mode, every sheet of the
workbook govopen exported with the same cells as plain text (no styles, merges,
dropdowns, formulas or chart): the cells are read back once, untimed, with
python-calamine (_workbook.py). Both run alternately in the same run; with
``--before /path/to/other/.venv/bin/python`` the export of another checkout (main) runs
alternately too, for a before/after ratio.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _bench import ROOT, before_option, compare, elsewhere, floor, govopen
from _workbook import workbook

WRITE_ONLY = """
import pickle, sys
from openpyxl import Workbook
with open(sys.argv[1], "rb") as f:
    sheets = pickle.load(f)
book = Workbook(write_only=True)
for name, rows in sheets:
    sheet = book.create_sheet(name)
    for row in rows:
        sheet.append(row)
book.save(sys.argv[2])
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--corpus", type=str, default=str(ROOT / "benchmarks" / "corpus"))
    parser.add_argument(
        "--limit",
        action="store_true",
        help="keep govopen's 1,000,000-values limit (a 50,000-item file is then refused)",
    )
    before_option(parser)
    args = parser.parse_args()
    catalog, _, cells = workbook(args.corpus, args.items, not args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = str(Path(tmp) / "govopen.xlsx"), str(Path(tmp) / "floor.xlsx")
        export = ["export", str(catalog), "-o", ours, "--force"]
        tools = {
            "govopen export": govopen(export, not args.limit),
            "floor: openpyxl write_only, text": floor(WRITE_ONLY, str(cells), theirs),
        }
        if args.before:
            tools["before: govopen export"] = elsewhere(args.before, tools["govopen export"])
        compare(f"export, {args.items} items ({catalog})", tools, args.runs, ok=(0,))


if __name__ == "__main__":
    main()
