"""Small generators of hostile and broken files: nothing large is committed.

Each returns a path under a folder the test gives; the big ones (a zip bomb) are
small on disk and large only once inflated.
"""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

#: A run may use this much memory (address space) at most: a bound, not a benchmark.
MEMORY_LIMIT = 1536 * 1024 * 1024
#: And must end within this many seconds.
TIME_LIMIT = 60


@dataclass
class Run:
    """What a govopen process did."""

    status: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_govopen(*args: str | Path, cwd: Path, timeout: float = TIME_LIMIT) -> Run:
    """``govopen ARGS`` in a process of its own, with bounded memory and time."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-m", "govopen_cli", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limits,
        env=env,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def base_workbook() -> bytes:
    """A small, sound workbook: one sheet 台账 with a header and one row."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["编号", "收到日期"])
    ws.append(["YSQ-1", "2025-01-02"])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def replace_members(data: bytes, members: dict[str, bytes]) -> bytes:
    """``data`` (a zip) with some members replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename not in members:
                dst.writestr(info, src.read(info.filename), zipfile.ZIP_DEFLATED)
        for name, body in members.items():
            dst.writestr(name, body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def sheet_xml(cells: str, dimension: str = "A1:B2", rows: str | None = None) -> bytes:
    """A worksheet whose first row holds 编号 and then ``cells`` (no shared strings)."""
    first = '<c r="A1" t="inlineStr"><is><t>编号</t></is></c>'
    body = rows if rows is not None else f'<row r="1">{first}{cells}</row>'
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">'
        f'<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>'
    ).encode()


def damaged_workbook(folder: Path, name: str, sheet: bytes) -> Path:
    """A workbook whose first sheet's XML is ``sheet``."""
    path = folder / name
    path.write_bytes(replace_members(base_workbook(), {"xl/worksheets/sheet1.xml": sheet}))
    return path


#: Damaged cell XML: (case name, sheet XML, words the message must hold).
DAMAGED_CELLS = [
    ("bool-maybe", sheet_xml('<c r="B1" t="b"><v>maybe</v></c>'), "B1"),
    ("date-not-a-date", sheet_xml('<c r="B1" t="d"><v>not-a-date</v></c>'), "B1"),
    ("number-1e999999", sheet_xml('<c r="B1"><v>1e999999</v></c>'), "B1"),
    ("number-nan", sheet_xml('<c r="B1"><v>nan</v></c>'), "B1"),
    ("reference-bangs", sheet_xml('<c r="!!"><v>1</v></c>'), "!!"),
    ("row-abc", sheet_xml("", rows='<row r="abc"><c><v>1</v></c></row>'), "abc"),
    ("shared-out-of-range", sheet_xml('<c r="B1" t="s"><v>99</v></c>'), "99"),
    ("shared-not-a-number", sheet_xml('<c r="B1" t="s"><v>x</v></c>'), "B1"),
    ("cut-after-dimension", sheet_xml("")[: sheet_xml("").index(b"<sheetData>")], "无法解析"),
    ("dimension-bangs", sheet_xml("", dimension="!!"), "dimension"),
]


def far_cell_workbook(folder: Path) -> Path:
    """4.9 KB: one cell at XFD1048576 besides the header."""
    cells = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return damaged_workbook(folder, "far.xlsx", sheet_xml("", "A1:XFD1048576", rows=cells))


def zip_bomb(folder: Path, inflated: int = 3 * 1024**3) -> Path:
    """A workbook of a few MB whose sheet XML inflates to ``inflated`` bytes.

    Written with the sheet's declared size only: the compressed stream holds zeros
    of the first megabytes, enough for a reader that trusts the directory.
    """
    path = folder / "bomb.xlsx"
    data = base_workbook()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info, src.read(info.filename), zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w") as sink:
            block = b" " * (1 << 20)
            for _ in range(4):
                sink.write(block)
    raw = bytearray(out.getvalue())
    # Declare the inflated size in the central directory, as a real bomb would.
    marker = raw.rfind(b"PK\x01\x02")
    while marker != -1:
        name_len = int.from_bytes(raw[marker + 28 : marker + 30], "little")
        if bytes(raw[marker + 46 : marker + 46 + name_len]) == b"xl/worksheets/sheet1.xml":
            raw[marker + 24 : marker + 28] = inflated.to_bytes(4, "little")
            break
        marker = raw.rfind(b"PK\x01\x02", 0, marker)
    path.write_bytes(bytes(raw))
    return path


def many_items(folder: Path, n: int = 40_000) -> Path:
    """A catalog file of ``n`` items that are each the word x."""
    path = folder / "items.yaml"
    lines = ["format: 1", "catalog:", "  id: c", "  title: t", "items:"]
    lines += ["  - x"] * n
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def many_unknown_keys(folder: Path, n: int = 40_000) -> Path:
    """A catalog whose one item has ``n`` unknown keys."""
    path = folder / "keys.yaml"
    lines = ["format: 1", "catalog:", "  id: c", "  title: t", "items:", "  - id: A-1"]
    lines += [f"    k{i}: v" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dde_workbook(folder: Path) -> Path:
    """A workbook with an external DDE link (``cmd|'/c calc'``), as an attacker sends one."""
    data = base_workbook()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        book = src.read("xl/workbook.xml").decode()
        rels = src.read("xl/_rels/workbook.xml.rels").decode()
        types = src.read("[Content_Types].xml").decode()
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    book = book.replace(
        "</workbook>",
        f'<externalReferences><externalReference xmlns:r="{rel_ns}" r:id="rId99"/>'
        "</externalReferences></workbook>",
    )
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rId99" Type="{rel_ns}/externalLink" '
        'Target="externalLinks/externalLink1.xml"/></Relationships>',
    )
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
    )
    link = (
        f'<externalLink xmlns="{NS}"><ddeLink ddeService="cmd" ddeTopic="/c calc">'
        '<ddeItems><ddeItem name="A0" advise="1"/></ddeItems></ddeLink></externalLink>'
    )
    path = folder / "dde.xlsx"
    path.write_bytes(
        replace_members(
            data,
            {
                "xl/workbook.xml": book.encode(),
                "xl/_rels/workbook.xml.rels": rels.encode(),
                "[Content_Types].xml": types.encode(),
                "xl/externalLinks/externalLink1.xml": link.encode(),
            },
        )
    )
    return path
