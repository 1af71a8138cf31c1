"""An ``-o`` run says what it wrote and how the result stands; progress only on a terminal."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
LEDGER = REPO / "examples" / "ledger" / "台账-2025.csv"


def test_check_with_output_says_what_it_wrote(run_line, tmp_path):
    out = tmp_path / "r.json"
    result = run_line(f"govopen check {REPO / 'catalogs'} -f json -o {out}")
    data = json.loads(out.read_text("utf-8"))["summary"]
    assert result.stdout == ""
    assert result.stderr == (
        f"已写入 {out}：错误 {data['error']} 个，警告 {data['warning']} 个，"
        f"提示 {data['info']} 个。\n"
    )


@pytest.mark.parametrize(
    ("line", "standing"),
    [
        (
            "govopen diff tests/data/diff/2024.yaml tests/data/diff/2025.yaml",
            "删除 1 项，改编号 1 项，修改 1 项，目录信息 2 处；警告 3 个，提示 4 个。",
        ),
        (
            "govopen coverage examples/mistakes/sanding-uncovered/catalog.yaml --min-coverage 100",
            "三定职责覆盖率 66.7%，低于要求的 100%；问题 2 个。",
        ),
        (
            f"govopen requests check {LEDGER} --today 2025-12-31",
            "错误 3 个，警告 2 个，提示 2 个。",
        ),
        (f"govopen requests report {LEDGER} --year 2025", "错误 2 个，警告 0 个，提示 0 个。"),
    ],
)
def test_every_output_run_says_what_it_wrote(run_line, tmp_path, line, standing):
    out = tmp_path / "out.txt"
    result = run_line(f"{line} -o {out}", cwd=REPO)
    assert out.is_file()
    assert result.stderr.splitlines()[-1] == f"已写入 {out}：{standing}"


def test_without_output_nothing_is_said_on_stderr(run_line):
    result = run_line(f"govopen check {REPO / 'catalogs'}")
    assert result.stderr == ""  # and no progress bar: stderr is not a terminal here


def test_check_shows_progress_on_a_terminal(run_line, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    result = run_line(f"govopen check {REPO / 'catalogs'}")
    assert "检查文件" in result.stderr
    assert result.stdout.splitlines()[-1].startswith("检查了 ")
