"""The values python-calamine reads (excel/fast_book.py) are the values openpyxl reads.

``govopen import`` reads an .xlsx sheet's values with calamine and corrects them with
what the workbook door's pass over the XML saw (dates by openpyxl's rules, error
values, ``3.0``, long integers, empty text, merged ranges, unsaved formulas). Here every
kind of cell is written with openpyxl, and the sheet read both ways must be the same
grid, value for value and type for type; a sheet calamine cannot match falls back to
openpyxl, which is then the same by construction.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govopen_cli.excel.fast_book import CalamineValues
from govopen_cli.excel.sheet import SheetGrid
from govopen_cli.excel.workbook_file import check_file, load_checked

CELLS = st.one_of(
    st.none(),
    st.sampled_from(["公开内容", "", " 两端空格 ", "第一行\n第二行", "#REF!", "#N/A", "TRUE"]),
    st.text(alphabet="事项_x0D AB\t", max_size=8),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.sampled_from([3.0, -0.0, 1.5, 1e20, 2.5e-7, 12345678901234567.0]),
    st.booleans(),
    st.sampled_from(
        [dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 3, 4), dt.time(8, 30), dt.date(1900, 1, 1)]
    ),
    st.sampled_from(["=A1", "=1/0", '="文字"', "=SUM(A1:B2)"]),
)


def both(path: Path) -> list[tuple[SheetGrid, SheetGrid | None]]:
    """Each sheet read by openpyxl (as before) and by calamine (None: openpyxl reads it)."""
    raw, extents = check_file(path)
    wb = load_checked(raw, extents)
    values = CalamineValues(raw, extents)
    try:
        return [
            (SheetGrid(ws), values.grid(extents.get(ws._worksheet_path))) for ws in wb.worksheets
        ]
    finally:
        wb.close()
        values.close()


def same(slow: SheetGrid, fast: SheetGrid) -> None:
    assert [[(type(v), v) for v in row] for row in fast.rows] == [
        [(type(v), v) for v in row] for row in slow.rows
    ]
    assert fast.width == slow.width
    assert fast._merged == slow._merged
    assert fast._origin == slow._origin
    assert fast.uncached == slow.uncached


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.lists(st.lists(CELLS, max_size=6), min_size=1, max_size=6),
    merges=st.lists(st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(0, 2)), max_size=3),
)
def test_calamine_reads_what_openpyxl_reads(
    tmp_path: Path, cells: list[list[Any]], merges: list[tuple[int, int, int]]
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, row in enumerate(cells, 1):
        for c, value in enumerate(row, 1):
            ws.cell(r, c, value)
    taken: set[tuple[int, int]] = set()
    for r, c, span in merges:
        cover = {(rr, cc) for rr in range(r, r + span + 1) for cc in range(c, c + span + 1)}
        if span and not cover & taken:
            taken |= cover
            ws.merge_cells(start_row=r, start_column=c, end_row=r + span, end_column=c + span)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    [(slow, fast)] = both(path)
    if fast is None:  # only an empty sheet is left to openpyxl here
        assert all(v is None for row in slow.rows for v in row)
    else:
        same(slow, fast)


def _with_shared_strings(path: Path, strings: list[str], xml_cells: str) -> None:
    """A one-sheet workbook whose text is in a shared-string table, as Excel and WPS save it."""
    wb = openpyxl.Workbook()
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    start, end = sheet.index("<sheetData"), sheet.index("</sheetData>") + len("</sheetData>")
    if "<sheetData/>" in sheet:
        start, end = sheet.index("<sheetData/>"), sheet.index("<sheetData/>") + 12
    parts["xl/worksheets/sheet1.xml"] = (
        sheet[:start] + f"<sheetData>{xml_cells}</sheetData>" + sheet[end:]
    ).encode()
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    si = "".join(f"<si>{s}</si>" for s in strings)
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{ns}">{si}</sst>'.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_shared_strings_escapes_errors_and_numbers(tmp_path: Path) -> None:
    """Text in a shared-string table (plain, rich, empty, escaped, phonetic), error values,
    numbers written 3.0 or longer than a float, a date cell, an unsaved formula."""
    strings = [
        "<t>公开内容</t>",
        "<r><t>富</t></r><r><t>文本</t></r>",
        "<t></t>",
        "<t>a_x000D_b</t>",
        "<t>事项</t><rPh sb='0' eb='1'><t>ふりがな</t></rPh>",
    ]
    plain = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c><c r="D1" t="e"><v>#REF!</v></c>'
        '<c r="E1"><v>3.0</v></c><c r="F1"><v>123456789012345678</v></c>'
        '<c r="G1" t="d"><v>2024-01-02T00:00:00</v></c><c r="H1"><f>A1</f><v></v></c>'
        '<c r="I1" t="b"><v>1</v></c><c r="J1" t="str"><f>A1</f><v>x</v></c></row>'
        '<row r="3"><c r="B3" t="inlineStr"><is><t></t></is></c><c r="C3"><v>-0</v></c></row>'
    )
    path = tmp_path / "plain.xlsx"
    _with_shared_strings(path, strings[:3], plain)
    [(slow, fast)] = both(path)
    assert fast is not None  # read by calamine
    same(slow, fast)
    assert fast.rows[0][:6] == ("公开内容", "富文本", "", "#REF!", 3.0, 123456789012345678)
    for odd in (3, 4):  # an escape or a phonetic run: openpyxl reads the sheet
        path = tmp_path / f"odd{odd}.xlsx"
        _with_shared_strings(path, strings, f'<row r="1"><c r="A1" t="s"><v>{odd}</v></c></row>')
        [(slow, fast)] = both(path)
        assert fast is None
        assert slow.rows[0][0] in ("a_x000D_b", "事项")


def test_a_table_away_from_a1_and_repeated_texts(tmp_path: Path) -> None:
    """calamine's rows start at the first used column: a table placed at C3 (the way
    some agencies leave margins) is read at the same cells as openpyxl reads it, and one
    at A3 (blank rows above it) too. A text repeated down a column is held once."""
    for first_col in (3, 1):
        wb = openpyxl.Workbook()
        ws = wb.active
        for r in range(3, 9):
            ws.cell(r, first_col, "■政府网站\n□公开查阅点")
            ws.cell(r, first_col + 1, r)
            ws.cell(r, first_col + 3, f"事项{r}")
        path = tmp_path / f"col{first_col}.xlsx"
        wb.save(path)
        [(slow, fast)] = both(path)
        assert fast is not None  # read by calamine
        same(slow, fast)
        assert fast.rows[2][first_col - 1] == "■政府网站\n□公开查阅点"
        assert fast.rows[7][first_col] == 8
        assert fast.rows[2][first_col - 1] is fast.rows[7][first_col - 1]
