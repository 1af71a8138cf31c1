"""YAML -> plain data, keeping the node tree so that every value can be located.

The loader composes the document with PyYAML's C parser (``CSafeLoader`` where
libyaml is present), then builds JSON-compatible Python data from the nodes
itself. Doing the construction here, rather than in PyYAML's constructor, is
what lets it report the pitfalls of the catalog format at their line and column
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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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
CODE_SYNTAX = "GO001"
CODE_ENCODING = "GO002"
CODE_DUPLICATE_KEY = "GO003"
CODE_ALIAS_BOMB = "GO004"
CODE_EMPTY = "GO005"
CODE_MULTI_DOC = "GO006"
CODE_NOT_MAPPING = "GO007"
CODE_UNKNOWN_KIND = "GO008"
CODE_BINARY = "GO009"
CODE_IMPLICIT_DATE = "GO010"
CODE_UNREADABLE = "GO011"
CODE_TAG = "GO012"

LOADER_CODES: dict[str, tuple[str, str]] = {
    CODE_SYNTAX: ("yaml-syntax", "YAML 语法错误"),
    CODE_ENCODING: ("not-utf8", "文件不是 UTF-8 编码"),
    CODE_DUPLICATE_KEY: ("duplicate-key", "同一映射中键重复"),
    CODE_ALIAS_BOMB: ("alias-expansion", "锚点/别名展开过大"),
    CODE_EMPTY: ("empty-file", "文件为空"),
    CODE_MULTI_DOC: ("multiple-documents", "一个文件中有多个 YAML 文档"),
    CODE_NOT_MAPPING: ("top-level-not-mapping", "顶层不是映射"),
    CODE_UNKNOWN_KIND: ("unknown-file-kind", "无法识别的文件类型"),
    CODE_BINARY: ("binary-file", "不是文本文件"),
    CODE_IMPLICIT_DATE: ("implicit-date", "文本被 YAML 读成日期"),
    CODE_UNREADABLE: ("unreadable-file", "文件无法读取"),
    CODE_TAG: ("unsupported-tag", "不支持的 YAML 标签"),
}


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


@dataclass
class Document:
    """One loaded YAML file: its data and the nodes that locate every value."""

    path: Path
    display: str
    data: Any
    root: yaml.Node | None
    dates: list[str] = field(default_factory=list)

    def resolve(self, pointer: str, *, key: bool = False) -> tuple[yaml.Node | None, bool]:
        """The node at ``pointer`` and True, or its deepest existing parent and False.

        With ``key``, a mapping member resolves to its key node (where an unknown
        field is reported) rather than its value.
        """
        node = self.root
        if node is None:
            return None, False
        tokens = split_pointer(pointer)
        for i, token in enumerate(tokens):
            last = i == len(tokens) - 1
            if isinstance(node, yaml.MappingNode):
                found = None
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == token:
                        found = (k, v)  # the last one wins, as in the data
                if found is None:
                    return node, False
                node = found[0] if (last and key) else found[1]
            elif isinstance(node, yaml.SequenceNode):
                if not token.isdigit() or int(token) >= len(node.value):
                    return node, False
                node = node.value[int(token)]
            else:
                return node, False
        return node, True

    def locate(self, pointer: str, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the node at ``pointer``, or of its nearest parent."""
        node, _ = self.resolve(pointer, key=key)
        if node is None:
            return (1, 1)
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    def source_text(self, pointer: str) -> str | None:
        """The scalar as written in the file (``001`` for ``id: 001``), or None."""
        node, exact = self.resolve(pointer)
        if exact and isinstance(node, yaml.ScalarNode):
            return str(node.value)
        return None

    def is_plain_scalar(self, pointer: str) -> bool:
        """True when the value at ``pointer`` is an unquoted scalar."""
        node, exact = self.resolve(pointer)
        return exact and isinstance(node, yaml.ScalarNode) and not node.style


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
        name=LOADER_CODES[code][0],
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


