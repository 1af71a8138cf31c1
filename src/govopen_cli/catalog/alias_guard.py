"""The alias guard: anchors and aliases (``&``, ``*``) that would expand a file too far.

A few lines of aliases can stand for billions of nodes. The event builder counts
as it goes and gives up early (:class:`~govopen_cli.catalog.yaml_events.Trip`);
the file is then judged here on the whole, counting without expanding anything.
"""

from __future__ import annotations

from typing import Any

import yaml

from govopen_cli.catalog.loader_codes import loader_diagnostic
from govopen_cli.catalog.yaml_stream import Parser, document_events
from govopen_cli.codes.go.file import GO004
from govopen_cli.diagnostics import Diagnostic

#: Aliases may expand a document to at most this many nodes beyond its own size …
ALIAS_ALLOWANCE = 100_000
#: … and at most this many times its own size.
ALIAS_FACTOR = 10


def alias_bomb_diagnostic(raw: bytes, display: str) -> Diagnostic | None:
    """The error when aliases expand the file past the bound (or into themselves), else None."""
    distinct, _, _ = count_expansion(raw, None)
    limit = ALIAS_FACTOR * distinct + ALIAS_ALLOWANCE
    _, line, column = count_expansion(raw, limit)
    if line < 0:
        return None
    return loader_diagnostic(
        display,
        line + 1,
        column + 1,
        GO004.code,
        f"锚点/别名（&、*）展开后超过 {limit} 个节点（文件本身只有 {distinct} 个），"
        "或别名引用了自身，已拒绝读取。请不要多层嵌套地引用别名，直接写出内容",
    )


def count_expansion(raw: bytes, limit: int | None) -> tuple[int, int, int]:
    """Count nodes as if every alias were expanded, without expanding anything.

    Returns (distinct nodes, line, column): with ``limit``, the 0-based mark of the
    node found expanding past it (or the anchor an alias refers back into), else
    line -1. Follows the order in which the node tree used to be walked: a
    container is checked after each member, a mapping after each key and value.
    """
    loader = Parser(raw)
    try:
        distinct = 0
        sizes: dict[str, int | None] = {}
        marks: dict[str, Any] = {}
        # [size, mark, is_mapping, members so far, anchor]
        stack: list[list[Any]] = []
        for event in document_events(loader):
            cls = type(event)
            if cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                size, mark, _, _, anchor = stack.pop()
                if anchor is not None:
                    sizes[anchor] = size
            elif cls is yaml.AliasEvent:
                known = sizes[event.anchor]
                if known is None:  # an alias into its own anchor: infinite
                    if limit is not None:
                        mark = marks[event.anchor]
                        return distinct, mark.line, mark.column
                    size = 1
                else:
                    size = known
            else:
                distinct += 1
                anchor = event.anchor
                if anchor is not None:
                    marks[anchor] = event.start_mark
                    sizes[anchor] = 1 if cls is yaml.ScalarEvent else None
                if cls is not yaml.ScalarEvent:
                    stack.append([1, event.start_mark, cls is yaml.MappingStartEvent, 0, anchor])
                    continue
                size = 1
            if stack:
                parent = stack[-1]
                parent[0] += size
                parent[3] += 1
                if limit is not None and parent[0] > limit and not (parent[2] and parent[3] % 2):
                    return distinct, parent[1].line, parent[1].column
        return distinct, -1, -1
    finally:
        loader.dispose()


#: Most values (scalars, lists, mappings) one file may hold: a county's catalog has tens
#: of thousands (a 50,000-item province file about 2 million); more would take minutes (docs/limits.md).
MAX_NODES = 3_000_000


class TooLarge(Exception):
    """The file holds more than :data:`MAX_NODES` values; ``mark`` is where it passed."""

    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark
