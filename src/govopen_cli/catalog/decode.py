"""A file's bytes -> UTF-8 text for the parser, or why they are not.

A UTF-8 BOM is accepted; UTF-16, binary files and other encodings are named for
what they are (GB18030/GBK is common in government offices), with the command
that converts them.
"""

from __future__ import annotations

from govopen_cli.catalog.loader_codes import loader_diagnostic
from govopen_cli.codes.go.file import GO002, GO009
from govopen_cli.diagnostics import Diagnostic


def _position_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    prefix = raw[line_start:offset].decode("utf-8", errors="replace")
    return line, len(prefix) + 1


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0D, 0x0C))
    return len(sample) > 0 and controls / len(sample) > 0.05


def decode_text(raw: bytes, display: str) -> tuple[bytes | None, list[Diagnostic]]:
    """Check the encoding; return UTF-8 bytes without BOM, or the problem."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 BOM is harmless: accept it
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        name = "UTF-32" if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else "UTF-16"
        return None, [
            loader_diagnostic(
                display,
                1,
                1,
                GO002.code,
                f"文件是 {name} 编码，不是 UTF-8。请用编辑器“另存为”UTF-8 编码后再检查，"
                f"或执行：iconv -f {name} -t UTF-8 {display} > 新文件.yaml",
            )
        ]
    if _looks_binary(raw):
        return None, [
            loader_diagnostic(
                display,
                1,
                1,
                GO009.code,
                "这不是文本文件（含有 NUL 或大量控制字符），不是 YAML 目录文件。"
                "请确认文件名和内容，Excel 目录请用 govopen import 导入",
            )
        ]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position_of_byte(raw, exc.start)
        bad = raw[exc.start : exc.start + 2].hex(" ").upper()
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            message = (
                f"文件不是有效的 UTF-8 文本：第 {line} 行第 {column} 列有无法识别的字节 {bad}。"
                "请用编辑器另存为 UTF-8 编码"
            )
        else:
            message = (
                f"文件不是 UTF-8 编码，看起来是 GB18030/GBK（国标）编码（第 {line} 行第 {column} 列"
                f"起的字节 {bad} 不是 UTF-8）。请转换为 UTF-8 后再检查："
                f"iconv -f GB18030 -t UTF-8 {display} > 新文件.yaml，"
                "或在记事本/WPS 中“另存为”时选择 UTF-8 编码"
            )
        return None, [loader_diagnostic(display, line, column, GO002.code, message)]
    return raw, []
