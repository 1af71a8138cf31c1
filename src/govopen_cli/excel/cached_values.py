"""Cached values for formula cells: what a reader that does not calculate shows.

openpyxl writes a formula with an empty value (``<f>…</f><v></v>``). Excel, WPS and
LibreOffice calculate it on opening (the workbook asks for a full calculation), but
previews, phone viewers, pandas and ``openpyxl`` with ``data_only=True`` show the cached
value, which is then empty. govopen knows each value when it writes the sheet, so it
puts that value into the saved file: the formula stays, live, and the value is there
for readers that only read.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from xml.sax.saxutils import escape

CachedValue = int | float | str

_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>')


def _with_values(xml: str, values: Mapping[str, CachedValue]) -> str:
    def fill(match: re.Match[str]) -> str:
        ref, attrs, formula = match.groups()
        if ref not in values:
            return match.group(0)
        value = values[ref]
        if isinstance(value, str):
            return f'<c r="{ref}"{attrs} t="str"><f>{formula}</f><v>{escape(value)}</v></c>'
        return f'<c r="{ref}"{attrs}><f>{formula}</f><v>{value!r}</v></c>'

    return _FORMULA_CELL.sub(fill, xml)


def store_cached_values(xlsx: Path, sheet_number: int, values: Mapping[str, CachedValue]) -> None:
    """Write ``values`` (by cell reference) as the cached results of the formulas of
    worksheet ``sheet_number`` (1-based, in workbook order) of the saved ``xlsx``."""
    if not values:
        return
    member = f"xl/worksheets/sheet{sheet_number}.xml"
    with zipfile.ZipFile(xlsx) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == member:
                data = _with_values(data.decode("utf-8"), values).encode("utf-8")
            target.writestr(info, data)
