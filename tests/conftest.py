"""Shared fixtures: a CLI runner that reads like the shell line a user types."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govopen_cli.cli import app

REPO = Path(__file__).resolve().parent.parent
CATALOGS = REPO / "catalogs"
EXAMPLES = REPO / "examples"


@dataclass
class Result:
    """What a command printed and how it exited."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        """Non-empty output lines."""
        return [line for line in self.stdout.splitlines() if line.strip()]


@pytest.fixture(autouse=True)
def _fresh_inputs() -> None:
    """Each test is a new run: the inputs an earlier test read are not this one's."""
    from govopen_cli.input_file import forget_inputs

    forget_inputs()


@pytest.fixture
def run_line(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """``run_line("govopen check x.yaml")`` -> Result (no colour, like a pipe)."""
    monkeypatch.setenv("NO_COLOR", "1")

    def run(line: str, cwd: Path | None = None) -> Result:
        argv = shlex.split(line)
        assert argv[0] == "govopen"
        if cwd is not None:
            monkeypatch.chdir(cwd)
        runner = CliRunner()
        from govopen_cli.errors import GovopenError
        from govopen_cli.input_file import forget_inputs

        forget_inputs()  # each line is its own process in real use

        try:
            result = runner.invoke(app, argv[1:], catch_exceptions=False)
        except GovopenError as exc:  # what main() turns into exit status 2
            return Result(2, "", f"govopen：错误：{exc}")
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a text file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write
