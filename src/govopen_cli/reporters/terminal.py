"""Text for a terminal: lines of styled segments, written plain or in colour.

The text reporter of ``govopen check`` and the text renderer of ``govopen diff``
build their output as lines of ``(text, rich style)`` segments and leave it to
:func:`render_lines` to join them (on a pipe) or colour them (on a terminal), so
both colour a severity the same way. rich is imported only for colour.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from govopen_cli.diagnostics import Severity

#: One line of output: ``(text, rich style)`` segments, ``""`` for no style.
StyledLine = Sequence[tuple[str, str]]

#: How a severity is coloured wherever it is shown.
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render_lines(lines: Iterable[StyledLine], color: bool) -> str:
    """The lines joined, each ending in a newline; with ANSI colours when ``color``.

    Lines are never wrapped, so a long message stays one line a user can grep.
    """
    if not color:
        return "".join("".join(text for text, _ in line) + "\n" for line in lines)
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=True,
        color_system="standard",
        width=10_000,
        highlight=False,
        soft_wrap=True,
    )
    for line in lines:
        text = Text()
        for segment, style in line:
            text.append(segment, style=style or None)
        console.print(text)
    return buffer.getvalue()
