"""How much room text needs in a cell: lines at a column width, row heights, column widths.

Rows need an explicit height (neither Excel nor LibreOffice grows a row to its wrapped
text when the file does not say so), and a column must be wide enough for its longest
text to show in a row no taller than Excel allows. The count is the same for every
sheet govopen writes; a 50,000-item export measures about a million cells, so the
count avoids a Python step per character where the result cannot differ.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

#: Points per printed line of 10-point text, with CJK fonts' taller line spacing.
LINE_HEIGHT = 14.0


def text_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide.

    Column widths count the default font's digit width; a CJK character is about
    two of those. Rows need an explicit height: neither Excel nor LibreOffice
    grows a row to its wrapped text when the file does not say so.
    """
    usable = max(width - 1.0, 1.0)
    if "\n" not in text:
        if 1.8 * len(text) < usable - 1e-6:  # even all wide, it fits one line
            return 1
        return _paragraph_lines(text, usable)
    lines = 0
    for paragraph in text.split("\n"):
        lines += _paragraph_lines(paragraph, usable)
    return lines


#: The characters counted as 1.8 digit widths (CJK and beyond: code points above U+2E7F).
_WIDE = re.compile("[\u2e80-\U0010ffff]")


def _units(paragraph: str) -> float:
    """A paragraph's width in digit widths, summed character by character."""
    return sum(1.8 if ord(ch) > 0x2E7F else 1.0 for ch in paragraph)


def _paragraph_lines(paragraph: str, usable: float) -> int:
    """``max(1, ceil(_units(paragraph) / usable))``, without a Python step per character.

    The width is counted from the number of wide characters; only when it falls within
    a millionth of a line break (where the summed floats' rounding could tip it) is it
    summed character by character, so the result is always that of :func:`_units`.
    """
    n = len(paragraph)
    if paragraph.isascii():
        return max(1, math.ceil(n / usable))  # a sum of n ones is exact
    wide = n - len(_WIDE.sub("", paragraph))
    units = (n - wide) + 1.8 * wide
    if abs(units - round(units / usable) * usable) > 1e-6:
        return max(1, math.ceil(units / usable))
    return max(1, math.ceil(_units(paragraph) / usable))


#: Excel's largest row height (points); a taller row is cut to it, or the file refused.
MAX_ROW_HEIGHT = 409.0
#: The lines of text a row of MAX_ROW_HEIGHT shows.
MAX_LINES = int((MAX_ROW_HEIGHT - 4) // LINE_HEIGHT)
#: How wide :func:`widths_to_show` may make a column (characters).
MAX_COLUMN_WIDTH = 120.0


def row_height(texts: Iterable[tuple[str, float]], minimum: float = 18.0) -> float:
    """The height (points) of a row whose cells hold ``(text, column width)``, at most
    :data:`MAX_ROW_HEIGHT` (see :func:`widths_to_show` for text that needs more)."""
    lines = 1
    for text, width in texts:
        if text:
            n = text_lines(text, width)
            if n > lines:
                lines = n
    return min(MAX_ROW_HEIGHT, max(minimum, lines * LINE_HEIGHT + 4))


def widths_to_show(
    widths: Sequence[float], rows: Iterable[Sequence[str]], limit: float = MAX_COLUMN_WIDTH
) -> list[float]:
    """``widths``, each widened as far as the longest text of its column needs to show
    whole in a row no taller than Excel allows (:data:`MAX_ROW_HEIGHT`).

    A cell with more lines than that (a 15-element content list in a narrow column)
    would otherwise be cut off on screen and in print. A column grows at most to
    ``limit``; only text with more explicit line breaks than a row can hold stays cut.
    """
    out = [float(w) for w in widths]
    for texts in rows:
        for i, text in enumerate(texts):
            if not text or i >= len(out) or _fits(text, out[i]):
                continue
            while out[i] < limit and text_lines(text, out[i]) > MAX_LINES:
                out[i] = min(limit, out[i] + 2)
    return out


def _fits(text: str, width: float) -> bool:
    """``text_lines(text, width) <= MAX_LINES``; most texts are shown to fit by an upper
    bound (every character wide, every paragraph a line more) without counting."""
    usable = max(width - 1.0, 1.0)
    if 1.8 * len(text) / usable + text.count("\n") + 1 <= MAX_LINES - 1:
        return True
    return text_lines(text, width) <= MAX_LINES
