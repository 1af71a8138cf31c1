"""Fuzzing that keeps running: the catalog loader, the ledger reader, the workbook reader.

Any exception that is not a diagnostic (or, for a workbook, the workbook door's
:class:`UnreadableWorkbookError`) fails. The normal run is short and fixed-seed
(``derandomize``); ``GOVOPEN_FUZZ=1 pytest tests/hostile/test_fuzz.py`` runs long
and random (``GOVOPEN_FUZZ=20000`` for that many examples per target). A crasher
found is kept below as an ``@example``, so it is tried on every run from then on.
"""

from __future__ import annotations

import contextlib
import io
import os
import zipfile
from pathlib import Path

from hostile_files import base_workbook, replace_members, sheet_xml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govopen_cli.catalog.files import load_bytes
from govopen_cli.excel.sheet import SheetGrid
from govopen_cli.excel.workbook_bounds import UnreadableWorkbookError
from govopen_cli.excel.workbook_file import open_checked
from govopen_cli.requests.ledger import read_ledger

REPO = Path(__file__).resolve().parents[2]
CATALOG = (REPO / "examples" / "minimal" / "catalog.yaml").read_bytes()
LEDGER = (REPO / "examples" / "ledger" / "台账-2025.csv").read_bytes()

_LONG = os.environ.get("GOVOPEN_FUZZ", "")
FUZZ = settings(
    max_examples=(int(_LONG) if _LONG.isdigit() and int(_LONG) > 1 else 2000) if _LONG else 25,
    derandomize=not _LONG,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: Pieces that break YAML, numbers and dates in interesting ways.
NASTY = [
    "!!int ",
    "!!float ",
    "!!binary ",
    "!!python/object ",
    "&a ",
    "*a",
    "<<: ",
    "[",
    "{",
    '"',
    "'",
    "\t",
    "\x00",
    "\x1b[31m",
    "\ud800",
    "\n- ",
    ": ",
    "9" * 5000,
    "1e999999",
    ".nan",
    "2025-13-45",
    "--- ",
    "%YAML 1.1\n",
]


def _mutated(base: bytes):
    """``base`` with a few insertions, deletions and replacements."""

    @st.composite
    def build(draw):
        data = bytearray(base)
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(data)))
            action = draw(st.sampled_from(["insert", "delete", "nasty"]))
            if action == "insert":
                data[at:at] = draw(st.binary(min_size=1, max_size=8))
            elif action == "delete":
                data[at : at + draw(st.integers(1, 40))] = b""
            else:
                piece = draw(st.sampled_from(NASTY))
                data[at:at] = piece.encode("utf-8", "surrogatepass")
        return bytes(data)

    return build()


@FUZZ
@given(_mutated(CATALOG))
@example(CATALOG.replace(b"year: 2025", b"year: !!int abc"))
@example(CATALOG.replace(b"year: 2025", b"year: !!float ''"))
@example(CATALOG.replace(b"year: 2025", b"year: " + b"9" * 5000))
@example(CATALOG.replace(b"duties: sanding.yaml", b'duties: "a\\0b"'))
def test_the_catalog_loader_only_reports(raw: bytes) -> None:
    loaded = load_bytes(raw, Path("fuzz.yaml"), "fuzz.yaml")
    for diag in loaded.diagnostics:
        assert diag.message


@FUZZ
@given(_mutated(LEDGER))
@example(LEDGER.replace(b"\n", b"\r", 3))
@example(b"\xff\xfe" + LEDGER)
def test_the_ledger_reader_only_reports(tmp_path_factory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("ledger") / "台账.csv"
    path.write_bytes(raw)
    result = read_ledger(path, "台账.csv")
    assert result.ledger is not None or result.diagnostics


_KINDS = st.sampled_from(["n", "s", "b", "d", "e", "str", "inlineStr", "x"])
_VALUES = st.one_of(
    st.sampled_from(["0", "1", "-1", "99", "maybe", "nan", "inf", "1e999999", "2025-01-01", ""]),
    st.text(max_size=12),
)
_REFS = st.one_of(
    st.sampled_from(["B1", "XFD1", "A1048576", "!!", "A0", "ZZZZ1", "", "b2"]),
    st.text(max_size=6),
)


def _xml_attr(text: str) -> str:
    return (
        "".join(ch for ch in text if ch in "\t\n\r" or (ch >= " " and ch not in "\ufffe\uffff"))
        .replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("<", "&lt;")
    )


def _read_all(wb: object) -> None:
    try:
        for ws in wb.worksheets:  # type: ignore[attr-defined]
            SheetGrid(ws)
    finally:
        wb.close()  # type: ignore[attr-defined]


@FUZZ
@given(st.lists(st.tuples(_REFS, _KINDS, _VALUES), min_size=1, max_size=4))
@example([("B1", "b", "maybe")])
@example([("B1", "s", "99")])
@example([("!!", "n", "1")])
def test_the_workbook_reader_refuses_damaged_cells_cleanly(tmp_path_factory, cells) -> None:
    xml = "".join(
        f'<c r="{_xml_attr(ref)}" t="{kind}"><v>{_xml_attr(value)}</v></c>'
        if ref
        else f'<c t="{kind}"><v>{_xml_attr(value)}</v></c>'
        for ref, kind, value in cells
    )
    path = tmp_path_factory.mktemp("wb") / "w.xlsx"
    path.write_bytes(replace_members(base_workbook(), {"xl/worksheets/sheet1.xml": sheet_xml(xml)}))
    try:
        wb = open_checked(path)
    except UnreadableWorkbookError:
        return
    with contextlib.suppress(UnreadableWorkbookError):
        _read_all(wb)


_BASE = base_workbook()
with zipfile.ZipFile(io.BytesIO(_BASE)) as _archive:
    _SHEET = _archive.read("xl/worksheets/sheet1.xml")


@FUZZ
@given(
    _mutated(_SHEET),
    st.sampled_from(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/styles.xml"]),
)
@example(_SHEET[: _SHEET.index(b"<sheetData")], "xl/worksheets/sheet1.xml")
def test_the_workbook_reader_survives_raw_xml(tmp_path_factory, xml: bytes, member: str) -> None:
    if member != "xl/worksheets/sheet1.xml":
        with zipfile.ZipFile(io.BytesIO(_BASE)) as archive:
            original = archive.read(member)
        cut = len(xml) % (len(original) + 1)
        xml = original[:cut] + xml[:20] + original[cut:]
    path = tmp_path_factory.mktemp("wb") / "w.xlsx"
    path.write_bytes(replace_members(_BASE, {member: xml}))
    try:
        wb = open_checked(path)
    except UnreadableWorkbookError:
        return
    with contextlib.suppress(UnreadableWorkbookError):
        _read_all(wb)
