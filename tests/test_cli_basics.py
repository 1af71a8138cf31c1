"""The command answers --version and --help, and exits 2 when it cannot run."""

from __future__ import annotations

import subprocess
import sys

from govopen_cli import __version__


def test_version(run_line):
    result = run_line("govopen --version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"govopen {__version__}"


def test_python_m_runs_the_same_command():
    out = subprocess.run(
        [sys.executable, "-m", "govopen_cli", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert __version__ in out.stdout


def test_missing_path_exits_2(run_line, tmp_path):
    result = run_line(f"govopen check {tmp_path / 'nope.yaml'}")
    assert result.exit_code == 2
    assert "路径不存在" in result.stderr


def test_unknown_format_is_a_usage_error(run_line, tmp_path):
    result = run_line(f"govopen check {tmp_path} --format nope")
    assert result.exit_code == 2
