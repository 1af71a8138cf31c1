"""Every command prints on a Windows console or pipe: GBK (Chinese Windows) and cp1252.

``PYTHONIOENCODING`` sets what a redirect or pipe on Windows uses; what the encoding
cannot hold is spelled another way (``›`` as ``>``, ``✓`` as ``√`` or ``OK``) or
written as ``?``, never a traceback. Files written with ``-o`` stay UTF-8.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PINGYAO = "catalogs/pingyao-zrzyj"

#: (command line, exit status); ``{tmp}`` is a fresh folder for files the line writes.
LINES: list[tuple[str, int]] = [
    ("govopen --help", 0),
    ("govopen check", 0),
    ("govopen check examples/mistakes", 1),
    ("govopen check catalogs --format github", 0),
    ("govopen check catalogs --format markdown", 0),
    ("govopen check examples/mistakes --format junit -o {tmp}/r.xml", 1),
    (f"govopen coverage {PINGYAO}/2025.yaml", 0),
    ("govopen coverage examples/mistakes/sanding-uncovered/catalog.yaml --min-coverage 100", 1),
    (f"govopen diff {PINGYAO}/2024.yaml {PINGYAO}/2025.yaml", 0),
    (f"govopen diff {PINGYAO}/2024.yaml {PINGYAO}/2025.yaml -f markdown", 0),
    (f"govopen diff {PINGYAO}/2024.yaml {PINGYAO}/2025.yaml -f json", 0),
    (f"govopen export {PINGYAO}/2025.yaml -o {{tmp}}/目录.xlsx --today 2026-01-01", 0),
    # 1: the exported workbook's own 检查结论 columns come back as findings
    ("govopen import {book} -o {tmp}/back.yaml", 1),
    ("govopen inspect {book} --today 2026-01-01", 0),
    ("govopen rules", 0),
    ("govopen rules GO201", 0),
    ("govopen schema catalog", 0),
    ("govopen workdays add 2025-09-26 20", 0),
    ("govopen workdays count 2025-09-26 2025-10-30", 0),
    ("govopen requests check examples/ledger/台账-2025.csv --today 2025-12-31", 1),
    ("govopen requests report examples/ledger/台账-2025.csv --year 2025", 1),
    ("govopen check nope.yaml", 2),
    ("govopen init {tmp}/新仓库 --agency 某某县自然资源局 --year 2026 --id mouxian-zrzyj", 0),
]


def _run(
    line: str, encoding: str, tmp: Path, book: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    line = line.replace("{tmp}", str(tmp)).replace("{book}", str(book))
    argv = shlex.split(line)
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1", "COLUMNS": "80"}
    env["PYTHONPATH"] = str(REPO / "src")
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(
        [sys.executable, "-m", "govopen_cli", *argv[1:]],
        cwd=REPO,
        capture_output=True,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled 2025 catalog exported once (UTF-8 console), for import and inspect."""
    folder = tmp_path_factory.mktemp("book")
    out = _run(f"govopen export {PINGYAO}/2025.yaml -o {{tmp}}/b.xlsx", "utf-8", folder)
    assert out.returncode == 0, out.stderr
    return folder / "b.xlsx"


@pytest.mark.parametrize("encoding", ["gbk", "cp1252"])
@pytest.mark.parametrize(("line", "status"), LINES, ids=[line for line, _ in LINES])
def test_every_command_prints_under_a_windows_encoding(
    line: str, status: int, encoding: str, tmp_path: Path, book: Path
) -> None:
    out = _run(line, encoding, tmp_path, book)
    stdout = out.stdout.decode(encoding, "strict")
    stderr = out.stderr.decode(encoding, "strict")
    assert "Traceback" not in stderr, stderr
    assert "UnicodeEncodeError" not in stderr + stdout
    assert out.returncode == status, (stdout, stderr)
    if " -o " not in line:
        assert stdout.strip() or stderr.strip()


def test_diff_separator_is_spelled_another_way_in_gbk(tmp_path: Path) -> None:
    out = _run(f"govopen diff {PINGYAO}/2024.yaml {PINGYAO}/2025.yaml", "gbk", tmp_path)
    text = out.stdout.decode("gbk")
    assert "›" not in text
    assert " > " in text
    assert "政务公开" in text or "变更" in text  # Chinese stays Chinese in GBK


def test_cp1252_writes_question_marks_for_chinese_not_a_traceback(tmp_path: Path) -> None:
    out = _run("govopen check", "cp1252", tmp_path)
    assert out.returncode == 0
    assert "?" in out.stdout.decode("cp1252")


def test_output_files_stay_utf8_under_cp1252(tmp_path: Path) -> None:
    out = _run(
        f"govopen diff {PINGYAO}/2024.yaml {PINGYAO}/2025.yaml -f markdown -o {{tmp}}/d.md",
        "cp1252",
        tmp_path,
    )
    assert out.returncode == 0
    written = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert "›" in written or "平遥" in written
