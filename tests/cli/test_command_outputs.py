"""Every command's whole output on the bundled catalogs and examples, byte for byte.

This is what proves a refactoring changed no user-visible output. After an intended
change: ``python tests/command_lines.py --update`` and review the diff of
tests/golden/commands/.
"""

from __future__ import annotations

import pytest

from command_lines import GOLDEN, LINES, golden_name, run_all


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    return run_all()


@pytest.mark.parametrize("line", LINES)
def test_command_output_is_unchanged(line: str, outputs: dict[str, str]) -> None:
    name = golden_name(line)
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert outputs[name] == expected, f"{line}: output differs from tests/golden/commands/{name}"


def test_export_import_inspect_is_unchanged(outputs: dict[str, str]) -> None:
    expected = (GOLDEN / "export_import_inspect.txt").read_text(encoding="utf-8")
    assert outputs["export_import_inspect.txt"] == expected
