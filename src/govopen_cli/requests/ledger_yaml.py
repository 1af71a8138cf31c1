"""A YAML ledger -> rows: ``requests:``, one mapping a request, keys as the table's headers.

Read with the catalog's YAML loader, so every value is located at its line and
column and a syntax error is reported as it is for a catalog. Its format is in
docs/ledger.md.
"""

from __future__ import annotations

from govopen_cli.codes.go.file import GO005, GO007
from govopen_cli.codes.gr import GR001, GR009
from govopen_cli.requests.ledger_columns import match_header
from govopen_cli.requests.ledger_rows import CellRef, LedgerReader, RawCell, RawRow

_YAML_TOP = {"format", "agency", "year", "requests"}


def yaml_rows(reader: LedgerReader) -> tuple[list[RawRow], bool, str | None]:
    """The rows of the YAML ledger at ``reader.path``, whether it could be read, its agency."""
    from govopen_cli.catalog.loader import load_document
    from govopen_cli.catalog.pointer import make_pointer

    result = load_document(reader.path, reader.display)
    # The loader's messages for these two speak of catalog files: say what a ledger needs.
    if any(d.code == GO005.code for d in result.diagnostics):
        reader.cannot_read(
            "台账文件是空的（或只有注释）：应有 requests: 列表，每项一件申请，见 docs/ledger.md"
        )
        return [], False, None
    for diag in result.diagnostics:
        if diag.code != GO007.code:
            reader.diagnostics.append(diag)
            continue
        reader.report(
            GR001,
            CellRef(diag.line, diag.column),
            "YAML 台账的顶层应当是映射（“字段: 值”）：format: 1、agency: 机关名称，"
            "各件申请列在 requests: 之下。如果文件直接是申请的列表（每项以“- 编号:”开头），"
            "请在最前面加一行 requests:，并把其下各行缩进两格。格式见 docs/ledger.md",
        )
    doc = result.document
    if doc is None:
        return [], False, None
    data = doc.data
    requests = data.get("requests") if isinstance(data, dict) else None
    if not isinstance(requests, list):
        reader.report(
            GR001,
            CellRef(1, 1),
            "YAML 台账应有 requests: 列表，每项一件申请（字段名与表格的列名相同）",
        )
        return [], False, None

    def ref(pointer: str, key: bool = False) -> CellRef:
        line, column = doc.locate(pointer, key=key)
        return CellRef(line, column, pointer=pointer)

    for key in data:
        if key not in _YAML_TOP:
            reader.report(
                GR009,
                ref(make_pointer([key]), key=True),
                f"未知字段 {key}：YAML 台账顶层只有 {'、'.join(sorted(_YAML_TOP))}",
                field_name=str(key),
            )
    rows = []
    for i, entry in enumerate(requests):
        pointer = make_pointer(["requests", i])
        if not isinstance(entry, dict):
            reader.report(
                GR001,
                ref(pointer),
                "requests 的每一项应是一件申请（“字段: 值”的映射）",
            )
            continue
        row = RawRow(ref(pointer))
        for name, value in entry.items():
            field_pointer = make_pointer(["requests", i, name])
            key = match_header(str(name))
            if key is None:
                reader.report(
                    GR009,
                    ref(field_pointer, key=True),
                    f"不认识的字段“{name}”，不会被检查。字段名与表格列名相同，见 docs/ledger.md",
                    field_name=str(name),
                )
                continue
            if not key or key in row.cells:
                continue
            if key == "number" and not isinstance(value, str):
                value = doc.source_text(field_pointer) or value  # 编号: 001 stays 001
            row.cells[key] = RawCell(value, ref(field_pointer))
        rows.append(row)
    agency = data.get("agency")
    return rows, True, agency if isinstance(agency, str) else None
