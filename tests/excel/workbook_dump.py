"""Dump a workbook completely, to prove that a change to the writer left the export unchanged.

    python tests/excel/workbook_dump.py dump BOOK.xlsx > book.json
    python tests/excel/workbook_dump.py export-all OUT_DIR [--govopen PATH/TO/govopen]
    python tests/excel/workbook_dump.py compare OLD_DIR NEW_DIR

``dump`` lists, as openpyxl reads them back: sheet order and titles; every cell's value
(formulas as written and their cached values), type, number format, font, fill, border,
alignment, protection, named style and quote prefix; merged ranges; data validations
(ranges, lists, messages); conditional formats; defined names; print titles and area,
page setup, margins, header and footer; freeze panes; auto filter; column widths and
row heights; charts (type, titles, series references, anchor); document properties
but their times, and the calculation properties. ``export-all`` exports every bundled
catalog (catalogs/*, examples/*) with the given ``govopen`` and writes one dump per
export; ``compare`` reports every dump that differs. The 生成时间 cell of 说明 (the
moment of the export) is masked.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

REPO = Path(__file__).resolve().parents[2]
MASKED_LABEL = "生成时间"


def _obj(value: Any) -> Any:
    """An openpyxl serialisable object as plain data (its XML attributes and children)."""
    if value is None:
        return None
    if hasattr(value, "__elements__") or hasattr(value, "__attrs__"):
        out = {}
        for name in (*getattr(value, "__attrs__", ()), *getattr(value, "__elements__", ())):
            out[name] = _obj(getattr(value, name, None))
        return out
    if isinstance(value, (list, tuple)):
        return [_obj(v) for v in value]
    if isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "__dict__"):  # a plain object (a header or footer part): its fields
        return {k: _obj(v) for k, v in sorted(vars(value).items()) if not k.startswith("_")}
    return repr(value)


def _cells(ws: Any, values: Any) -> list[Any]:
    out = []
    mask_next = False
    for row in ws.iter_rows():
        for cell in row:
            cached = values[cell.coordinate].value
            if mask_next and cell.column == 2:
                cached = value = "<masked>"
            else:
                value = cell.value
            mask_next = False
            if cell.column == 1 and cell.value == MASKED_LABEL:
                mask_next = True
            if value is None and not cell.has_style:
                continue
            out.append(
                [
                    cell.coordinate,
                    value
                    if isinstance(value, (str, int, float, bool, type(None)))
                    else repr(value),
                    cached
                    if isinstance(cached, (str, int, float, bool, type(None)))
                    else repr(cached),
                    cell.data_type,
                    cell.number_format,
                    cell.style,
                    cell.quotePrefix,
                    _obj(cell.font),
                    _obj(cell.fill),
                    _obj(cell.border),
                    _obj(cell.alignment),
                    _obj(cell.protection),
                ]
            )
    return out


def _chart(chart: Any) -> dict[str, Any]:
    anchor = chart.anchor
    marker = getattr(anchor, "_from", None)
    return {
        "type": type(chart).__name__,
        "tree": _obj(chart),
        "anchor": [marker.col, marker.row] if marker is not None else repr(anchor),
        "size": [chart.width, chart.height],
    }


def dump(path: Path) -> dict[str, Any]:
    """Everything a reader sees of the workbook at ``path``."""
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    book: dict[str, Any] = {
        "sheets": wb.sheetnames,
        "properties": {
            k: v
            for k, v in _obj(wb.properties).items()
            if k not in ("created", "modified", "lastPrinted")
        },
        "calculation": _obj(wb.calculation),
        "defined_names": {k: v.attr_text for k, v in wb.defined_names.items()},
        "named_styles": [_obj(s) for s in wb._named_styles],
    }
    for ws in wb.worksheets:
        vs = values[ws.title]
        book[ws.title] = {
            "state": ws.sheet_state,
            "dimensions": ws.dimensions,
            "cells": _cells(ws, vs),
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "validations": [_obj(dv) for dv in ws.data_validations.dataValidation],
            "conditional": [
                [str(cf.sqref), [_obj(rule) for rule in cf.rules]]
                for cf in ws.conditional_formatting
            ],
            "sheet_names": {k: v.attr_text for k, v in ws.defined_names.items()},
            "print_titles": [ws.print_title_rows, ws.print_title_cols],
            "print_area": ws.print_area,
            "page_setup": _obj(ws.page_setup),
            "page_setup_pr": _obj(ws.sheet_properties),
            "print_options": _obj(ws.print_options),
            "margins": _obj(ws.page_margins),
            "header_footer": _obj(ws.HeaderFooter),
            "freeze_panes": ws.freeze_panes,
            "views": _obj(ws.views),
            "auto_filter": _obj(ws.auto_filter),
            "sheet_format": _obj(ws.sheet_format),
            "columns": {k: _obj(v) for k, v in sorted(ws.column_dimensions.items())},
            "rows": {str(k): _obj(v) for k, v in sorted(ws.row_dimensions.items())},
            "charts": [_chart(c) for c in ws._charts],
        }
    with zipfile.ZipFile(path) as z:
        book["parts"] = sorted(z.namelist())
    return book


def bundled_catalogs() -> list[Path]:
    """Every catalog file of catalogs/ and examples/ (those that do not load export nothing)."""
    return sorted(
        p
        for folder in (REPO / "catalogs", REPO / "examples")
        for p in folder.rglob("*.yaml")
        if p.name != "sanding.yaml"
    )


def export_all(out: Path, govopen: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for catalog in bundled_catalogs():
        name = str(catalog.relative_to(REPO)).replace("/", "__")
        book = out / f"{name}.xlsx"
        run = subprocess.run(
            [govopen, "export", str(catalog), "-o", str(book), "--force", "--today", "2026-01-01"],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        said = f"{run.returncode}\n{run.stdout}{run.stderr}".replace(str(out), "OUT")
        (out / f"{name}.stdout").write_text(said)
        if book.exists():
            (out / f"{name}.json").write_text(
                json.dumps(dump(book), ensure_ascii=False, indent=1, sort_keys=True)
            )


def compare(old: Path, new: Path) -> int:
    names = sorted(p.name for folder in (old, new) for p in folder.iterdir() if p.suffix != ".xlsx")
    names = sorted(set(names))
    differ = 0
    for name in names:
        a, b = old / name, new / name
        if not a.exists() or not b.exists() or a.read_text() != b.read_text():
            differ += 1
            print(f"DIFFERS: {name}")
    dumps = len([n for n in names if n.endswith(".json")])
    print(f"{len(names)} files compared ({dumps} workbook dumps), {differ} differ")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("book", type=Path)
    e = sub.add_parser("export-all")
    e.add_argument("out", type=Path)
    e.add_argument("--govopen", default=str(Path(sys.executable).parent / "govopen"))
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        print(json.dumps(dump(args.book), ensure_ascii=False, indent=1, sort_keys=True))
    elif args.command == "export-all":
        export_all(args.out, args.govopen)
    else:
        sys.exit(compare(args.old, args.new))


if __name__ == "__main__":
    main()
