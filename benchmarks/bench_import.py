"""Time `govopen import` of the exported workbook against reading every value.

    python benchmarks/generate_year.py --items 50000
    python benchmarks/bench_import.py [--items 50000] [--runs 1] [--before OTHER/python]

The workbook is the one ``govopen export`` writes for the generated catalog (made once,
untimed, by _workbook.py). Floors, each in a fresh Python: openpyxl's read-only mode
reading every value of every sheet, and python-calamine reading every value of every
sheet. All three run alternately in the same run; ``--before`` adds another checkout's
govopen import (its venv's python) for a before/after ratio.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _bench import ROOT, before_option, compare, elsewhere, floor, govopen
from _workbook import workbook

READ_ONLY = """
import sys
from openpyxl import load_workbook
book = load_workbook(sys.argv[1], read_only=True)
for sheet in book.worksheets:
    for row in sheet.iter_rows(values_only=True):
        for value in row:
            pass
book.close()
"""

CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
for name in book.sheet_names:
    for row in book.get_sheet_by_name(name).to_python():
        for value in row:
            pass
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
    _, xlsx, _ = workbook(args.corpus, args.items, not args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "imported.yaml")
        command = govopen(["import", str(xlsx), "-o", out, "--force"], not args.limit)
        tools = {
            "govopen import": command,
            "floor: openpyxl read_only": floor(READ_ONLY, str(xlsx)),
            "floor: python-calamine": floor(CALAMINE, str(xlsx)),
        }
        if args.before:
            tools["before: govopen import"] = elsewhere(args.before, command)
        compare(f"import, {args.items} items ({xlsx})", tools, args.runs)


if __name__ == "__main__":
    main()
