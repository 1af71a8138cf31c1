"""What ``govopen import`` reports, and what it writes where a workbook is silent.

The 待填写 placeholders written
for what a workbook does not say (``govopen check`` reports them, GX006) and the
Chinese name of each field for messages; and :class:`ImportReport`, which locates each
diagnostic at its cell (``目录!C12``) and sorts them in reading order.
"""

from __future__ import annotations

from govopen_cli.catalog.placeholder import PLACEHOLDER
from govopen_cli.codes import all_codes
from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.excel.sheet import cell_name

PLACEHOLDERS = {
    "id": f"{PLACEHOLDER}（目录标识：只用字母、数字、-、_、.，各年度保持不变）",
    "title": f"{PLACEHOLDER}（目录名称）",
    "agency": f"{PLACEHOLDER}（制定机关）",
    "year": f"{PLACEHOLDER}（年度，如 2025）",
    "matter": f"{PLACEHOLDER}（一级事项）",
    "content": f"{PLACEHOLDER}（公开内容）",
    "basis": f"{PLACEHOLDER}（公开依据）",
    "deadline": f"{PLACEHOLDER}（公开时限）",
    "owner": f"{PLACEHOLDER}（公开主体）",
    "channels": f"{PLACEHOLDER}（公开渠道和载体）",
    "audience": f"{PLACEHOLDER}（公开对象：全社会或特定群体）",
    "mode": f"{PLACEHOLDER}（公开方式：主动或依申请）",
    "levels": f"{PLACEHOLDER}（公开层级）",
}


class ImportReport:
    """Makes located diagnostics for one workbook."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.diagnostics: list[Diagnostic] = []
        self.sheets: dict[str, int] = {}
        #: How the cells of each sheet are named (``sheet`` or ``table``, see
        #: :func:`~govopen_cli.excel.sheet.cell_name`).
        self.styles: dict[str, str] = {}
        self._sheet_of: list[str] = []
        #: Placeholders written for a cell reported here: (sheet, row, field).
        self.gaps: set[tuple[str, int, str]] = set()
        #: Placeholders written for a column the table lacks: (sheet, field).
        self.missing: set[tuple[str, str]] = set()

    def sorted(self) -> list[Diagnostic]:
        """In reading order: sheet by sheet, row by row; workbook-wide ones last."""

        def key(pair: tuple[str, Diagnostic]) -> tuple[int, int, int, str]:
            sheet, d = pair
            order = self.sheets.get(sheet, len(self.sheets)) if sheet else len(self.sheets) + 1
            return (order, d.line, d.column, d.code)

        return [d for _, d in sorted(zip(self._sheet_of, self.diagnostics, strict=True), key=key)]

    def add(
        self,
        code: str,
        message: str,
        *,
        sheet: str = "",
        row: int = 1,
        col: int = 1,
        severity: Severity | None = None,
    ) -> None:
        """A diagnostic at a cell of ``sheet``, or about the whole workbook without one."""
        style = self.styles.get(sheet, "sheet")
        source = cell_name(sheet, row, col, style) if sheet else self.display
        self._sheet_of.append(sheet)
        if sheet:
            self.sheets.setdefault(sheet, len(self.sheets))
        self.diagnostics.append(
            all_codes()[code].at(
                self.display, message, line=row, column=col, source=source, severity=severity
            )
        )
