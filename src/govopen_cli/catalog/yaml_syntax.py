"""What is wrong with how a file's YAML is written, said where the slip is.

PyYAML's syntax errors are translated into Chinese and, where a typing slip is the
likely cause (a full-width colon or space, a missing space after ``:``, an unclosed
quote or bracket), reported at the slip rather than where the parser gave up. A
key written twice in one mapping, which PyYAML accepts by keeping the last value,
is reported at both places.
"""

from __future__ import annotations

import re

import yaml

from govopen_cli.catalog.loader_codes import loader_diagnostic
from govopen_cli.catalog.pointer import make_pointer
from govopen_cli.codes.go.file import GO001, GO003, GO006
from govopen_cli.diagnostics import Diagnostic

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
        dash = _list_dash_slip(text, index + 1)
        if dash is not None:
            return dash
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


_FULLWIDTH_DASH = re.compile(r"^(\s*)([－—–﹣])\s*")
_DASH_NO_SPACE = re.compile(r"^(\s*)-([^\s\-][^:\s]*):")
_KEY = re.compile(r"^( *)(?:- +)?([^\s:#\-'\"][^:]*):(?: |$)")


def _list_dash_slip(text: str, number: int) -> tuple[int, int, str] | None:
    """A list item begun with a full-width dash, or with ``-`` and no space after it."""
    match = _FULLWIDTH_DASH.match(text)
    if match:
        return (
            number,
            len(match.group(1)) + 1,
            f"第 {number} 行开头的“{match.group(2)}”是全角横线（中文输入法下输入的）："
            "YAML 的列表项要用半角减号加空格“- ”。请切换到英文输入法，改成“- ”",
        )
    match = _DASH_NO_SPACE.match(text)
    if match:
        return (
            number,
            len(match.group(1)) + 1,
            f"第 {number} 行“-{match.group(2)}:”的“-”后面缺少空格：列表项要写成"
            f"“- {match.group(2)}: …”（减号后加一个空格）",
        )
    return None


