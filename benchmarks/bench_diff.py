"""Time `govopen diff` of two years against loading both with the PyYAML C loader.

    python benchmarks/generate_year.py --items 50000
    python benchmarks/bench_diff.py [--items 50000] [--runs 2] [--before OTHER/python]

The second year has renames, moves, field changes, added and removed items
(generate_year.py). Two floors, each in a fresh Python with the garbage collector paused:
composing both files with ``CSafeLoader`` (libyaml nodes with marks, the parse govopen's
reader replaces) and loading both to Python data with it (``yaml.load``: libyaml parser,
PyYAML's Python constructor). All run alternately in the same run. ``--before`` adds
another checkout's govopen (its venv's python, e.g. main's) to the same run, for a
before/after ratio.
"""

from __future__ import annotations

import argparse
import sys

from _bench import ROOT, before_option, compare, elsewhere, floor, govopen

COMPOSE_BOTH = """
import gc, sys, yaml
gc.disable()
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        yaml.compose(f, Loader=yaml.CSafeLoader)
"""

LOAD_BOTH = """
import gc, sys, yaml
gc.disable()
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--corpus", type=str, default=str(ROOT / "benchmarks" / "corpus"))
    parser.add_argument(
        "--limit",
        action="store_true",
        help="keep govopen's 1,000,000-values limit (a 50,000-item file is then refused)",
    )
    before_option(parser)
    args = parser.parse_args()
    old = f"{args.corpus}/year-{args.items}/2025.yaml"
    new = f"{args.corpus}/year-{args.items}/2026.yaml"
    try:
        open(old).close()
        open(new).close()
    except OSError:
        sys.exit(f"no {old} or {new}: run benchmarks/generate_year.py --items {args.items} first")
    tools = {
        "govopen diff": govopen(["diff", old, new], not args.limit),
        "floor: C-loader compose both, GC off": floor(COMPOSE_BOTH, old, new),
        "floor: C-loader load both, GC off": floor(LOAD_BOTH, old, new),
    }
    if args.before:
        tools["before: govopen diff"] = elsewhere(args.before, tools["govopen diff"])
    compare(f"diff two years, {args.items} items", tools, args.runs)


if __name__ == "__main__":
    main()
