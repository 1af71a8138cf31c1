"""The ``items:`` block of an imported catalog, written without PyYAML's emitter per node.

PyYAML's Python emitter spends about 100 µs per node; a 50,000-item catalog has two
million nodes. The items have one known shape (mappings of short ASCII keys to
texts, numbers, booleans, block lists, flow lists and flow mappings), so
:func:`items_block` writes that layout itself and asks PyYAML only how each distinct
text is written: plain when PyYAML's own analysis and resolver say so (the common
case), otherwise by dumping that one value in the same place of a small document,
once per text. Anything outside the shape, and any line long enough for PyYAML to
fold (its width is 10,000), raises :class:`Outside` (an empty list: None): the caller
then dumps with PyYAML. The result is byte for byte what ``yaml.dump`` writes
(tests/catalog/test_yaml_items.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

_KEY = re.compile(r"^[a-z_]+\Z")
_STR = "tag:yaml.org,2002:str"
#: Longest line written here; PyYAML folds only past its width (10,000 columns).
_LONGEST = 5_000
#: What str.splitlines() splits at besides "\n" (catalog_yaml's PyYAML path does).
_OTHER_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


class Outside(Exception):
    """The data is not of the shape written here."""


def items_block(
    items: list[dict[str, Any]],
    shape: Callable[[dict[str, Any]], dict[str, Any]],
    dump: Callable[[Any], str],
    dumper: Any,
    flow: type[list[Any]],
    flow_map: type[dict[str, Any]],
) -> Iterator[str] | None:
    """The lines of ``dump({"items": [shape(item) for item in items]})`` after ``items:``,
    one string per item (its lines joined), or None: then use PyYAML.

    The strings are made one at a time, as they are taken, so that the caller can write
    each to the file and let it go: a 50,000-item catalog would otherwise hold every
    item's text at once (and a shaped copy of every item). An item outside the shape
    raises :class:`Outside` while they are taken: the caller then discards what it took
    and uses PyYAML. The last string is stripped at its end, as ``yaml.dump(...).rstrip()``.
    """
    if not items:
        return None  # "items: []"
    return _chunks(items, shape, dump, dumper, flow, flow_map)


def _chunks(
    items: list[dict[str, Any]],
    shape: Callable[[dict[str, Any]], dict[str, Any]],
    dump: Callable[[Any], str],
    dumper: Any,
    flow: type[list[Any]],
    flow_map: type[dict[str, Any]],
) -> Iterator[str]:
    texts: dict[tuple[str, str], str] = {}

    def scalar(value: Any, where: str) -> str:
        """A scalar as PyYAML writes it ``where``: ``value`` of a block mapping,
        ``item`` of a block list, ``flow`` item or flow-mapping value."""
        kind = type(value)
        if kind is bool:
            return "true" if value else "false"
        if kind is int:
            return str(value)
        if value is None:
            return "null"
        if kind is not str or len(value) > _LONGEST or value.endswith("\n"):
            raise Outside
        key = (value, where)
        text = texts.get(key)
        if text is None:
            text = texts[key] = _scalar_text(value, where, dump, dumper, flow)
        return text

    def flow_text(value: Any) -> str:
        if isinstance(value, flow_map):
            parts = []
            for k, v in value.items():
                if not isinstance(k, str) or not _KEY.match(k):
                    raise Outside
                parts.append(f"{k}: {scalar(v, 'flow')}")
            text = "{" + ", ".join(parts) + "}"
        elif isinstance(value, flow):
            text = "[" + ", ".join(scalar(v, "flow") for v in value) + "]"
        else:
            raise Outside
        if len(text) > _LONGEST:
            raise Outside
        return text

    last: str | None = None
    for raw in items:
        item = shape(raw)
        if type(item) is not dict or not item:
            raise Outside
        out: list[str] = []
        add = out.append
        first = True
        for key, value in item.items():
            if not isinstance(key, str) or not _KEY.match(key):
                raise Outside
            lead = "  - " if first else "    "
            first = False
            if isinstance(value, (flow, flow_map)):
                add(f"{lead}{key}: {flow_text(value)}")
            elif type(value) is list:
                if not value:
                    add(f"{lead}{key}: []")
                    continue
                add(f"{lead}{key}:")
                for element in value:
                    if isinstance(element, (flow, flow_map)):
                        add(f"      - {flow_text(element)}")
                    elif isinstance(element, (list, dict)):
                        raise Outside
                    else:
                        add(f"      - {scalar(element, 'item')}")
            elif isinstance(value, (list, dict, tuple, set)):
                raise Outside
            else:
                add(f"{lead}{key}: {scalar(value, 'value')}")
        chunk = "\n".join(out)
        if any(sep in chunk for sep in _OTHER_BREAKS):
            raise Outside  # catalog_yaml splits PyYAML's text at these too
        if last is not None:
            yield last
        last = chunk
    if last is not None:
        yield last.rstrip()  # as yaml.dump(...).rstrip()


def _scalar_text(
    value: str, where: str, dump: Callable[[Any], str], dumper: Any, flow: type
) -> str:
    """How PyYAML writes the text ``value`` at ``where`` (see :func:`items_block`)."""
    if "\n" not in value:
        analysis = dumper.analyze_scalar(value)
        plain = analysis.allow_flow_plain if where == "flow" else analysis.allow_block_plain
        if plain and dumper.resolve(_scalar_node(), value, (True, False)) == _STR:
            return value
    if where == "value":
        text = dump({"items": [{"k": value}]})
        prefix = "items:\n  - k: "
    elif where == "item":
        text = dump({"items": [{"k": [value]}]})
        prefix = "items:\n  - k:\n      - "
    else:
        text = dump({"items": [{"k": flow([value])}]})
        prefix = "items:\n  - k: ["
        if not text.endswith("]\n"):
            raise Outside
        text = text[:-2] + "\n"
    if not text.startswith(prefix) or not text.endswith("\n") or text.endswith("\n\n"):
        raise Outside
    text = text[len(prefix) : -1]
    if where == "flow" and any(b in text for b in "\n\x85\u2028\u2029"):
        raise Outside  # its next lines are indented by where the flow collection is
    return text


def _scalar_node() -> Any:
    import yaml

    return yaml.ScalarNode
