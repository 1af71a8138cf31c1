"""Damaged and hostile workbooks: a located Chinese message and exit 2, never a traceback.

Every command that reads an .xlsx (import, inspect, requests check, requests report)
meets every case; the large ones run in a process of their own with bounded memory
and time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_files import (
    DAMAGED_CELLS,
    damaged_workbook,
    dde_workbook,
    far_cell_workbook,
    run_govopen,
    zip_bomb,
)

REPO = Path(__file__).resolve().parents[2]
CATALOG = REPO / "examples" / "minimal" / "catalog.yaml"

COMMANDS = {
    "import": "govopen import {wb} -o {out}",
    "inspect": "govopen inspect {wb} --catalog {catalog}",
    "requests check": "govopen requests check {wb}",
    "requests report": "govopen requests report {wb} --year 2025",
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("case", "sheet", "words"), DAMAGED_CELLS, ids=[c[0] for c in DAMAGED_CELLS]
)
def test_damaged_cell_xml_is_a_located_message(
    run_line, tmp_path: Path, command: str, case: str, sheet: bytes, words: str
) -> None:
    wb = damaged_workbook(tmp_path, f"{case}.xlsx", sheet)
    line = COMMANDS[command].format(wb=wb, out=tmp_path / "out.yaml", catalog=CATALOG)
    result = run_line(line, cwd=tmp_path)  # a traceback would fail the test here
    text = result.stdout + result.stderr
    assert result.exit_code == 2, text
    assert "工作表“台账”" in text and words in text, text
    assert "另存为 .xlsx" in text
    assert not (tmp_path / "out.yaml").exists()


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path)  # a few KB on disk, 3 GiB declared once inflated
    assert bomb.stat().st_size < 100_000
    for args in (
        ("import", bomb, "-o", tmp_path / "x.yaml"),
        ("requests", "check", bomb),
        ("inspect", bomb, "--catalog", CATALOG),
    ):
        run = run_govopen(*args, cwd=tmp_path, timeout=30)
        assert run.status == 2, run.output
        assert "超过 govopen 读取的上限 1,024 MB" in run.output
        assert "压缩炸弹" in run.output
        assert "Traceback" not in run.output


def test_a_cell_at_xfd1048576_does_not_make_a_grid_of_it(tmp_path: Path) -> None:
    far = far_cell_workbook(tmp_path)
    for args in (("requests", "check", far), ("import", far, "-o", tmp_path / "x.yaml")):
        run = run_govopen(*args, cwd=tmp_path, timeout=30)
        assert run.status == 2, run.output
        assert "单元格 XFD1048576" in run.output
        assert "1,048,576 行 × 16,384 列" in run.output
        assert "Traceback" not in run.output


def test_an_old_xls_is_named_for_what_it_is(run_line, tmp_path: Path) -> None:
    old = tmp_path / "旧表.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = run_line(f"govopen requests check {old}", cwd=tmp_path)
    assert result.exit_code == 2
    assert "旧版 .xls" in result.stdout


def test_a_sound_workbook_still_reads(run_line, tmp_path: Path) -> None:
    ledger = REPO / "examples" / "ledger" / "台账-2025.xlsx"
    result = run_line(f"govopen requests check {ledger} --today 2026-03-01", cwd=REPO)
    assert result.exit_code in (0, 1), result.stdout
    assert "GR001" not in result.stdout


def test_a_dde_link_is_ignored_not_an_opaque_failure(run_line, tmp_path: Path) -> None:
    dde = dde_workbook(tmp_path)  # openpyxl with links: KeyError …externalLink1.xml.rels
    result = run_line(f"govopen requests check {dde}", cwd=tmp_path)
    assert "GR001" not in result.stdout and "KeyError" not in result.stdout
    assert "台账缺少“处理结果”列" in result.stdout  # the sheet itself was read
