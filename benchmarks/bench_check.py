"""Time `govopen check` of the province corpus against its floor and its peer, in the same run.

    pip install -e '.[bench]'
    python benchmarks/generate_corpus.py
    python benchmarks/bench_check.py [--runs 5] [--corpus benchmarks/corpus] [--jobs 2]

Each command runs as a fresh process, alternately, ``--runs`` times:

- ``govopen check -j 1``: every file in one process, one after another;
- ``govopen check -j N``: the files in N worker processes (``--jobs``, default: the CPUs);
- the floor: the bare parse govopen cannot avoid, PyYAML's C loader (libyaml) composing
  every corpus file into nodes with line and column marks, the garbage collector paused,
  in a fresh Python;
- the peer: check-jsonschema validating the same files against govopen's JSON Schema.

The script prints the medians, each command's peak resident memory (``ru_maxrss`` of
the process, which for a parallel run is the larger of the command's own and its largest
worker's) and the ratios of the medians. The machines this runs on are shared and noisy,
so the ratios, measured in one run, are the figures to quote.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from pathlib import Path

from _bench import BIN, GOVOPEN, PYTHON, ROOT, before_option, elsewhere, measure

COMPOSE = """
import gc, sys, yaml
gc.disable()
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        yaml.compose(f, Loader=yaml.CSafeLoader)
"""


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ROOT / "benchmarks" / "corpus")
    parser.add_argument("--jobs", type=int, default=_cpus(), help="workers of the parallel run")
    before_option(parser)
    args = parser.parse_args()
    files = sorted(str(p) for p in args.corpus.glob("*.yaml"))
    if not files:
        sys.exit(f"no corpus in {args.corpus}: run benchmarks/generate_corpus.py first")
    peer = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
    if peer is None:
        sys.exit("check-jsonschema is not installed: pip install -e '.[bench]'")
    serial = "govopen check -j 1"
    parallel = f"govopen check -j {args.jobs}"
    floor = "floor: C-loader compose, GC off"
    tools = {
        serial: [GOVOPEN, "check", "--exit-zero", "-j", "1", str(args.corpus)],
        parallel: [GOVOPEN, "check", "--exit-zero", "-j", str(args.jobs), str(args.corpus)],
        floor: [PYTHON, "-c", COMPOSE, *files],
        "check-jsonschema": [
            peer,
            "--schemafile",
            str(ROOT / "schemas" / "catalog.schema.json"),
            *files,
        ],
    }
    if args.jobs <= 1:
        del tools[parallel]
    if args.before:  # the old code has no -j: its one way of checking
        command = [GOVOPEN, "check", "--exit-zero", str(args.corpus)]
        tools["before: govopen check"] = elsewhere(args.before, command)
    times, peaks = measure(tools, args.runs)
    items = sum(Path(f).read_text(encoding="utf-8").count("\n- id:") for f in files)
    median = {name: statistics.median(times[name]) for name in tools}
    print(f"corpus: {len(files)} files, ~{items} items; {args.runs} runs each, alternating")
    print(f"{'command':<34} {'median s':>9} {'min s':>7} {'peak MB':>8}")
    for name in tools:
        print(f"{name:<34} {median[name]:>9.2f} {min(times[name]):>7.2f} {peaks[name]:>8.0f}")
    for name in (serial, parallel, "before: govopen check"):
        if name in tools:
            print(
                f"{name}: {median[name] / median[floor]:.2f}x the floor; "
                f"check-jsonschema takes {median['check-jsonschema'] / median[name]:.2f}x its time"
            )


if __name__ == "__main__":
    main()
