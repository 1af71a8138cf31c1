"""The event builder's general path: every parser event, the rare ones included.

:class:`EventBuilder` builds plain data and the index of positions from any event:
anchors and aliases (built again from their recording), merge keys ``<<``, keys
that are lists or mappings, tags, scalars that are not text, and the findings
(repeated keys, dates, unsupported tags, curly quotes). The loop of
:mod:`.yaml_events` inlines the common events and hands the others to it.
"""

from __future__ import annotations

import sys
from typing import Any

import yaml

from govopen_cli.catalog.document import Position
from govopen_cli.catalog.loader_codes import loader_diagnostic
from govopen_cli.catalog.pointer import make_pointer
from govopen_cli.catalog.scalar_slip import curly_quote_diagnostic, unreadable_tag_diagnostic
from govopen_cli.catalog.yaml_frame import (
    COMPLEX,
    KEY,
    MERGE,
    SCALAR,
    SEQ,
    UNUSED,
    Frame,
    Recording,
    Slot,
    merged_pairs,
    repeated_keys,
)
from govopen_cli.catalog.yaml_resolve import STR_TAG, PlainTags
from govopen_cli.catalog.yaml_syntax import duplicate_key_diagnostics
from govopen_cli.codes.go.file import GO001, GO012
from govopen_cli.diagnostics import Diagnostic

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MERGE_TAG = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
#: Word's curly quotes: a plain value starting with one is looked at (scalar_slip).
CURLY = "‘“"


class Trip(Exception):
    """The fast path cannot decide: aliases may expand too far, or nesting is too deep."""

    def __init__(self, *, deep: bool) -> None:
        super().__init__()
        self.deep = deep


