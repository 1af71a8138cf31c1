"""Every help screen is whole at 80 columns and in Chinese (issue 12, "Words a civil servant reads")."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
import typer.main

from govopen_cli.cli.app import app

ENGLISH = ("…", "Usage", "<int", "<str>", "<Path>", "OPTIONS", "ARGS", "{", "x>=", "[CODE]")


def _command_lines() -> Iterator[str]:
    def walk(command, path: list[str]) -> Iterator[str]:
        yield " ".join(["govopen", *path, "--help"])
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            if not sub.hidden:
                yield from walk(sub, [*path, name])

    return walk(typer.main.get_command(app), [])


def display_width(line: str) -> int:
    """Columns on a terminal: an East Asian wide character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


LINES = list(_command_lines())


def test_every_command_and_subcommand_is_visited():
    assert "govopen workdays count --help" in LINES
    assert "govopen requests report --help" in LINES
    assert len(LINES) >= 15


@pytest.mark.parametrize("line", LINES)
def test_help_is_whole_at_80_columns_and_chinese(run_line, monkeypatch, line):
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("TERMINAL_WIDTH", raising=False)
    result = run_line(line)
    assert result.exit_code == 0
    assert "用法：govopen" in result.stdout
    for text in result.stdout.splitlines():
        assert display_width(text) <= 80, text
        for word in ENGLISH:
            assert word not in text, (word, text)


def test_arguments_have_chinese_names_and_ranges(run_line, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    add = run_line("govopen workdays add --help").stdout
    assert "用法：govopen workdays add [选项] 日期 天数" in add
    assert "整数（≥0）" in add
    count = run_line("govopen workdays count --help").stdout
    assert "用法：govopen workdays count [选项] 起算日期 截止日期" in count
    assert "[编号]" in run_line("govopen rules --help").stdout
    assert "整数（2000～2100）" in run_line("govopen requests report --help").stdout


def test_the_format_choices_are_shown_whole(run_line, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    text = run_line("govopen check --help").stdout
    flat = "".join(line.strip("│ ") for line in text.splitlines())
    assert "github（GitHub" in flat and "markdown（PR" in flat
