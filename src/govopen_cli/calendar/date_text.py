"""Dates as people and spreadsheets write them in this field.

A ledger (台账) holds dates as ``2025-09-26``, ``2025/9/26``, ``2025.9.26``,
``2025年9月26日``, ``20250926``, with full-width digits now and then, sometimes
with a time after them, and in workbooks as date cells or bare day numbers
(Excel serials whose date format was lost). :func:`parse_date_text` reads the
written forms; :func:`date_from_cell` adds the cell values openpyxl returns.
Anything else is ``None``: the caller reports it where it was found.
"""

from __future__ import annotations

import datetime as dt
import re

_FULL_WIDTH = str.maketrans("０１２３４５６７８９／－．：　", "0123456789/-.: ")

_SEPARATED = re.compile(
    r"^(?P<y>\d{4})\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_CHINESE = re.compile(
    r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
    r"(?:\s*\d{1,2}[:时].*)?$"
)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")

#: Dates outside these years are typing mistakes (2205 for 2025), not dates.
FIRST_YEAR = 2000
LAST_YEAR = 2100

# Excel day numbers for 2000-01-01 and 2100-12-31 (1900 date system).
_SERIAL_FIRST = 36526
_SERIAL_LAST = 73415
_EXCEL_EPOCH = dt.date(1899, 12, 30)

DATE_FORMS = "2025-09-26、2025/9/26、2025.9.26、2025年9月26日 或 20250926"


def _make(year: str, month: str, day: str) -> dt.date | None:
    try:
        value = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        return None
    return value


def parse_date_text(text: str) -> dt.date | None:
    """A date written in one of the forms of :data:`DATE_FORMS`, or None.

    A time after the date (``2025-09-26 00:00:00``, as a spreadsheet export
    writes it) is accepted and dropped. Impossible dates (2025-02-30) and years
    outside 2000..2100 are None.
    """
    value = text.translate(_FULL_WIDTH).strip()
    for pattern in (_SEPARATED, _CHINESE, _COMPACT):
        match = pattern.match(value)
        if match:
            return _make(match["y"], match["m"], match["d"])
    return None


def date_problem(text: str) -> str:
    """Why a date written in a known form is no date: ``2 月没有 30 日``; "" for any other text.

    For messages: "格式不对" would send the user looking for a typo in a date
    that is well written but does not exist.
    """
    import calendar

    value = text.translate(_FULL_WIDTH).strip()
    for pattern in (_SEPARATED, _CHINESE, _COMPACT):
        match = pattern.match(value)
        if match is None:
            continue
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        if not 1 <= month <= 12:
            return f"没有 {month} 月"
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            return f"{year} 年 {month} 月没有 {day} 日（只有 {last} 天）"
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return f"年份 {year} 不在 {FIRST_YEAR}—{LAST_YEAR} 之间"
        return ""
    return ""


def date_from_serial(serial: float) -> dt.date | None:
    """The date of an Excel day number (1900 date system, 2000..2100), or None."""
    if serial != int(serial) or not _SERIAL_FIRST <= serial <= _SERIAL_LAST:
        return None
    # Serials above 60 already include Excel's phantom 1900-02-29, hence the 1899-12-30 epoch.
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def date_from_cell(value: object) -> dt.date | None:
    """A workbook cell's date: a date or datetime cell, an Excel serial, or written text."""
    if isinstance(value, dt.datetime):
        day = value.date()
        return day if FIRST_YEAR <= day.year <= LAST_YEAR else None
    if isinstance(value, dt.date):
        return value if FIRST_YEAR <= value.year <= LAST_YEAR else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return date_from_serial(value)
    if isinstance(value, str):
        return parse_date_text(value)
    return None
