"""What the event builder (:mod:`.yaml_events`) keeps while it builds.

A :class:`Frame` is a mapping or sequence still open, a :class:`Recording` the
events of an anchored node (an alias or a merge key builds it again from them),
a :class:`Slot` where a finished value lands. :func:`merged_pairs` reads what a
merge key (``<<: *base``) brings in from its recording.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from govopen_cli.catalog.document import Position


class Recording:
    """The events of one node, kept so that an alias or a merge can build it again."""

    __slots__ = ("done", "items", "size")

    def __init__(self) -> None:
        #: events, and for an alias the recording it refers to
        self.items: list[Any] = []
        self.size = 1
        self.done = False


class Frame:
    """A mapping or sequence being built."""

    __slots__ = (
        "column",
        "first_key",
        "is_map",
        "key",
        "key_kind",
        "key_mark",
        "keys",
        "line",
        "merge_at",
        "merges",
        "muted",
        "out",
        "recording",
        "size",
        "tree",
    )

    def __init__(self, is_map: bool, line: int, column: int) -> None:
        self.is_map = is_map
        self.out: Any = {} if is_map else []
        self.tree: list[Any] = []
        self.line = line
        self.column = column
        self.size = 1
        self.recording: Recording | None = None
        self.muted = False
        self.key: str = ""
        #: the mark (``.line``, ``.column``) of the current key
        self.key_mark: Any = None
        #: what the next member is: KEY, or the value of a SCALAR/MERGE/COMPLEX key
        self.key_kind = KEY if is_map else SEQ
        self.first_key: str | None = None
        #: how many scalar keys (merge keys aside) were read: more than ``len(out)``
        #: when a key is repeated (see :func:`repeated_keys`)
        self.keys = 0
        #: offsets in ``tree`` of the merge keys' slots, and their sources (rare)
        self.merge_at: list[int] | None = None
        self.merges: list[Recording] | None = None


#: What a frame's next member is (``Frame.key_kind``): a key, the value of a scalar,
#: merge (``<<``) or complex key, or an item of a sequence.
KEY, SCALAR, MERGE, COMPLEX, SEQ = range(5)
UNUSED = (MERGE, COMPLEX)


class Slot:
    """Where a built value lands: the document's root, or a value built again."""

    __slots__ = ("position", "size", "value")

    def __init__(self) -> None:
        self.value: Any = None
        self.position: Position | None = None
        self.size = 0


def repeated_keys(frame: Frame) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """``(key, earlier, here)`` for each scalar key of ``frame`` written again, in order.

    Read from the mapping's slots once it is complete (0-based line and column of the
    key's previous and present occurrence), skipping merge keys ``<<``.
    """
    tree = frame.tree
    base = frame.line
    skip = set(frame.merge_at or ())
    seen: dict[str, tuple[int, int]] = {}
    found: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    for at in range(0, len(tree), 6):
        if at in skip:
            continue
        key = tree[at]
        here = (base + tree[at + 1], tree[at + 2])
        earlier = seen.get(key)
        if earlier is not None:
            found.append((key, earlier, here))
        seen[key] = here
    return found


def _members(items: list[Any]) -> list[list[Any]]:
    """The recorded events of each member of the recorded container ``items``."""
    members: list[list[Any]] = []
    depth = 0
    current: list[Any] = []
    for item in items[1:-1]:
        current.append(item)
        cls = type(item)
        if cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
            depth += 1
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            depth -= 1
        if depth == 0:
            members.append(current)
            current = []
    return members


def _unalias(items: list[Any]) -> list[Any]:
    while len(items) == 1 and isinstance(items[0], Recording):
        items = items[0].items
    return items


def merged_pairs(source: Recording) -> Iterator[tuple[str, list[Any]]]:
    """(key, value events) of each mapping that a merge key's value brings in."""
    items = _unalias(source.items)
    first = items[0]
    if type(first) is yaml.SequenceStartEvent:
        sources = [_unalias(member) for member in _members(items)]
    else:
        sources = [items]
    for mapping in sources:
        if type(mapping[0]) is not yaml.MappingStartEvent:
            continue
        members = _members(mapping)
        for key, value in zip(members[::2], members[1::2], strict=True):
            key = _unalias(key)
            if len(key) == 1 and type(key[0]) is yaml.ScalarEvent:
                yield str(key[0].value), value
