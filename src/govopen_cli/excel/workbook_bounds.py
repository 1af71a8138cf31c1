"""The bounds a workbook must stay within, and the error that says it does not.

Shared by the workbook door (:mod:`.workbook_file`) and its cell check
(:mod:`.workbook_cells`); documented in docs/limits.md.
"""

from __future__ import annotations

from govopen_cli.errors import GovopenError

#: Most parts (files) in a workbook's zip archive.
MAX_MEMBERS = 10_000
#: Most bytes of a workbook's parts once inflated, all together: 1 GiB.
MAX_UNCOMPRESSED = 1024 * 1024 * 1024
#: Most cells (rows × columns, up to the cell furthest out) in one sheet: 5 million.
MAX_CELLS = 5_000_000

#: What every message about a damaged workbook ends with.
REPAIR = "该工作簿可能已损坏或被改动过：请用 Excel 或 WPS 打开，另存为 .xlsx 后再试"


class UnreadableWorkbookError(Exception):
    """A file that cannot be opened as an .xlsx workbook: a problem in the user's file,
    which the caller reports as a diagnostic. The message says why, in Chinese."""


class DamagedWorkbookError(UnreadableWorkbookError, GovopenError):
    """Damage found only while rows are read: the command stops (exit status 2)."""
