"""YAML -> plain data, keeping where every value is written so that it can be located.

The loader reads the parser events of PyYAML's C parser (``CSafeLoader`` where
libyaml is present) and builds JSON-compatible Python data from them itself,
with a compact index of positions instead of PyYAML's node tree. Doing the
construction here, rather than in PyYAML's constructor, is what lets it report the pitfalls of the catalog format at their line and column
instead of "fixing" them silently:

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
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from govopen_cli.codes import all_codes
from govopen_cli.codes.go.file import (
    GO001,
    GO002,
    GO003,
    GO004,
    GO005,
    GO006,
    GO007,
    GO009,
    GO011,
    GO012,
)
from govopen_cli.diagnostics import Diagnostic, Severity

try:  # the C loader is several times faster; fall back where libyaml is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

STR_TAG = "tag:yaml.org,2002:str"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MERGE_TAG = "tag:yaml.org,2002:merge"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}

#: Aliases may expand a document to at most this many nodes beyond its own size …
ALIAS_ALLOWANCE = 100_000
#: … and at most this many times its own size.
ALIAS_FACTOR = 10

# Loader diagnostics: codes never change meaning.
CODE_SYNTAX = GO001.code
CODE_ENCODING = GO002.code
CODE_DUPLICATE_KEY = GO003.code
CODE_ALIAS_BOMB = GO004.code
CODE_EMPTY = GO005.code
CODE_MULTI_DOC = GO006.code
CODE_NOT_MAPPING = GO007.code
CODE_BINARY = GO009.code
CODE_UNREADABLE = GO011.code
CODE_TAG = GO012.code


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
                for at in range(len(tree) - 6, -1, -6):
                    if tree[at] == token:
                        break
                else:
                    return here, False
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


@dataclass
class LoadResult:
    """What loading one file gives: a document (None when unusable) and problems."""

    document: Document | None
    diagnostics: list[Diagnostic]


def _diag(
    display: str, line: int, column: int, code: str, message: str, pointer: str = ""
) -> Diagnostic:
    return Diagnostic(
        file=display,
        line=line,
        column=column,
        code=code,
        severity=Severity.ERROR,
        message=message,
        path=pointer,
        name=all_codes()[code].name,
    )


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
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            _diag(
                display,
                1,
                1,
                CODE_ENCODING,
                "文件是 UTF-16 编码，不是 UTF-8。请用编辑器“另存为”UTF-8 编码后再检查，"
                f"或执行：iconv -f UTF-16 -t UTF-8 {display} > 新文件.yaml",
            )
        ]
    if _looks_binary(raw):
        return None, [
            _diag(
                display,
                1,
                1,
                CODE_BINARY,
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
        return None, [_diag(display, line, column, CODE_ENCODING, message)]
    return raw, []


_SYNTAX_TRANSLATIONS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"found character '\\t' that cannot start any token|found a tab character"),
        "此处有制表符（Tab）。YAML 的缩进只能用空格：请把 Tab 换成空格（通常每级 2 个）",
    ),
    (
        re.compile(r"mapping values are not allowed"),
        "此处不能出现“: ”（冒号加空格会被当成键值分隔）。如果冒号是文字的一部分，"
        "请给整个值加引号；如果是新字段，请检查缩进",
    ),
    (
        re.compile(r"could not find expected ':'"),
        "缺少“:”：这一行应是“字段: 值”的形式，或上一行的引号、括号没有闭合",
    ),
    (
        re.compile(r"found undefined alias"),
        "引用了未定义的锚点（*别名 之前没有对应的 &锚点）",
    ),
    (
        re.compile(r"found duplicate anchor"),
        "锚点名称重复定义",
    ),
    (
        re.compile(r"did not find expected key"),
        "缩进不一致或多了符号：这一行的缩进与同级字段不对齐，或列表项“- ”出现在映射中间",
    ),
    (
        re.compile(r"did not find expected '-' indicator"),
        "缩进不一致：列表的各项“- ”应当对齐",
    ),
    (
        re.compile(r"did not find expected node content|expected the node content"),
        "此处缺少值，或有多余的符号",
    ),
    (
        re.compile(r"control characters are not allowed|special characters are not allowed"),
        "文件中含有不允许的控制字符（常见于从 Word/网页复制的文字）：请删除该字符",
    ),
]


def _translate_syntax(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    for pattern, text in _SYNTAX_TRANSLATIONS:
        if pattern.search(problem) or pattern.search(context):
            return text
    return f"YAML 语法错误：{problem}" + (f"（{context}）" if context else "")


def _char_at(raw: bytes, line: int, column: int) -> str:
    lines = raw.split(b"\n")
    if 0 <= line < len(lines):
        text = lines[line].decode("utf-8", errors="replace")
        if 0 <= column < len(text):
            return text[column]
    return ""


_FULLWIDTH_COLON = re.compile(r"^\s*(?:-\s+)?([^\s:：#'\"]{1,40})：")
_NO_SPACE_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):(?=[^\s/])")


def _likely_cause(
    raw: bytes, pmark: yaml.Mark | None, cmark: yaml.Mark | None
) -> tuple[int, int, str] | None:
    """Typing slips that YAML reports a line or two later, found where they are."""
    if pmark is None:
        return None
    lines = raw.split(b"\n")
    first = max(0, (cmark.line if cmark is not None else pmark.line) - 1, pmark.line - 3)
    for index in range(min(pmark.line, len(lines) - 1), first - 1, -1):
        text = lines[index].decode("utf-8", errors="replace")
        if text.lstrip(" ").startswith("#"):
            continue
        if text.startswith("\u3000") or text.lstrip(" ").startswith("\u3000"):
            return (
                index + 1,
                1,
                f"第 {index + 1} 行用全角空格（中文输入法下的空格）缩进：YAML 只认半角空格，请改为半角空格",
            )
        if ": " in text or text.rstrip().endswith(":"):
            continue
        match = _FULLWIDTH_COLON.match(text)
        if match:
            return (
                index + 1,
                match.end(),
                f"第 {index + 1} 行“{match.group(1)}：”用了全角冒号“：”：字段名和值之间要用半角冒号"
                f"加空格，写成“{match.group(1)}: ”（切换到英文输入法输入）",
            )
        match = _NO_SPACE_COLON.match(text)
        if match:
            return (
                index + 1,
                match.end(),
                f"第 {index + 1} 行“{match.group(1)}:”后面缺少空格：YAML 要求冒号后有一个空格，"
                f"写成“{match.group(1)}: 值”",
            )
    return None


def _unclosed_bracket(raw: bytes, last_line: int) -> tuple[int, int, str] | None:
    """The last ``[`` or ``{`` still open at ``last_line`` (0-based line, column, char).

    Quoted text and comments are skipped, so a bracket inside a string does not count.
    """
    stack: list[tuple[int, int, str]] = []
    for number, text in enumerate(raw.decode("utf-8", errors="replace").split("\n")):
        if number > last_line:
            break
        quote = ""
        for column, char in enumerate(text):
            if quote:
                if char == quote:
                    quote = ""
            elif char in "'\"" and (column == 0 or text[column - 1] in " [{,:"):
                quote = char
            elif char == "#" and (column == 0 or text[column - 1] == " "):
                break
            elif char in "[{":
                stack.append((number, column, char))
            elif char in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def _syntax_diagnostic(exc: yaml.YAMLError, display: str, raw: bytes) -> Diagnostic:
    problem = getattr(exc, "problem", None) or ""
    context = getattr(exc, "context", None) or ""
    pmark = getattr(exc, "problem_mark", None)
    cmark = getattr(exc, "context_mark", None)
    if isinstance(exc, yaml.composer.ComposerError) and "single document" in context:
        mark = pmark
        line = mark.line + 1 if mark else 1
        return _diag(
            display,
            line,
            (mark.column + 1) if mark else 1,
            CODE_MULTI_DOC,
            f"一个文件里有多个 YAML 文档（第 {line} 行开始了第二个）。每个文件只能有一个目录"
            "或一个三定映射：请删除多余的“---”，或拆成多个文件",
        )
    if cmark is not None and "quoted scalar" in context:
        # An unclosed quote is reported where it opens, not at the end of the file.
        return _diag(
            display,
            cmark.line + 1,
            cmark.column + 1,
            CODE_SYNTAX,
            f"引号没有闭合：第 {cmark.line + 1} 行第 {cmark.column + 1} 列开始的带引号文字"
            "一直没有结束。请补上配对的引号（中文引号“”不算 YAML 引号）",
        )
    cause = _likely_cause(raw, pmark, cmark)
    if cause is not None:
        line, column, message = cause
        return _diag(display, line, column, CODE_SYNTAX, message)
    if pmark is not None and _char_at(raw, pmark.line, pmark.column) == "\t":
        return _diag(
            display,
            pmark.line + 1,
            pmark.column + 1,
            CODE_SYNTAX,
            "此处有制表符（Tab）。YAML 的缩进只能用空格：请把 Tab 换成空格（通常每级 2 个）",
        )
    if cmark is not None and "flow" in context:
        opener = _unclosed_bracket(raw, pmark.line if pmark is not None else cmark.line)
        line, column, bracket = opener or (
            cmark.line,
            cmark.column,
            "[" if "sequence" in context else "{",
        )
        closing = "]" if bracket == "[" else "}"
        return _diag(
            display,
            line + 1,
            column + 1,
            CODE_SYNTAX,
            f"第 {line + 1} 行第 {column + 1} 列的“{bracket}”没有配对的“{closing}”"
            f"（到第 {pmark.line + 1 if pmark else '?'} 行仍未闭合）。请补上“{closing}”，"
            "或检查其中的逗号",
        )
    if cmark is not None and pmark is not None and "end of stream" in problem:
        mark = cmark
    else:
        mark = pmark or cmark
    if isinstance(exc, yaml.reader.ReaderError):
        return _diag(
            display,
            1,
            1,
            CODE_SYNTAX,
            f"文件中含有不允许的字符 {exc.character!r}（第 {exc.position + 1} 个字符）：请删除它",
        )
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    return _diag(display, line, column, CODE_SYNTAX, _translate_syntax(exc))


class _Trip(Exception):
    """The fast path cannot decide: aliases may expand too far, or nesting is too deep."""

    def __init__(self, *, deep: bool) -> None:
        super().__init__()
        self.deep = deep


def _document_events(loader: Any) -> Iterator[Any]:
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


def _alias_bomb(raw: bytes, limit: int | None) -> tuple[int, int, int]:
    """Count nodes as if every alias were expanded, without expanding anything.

    Returns (distinct nodes, line, column): with ``limit``, the 0-based mark of the
    node found expanding past it (or the anchor an alias refers back into), else
    line -1. Follows the order in which the node tree used to be walked: a
    container is checked after each member, a mapping after each key and value.
    """
    loader = _Loader(raw)
    try:
        distinct = 0
        sizes: dict[str, int | None] = {}
        marks: dict[str, Any] = {}
        # [size, mark, is_mapping, members so far, anchor]
        stack: list[list[Any]] = []
        for event in _document_events(loader):
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


class _Recording:
    """The events of one node, kept so that an alias or a merge can build it again."""

    __slots__ = ("done", "items", "size")

    def __init__(self) -> None:
        #: events, and for an alias the recording it refers to
        self.items: list[Any] = []
        self.size = 1
        self.done = False


class _Frame:
    """A mapping or sequence being built."""

    __slots__ = (
        "column",
        "duplicates",
        "first_key",
        "first_seen",
        "is_map",
        "key",
        "key_column",
        "key_kind",
        "key_line",
        "line",
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
        self.recording: _Recording | None = None
        self.muted = False
        self.key: str = ""
        self.key_line = 0
        self.key_column = 0
        #: what the next member is: _KEY, or the value of a _SCALAR/_MERGE/_COMPLEX key
        self.key_kind = _KEY if is_map else _SEQ
        self.first_key: str | None = None
        self.first_seen: dict[str, tuple[int, int]] = {}
        self.duplicates: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
        self.merges: list[_Recording] = []


_KEY, _SCALAR, _MERGE, _COMPLEX, _SEQ = range(5)
_UNUSED = (_MERGE, _COMPLEX)


class _Sink:
    """Where the root (or a value built again) ends up."""

    __slots__ = ("position", "size", "value")

    def __init__(self) -> None:
        self.value: Any = None
        self.position: Position | None = None
        self.size = 0


class _Builder:
    """Builds plain data and its position tree from parser events.

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
        self.stack: list[_Frame | _Sink] = []
        self.anchors: dict[str, _Recording] = {}
        self.recorders: list[_Recording] = []
        self.live = True
        self.muted = 0
        self.depth = 0
        self.depth_limit = max(100, sys.getrecursionlimit() - 100)
        self.distinct = 0
        self.expanded = 0
        self._constructor = yaml.SafeLoader("")  # only its scalar constructors are used
        self._resolve: Any = self._constructor.resolve

    # -- entry points -------------------------------------------------------

    def build(self, events: Iterator[Any]) -> _Sink:
        sink = _Sink()
        self.stack.append(sink)
        anchors = self.anchors
        event: Any
        for event in events:
            if type(event) is yaml.AliasEvent:
                target = anchors[str(event.anchor)]
                if self.guard and (
                    not target.done
                    or self.expanded + target.size > ALIAS_FACTOR * self.distinct + ALIAS_ALLOWANCE
                ):
                    raise _Trip(deep=False)
                self.expanded += target.size
                for recording in self.recorders:
                    recording.items.append(target)
                self._alias(target)
                continue
            if type(event) is not yaml.MappingEndEvent and type(event) is not yaml.SequenceEndEvent:
                self.distinct += 1
                self.expanded += 1
                if event.anchor is not None:
                    recording = _Recording()
                    anchors[event.anchor] = recording
                    self.recorders.append(recording)
                    recording.items.append(event)
                    for outer in self.recorders[:-1]:
                        outer.items.append(event)
                    self._start(event, recording)
                    continue
            for recording in self.recorders:
                recording.items.append(event)
            self._event(event)
        self.stack.pop()
        return sink

    def _replay(self, items: list[Any]) -> _Sink:
        """Build recorded events again, at the current path."""
        sink = _Sink()
        saved = self.recorders, self.live
        self.recorders, self.live = [], False
        self.stack.append(sink)
        for item in items:
            for recording in self.recorders:
                recording.items.append(item)
            if isinstance(item, _Recording):
                self._alias(item)
            else:
                self._event(item)
        self.stack.pop()
        self.recorders, self.live = saved
        return sink

    def _alias(self, target: _Recording) -> None:
        """An alias is its anchor's node: built again, positioned where the anchor is."""
        parent = self.stack[-1]
        first = target.items[0]
        if type(first) is yaml.ScalarEvent:
            self._scalar(first)
            return
        kind = parent.key_kind if isinstance(parent, _Frame) else _SEQ
        if kind == _KEY:
            assert isinstance(parent, _Frame)
            parent.size += target.size
            self._complex_key(parent, self._position_of(target))
            return
        self._enter(parent)
        value: Any = None
        if kind == _MERGE:
            assert isinstance(parent, _Frame)
            parent.merges.append(target)
            position = self._position_of(target)
        elif kind == _COMPLEX:
            position = (0, 0, None)  # dropped with the complex key
        else:
            sink = self._replay(target.items)
            value = sink.value
            assert sink.position is not None
            position = sink.position
        self._leave(parent, value, target.size, position)

    def _position_of(self, target: _Recording) -> Position:
        first = target.items[0]
        mark = first.start_mark
        if type(first) is yaml.ScalarEvent:
            return (mark.line, ~mark.column if first.style else mark.column, first.value)
        was = self.muted
        self.muted = 1
        sink = self._replay(target.items)
        self.muted = was
        assert sink.position is not None
        return sink.position

    # -- events -------------------------------------------------------------

    def _event(self, event: Any) -> None:
        cls = type(event)
        if cls is yaml.ScalarEvent:
            self._scalar(event)
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            self._end()
        else:
            self._start(event, None)

    def _start(self, event: Any, recording: _Recording | None) -> None:
        if type(event) is yaml.ScalarEvent:
            self._scalar(event)
            if recording is not None:
                recording.done = True
                self.recorders.pop()
            return
        parent = self.stack[-1]
        mark = event.start_mark
        is_map = type(event) is yaml.MappingStartEvent
        frame = _Frame(is_map, mark.line, mark.column)
        if isinstance(parent, _Frame) and parent.is_map and parent.key_kind == _MERGE:
            if recording is None:
                recording = _Recording()
                recording.items.append(event)
                self.recorders.append(recording)
            parent.merges.append(recording)
        frame.recording = recording
        if isinstance(parent, _Frame) and parent.is_map and parent.key_kind != _SCALAR:
            frame.muted = True  # a complex key, or what only a merge or nothing uses
            self.muted += 1
        self.depth += 2 if is_map else 1
        if self.depth > self.depth_limit:
            raise _Trip(deep=True)
        if not (isinstance(parent, _Frame) and parent.key_kind == _KEY):
            self._enter(parent)
        self.stack.append(frame)

    def _end(self) -> None:
        frame = self.stack.pop()
        assert isinstance(frame, _Frame)
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
        if isinstance(parent, _Frame) and parent.key_kind == _KEY:
            parent.size += frame.size
            self._complex_key(parent, position)
            return
        self._leave(parent, frame.out, frame.size, position)

    def _enter(self, parent: _Frame | _Sink) -> None:
        if isinstance(parent, _Frame):
            self.path.append(parent.key if parent.is_map else len(parent.out))

    def _leave(self, parent: _Frame | _Sink, value: Any, size: int, position: Position) -> None:
        parent.size += size
        if isinstance(parent, _Sink):
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
        parent.key_kind = _KEY
        if kind == _COMPLEX:
            return
        line, column, child = position
        base = parent.line
        parent.tree.extend(
            (parent.key, parent.key_line - base, parent.key_column, line - base, column, child)
        )
        if kind == _SCALAR:
            parent.out[parent.key] = value

    def _complex_key(self, frame: _Frame, position: Position) -> None:
        """A mapping's key is a list or a mapping: reported, and its value dropped."""
        line, column, _ = position
        self.diagnostics.append(
            _diag(
                self.display,
                line + 1,
                column + 1,
                CODE_SYNTAX,
                "这里的键不是简单的文字（是列表或映射）：字段名只能是文字",
                make_pointer(self.path),
            )
        )
        frame.key_kind = _COMPLEX
        if frame.first_key is None:
            frame.first_key = "\0"

    def _scalar(self, event: Any) -> None:
        parent = self.stack[-1]
        value = event.value
        tag = event.tag
        if tag is None or tag == "!":
            tag = self._resolve(yaml.ScalarNode, value, event.implicit)
        mark = event.start_mark
        if isinstance(parent, _Frame) and parent.is_map and parent.key_kind == _KEY:
            parent.size += 1
            if parent.first_key is None:
                parent.first_key = value
            parent.key = value
            parent.key_line = mark.line
            parent.key_column = mark.column
            if tag == MERGE_TAG:
                parent.key_kind = _MERGE
                return
            parent.key_kind = _SCALAR
            earlier = parent.first_seen.get(value)
            here = (mark.line, mark.column)
            if earlier is not None:
                parent.duplicates.append((value, earlier, here))
            parent.first_seen[value] = here
            return
        # What only a merge uses (a scalar merges nothing), or the value of a complex key.
        muted = self.muted or (isinstance(parent, _Frame) and parent.key_kind in _UNUSED)
        self._enter(parent)
        if tag == STR_TAG:
            data: Any = value
        elif tag in _SCALAR_TAGS:
            data = self._constructor.yaml_constructors[tag](
                self._constructor, yaml.ScalarNode(tag, value)
            )
        elif tag == TIMESTAMP_TAG:
            # Kept as written; the checker decides where a date is welcome.
            if not muted:
                self.dates.append(make_pointer(self.path))
            data = value
        else:
            if not muted:
                self.diagnostics.append(
                    _diag(
                        self.display,
                        mark.line + 1,
                        mark.column + 1,
                        CODE_TAG,
                        f"不支持的 YAML 标签 {tag}：目录文件只用普通的文字、数字、列表和映射。请删除该标签",
                        make_pointer(self.path),
                    )
                )
            data = value
        self._leave(
            parent, data, 1, (mark.line, ~mark.column if event.style else mark.column, value)
        )

    # -- mappings -----------------------------------------------------------

    def _finish_mapping(self, frame: _Frame) -> None:
        out = frame.out
        for source in frame.merges:
            for key, items in _merged_pairs(source):
                if key not in out:
                    self.path.append(key)
                    out[key] = self._replay(items).value
                    self.path.pop()
        if frame.duplicates:
            self._report_duplicates(frame)

    def _report_duplicates(self, frame: _Frame) -> None:
        duplicates = frame.duplicates
        restart = next((d for d in duplicates if d[0] == frame.first_key), None)
        if restart is None or len(duplicates) == 1:
            for key, first, second in duplicates:
                self._duplicate(key, first, second)
            return
        # The mapping starts over at its own first key: almost always a list item
        # whose "- " was left out, which would otherwise be one error per field.
        key, first, second = restart
        line, column = second[0] + 1, second[1] + 1
        self.diagnostics.append(
            _diag(
                self.display,
                line,
                column,
                CODE_DUPLICATE_KEY,
                f"第 {line} 行又出现了字段 {key}（第 {first[0] + 1} 行已有），"
                f"之后共有 {len(duplicates)} 个字段重复：这里像是下一项的开始，"
                f"是否漏写了开头的“- ”？应写成“- {key}: …”。否则 YAML 会用后面的值悄悄覆盖前面的",
                make_pointer([*self.path, key]),
            )
        )

    def _duplicate(self, key: str, first: tuple[int, int], second: tuple[int, int]) -> None:
        pointer = make_pointer([*self.path, key])
        l1, c1 = first[0] + 1, first[1] + 1
        l2, c2 = second[0] + 1, second[1] + 1
        self.diagnostics.append(
            _diag(
                self.display,
                l1,
                c1,
                CODE_DUPLICATE_KEY,
                f"字段 {key} 在同一处写了两次（另一处在第 {l2} 行）：YAML 只会保留后一个值，"
                "前一个会被悄悄丢掉。请合并为一个",
                pointer,
            )
        )
        self.diagnostics.append(
            _diag(
                self.display,
                l2,
                c2,
                CODE_DUPLICATE_KEY,
                f"字段 {key} 在同一处写了两次（另一处在第 {l1} 行）：YAML 只会保留这个值，"
                f"第 {l1} 行的值会被悄悄丢掉。请合并为一个",
                pointer,
            )
        )


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
    while len(items) == 1 and isinstance(items[0], _Recording):
        items = items[0].items
    return items


def _merged_pairs(source: _Recording) -> Iterator[tuple[str, list[Any]]]:
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


def _build(raw: bytes, display: str, *, guard: bool) -> tuple[_Builder, _Sink]:
    loader = _Loader(raw)
    try:
        builder = _Builder(display, guard)
        return builder, builder.build(_document_events(loader))
    finally:
        loader.dispose()


def parse_yaml_bytes(raw: bytes, path: Path, display: str) -> LoadResult:
    """Parse UTF-8 bytes (no BOM) into a :class:`Document`, or report why not."""
    gc_was_enabled = gc.isenabled()
    # The data only grows while parsing; a collector pass over it is pure cost.
    gc.disable()
    try:
        try:
            return _parse(raw, path, display)
        except yaml.YAMLError as exc:
            return LoadResult(None, [_syntax_diagnostic(exc, display, raw)])
    finally:
        if gc_was_enabled:
            gc.enable()


def _parse(raw: bytes, path: Path, display: str) -> LoadResult:
    try:
        builder, sink = _build(raw, display, guard=True)
    except _Trip as trip:
        # Rare: decide on the whole file, counting without expanding anything.
        distinct, _, _ = _alias_bomb(raw, None)
        limit = ALIAS_FACTOR * distinct + ALIAS_ALLOWANCE
        _, line, column = _alias_bomb(raw, limit)
        if line >= 0:
            return LoadResult(
                None,
                [
                    _diag(
                        display,
                        line + 1,
                        column + 1,
                        CODE_ALIAS_BOMB,
                        f"锚点/别名（&、*）展开后超过 {limit} 个节点（文件本身只有 {distinct} 个），"
                        "或别名引用了自身，已拒绝读取。请不要多层嵌套地引用别名，直接写出内容",
                    )
                ],
            )
        try:
            if trip.deep:
                raise
            builder, sink = _build(raw, display, guard=False)
        except _Trip:
            return LoadResult(
                None,
                [_diag(display, 1, 1, CODE_SYNTAX, "嵌套层次过深，无法读取：请检查缩进")],
            )
    root = sink.position
    if root is None:
        return LoadResult(
            None,
            [
                _diag(
                    display,
                    1,
                    1,
                    CODE_EMPTY,
                    "文件是空的（或只有注释）。目录文件至少需要 format、catalog 和 items；"
                    "三定映射文件至少需要 format、agency、source 和 duties",
                )
            ],
        )
    diagnostics = list(builder.diagnostics)
    if not isinstance(root[2], tuple):
        kind = "列表" if isinstance(root[2], list) else "单个值"
        diagnostics.append(
            _diag(
                display,
                root[0] + 1,
                root[1] + 1,
                CODE_NOT_MAPPING,
                f"文件顶层是{kind}，应当是映射（“字段: 值”）：目录文件顶层是 format、catalog、"
                "items 三个字段，三定映射文件顶层是 format、agency、source、duties",
            )
        )
        return LoadResult(None, diagnostics)
    return LoadResult(
        Document(path=path, display=display, data=sink.value, index=root, dates=builder.dates),
        diagnostics,
    )


def load_document(path: Path, display: str | None = None) -> LoadResult:
    """Read and parse one YAML file. Never raises for problems in the file."""
    shown = display if display is not None else str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return LoadResult(
            None,
            [_diag(shown, 1, 1, CODE_UNREADABLE, f"无法读取文件：{exc.strerror or exc}")],
        )
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
