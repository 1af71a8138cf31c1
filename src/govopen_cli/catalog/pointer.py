"""JSON pointers (RFC 6901): how a diagnostic names the node it is about.

``/items/3/id`` is the ``id`` of the fourth item. Every producer of diagnostics
builds its pointers here, and a :class:`~govopen_cli.catalog.document.Document`
resolves them to a line and column.
"""

from __future__ import annotations

from collections.abc import Iterator


def escape_pointer_token(token: str | int) -> str:
    """Escape one JSON-pointer token (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def make_pointer(parts: Iterator[str | int] | list[str | int] | tuple[str | int, ...]) -> str:
    """Join tokens into a JSON pointer: ``["items", 3, "id"]`` -> ``/items/3/id``."""
    return "".join("/" + escape_pointer_token(p) for p in parts)


def split_pointer(pointer: str) -> list[str]:
    """Split a JSON pointer into unescaped tokens."""
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
