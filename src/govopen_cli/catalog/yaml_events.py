"""Parser events -> plain data and the index of where each value is written.

The loader builds JSON-compatible Python data from PyYAML's parser events itself,
with a compact index of positions (:data:`~govopen_cli.catalog.document.Position`)
instead of PyYAML's node tree. Doing the construction here, rather than in
PyYAML's constructor, is what lets it report the pitfalls of the catalog format at
their line and column instead of "fixing" them silently: a repeated key, text that
YAML reads as a date (kept as written, and remembered), an unsupported tag, a key
that is a list or a mapping. This is the hot loop of ``govopen check`` (see
docs/performance.md): work added per event costs every check of every file. The
common events are handled inline in :meth:`Builder.build`; the rest, and every
finding, by the general path (:mod:`.yaml_general`), which
tests/catalog/test_yaml_fast_path.py checks the loop against.
"""

from __future__ import annotations

from typing import Any

import yaml

from govopen_cli.catalog.alias_guard import ALIAS_ALLOWANCE, ALIAS_FACTOR, MAX_NODES, TooLarge
from govopen_cli.catalog.yaml_frame import KEY, SCALAR, SEQ, Frame, Recording, Slot
from govopen_cli.catalog.yaml_general import CURLY, MERGE_TAG, EventBuilder, Trip
from govopen_cli.catalog.yaml_resolve import STR_TAG
from govopen_cli.catalog.yaml_stream import Parser

__all__ = ["MAX_NODES", "Builder", "Trip", "build_events"]

#: Texts written more than once (keys; 承办科室, 公开方式 …) are kept once: each scalar is
#: looked up among the texts read so far, and the one already held is used. The table is
#: emptied, as a container ends, once it holds this many (a file of distinct texts).
SHARED_TEXTS = 50_000

ScalarEvent = yaml.ScalarEvent
MappingStartEvent = yaml.MappingStartEvent
MappingEndEvent = yaml.MappingEndEvent
SequenceStartEvent = yaml.SequenceStartEvent
SequenceEndEvent = yaml.SequenceEndEvent


