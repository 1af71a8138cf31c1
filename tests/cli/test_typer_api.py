"""The CLI uses Typer's public API only, so that a Typer upgrade cannot break it quietly."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "govopen_cli"


def _imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _private_or_click(name: str) -> bool:
    """``typer._click…`` (Typer's own, may change any release) or ``click`` (not a dependency)."""
    first, *rest = name.split(".")
    return first == "click" or (first == "typer" and any(p.startswith("_") for p in rest))


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_private_typer_module_and_no_click(path):
    wrong = sorted(name for name in _imported(path) if _private_or_click(name))
    assert not wrong, f"{path.relative_to(SRC)} imports {wrong}"


def test_the_check_sees_a_private_import():
    assert _private_or_click("typer._click.exceptions")
    assert _private_or_click("click")
    assert not _private_or_click("typer.core.TyperGroup")


@pytest.mark.parametrize("group", ["workdays", "requests"])
def test_a_group_without_a_command_shows_its_chinese_help(group):
    out = subprocess.run(
        [sys.executable, "-m", "govopen_cli", group],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "COLUMNS": "100", "PATH": ""},
    )
    assert out.returncode == 2
    assert "─ 选项 ─" in out.stdout and "─ 命令 ─" in out.stdout
    assert "Options" not in out.stdout and "Commands" not in out.stdout
    assert out.stderr == ""
