"""Control characters made visible, so that no value can forge a line of output.

A catalog value, a file name or a workbook cell may hold a line break, ESC or another
control character. Printed raw, one value could print lines that look like
diagnostics, a ``::error …::`` workflow command at the start of a line (GitHub
Actions runs those), or terminal escape sequences. Every text format passes values
and paths through :func:`visible`: ``\\n``, ``\\r``, ``\\t`` as written in code, every
other C0 and C1 control, DEL, the Unicode line and paragraph separators and the
bidirectional overrides as ``\\xNN`` / ``\\uNNNN``.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character escaped visibly (see the module docstring)."""
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def line_start(text: str) -> str:
    """``text`` that may begin a line: one starting ``::`` (a workflow command) gets ``./``."""
    return "./" + text if text.lstrip().startswith("::") else text
