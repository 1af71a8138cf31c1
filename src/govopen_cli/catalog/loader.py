"""YAML -> plain data, keeping where every value is written so that it can be located.

The entry of the YAML reader. A file's bytes are decoded (:mod:`.decode`), parsed
into events (:mod:`.yaml_stream`) and built into data with positions by the
event builder (:mod:`.yaml_events`) rather than by PyYAML's constructor, which
lets the reader report the pitfalls of the catalog format at their line and
column instead of "fixing" them silently:

* a key repeated in one mapping (PyYAML keeps the last one) is reported at both lines;
* dates are kept as their text (and remembered), so ``until: 2027-12-31`` is a
  string for the schema while ``id: 2024-01-01`` can still be reported;
* aliases that would expand past a bound are refused before anything expands;
* files that are not UTF-8 (GB18030/GBK is common) are named as such.

Nothing here raises for a problem in the file: problems are returned as
:class:`~govopen_cli.diagnostics.Diagnostic` values.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

import yaml

from govopen_cli.catalog.alias_guard import MAX_NODES, TooLarge, alias_bomb_diagnostic
from govopen_cli.catalog.decode import decode_text
from govopen_cli.catalog.document import Document
from govopen_cli.catalog.loader_codes import loader_diagnostic
from govopen_cli.catalog.yaml_events import Trip, build_events
from govopen_cli.catalog.yaml_syntax import syntax_diagnostic
from govopen_cli.codes.go.file import GO001, GO005, GO007, GO011
from govopen_cli.diagnostics import Diagnostic
from govopen_cli.input_file import InputFileError, read_input


@dataclass
class LoadResult:
    """What loading one file gives: a document (None when unusable) and problems."""

    document: Document | None
    diagnostics: list[Diagnostic]


def parse_yaml_bytes(raw: bytes, path: Path, display: str) -> LoadResult:
    """Parse UTF-8 bytes (no BOM) into a :class:`Document`, or report why not."""
    gc_was_enabled = gc.isenabled()
    # The data only grows while parsing; a collector pass over it is pure cost.
    gc.disable()
    try:
        try:
            return _parse(raw, path, display)
        except yaml.YAMLError as exc:
            return LoadResult(None, [syntax_diagnostic(exc, display, raw)])
    finally:
        if gc_was_enabled:
            gc.enable()


def _parse(raw: bytes, path: Path, display: str) -> LoadResult:
    try:
        return _parse_bounded(raw, path, display)
    except TooLarge as big:
        message = (
            f"文件中的值超过 {MAX_NODES:,} 个（到第 {big.mark.line + 1} 行），超过 govopen 读取的上限，"
            "未检查。一个目录文件通常只有几万个值：请确认文件是否正确，或拆分成几个文件"
        )
        line, column = big.mark.line + 1, big.mark.column + 1
        return LoadResult(None, [loader_diagnostic(display, line, column, GO001.code, message)])


def _parse_bounded(raw: bytes, path: Path, display: str) -> LoadResult:
    try:
        builder, slot = build_events(raw, display, guard=True)
    except Trip as trip:
        # Rare: decide on the whole file, counting without expanding anything.
        bomb = alias_bomb_diagnostic(raw, display)
        if bomb is not None:
            return LoadResult(None, [bomb])
        try:
            if trip.deep:
                raise
            builder, slot = build_events(raw, display, guard=False)
        except Trip:
            return LoadResult(
                None,
                [
                    loader_diagnostic(
                        display, 1, 1, GO001.code, "嵌套层次过深，无法读取：请检查缩进"
                    )
                ],
            )
    root = slot.position
    if root is None:
        return LoadResult(
            None,
            [
                loader_diagnostic(
                    display,
                    1,
                    1,
                    GO005.code,
                    "文件是空的（或只有注释）。目录文件至少需要 format、catalog 和 items；"
                    "三定映射文件至少需要 format、agency、source 和 duties",
                )
            ],
        )
    diagnostics = list(builder.diagnostics)
    if not isinstance(root[2], tuple):
        kind = "列表" if isinstance(root[2], list) else "单个值"
        diagnostics.append(
            loader_diagnostic(
                display,
                root[0] + 1,
                root[1] + 1,
                GO007.code,
                f"文件顶层是{kind}，应当是映射（“字段: 值”）：目录文件顶层是 format、catalog、"
                "items 三个字段，三定映射文件顶层是 format、agency、source、duties",
            )
        )
        return LoadResult(None, diagnostics)
    return LoadResult(
        Document(path=path, display=display, data=slot.value, index=root, dates=builder.dates),
        diagnostics,
    )


def load_document(path: Path, display: str | None = None) -> LoadResult:
    """Read and parse one YAML file. Never raises for problems in the file."""
    shown = display if display is not None else str(path)
    try:
        raw = read_input(path)
    except InputFileError as exc:
        return LoadResult(None, [loader_diagnostic(shown, 1, 1, GO011.code, str(exc))])
    return parse_document(raw, path, shown)


def parse_document(raw: bytes, path: Path, display: str) -> LoadResult:
    """Check the encoding of a file's bytes and parse them, as :func:`load_document` does.

    For bytes that do not come from a file on disk (``git show REV:path``);
    ``path`` is where the document says it is from.
    """
    text, problems = decode_text(raw, display)
    if text is None:
        return LoadResult(None, problems)
    return parse_yaml_bytes(text, path, display)