def _dedented_key(raw: bytes, pmark: yaml.Mark | None) -> tuple[int, int, str] | None:
    """A field written with less indent than the fields before it in the same item."""
    if pmark is None:
        return None
    lines = raw.decode("utf-8", errors="replace").split("\n")
    if not 0 < pmark.line < len(lines):
        return None
    here = _KEY.match(lines[pmark.line])
    if here is None or lines[pmark.line].lstrip().startswith("-"):
        return None
    for previous in reversed(lines[: pmark.line]):
        if not previous.strip() or previous.lstrip().startswith("#"):
            continue
        before = _KEY.match(previous)
        if before is None:
            return None
        indent = len(before.group(0)) - len(before.group(0).lstrip(" -"))
        if len(here.group(1)) >= indent:
            return None
        number = pmark.line + 1
        return (
            number,
            len(here.group(1)) + 1,
            f"第 {number} 行的字段 {here.group(2).strip()} 缩进了 {len(here.group(1))} 个空格，"
            f"比上一行的字段 {before.group(2).strip()}（{indent} 个空格）少：同一事项的字段要左边对齐。"
            f"请在行首补到 {indent} 个空格",
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


def syntax_diagnostic(exc: yaml.YAMLError, display: str, raw: bytes) -> Diagnostic:
    """What PyYAML's error means for the person who wrote the file, where the slip is."""
    problem = getattr(exc, "problem", None) or ""
    context = getattr(exc, "context", None) or ""
    pmark = getattr(exc, "problem_mark", None)
    cmark = getattr(exc, "context_mark", None)
    if isinstance(exc, yaml.composer.ComposerError) and "single document" in context:
        mark = pmark
        line = mark.line + 1 if mark else 1
        return loader_diagnostic(
            display,
            line,
            (mark.column + 1) if mark else 1,
            GO006.code,
            f"一个文件里有多个 YAML 文档（第 {line} 行开始了第二个）。每个文件只能有一个目录"
            "或一个三定映射：请删除多余的“---”，或拆成多个文件",
        )
    if pmark is not None and "escape" in problem:
        # libyaml: "found invalid Unicode character escape code" (a surrogate such as \ud800)
        return loader_diagnostic(
            display,
            pmark.line + 1,
            pmark.column + 1,
            GO001.code,
            f"第 {pmark.line + 1} 行第 {pmark.column + 1} 列的转义写法（\\u 或 \\x 后的编码）不是有效的字符"
            "（如单独的代理项 \\ud800）。请删除该转义，或直接写出字符",
        )
    if cmark is not None and "quoted scalar" in context:
        # An unclosed quote is reported where it opens, not at the end of the file.
        return loader_diagnostic(
            display,
            cmark.line + 1,
            cmark.column + 1,
            GO001.code,
            f"引号没有闭合：第 {cmark.line + 1} 行第 {cmark.column + 1} 列开始的带引号文字"
            "一直没有结束。请补上配对的引号（中文引号“”不算 YAML 引号）",
        )
    cause = _likely_cause(raw, pmark, cmark) or _dedented_key(raw, pmark)
    if cause is not None:
        line, column, message = cause
        return loader_diagnostic(display, line, column, GO001.code, message)
    if pmark is not None and _char_at(raw, pmark.line, pmark.column) == "\t":
        return loader_diagnostic(
            display,
            pmark.line + 1,
            pmark.column + 1,
            GO001.code,
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
        return loader_diagnostic(
            display,
            line + 1,
            column + 1,
            GO001.code,
            f"第 {line + 1} 行第 {column + 1} 列的“{bracket}”没有配对的“{closing}”"
            f"（到第 {pmark.line + 1 if pmark else '?'} 行仍未闭合）。请补上“{closing}”，"
            "或检查其中的逗号",
        )
    if cmark is not None and pmark is not None and "end of stream" in problem:
        mark = cmark
    else:
        mark = pmark or cmark
    if isinstance(exc, yaml.reader.ReaderError):
        return loader_diagnostic(
            display,
            1,
            1,
            GO001.code,
            f"文件中含有不允许的字符 {exc.character!r}（第 {exc.position + 1} 个字符）：请删除它",
        )
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    return loader_diagnostic(display, line, column, GO001.code, _translate_syntax(exc))


def duplicate_key_diagnostics(
    display: str,
    path: list[str | int],
    duplicates: list[tuple[str, tuple[int, int], tuple[int, int]]],
    first_key: str | None,
) -> list[Diagnostic]:
    """The keys written twice in the mapping at ``path``, each reported at both lines.

    ``duplicates`` holds ``(key, first, second)`` with 0-based ``(line, column)``
    marks; ``first_key`` is the mapping's own first key.
    """
    restart = next((d for d in duplicates if d[0] == first_key), None)
    if restart is None or len(duplicates) == 1:
        found: list[Diagnostic] = []
        for key, first, second in duplicates:
            found.extend(_duplicate(display, path, key, first, second))
        return found
    # The mapping starts over at its own first key: almost always a list item
    # whose "- " was left out, which would otherwise be one error per field.
    key, first, second = restart
    line, column = second[0] + 1, second[1] + 1
    return [
        loader_diagnostic(
            display,
            line,
            column,
            GO003.code,
            f"第 {line} 行又出现了字段 {key}（第 {first[0] + 1} 行已有），"
            f"之后共有 {len(duplicates)} 个字段重复：这里像是下一项的开始，"
            f"是否漏写了开头的“- ”？应写成“- {key}: …”。否则 YAML 会用后面的值悄悄覆盖前面的",
            make_pointer([*path, key]),
        )
    ]


def _duplicate(
    display: str,
    path: list[str | int],
    key: str,
    first: tuple[int, int],
    second: tuple[int, int],
) -> list[Diagnostic]:
    pointer = make_pointer([*path, key])
    l1, c1 = first[0] + 1, first[1] + 1
    l2, c2 = second[0] + 1, second[1] + 1
    return [
        loader_diagnostic(
            display,
            l1,
            c1,
            GO003.code,
            f"字段 {key} 在同一处写了两次（另一处在第 {l2} 行）：YAML 只会保留后一个值，"
            "前一个会被悄悄丢掉。请合并为一个",
            pointer,
        ),
        loader_diagnostic(
            display,
            l2,
            c2,
            GO003.code,
            f"字段 {key} 在同一处写了两次（另一处在第 {l1} 行）：YAML 只会保留这个值，"
            f"第 {l1} 行的值会被悄悄丢掉。请合并为一个",
            pointer,
        ),
    ]
