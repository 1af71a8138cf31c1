"""A spreadsheet cell's value as text, whichever file the value came from.

Workbook cells (read by :mod:`govopen_cli.excel`) and the values of CSV and YAML
ledgers (read by :mod:`govopen_cli.requests`) come as the same Python types; both
show them the same way. No openpyxl here: the core may import it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def cell_text(value: Any) -> str:
    """A cell's value as text: whole numbers without ".0", dates as YYYY-MM-DD, None as "".

    Also used for the values of CSV and YAML ledgers, which come as the same types.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
