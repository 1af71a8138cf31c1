"""One loaded YAML file: its data, and where each value of it is written.

The position index is built by the event builder (:mod:`.yaml_events`) and read
here; the model and the schema check use a :class:`Document` to locate a
JSON pointer without needing the loader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_cli.catalog.pointer import split_pointer

#: Where a value is written: ``(line, column, tree)``, 0-based as in PyYAML's marks.
#: ``tree`` is, for a scalar, its text as written (``001`` for ``id: 001``); for a
#: mapping a flat tuple of six slots per key ``(key, key_line, key_column,
#: value_line, value_column, value_tree, ...)``; for a sequence a flat list of three
#: slots per item ``(line, column, tree, ...)``. Lines inside a container are
#: relative to the container's own line (so nearly all are small, shared ints) and
#: a column is stored inverted (``~column``) when the value there is a quoted or
#: block scalar. A mapping holds its own scalar keys, merge keys ``<<`` included
#: and merged-in keys not, the last of a repeated key winning when looked up:
#: what walking PyYAML's node tree used to find. No node tree is ever built: a
#: node costs ~370 bytes, these slots 48 (mapping) or 24 (sequence).
Position = tuple[int, int, Any]


@dataclass
class Document:
    """One loaded YAML file: its data and where each value of it is written."""

    path: Path
    display: str
    data: Any
    index: Position | None
    dates: list[str] = field(default_factory=list)
    #: For each large mapping looked into (by id of its slots): key -> slot offset.
    _keys: dict[int, dict[Any, int]] = field(default_factory=dict, repr=False, compare=False)

    def _find_key(self, tree: tuple[Any, ...], token: str) -> int | None:
        """The offset of ``token``'s slots in a mapping's ``tree`` (the last if repeated).

        A mapping of many keys is indexed once, so that locating each of 40,000
        unknown fields does not scan 40,000 keys each time.
        """
        if len(tree) <= 96:
            for at in range(len(tree) - 6, -1, -6):
                if tree[at] == token:
                    return at
            return None
        index = self._keys.get(id(tree))
        if index is None:
            index = {tree[at]: at for at in range(0, len(tree), 6) if isinstance(tree[at], str)}
            self._keys[id(tree)] = index
        return index.get(token)

    def resolve(self, pointer: str, *, key: bool = False) -> tuple[Position | None, bool]:
        """Where the value at ``pointer`` is and True, or its deepest existing parent and False.

        With ``key``, a mapping member resolves to its key (where an unknown
        field is reported) rather than its value.
        """
        here = self.index
        if here is None:
            return None, False
        tokens = split_pointer(pointer)
        last = len(tokens) - 1
        for i, token in enumerate(tokens):
            line, _, tree = here
            if isinstance(tree, tuple):
                found = self._find_key(tree, token)
                if found is None:
                    return here, False
                at = found
                if i == last and key:
                    here = (line + tree[at + 1], tree[at + 2], None)
                else:
                    here = (line + tree[at + 3], tree[at + 4], tree[at + 5])
            elif isinstance(tree, list):
                if not token.isdigit() or 3 * int(token) >= len(tree):
                    return here, False
                at = 3 * int(token)
                here = (line + tree[at], tree[at + 1], tree[at + 2])
            else:
                return here, False
        return here, True

    def locate(self, pointer: str, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at ``pointer``, or of its nearest parent."""
        here, _ = self.resolve(pointer, key=key)
        if here is None:
            return (1, 1)
        column = here[1]
        return (here[0] + 1, (column if column >= 0 else ~column) + 1)

    def source_text(self, pointer: str) -> str | None:
        """The scalar as written in the file (``001`` for ``id: 001``), or None."""
        here, exact = self.resolve(pointer)
        if exact and here is not None and isinstance(here[2], str):
            return here[2]
        return None

    def is_plain_scalar(self, pointer: str) -> bool:
        """True when the value at ``pointer`` is an unquoted scalar."""
        here, exact = self.resolve(pointer)
        return exact and here is not None and isinstance(here[2], str) and here[1] >= 0
