"""Shared by the bench_*.py scripts: run commands as fresh processes, alternately, and print.

Each command runs as a child process with output discarded; its wall time and peak
resident memory (``ru_maxrss`` of that child) are recorded. The commands of one
benchmark run alternately ``runs`` times, so that govopen and its floor see the same
machine load; the medians and the ratio of the medians are printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTHON = sys.executable
GOVOPEN = str(BIN / "govopen")
# govopen reads at most 3,000,000 values per file (docs/limits.md); a 50,000-item file of the
# 平遥 row shapes holds about 2 million. For larger --items the benchmarks of one big file run
# govopen's own entry point with that limit raised in the benchmark process only (--limit: not).
UNLIMITED = [
    PYTHON,
    "-c",
    "import sys; import govopen_cli.catalog.yaml_events as e; e.MAX_NODES = 10**8; "
    "from govopen_cli.cli.app import main; sys.argv[0] = 'govopen'; sys.exit(main())",
]


def govopen(args: list[str], unlimited: bool) -> list[str]:
    """The command running ``govopen args``, with the values limit raised if ``unlimited``."""
    return [*UNLIMITED, *args] if unlimited else [GOVOPEN, *args]


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


def before_option(parser: argparse.ArgumentParser) -> None:
    """``--before PYTHON``: also time another install of govopen (the checkout before a
    change, in its own venv) in the same run. ``--baseline`` is the same option."""
    parser.add_argument(
        "--before",
        "--baseline",
        dest="before",
        metavar="PYTHON",
        default="",
        help="the python of another checkout's venv (e.g. main's .venv/bin/python): the same "
        "command run by its govopen too, for a before/after ratio in the same run",
    )


def elsewhere(python: str, command: list[str]) -> list[str]:
    """``command`` (made by :func:`govopen` or :func:`floor`) run by another install:
    its ``govopen`` script in place of ours, or its Python in place of ours."""
    if command[0] == GOVOPEN:
        return [str(Path(python).parent / "govopen"), *command[1:]]
    return [python if part == PYTHON else part for part in command]


def floor(code: str, *args: str) -> list[str]:
    """A command running ``code`` in a fresh Python with ``args`` as ``sys.argv[1:]``."""
    return [PYTHON, "-c", code, *args]


def measure(
    tools: dict[str, list[str]], runs: int, ok: tuple[int, ...] = (0, 1)
) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Run ``tools`` alternately ``runs`` times: each one's wall times and peak RSS in MB."""
    times: dict[str, list[float]] = {name: [] for name in tools}
    peaks: dict[str, float] = dict.fromkeys(tools, 0.0)
    for _ in range(runs):
        for name, cmd in tools.items():
            elapsed, rss, code = run(cmd)
            if code not in ok:
                sys.exit(f"{name} failed with status {code}: {' '.join(cmd[:4])} …")
            times[name].append(elapsed)
            peaks[name] = max(peaks[name], rss)
    return times, peaks


def compare(
    title: str, tools: dict[str, list[str]], runs: int, ok: tuple[int, ...] = (0, 1)
) -> None:
    """Run ``tools`` alternately ``runs`` times; print medians, peaks and ratios to the first."""
    times, peaks = measure(tools, runs, ok)
    names = list(tools)
    first = statistics.median(times[names[0]])
    print(f"{title}; {runs} run(s) each, alternating")
    print(f"{'':<34} {'median s':>9} {'min s':>7} {'peak MB':>8} {'govopen ÷ this':>15}")
    for name in names:
        median = statistics.median(times[name])
        ratio = "" if name == names[0] else f"{first / median:.1f}x"
        print(f"{name:<34} {median:>9.2f} {min(times[name]):>7.2f} {peaks[name]:>8.0f} {ratio:>15}")