class Builder(EventBuilder):
    """The event builder with its loop: the common events inline, the others general."""

    #: False sends every event the general way (tests compare the two ways)
    inline = True

    # -- the loop ------------------------------------------------------------

    def build(self, loader: Any) -> Slot:
        """Build the file's one document from ``loader``'s events; the slot holds the root.

        One loop with the common events inlined: a scalar or a container that is a
        mapping's value or a list's item, with no anchor, tag, merge or finding, while
        no anchored node is open. Every other event takes :meth:`_general`. It checks
        the events as PyYAML's composer does (``get_single_node``): a duplicate anchor,
        an undefined alias or a second document raise the composer's error.
        """
        slot = Slot()
        stack: list[Any] = self.stack  # of Frame, below them the Slot
        stack.append(slot)
        get_event = loader.get_event
        get_event()  # StreamStartEvent
        if loader.check_event(yaml.StreamEndEvent):
            stack.pop()
            return slot
        start = get_event()  # DocumentStartEvent
        event = get_event()
        first_mark = None if type(event) is yaml.DocumentEndEvent else event.start_mark
        path = self.path
        limit = MAX_NODES  # read at each call: the benchmarks raise it
        depth_limit = self.depth_limit
        special = self.plain.special
        asked = self.plain.asked
        shared: dict[str, str] = {}
        share = shared.setdefault
        distinct = depth = 0
        inline = self.inline
        fast = inline  # no anchored node open (nothing recorded), nothing muted
        while True:
            cls = type(event)
            if cls is ScalarEvent:
                distinct += 1
                if distinct > limit:
                    self._too_large(event)
                parent = stack[-1]
                if fast and event.anchor is None and event.tag is None and type(parent) is Frame:
                    value = event.value
                    value = share(value, value)
                    kind = parent.key_kind
                    if event.implicit[0]:  # plain: resolved; quoted or block: text
                        first = value[:1]
                        tag = asked(value) if first in special else STR_TAG
                        if kind == KEY:
                            ok = tag != MERGE_TAG
                        else:  # text starting with a curly quote is looked at in _scalar
                            ok = tag == STR_TAG and first not in CURLY
                    else:
                        ok = True
                    if ok and kind == KEY:
                        if parent.first_key is None:
                            parent.first_key = value
                        parent.key = value
                        parent.key_mark = event.start_mark
                        parent.key_kind = SCALAR
                        parent.keys += 1
                        event = get_event()
                        continue
                    if ok and kind in (SCALAR, SEQ):
                        mark = event.start_mark
                        column = ~mark.column if event.style else mark.column
                        base = parent.line
                        if kind == SEQ:
                            parent.out.append(value)
                            parent.tree.extend((mark.line - base, column, value))
                        else:
                            key = parent.key
                            at = parent.key_mark
                            parent.out[key] = value
                            parent.tree.extend(
                                (key, at.line - base, at.column, mark.line - base, column, value)
                            )
                            parent.key_kind = KEY
                        event = get_event()
                        continue
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                frame = stack[-1]
                parent = stack[-2]
                if (
                    fast
                    and type(parent) is Frame
                    and frame.merges is None
                    and (parent.key_kind == SCALAR or parent.key_kind == SEQ)
                    and (cls is SequenceEndEvent or len(frame.out) == frame.keys)
                ):
                    stack.pop()
                    path.pop()
                    if len(shared) > SHARED_TEXTS:
                        shared.clear()
                    base = parent.line
                    tree: Any
                    if cls is MappingEndEvent:
                        depth -= 2
                        tree = tuple(frame.tree)
                    else:
                        depth -= 1
                        tree = frame.tree[:]  # without the room a list keeps to grow
                    if parent.key_kind == SEQ:
                        parent.out.append(frame.out)
                        parent.tree.extend((frame.line - base, frame.column, tree))
                    else:
                        key = parent.key
                        at = parent.key_mark
                        parent.out[key] = frame.out
                        parent.tree.extend(
                            (key, at.line - base, at.column, frame.line - base, frame.column, tree)
                        )
                        parent.key_kind = KEY
                    event = get_event()
                    continue
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                distinct += 1
                if distinct > limit:
                    self._too_large(event)
                parent = stack[-1]
                if (
                    fast
                    and event.anchor is None
                    and type(parent) is Frame
                    and (parent.key_kind == SCALAR or parent.key_kind == SEQ)
                ):
                    is_map = cls is MappingStartEvent
                    depth += 2 if is_map else 1
                    if depth > depth_limit:
                        raise Trip(deep=True)
                    path.append(parent.key if parent.key_kind == SCALAR else len(parent.out))
                    mark = event.start_mark
                    stack.append(Frame(is_map, mark.line, mark.column))
                    event = get_event()
                    continue
            elif cls is yaml.DocumentEndEvent:
                break
            elif cls is not yaml.AliasEvent:  # pragma: no cover - the parser sends no other
                raise AssertionError(cls)
            self.distinct = distinct
            self.depth = depth
            self._general(event, cls)
            depth = self.depth
            fast = inline and not self.recorders and not self.muted
            event = get_event()
        following = get_event()
        if type(following) is not yaml.StreamEndEvent:
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                first_mark if first_mark is not None else start.start_mark,
                "but found another document",
                following.start_mark,
            )
        stack.pop()
        return slot

    def _too_large(self, event: Any) -> None:
        """Past :data:`MAX_NODES`: a duplicate anchor here is still the composer's error."""
        self._check_anchor(event)
        raise TooLarge(event.start_mark)

    def _check_anchor(self, event: Any) -> None:
        anchor = event.anchor
        if anchor is not None and anchor in self.marks:
            raise yaml.composer.ComposerError(
                "found duplicate anchor; first occurrence",
                self.marks[anchor],
                "second occurrence",
                event.start_mark,
            )

    def _general(self, event: Any, cls: Any) -> None:
        """Any event, the rare ones included (counted already, unless an end or alias)."""
        anchors = self.anchors
        if cls is yaml.AliasEvent:
            if event.anchor not in self.marks:
                raise yaml.composer.ComposerError(
                    None, None, "found undefined alias", event.start_mark
                )
            target = anchors[str(event.anchor)]
            if self.guard and (
                not target.done
                or self.distinct + self.extra + target.size
                > ALIAS_FACTOR * self.distinct + ALIAS_ALLOWANCE
            ):
                raise Trip(deep=False)
            self.extra += target.size
            for recording in self.recorders:
                recording.items.append(target)
            self._alias(target)
            return
        if cls is not MappingEndEvent and cls is not SequenceEndEvent:
            self._check_anchor(event)
            if event.anchor is not None:
                self.marks[event.anchor] = event.start_mark
                recording = Recording()
                anchors[event.anchor] = recording
                self.recorders.append(recording)
                recording.items.append(event)
                for outer in self.recorders[:-1]:
                    outer.items.append(event)
                self._start(event, recording)
                return
        for recording in self.recorders:
            recording.items.append(event)
        self._event(event)


def build_events(raw: bytes, display: str, *, guard: bool) -> tuple[Builder, Slot]:
    """Build the data of UTF-8 ``raw``: the builder (diagnostics, dates) and the root.

    With ``guard``, raises :class:`Trip` as soon as aliases may expand too far.
    """
    loader = Parser(raw)
    try:
        builder = Builder(display, guard)
        return builder, builder.build(loader)
    finally:
        loader.dispose()
