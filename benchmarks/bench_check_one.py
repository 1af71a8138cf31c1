"""Time `govopen check` on one big catalog file against the PyYAML C-loader compose floor.

    python benchmarks/generate_year.py --items 50000
    python benchmarks/bench_check_one.py [--items 50000] [--runs 2] [--loader] [--before PY]

The floor is the bare library doing the parse govopen cannot avoid: ``yaml.compose``
with ``CSafeLoader`` (libyaml, nodes with line and column marks), the garbage collector
paused, in a fresh Python. Both run alternately in the same run; the ratio is the figure
to quote. ``--loader`` adds govopen's YAML reader alone (``load_document``: data and
positions, no schema or rules), the part measured against that floor; ``--before PY``
adds the same commands run by another interpreter (``/work/main/.venv/bin/python``: the
code installed there), for a before/after in the same run. The "govopen ÷ this" column
is the first row's time over each row's.
"""

from __future__ import annotations

import argparse
import sys

from _bench import ROOT, before_option, compare, elsewhere, floor, govopen

COMPOSE = """
import gc, sys, yaml
gc.disable()
with open(sys.argv[1], "rb") as f:
    yaml.compose(f, Loader=yaml.CSafeLoader)
"""

LOAD = """
import sys
from pathlib import Path
import govopen_cli.catalog.yaml_events as e
e.MAX_NODES = 10**8
from govopen_cli.catalog.loader import load_document
load_document(Path(sys.argv[1]))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--corpus", type=str, default=str(ROOT / "benchmarks" / "corpus"))
    parser.add_argument("--loader", action="store_true", help="also time load_document alone")
    before_option(parser)
    parser.add_argument(
        "--limit",
        action="store_true",
        help="keep govopen's 1,000,000-values limit (a 50,000-item file is then refused)",
    )
    args = parser.parse_args()
    path = f"{args.corpus}/year-{args.items}/2025.yaml"
    try:
        open(path).close()
    except OSError:
        sys.exit(f"no {path}: run benchmarks/generate_year.py --items {args.items} first")
    tools = {
        "govopen check": govopen(["check", "--exit-zero", path], not args.limit),
        "floor: C-loader compose, GC off": floor(COMPOSE, path),
    }
    if args.loader:
        tools["govopen load_document"] = floor(LOAD, path)
    if args.before:
        tools["before: govopen check"] = elsewhere(args.before, tools["govopen check"])
        if args.loader:
            tools["before: govopen load_document"] = elsewhere(args.before, floor(LOAD, path))
    compare(f"check one file, {args.items} items ({path})", tools, args.runs)


if __name__ == "__main__":
    main()
