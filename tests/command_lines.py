"""The command lines whose whole output is kept as golden files (tests/golden/commands/).

Each line runs through the real entry point (``python -m govopen_cli``) from the
repository root, as a user would type it. The golden file holds the exit status,
standard output and standard error byte for byte. Regenerate after an intended
change with ``python tests/command_lines.py --update`` and review the diff.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "commands"

_MISTAKES = sorted(p.name for p in (REPO / "examples" / "mistakes").glob("*.yaml"))

LINES: list[str] = [
    "govopen --version",
    "govopen --help",
    "govopen check",
    "govopen check catalogs --format json",
    "govopen check catalogs --format sarif",
    "govopen check catalogs --format junit",
    "govopen check catalogs --format github",
    "govopen check catalogs --format markdown",
    "govopen check examples/minimal",
    "govopen check examples/mistakes/sanding-uncovered",
    "govopen check examples/mistakes --format json",
    *[f"govopen check examples/mistakes/{name}" for name in _MISTAKES],
    "govopen check catalogs --format nope",
    "govopen check nope.yaml",
    "govopen coverage catalogs/pingyao-zrzyj/2025.yaml",
    "govopen coverage catalogs/pingyao-zrzyj/2025.yaml --format json",
    "govopen coverage catalogs/pingyao-zrzyj/2025.yaml --format markdown",
    "govopen coverage examples/mistakes/sanding-uncovered/catalog.yaml --min-coverage 100",
    "govopen conform catalogs/pingyao-zrzyj/2025.yaml",
    "govopen conform catalogs/pingyao-zrzyj/2025.yaml --format markdown",
    "govopen conform examples/minimal/catalog.yaml --fail-on missing",
    "govopen summary catalogs examples/minimal --guide 自然资源",
    "govopen summary examples --format markdown",
    "govopen diff catalogs/pingyao-zrzyj/2024.yaml catalogs/pingyao-zrzyj/2025.yaml",
    "govopen diff catalogs/pingyao-zrzyj/2024.yaml catalogs/pingyao-zrzyj/2025.yaml -f json",
    "govopen diff catalogs/pingyao-zrzyj/2024.yaml catalogs/pingyao-zrzyj/2025.yaml -f markdown",
    "govopen diff tests/data/diff/2024.yaml tests/data/diff/2025.yaml --fail-on warning",
    "govopen rules",
    "govopen rules --format json",
    "govopen rules --format markdown",
    "govopen rules GO201",
    "govopen rules GD",
    "govopen rules nope",
    "govopen schema",
    "govopen workdays add 2025-09-26 20",
    "govopen workdays count 2025-09-26 2025-10-30",
    "govopen workdays is 2025-10-11",
    "govopen workdays add 2031-01-05 3",
    "govopen requests check examples/ledger/台账-2025.csv --today 2025-12-31",
    "govopen requests check examples/ledger/台账-2025.xlsx --today 2025-12-31 --format json",
    "govopen requests check examples/ledger/台账-2025.yaml --today 2025-12-31"
    " --catalog catalogs/pingyao-zrzyj/2025.yaml",
    "govopen requests report examples/ledger/台账-2025.csv --year 2025",
    "govopen requests report examples/ledger/台账-2025.xlsx --year 2025 --format json",
    "govopen requests report examples/ledger/台账-2025.yaml --year 2025 --format markdown",
    *[
        f"govopen {cmd} --help"
        for cmd in (
            "check",
            "coverage",
            "diff",
            "export",
            "import",
            "inspect",
            "rules",
            "schema",
            "workdays",
            "workdays add",
            "workdays count",
            "workdays is",
            "requests",
            "requests check",
            "requests report",
        )
    ],
]


def golden_name(line: str) -> str:
    """A file name for a command line (stable, readable)."""
    words = shlex.split(line)[1:] or ["bare"]
    name = "_".join(words)
    name = re.sub(r"[^\w.-]+", "_", name)
    return name[:150] + ".txt"


def run(line: str) -> str:
    """Exit status, stdout and stderr of one command line, as one text."""
    argv = shlex.split(line)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "TERM": "dumb"}
    # The checkout's own sources, also from a git worktree beside an editable install.
    env["PYTHONPATH"] = str(REPO / "src")
    env.pop("GITHUB_STEP_SUMMARY", None)
    env.pop("GITHUB_ACTIONS", None)
    out = subprocess.run(
        [sys.executable, "-m", "govopen_cli", *argv[1:]],
        cwd=REPO,
        capture_output=True,
        env=env,
        timeout=120,
    )
    stdout = out.stdout.decode("utf-8", "replace")
    stderr = out.stderr.decode("utf-8", "replace")
    return f"$ {line}\n[exit {out.returncode}]\n--- stdout\n{stdout}--- stderr\n{stderr}"


def workbook_text(path: Path) -> str:
    """Every non-empty cell of every sheet, with merges: what a reader of the workbook sees."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    parts = []
    for sheet in book.worksheets:
        parts.append(f"== {sheet.title} merges={sorted(str(r) for r in sheet.merged_cells.ranges)}")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    parts.append(f"{cell.coordinate}={cell.value!r}")
    text = "\n".join(parts) + "\n"
    # The time of the export is the one cell that differs between runs.
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d（UTC[^）]*）", "TIME", text)


def export_round_trip(tmp: Path) -> str:
    """export the bundled 2025 catalog, show its cells, import it back, inspect it."""
    book = tmp / "检查.xlsx"
    back = tmp / "back.yaml"
    texts = [run(f"govopen export catalogs/pingyao-zrzyj/2025.yaml -o {book} --today 2026-01-01")]
    texts.append(workbook_text(book))
    texts.append(run(f"govopen import {book} -o {back}"))
    texts.append(back.read_text(encoding="utf-8") if back.exists() else "(no file)\n")
    texts.append(run(f"govopen inspect {book} --today 2026-01-01"))
    return "".join(texts).replace(str(tmp), "TMP")


def run_all() -> dict[str, str]:
    """Every command line's output, keyed by golden file name."""
    import tempfile

    with ThreadPoolExecutor(max_workers=4) as pool:
        outputs = list(pool.map(run, LINES))
    result = {golden_name(line): text for line, text in zip(LINES, outputs, strict=True)}
    with tempfile.TemporaryDirectory() as tmp:
        result["export_import_inspect.txt"] = export_round_trip(Path(tmp))
    return result


if __name__ == "__main__":
    if "--update" in sys.argv:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for old in GOLDEN.glob("*.txt"):
            old.unlink()
        for name, text in run_all().items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"wrote {len(LINES) + 1} golden files to {GOLDEN}")
