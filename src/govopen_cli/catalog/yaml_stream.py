"""The parser's events of a file's one YAML document, checked as PyYAML's composer checks them.

PyYAML's C parser (``CSafeLoader`` where libyaml is present) gives the events; the
alias guard reads them from :func:`document_events`, and the event builder's loop
(:mod:`.yaml_events`) makes the same checks inline.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

__all__ = ["Parser", "document_events"]

try:  # the C loader is several times faster; fall back where libyaml is absent
    from yaml import CSafeLoader as Parser
except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
    from yaml import SafeLoader as Parser  # type: ignore[assignment]


def document_events(loader: Any) -> Iterator[Any]:
    """The node events of the file's single document, checked as the composer checks them.

    Raises the composer's errors (undefined alias, duplicate anchor, a second
    document) with the same messages and marks as ``get_single_node``.
    """
    loader.get_event()  # StreamStartEvent
    if loader.check_event(yaml.StreamEndEvent):
        return
    start = loader.get_event()  # DocumentStartEvent
    anchors: dict[str, Any] = {}
    first_mark = None
    get_event = loader.get_event
    while True:
        event = get_event()
        cls = type(event)
        if (
            cls is yaml.ScalarEvent
            or cls is yaml.MappingStartEvent
            or cls is yaml.SequenceStartEvent
        ):
            if first_mark is None:
                first_mark = event.start_mark
            anchor = event.anchor
            if anchor is not None:
                if anchor in anchors:
                    raise yaml.composer.ComposerError(
                        "found duplicate anchor; first occurrence",
                        anchors[anchor],
                        "second occurrence",
                        event.start_mark,
                    )
                anchors[anchor] = event.start_mark
        elif cls is yaml.AliasEvent:
            if first_mark is None:
                first_mark = event.start_mark
            if event.anchor not in anchors:
                raise yaml.composer.ComposerError(
                    None, None, "found undefined alias", event.start_mark
                )
        elif cls is yaml.DocumentEndEvent:
            break
        yield event
    following = get_event()
    if not isinstance(following, yaml.StreamEndEvent):
        raise yaml.composer.ComposerError(
            "expected a single document in the stream",
            first_mark if first_mark is not None else start.start_mark,
            "but found another document",
            following.start_mark,
        )