class EventBuilder:
    """Builds plain data and its position tree from parser events, one call per event.

    No node tree is composed: each value is built as its events arrive, and an
    alias or a merge key builds its anchor's recorded events again, so the data
    has no shared parts, as when it was built from nodes.
    """

    def __init__(self, display: str, guard: bool) -> None:
        self.display = display
        self.guard = guard
        self.diagnostics: list[Diagnostic] = []
        self.dates: list[str] = []
        self.path: list[str | int] = []
        self.stack: list[Frame | Slot] = []
        self.anchors: dict[str, Recording] = {}
        self.recorders: list[Recording] = []
        self.muted = 0
        self.depth = 0
        self.depth_limit = max(100, sys.getrecursionlimit() - 100)
        #: values read so far (aliases not expanded), and what aliases add to them
        self.distinct = 0
        self.extra = 0
        #: where each anchor is (the composer's check of anchors and aliases)
        self.marks: dict[str, Any] = {}
        self.plain = PlainTags()
        self._constructor = yaml.SafeLoader("")  # only its scalar constructors are used
        self._resolve: Any = self._constructor.resolve

    def _replay(self, items: list[Any]) -> Slot:
        """Build recorded events again, at the current path."""
        slot = Slot()
        saved = self.recorders
        self.recorders = []
        self.stack.append(slot)
        for item in items:
            for recording in self.recorders:
                recording.items.append(item)
            if isinstance(item, Recording):
                self._alias(item)
            else:
                self._event(item)
        self.stack.pop()
        self.recorders = saved
        return slot

    def _alias(self, target: Recording) -> None:
        """An alias is its anchor's node: built again, positioned where the anchor is."""
        parent = self.stack[-1]
        first = target.items[0]
        if type(first) is yaml.ScalarEvent:
            self._scalar(first)
            return
        kind = parent.key_kind if isinstance(parent, Frame) else SEQ
        if kind == KEY:
            assert isinstance(parent, Frame)
            parent.size += target.size
            self._complex_key(parent, self._position_of(target))
            return
        self._enter(parent)
        value: Any = None
        if kind == MERGE:
            assert isinstance(parent, Frame)
            parent.merges = [*(parent.merges or ()), target]
            position = self._position_of(target)
        elif kind == COMPLEX:
            position = (0, 0, None)  # dropped with the complex key
        else:
            slot = self._replay(target.items)
            value = slot.value
            assert slot.position is not None
            position = slot.position
        self._leave(parent, value, target.size, position)

    def _position_of(self, target: Recording) -> Position:
        first = target.items[0]
        mark = first.start_mark
        if type(first) is yaml.ScalarEvent:
            return (mark.line, ~mark.column if first.style else mark.column, first.value)
        was = self.muted
        self.muted = 1
        slot = self._replay(target.items)
        self.muted = was
        assert slot.position is not None
        return slot.position

    # -- events -------------------------------------------------------------

    def _event(self, event: Any) -> None:
        cls = type(event)
        if cls is yaml.ScalarEvent:
            self._scalar(event)
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            self._end()
        else:
            self._start(event, None)

    def _start(self, event: Any, recording: Recording | None) -> None:
        if type(event) is yaml.ScalarEvent:
            self._scalar(event)
            if recording is not None:
                recording.done = True
                self.recorders.pop()
            return
        parent = self.stack[-1]
        mark = event.start_mark
        is_map = type(event) is yaml.MappingStartEvent
        frame = Frame(is_map, mark.line, mark.column)
        if isinstance(parent, Frame) and parent.is_map and parent.key_kind == MERGE:
            if recording is None:
                recording = Recording()
                recording.items.append(event)
                self.recorders.append(recording)
            parent.merges = [*(parent.merges or ()), recording]
        frame.recording = recording
        if isinstance(parent, Frame) and parent.is_map and parent.key_kind != SCALAR:
            frame.muted = True  # a complex key, or what only a merge or nothing uses
            self.muted += 1
        self.depth += 2 if is_map else 1
        if self.depth > self.depth_limit:
            raise Trip(deep=True)
        if not (isinstance(parent, Frame) and parent.key_kind == KEY):
            self._enter(parent)
        self.stack.append(frame)

    def _end(self) -> None:
        frame = self.stack.pop()
        assert isinstance(frame, Frame)
        self.depth -= 2 if frame.is_map else 1
        if frame.recording is not None:
            frame.recording.size = frame.size
            frame.recording.done = True
            self.recorders.pop()
        if frame.is_map:
            self._finish_mapping(frame)
        if frame.muted:
            self.muted -= 1
        parent = self.stack[-1]
        tree = tuple(frame.tree) if frame.is_map else frame.tree
        position = (frame.line, frame.column, tree)
        if isinstance(parent, Frame) and parent.key_kind == KEY:
            parent.size += frame.size
            self._complex_key(parent, position)
            return
        self._leave(parent, frame.out, frame.size, position)

    def _enter(self, parent: Frame | Slot) -> None:
        if isinstance(parent, Frame):
            self.path.append(parent.key if parent.is_map else len(parent.out))

    def _leave(self, parent: Frame | Slot, value: Any, size: int, position: Position) -> None:
        parent.size += size
        if isinstance(parent, Slot):
            parent.value = value
            parent.position = position
            return
        self.path.pop()
        if not parent.is_map:
            line, column, child = position
            parent.out.append(value)
            parent.tree.extend((line - parent.line, column, child))
            return
        kind = parent.key_kind
        parent.key_kind = KEY
        if kind == COMPLEX:
            return
        line, column, child = position
        base = parent.line
        parent.tree.extend(
            (
                parent.key,
                parent.key_mark.line - base,
                parent.key_mark.column,
                line - base,
                column,
                child,
            )
        )
        if kind == SCALAR:
            parent.out[parent.key] = value

    def _complex_key(self, frame: Frame, position: Position) -> None:
        """A mapping's key is a list or a mapping: reported, and its value dropped."""
        line, column, _ = position
        self.diagnostics.append(
            loader_diagnostic(
                self.display,
                line + 1,
                column + 1,
                GO001.code,
                "这里的键不是简单的文字（是列表或映射）：字段名只能是文字",
                make_pointer(self.path),
            )
        )
        frame.key_kind = COMPLEX
        if frame.first_key is None:
            frame.first_key = "\0"

    def _scalar(self, event: Any) -> None:
        parent = self.stack[-1]
        value = event.value
        tag = event.tag
        if tag is None or tag == "!":
            tag = self._resolve(yaml.ScalarNode, value, event.implicit)
        mark = event.start_mark
        if isinstance(parent, Frame) and parent.is_map and parent.key_kind == KEY:
            parent.size += 1
            if parent.first_key is None:
                parent.first_key = value
            parent.key = value
            parent.key_mark = mark
            if tag == MERGE_TAG:
                parent.key_kind = MERGE
                parent.merge_at = [*(parent.merge_at or ()), len(parent.tree)]
                return
            parent.key_kind = SCALAR
            parent.keys += 1  # a repeated key is found when the mapping ends
            return
        # What only a merge uses (a scalar merges nothing), or the value of a complex key.
        muted = self.muted or (isinstance(parent, Frame) and parent.key_kind in UNUSED)
        self._enter(parent)
        if tag == STR_TAG:
            data: Any = value
            if not (muted or event.style) and value[:1] in "‘“":
                at = (mark.line + 1, mark.column + 1, value, make_pointer(self.path))
                self.diagnostics.extend(filter(None, [curly_quote_diagnostic(self.display, *at)]))
        elif tag in _SCALAR_TAGS:
            data = self._construct(tag, value, mark, bool(muted))
        elif tag == TIMESTAMP_TAG:
            # Kept as written; the checker decides where a date is welcome.
            if not muted:
                self.dates.append(make_pointer(self.path))
            data = value
        else:
            if not muted:
                self.diagnostics.append(
                    loader_diagnostic(
                        self.display,
                        mark.line + 1,
                        mark.column + 1,
                        GO012.code,
                        f"不支持的 YAML 标签 {tag}：目录文件只用普通的文字、数字、列表和映射。请删除该标签",
                        make_pointer(self.path),
                    )
                )
            data = value
        self._leave(
            parent, data, 1, (mark.line, ~mark.column if event.style else mark.column, value)
        )

    def _construct(self, tag: str, value: str, mark: Any, muted: bool) -> Any:
        """A scalar built by PyYAML's constructor for ``tag``; kept as text, and reported,
        when it cannot be (``!!int abc``, ``!!float ''``, a number of 5,000 digits)."""
        try:
            return self._constructor.yaml_constructors[tag](
                self._constructor, yaml.ScalarNode(tag, value)
            )
        except (ValueError, IndexError, OverflowError, TypeError, KeyError):
            pass
        if not muted:
            pointer = make_pointer(self.path)
            self.diagnostics.append(
                unreadable_tag_diagnostic(self.display, mark, tag, value, pointer)
            )
        return value

    # -- mappings -----------------------------------------------------------

    def _finish_mapping(self, frame: Frame) -> None:
        out = frame.out
        repeated = len(out) != frame.keys
        for source in frame.merges or ():
            for key, items in merged_pairs(source):
                if key not in out:
                    self.path.append(key)
                    out[key] = self._replay(items).value
                    self.path.pop()
        if repeated:
            self.diagnostics.extend(
                duplicate_key_diagnostics(
                    self.display, self.path, repeated_keys(frame), frame.first_key
                )
            )
