"""A CSV ledger -> rows: encodings (UTF-8, GB18030, UTF-16), tabs, quotes, cell positions.

Agencies export CSV from Excel or WPS: GB18030 by default in a Chinese Excel, now and
then UTF-16 ("Unicode 文本") or tab-separated. Each cell is located at the line and
column where it starts in the file, also when a quoted cell spans lines.
"""

from __future__ import annotations

import csv
import io

from govopen_cli.cell_value import cell_text
from govopen_cli.codes.gr import GR001, GR005
from govopen_cli.input_file import InputFileError, read_input
from govopen_cli.requests.ledger_columns import find_header_row
from govopen_cli.requests.ledger_rows import (
    CellRef,
    LedgerReader,
    RawCell,
    RawRow,
    map_header,
    report_unlabeled_columns,
)


def _field_starts(record: str, delimiter: str) -> list[int]:
    """Offsets where each field of one CSV record starts (quote-aware)."""
    starts = [0]
    quoted = False
    i = 0
    while i < len(record):
        ch = record[i]
        if quoted:
            if ch == '"':
                if record[i + 1 : i + 2] == '"':
                    i += 2
                    continue
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch == delimiter:
            starts.append(i + 1)
        i += 1
    return starts


def _unclosed_quote(text: str, delimiter: str) -> int | None:
    """Offset of a quote that opens a cell and is never closed (the csv module would
    silently read every following line into that cell), or None."""
    quoted = False
    opened = 0
    at_field_start = True
    i = 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"':
                if text[i + 1 : i + 2] == '"':
                    i += 2
                    continue
                quoted = False
        elif ch == '"' and at_field_start:
            quoted, opened = True, i
        at_field_start = not quoted and ch in (delimiter, "\n", "\r")
        i += 1
    return opened if quoted else None


def _decode_csv(reader: LedgerReader, raw: bytes) -> str | None:
    """The text of the file, the encoding reported when it is not UTF-8; None if unreadable."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
        else:
            reader.report(
                GR005,
                CellRef(1, 1),
                "CSV 是 UTF-16 编码（Excel“Unicode 文本”），已按 UTF-16 读取。建议另存为 UTF-8",
            )
            return text
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        reader.report(
            GR001,
            CellRef(1, 1),
            "CSV 既不是 UTF-8 也不是 GB18030（GBK）编码，无法读取。请另存为“CSV UTF-8”",
        )
        return None
    reader.report(
        GR005,
        CellRef(1, 1),
        "CSV 不是 UTF-8 编码，看起来是 GB18030（GBK，中文版 Excel 另存 CSV 的默认编码），"
        f"已按 GB18030 读取。建议另存为“CSV UTF-8”，或：iconv -f GB18030 -t UTF-8 {reader.display}",
    )
    return text


def csv_rows(reader: LedgerReader) -> tuple[list[RawRow], bool]:
    """The rows of the CSV ledger at ``reader.path``, and whether it could be read as a table."""
    try:
        raw = read_input(reader.path)
    except InputFileError as exc:
        reader.cannot_read(str(exc))
        return [], False
    text = _decode_csv(reader, raw)
    if text is None:
        reader.unreadable = True
        return [], False
    if not text.strip():
        reader.cannot_read(
            "台账文件是空的：第一行应是表头（编号、收到日期、申请人类型……），其下每行一件申请"
        )
        return [], False
    lines = io.StringIO(text, newline="").readlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = "\t" if "\t" in first and "," not in first else ","
    unclosed = _unclosed_quote(text, delimiter)
    if unclosed is not None:
        before = text[:unclosed]
        line = before.count("\n") + 1
        column = unclosed - before.rfind("\n")
        following = len(text[unclosed:].splitlines()) - 1
        reader.report(
            GR001,
            CellRef(line, column),
            f"引号没有闭合：第 {line} 行第 {column} 列开始的带引号单元格直到文件末尾都没有结束，"
            f'其后 {following} 行都会被当成这个单元格的内容。请补上配对的英文双引号（"）',
        )
        return [], False
    records: list[tuple[int, list[str], str]] = []
    parser = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    end = 0
    try:
        for values in parser:
            start = end + 1
            end = parser.line_num
            records.append((start, values, "".join(lines[start - 1 : end])))
    except csv.Error as exc:
        reader.cannot_read(
            f"CSV 格式错误：{exc}（常见原因：引号没有闭合，或不是文本文件）", CellRef(end + 1, 1)
        )
        return [], False

    starts_of: dict[int, list[int]] = {}

    def locate(line: int, record: str, index: int) -> CellRef:
        starts = starts_of.get(line)
        if starts is None:
            starts = starts_of[line] = _field_starts(record, delimiter)
        offset = starts[index] if index < len(starts) else 0
        if "\n" not in record[:offset] and "\r" not in record[:offset]:
            return CellRef(line, offset + 1)
        before = record[:offset]
        extra_lines = before.count("\n") + (before.count("\r") - before.count("\r\n"))
        last_break = max(before.rfind("\n"), before.rfind("\r"))
        return CellRef(line + extra_lines, offset - last_break)

    header = find_header_row((line, values) for line, values, _ in records)
    if header is None:
        reader.report(
            GR001,
            CellRef(1, 1),
            "前 10 行中找不到表头行（应含“编号”“收到日期”等列名）。台账格式见 docs/ledger.md",
        )
        return [], False
    header_line = header[0]
    header_record = next(r for r in records if r[0] == header_line)
    mapping = map_header(reader, header[1], lambda i: locate(header_line, header_record[2], i))
    rows = []
    for line, values, record in records:
        if line <= header_line:
            continue
        row = RawRow(CellRef(line, 1))
        for index, key in mapping.items():
            value = values[index] if index < len(values) else ""
            row.cells[key] = RawCell(value, locate(line, record, index))
        if any(cell_text(v) for v in values):
            rows.append(row)
    by_line = {line: record for line, _, record in records}
    report_unlabeled_columns(
        reader,
        header[1],
        [(line, values) for line, values, _ in records if line > header_line],
        lambda line, index: locate(line, by_line[line], index),
    )
    return rows, True
