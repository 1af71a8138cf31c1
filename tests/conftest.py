"""Shared fixtures: a CLI runner that reads like the shell line a user types."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from govopen_cli.cli.app import main

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


@pytest.fixture
def run_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Result]:
    """``run_line("govopen check x.yaml")`` -> Result, through the real entry point.

    The line runs through :func:`govopen_cli.cli.app.main`, as the ``govopen`` script
    runs it: what it prints (usage errors in Chinese, ``govopen：错误：…`` for a file it
    cannot read) and its exit status are what a user sees. No colour, like a pipe.
    """
    monkeypatch.setenv("NO_COLOR", "1")

    def run(line: str, cwd: Path | None = None) -> Result:
        argv = shlex.split(line)
        assert argv[0] == "govopen"
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()  # what the test printed before is not this command's
        with pytest.raises(SystemExit) as exited:
            main(argv[1:], prog_name="govopen")
        out, err = capsys.readouterr()
        status = exited.value.code
        return Result(status if isinstance(status, int) else 0, out, err)

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