class _AliasBomb(Exception):
    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """Count nodes as if every alias were expanded, without expanding anything."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        known = sizes.get(key)
        if known is not None:
            return known
        if key in in_progress:  # an alias to an enclosing node: infinite
            raise _AliasBomb(node)
        in_progress.add(key)
        total = 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k) + size(v)
                if total > limit:
                    raise _AliasBomb(node)
        elif isinstance(node, yaml.SequenceNode):
            for v in node.value:
                total += size(v)
                if total > limit:
                    raise _AliasBomb(node)
        in_progress.discard(key)
        sizes[key] = total
        return total

    return size(root)


def _distinct_nodes(root: yaml.Node) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.append(k)
                stack.append(v)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return len(seen)


class _Builder:
    """Builds plain data from nodes, recording what the schema cannot see."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.diagnostics: list[Diagnostic] = []
        self.dates: list[str] = []
        self.path: list[str | int] = []
        self._constructor = yaml.SafeLoader("")  # only its scalar constructors are used

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            out: list[Any] = []
            path = self.path
            for i, child in enumerate(node.value):
                path.append(i)
                out.append(self.build(child))
                path.pop()
            return out
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node)
        return None  # pragma: no cover - no other node kinds exist

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == STR_TAG:
            return node.value
        if tag in _SCALAR_TAGS:
            return self._constructor.yaml_constructors[tag](self._constructor, node)
        if tag == TIMESTAMP_TAG:
            # Kept as written; the checker decides where a date is welcome.
            self.dates.append(make_pointer(self.path))
            return node.value
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.diagnostics.append(
            _diag(
                self.display,
                line,
                column,
                CODE_TAG,
                f"不支持的 YAML 标签 {tag}：目录文件只用普通的文字、数字、列表和映射。请删除该标签",
                make_pointer(self.path),
            )
        )
        return node.value

    def mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        duplicates: list[tuple[str, yaml.Node, yaml.Node]] = []
        path = self.path
        pairs = list(node.value)
        merged: list[tuple[yaml.Node, yaml.Node]] = []
        for key_node, value_node in pairs:
            if key_node.tag == MERGE_TAG:
                sources = (
                    value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                )
                for src in sources:
                    if isinstance(src, yaml.MappingNode):
                        merged.extend(src.value)
                continue
        for key_node, value_node in pairs:
            if key_node.tag == MERGE_TAG:
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                self.diagnostics.append(
                    _diag(
                        self.display,
                        line,
                        column,
                        CODE_SYNTAX,
                        "这里的键不是简单的文字（是列表或映射）：字段名只能是文字",
                        make_pointer(path),
                    )
                )
                continue
            key = str(key_node.value)
            earlier = first_seen.get(key)
            if earlier is not None:
                duplicates.append((key, earlier, key_node))
            first_seen[key] = key_node
            path.append(key)
            out[key] = self.build(value_node)
            path.pop()
        for key_node, value_node in merged:
            key = str(key_node.value)
            if key not in out:
                path.append(key)
                out[key] = self.build(value_node)
                path.pop()
        if duplicates:
            self._report_duplicates(pairs, duplicates)
        return out

    def _report_duplicates(
        self,
        pairs: list[tuple[yaml.Node, yaml.Node]],
        duplicates: list[tuple[str, yaml.Node, yaml.Node]],
    ) -> None:
        first_key = str(pairs[0][0].value) if pairs else ""
        restart = next((d for d in duplicates if d[0] == first_key), None)
        if restart is None or len(duplicates) == 1:
            for key, first, second in duplicates:
                self._duplicate(key, first, second)
            return
        # The mapping starts over at its own first key: almost always a list item
        # whose "- " was left out, which would otherwise be one error per field.
        key, first, second = restart
        line, column = second.start_mark.line + 1, second.start_mark.column + 1
        self.diagnostics.append(
            _diag(
                self.display,
                line,
                column,
                CODE_DUPLICATE_KEY,
                f"第 {line} 行又出现了字段 {key}（第 {first.start_mark.line + 1} 行已有），"
                f"之后共有 {len(duplicates)} 个字段重复：这里像是下一项的开始，"
                f"是否漏写了开头的“- ”？应写成“- {key}: …”。否则 YAML 会用后面的值悄悄覆盖前面的",
                make_pointer([*self.path, key]),
            )
        )

    def _duplicate(self, key: str, first: yaml.Node, second: yaml.Node) -> None:
        pointer = make_pointer([*self.path, key])
        l1, c1 = first.start_mark.line + 1, first.start_mark.column + 1
        l2, c2 = second.start_mark.line + 1, second.start_mark.column + 1
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


def parse_yaml_bytes(raw: bytes, path: Path, display: str) -> LoadResult:
    """Parse UTF-8 bytes (no BOM) into a :class:`Document`, or report why not."""
    gc_was_enabled = gc.isenabled()
    # The node tree only grows while parsing; a collector pass over it is pure cost.
    gc.disable()
    try:
        loader = _Loader(raw)
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            return LoadResult(None, [_syntax_diagnostic(exc, display, raw)])
        finally:
            loader.dispose()
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
        if b"*" in raw and b"&" in raw:
            distinct = _distinct_nodes(root)
            limit = ALIAS_FACTOR * distinct + ALIAS_ALLOWANCE
            try:
                _expanded_size(root, limit)
            except (_AliasBomb, RecursionError) as exc:
                mark = exc.node.start_mark if isinstance(exc, _AliasBomb) else root.start_mark
                return LoadResult(
                    None,
                    [
                        _diag(
                            display,
                            mark.line + 1,
                            mark.column + 1,
                            CODE_ALIAS_BOMB,
                            f"锚点/别名（&、*）展开后超过 {limit} 个节点（文件本身只有 {distinct} 个），"
                            "或别名引用了自身，已拒绝读取。请不要多层嵌套地引用别名，直接写出内容",
                        )
                    ],
                )
        builder = _Builder(display)
        try:
            data = builder.build(root)
        except RecursionError:
            return LoadResult(
                None,
                [_diag(display, 1, 1, CODE_SYNTAX, "嵌套层次过深，无法读取：请检查缩进")],
            )
        diagnostics = list(builder.diagnostics)
        if not isinstance(root, yaml.MappingNode):
            kind = "列表" if isinstance(root, yaml.SequenceNode) else "单个值"
            diagnostics.append(
                _diag(
                    display,
                    root.start_mark.line + 1,
                    root.start_mark.column + 1,
                    CODE_NOT_MAPPING,
                    f"文件顶层是{kind}，应当是映射（“字段: 值”）：目录文件顶层是 format、catalog、"
                    "items 三个字段，三定映射文件顶层是 format、agency、source、duties",
                )
            )
            return LoadResult(None, diagnostics)
        return LoadResult(
            Document(path=path, display=display, data=data, root=root, dates=builder.dates),
            diagnostics,
        )
    finally:
        if gc_was_enabled:
            gc.enable()


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
