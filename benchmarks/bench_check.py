"""Time `govopen check` against `check-jsonschema` on the same corpus, in the same run.

    pip install -e '.[bench]'
    python benchmarks/generate_corpus.py
    python benchmarks/bench_check.py [--runs 5] [--corpus benchmarks/corpus]

Each tool runs as a fresh process, alternately, ``--runs`` times; the script prints
the medians, the ratio (check-jsonschema time / govopen time: above 1 means govopen
is faster) and each tool's peak resident memory. The machines this runs on are
shared and noisy, so the ratio, measured in one run, is the figure to quote.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB, and exit status of one run of ``cmd``."""
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child: exec the tool with output discarded
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=ROOT / "benchmarks" / "corpus")
    args = parser.parse_args()
    files = sorted(str(p) for p in args.corpus.glob("*.yaml"))
    if not files:
        sys.exit(f"no corpus in {args.corpus}: run benchmarks/generate_corpus.py first")
    peer = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
    if peer is None:
        sys.exit("check-jsonschema is not installed: pip install -e '.[bench]'")
    tools = {
        "govopen check": [str(BIN / "govopen"), "check", "--exit-zero", str(args.corpus)],
        "check-jsonschema": [
            peer,
            "--schemafile",
            str(ROOT / "schemas" / "catalog.schema.json"),
            *files,
        ],
    }
    times: dict[str, list[float]] = {name: [] for name in tools}
    peaks: dict[str, float] = dict.fromkeys(tools, 0.0)
    for _ in range(args.runs):
        for name, cmd in tools.items():
            elapsed, rss, code = run(cmd)
            if code not in (0, 1):
                sys.exit(f"{name} failed with status {code}: {' '.join(cmd[:4])} …")
            times[name].append(elapsed)
            peaks[name] = max(peaks[name], rss)
    items = sum(Path(f).read_text(encoding="utf-8").count("\n- id:") for f in files)
    print(f"corpus: {len(files)} files, ~{items} items; {args.runs} runs each, alternating")
    print(f"{'tool':<18} {'median s':>9} {'min s':>7} {'peak MB':>8}")
    for name in tools:
        print(
            f"{name:<18} {statistics.median(times[name]):>9.2f} {min(times[name]):>7.2f}"
            f" {peaks[name]:>8.0f}"
        )
    ratio = statistics.median(times["check-jsonschema"]) / statistics.median(times["govopen check"])
    print(f"ratio (check-jsonschema / govopen): {ratio:.2f}x")


if __name__ == "__main__":
    main()
