"""The export's rows, written as XML text, are the bytes openpyxl's own cells give.

``govopen export`` writes each row of its sheets as text (excel/row_xml.py) instead of
through openpyxl's ``WriteOnlyCell`` objects (writer.STREAM_ROWS). Every part of the
workbook must be byte for byte what openpyxl writes itself: the bundled catalogs, and a
catalog whose texts are the hard cases (formula-like text, error codes, outer spaces,
``& < >``, carriage returns, characters beyond the BMP, control characters).
"""

from __future__ import annotations

import datetime as dt
import math
import random
import zipfile
from pathlib import Path

import pytest

from govopen_cli.checks.coverage import compute_coverage
from govopen_cli.checks.run import check_paths
from govopen_cli.excel import writer
from govopen_cli.excel.export_workbook import export_workbook
from govopen_cli.excel.writer import MAX_LINES, text_lines, widths_to_show

REPO = Path(__file__).resolve().parents[2]

HARD_TEXTS = """
      - "=SUM(A1:A3)"
      - "#N/A"
      - "  前后有空格  "
      - "A&B<C>D\\"'E"
      - "😀 表情 \\U0001F600"
      - "回车\\r换行\\r\\n制表\\t止"
      - "控制\\x01字符"
      - "+86 0354"
      - "@提及"
"""


def _hard_catalog(folder: Path) -> Path:
    text = (REPO / "examples" / "minimal" / "catalog.yaml").read_text(encoding="utf-8")
    text = text.replace("  duties: sanding.yaml\n", "")
    text = text.replace("      - 内设机构名称及职责\n", HARD_TEXTS.lstrip("\n"), 1)
    text = text.replace("    department: 办公室\n", '    department: "=1+1"\n    note: "#DIV/0!"\n')
    text = text.replace("    owner: 示例县自然资源局\n", '    owner: "  示例县自然资源局 "\n', 1)
    text = text.replace(
        "  - id: DZ-001\n    matter:", '  - id: DZ-001\n    note: "-1"\n    matter:'
    )
    path = folder / "catalog.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _export(catalog_path: Path, out: Path, stream: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "STREAM_ROWS", stream)
    result = check_paths([catalog_path])
    catalog = result.catalogs[0].catalog
    assert catalog is not None
    dutymap = next((f.dutymap for f in result.files if f.dutymap is not None), None)
    coverage = compute_coverage(catalog, dutymap) if dutymap is not None else None
    export_workbook(
        catalog,
        result.report.diagnostics,
        coverage,
        out,
        generated=dt.datetime(2026, 1, 1, 8, 0),
        force=True,
    )


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as book:
        # docProps/core.xml holds the moment of saving
        return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}


@pytest.mark.parametrize(
    "catalog",
    [
        "catalogs/pingyao-zrzyj/2025.yaml",  # 覆盖情况, chart, merged 一级事项
        "examples/minimal/catalog.yaml",
        "examples/mistakes/duplicate-id.yaml",  # 问题清单 with findings
        "hard",
    ],
)
def test_streamed_rows_are_the_bytes_openpyxl_writes(catalog, tmp_path, monkeypatch):
    assert writer.can_stream()  # the installed openpyxl is the one row_xml reproduces
    path = _hard_catalog(tmp_path) if catalog == "hard" else REPO / catalog
    _export(path, tmp_path / "cells.xlsx", False, monkeypatch)
    _export(path, tmp_path / "stream.xlsx", True, monkeypatch)
    cells, stream = _parts(tmp_path / "cells.xlsx"), _parts(tmp_path / "stream.xlsx")
    assert sorted(stream) == sorted(cells)
    differ = [name for name in cells if cells[name] != stream[name]]
    assert differ == []
    if catalog == "hard":
        sheet = stream["xl/worksheets/sheet1.xml"]
        for written in (b"&#128512;", b"&#13;", b'xml:space="preserve"', b't="e"', b"&amp;"):
            assert written in sheet


def _lines_by_character(text: str, width: float) -> int:
    usable = max(width - 1.0, 1.0)
    return sum(
        max(1, math.ceil(sum(1.8 if ord(ch) > 0x2E7F else 1.0 for ch in p) / usable))
        for p in text.split("\n")
    )


def test_text_lines_counts_as_character_by_character():
    rng = random.Random(13)
    alphabet = "ab1 ，。国土空间规划\n—①…\u2e7f\u2e80\U0001f600"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 150)))
        width = rng.choice([3.7, 5, 10, 10.5, 12, 14, 18, 28, 32, 64, 120])
        assert text_lines(text, width) == _lines_by_character(text, width), (text, width)
    # On a line break exactly: 5 wide characters and 22 narrow ones fill 31 units
    for n in range(0, 40):
        text = "国" * 5 + "a" * n
        assert text_lines(text, 32) == _lines_by_character(text, 32)


def test_widths_to_show_widens_as_character_by_character():
    rng = random.Random(7)
    rows = [
        ["\n".join("国土" * rng.randint(0, 30) for _ in range(rng.randint(1, 40))), "短"]
        for _ in range(200)
    ]
    widths = widths_to_show([10, 5], rows)
    expected = [10.0, 5.0]
    for texts in rows:
        for i, text in enumerate(texts):
            while expected[i] < 120 and _lines_by_character(text, expected[i]) > MAX_LINES:
                expected[i] = min(120.0, expected[i] + 2)
    assert widths == expected
    assert widths[0] > 10


def test_an_openpyxl_without_the_internals_gets_its_own_cells(tmp_path, monkeypatch):
    """A 3.1.x that moved a part row_xml builds on is written the slow, correct way."""
    from openpyxl.worksheet._writer import WorksheetWriter

    decide = writer.can_stream.__wrapped__  # the decision itself, not the cached answer
    monkeypatch.delattr(WorksheetWriter, "get_stream")
    assert not decide()
    monkeypatch.undo()
    assert decide()
    path = REPO / "catalogs/pingyao-zrzyj/2025.yaml"
    _export(path, tmp_path / "cells.xlsx", False, monkeypatch)
    monkeypatch.setattr(writer, "can_stream", lambda: False)
    _export(path, tmp_path / "fallback.xlsx", True, monkeypatch)
    assert _parts(tmp_path / "fallback.xlsx") == _parts(tmp_path / "cells.xlsx")
