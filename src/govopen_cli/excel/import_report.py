"""What ``govopen import`` reports, and what it writes where a workbook is silent.

The GX codes with their names and default severities; the 待填写 placeholders written
for what a workbook does not say (``govopen check`` reports them, GX006) and the
Chinese name of each field for messages; and :class:`ImportReport`, which locates each
diagnostic at its cell (``目录!C12``) and sorts them in reading order.
"""

from __future__ import annotations

from govopen_cli.diagnostics import Diagnostic, Severity
from govopen_cli.excel import layout
from govopen_cli.excel.sheet import cell_name

# Import diagnostics: codes never change meaning (documented in rules/excel_codes.py).
CODE_NO_HEADER = "GX001"
CODE_UNKNOWN_COLUMN = "GX002"
CODE_BAD_TICK = "GX003"
CODE_UNKNOWN_MARK = "GX004"
CODE_EMPTY_CELL = "GX005"
CODE_PLACEHOLDER = "GX006"
CODE_CHANNEL_VARIANT = "GX007"
CODE_LOOKALIKE_MARK = "GX008"
CODE_DUPLICATE_ID = "GX009"
CODE_UNREADABLE = "GX010"
CODE_SKIPPED_ROW = "GX011"
CODE_GENERATED_ID = "GX012"
CODE_HEADER_INFERRED = "GX013"
CODE_UNKNOWN_CHANNEL = "GX015"
CODE_BAD_VALUE = "GX016"
CODE_URL_SCHEME_ADDED = "GX017"
CODE_EXCEL_ERROR = "GX018"
CODE_FORMULA_NOT_SAVED = "GX019"

IMPORT_CODES: dict[str, tuple[str, Severity, str]] = {
    CODE_NO_HEADER: ("header-not-found", Severity.WARNING, "工作表中找不到目录表头"),
    CODE_UNKNOWN_COLUMN: ("unknown-column", Severity.INFO, "目录格式没有对应字段的列，已忽略"),
    CODE_BAD_TICK: ("bad-tick", Severity.WARNING, "打勾列中的内容不是 √"),
    CODE_UNKNOWN_MARK: ("unknown-channel-mark", Severity.WARNING, "渠道前的标注不是 ■ □ ▲"),
    CODE_EMPTY_CELL: ("empty-required-cell", Severity.WARNING, "必填的单元格为空"),
    CODE_PLACEHOLDER: ("placeholder-used", Severity.ERROR, "导入时留下的“待填写”占位尚未补充"),
    CODE_CHANNEL_VARIANT: ("channel-variant-mapped", Severity.INFO, "渠道名称按标准名称导入"),
    CODE_LOOKALIKE_MARK: ("lookalike-mark", Severity.INFO, "形似 □ 的符号（如“口”）按 □ 读取"),
    CODE_DUPLICATE_ID: ("import-duplicate-id", Severity.WARNING, "事项编号重复，已加后缀区分"),
    CODE_UNREADABLE: ("unreadable-workbook", Severity.ERROR, "无法读取工作簿"),
    CODE_SKIPPED_ROW: ("skipped-row", Severity.INFO, "分组标题行或说明行，未作为事项导入"),
    CODE_GENERATED_ID: ("generated-id", Severity.INFO, "没有事项编号，已按公开事项生成"),
    CODE_HEADER_INFERRED: ("header-inferred", Severity.INFO, "目录信息从标题推断"),
    CODE_UNKNOWN_CHANNEL: ("import-unknown-channel", Severity.INFO, "不是标准目录的渠道名称"),
    CODE_BAD_VALUE: ("bad-cell-value", Severity.WARNING, "单元格的值不在允许范围内"),
    CODE_URL_SCHEME_ADDED: (
        "url-scheme-added",
        Severity.INFO,
        "公开网址没有写 https://，已补上",
    ),
    CODE_EXCEL_ERROR: ("excel-error-value", Severity.WARNING, "单元格是 Excel 错误值（#REF! 等）"),
    CODE_FORMULA_NOT_SAVED: (
        "formula-value-not-saved",
        Severity.WARNING,
        "单元格是公式，工作簿没有保存它的计算结果",
    ),
}

PLACEHOLDERS = {
    "id": f"{layout.PLACEHOLDER}（目录标识：只用字母、数字、-、_、.，各年度保持不变）",
    "title": f"{layout.PLACEHOLDER}（目录名称）",
    "agency": f"{layout.PLACEHOLDER}（制定机关）",
    "year": f"{layout.PLACEHOLDER}（年度，如 2025）",
    "matter": f"{layout.PLACEHOLDER}（一级事项）",
    "content": f"{layout.PLACEHOLDER}（公开内容）",
    "basis": f"{layout.PLACEHOLDER}（公开依据）",
    "deadline": f"{layout.PLACEHOLDER}（公开时限）",
    "owner": f"{layout.PLACEHOLDER}（公开主体）",
    "channels": f"{layout.PLACEHOLDER}（公开渠道和载体）",
    "audience": f"{layout.PLACEHOLDER}（公开对象：全社会或特定群体）",
    "mode": f"{layout.PLACEHOLDER}（公开方式：主动或依申请）",
    "levels": f"{layout.PLACEHOLDER}（公开层级）",
}
#: The Chinese name of each field import may leave empty or as a placeholder, for messages.
FIELD_NAMES = {
    "id": "目录标识",
    "title": "目录名称",
    "agency": "制定机关",
    "year": "年度",
    "matter": "公开事项",
    "matter1": "一级事项",
    "content": "公开内容",
    "basis": "公开依据",
    "deadline": "公开时限",
    "owner": "公开主体",
    "channels": "公开渠道和载体",
    "audience": "公开对象",
    "mode": "公开方式",
    "levels": "公开层级",
}


class ImportReport:
    """Makes located diagnostics for one workbook."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.diagnostics: list[Diagnostic] = []
        self.sheets: dict[str, int] = {}

    def sorted(self) -> list[Diagnostic]:
        """In reading order: sheet by sheet, row by row; workbook-wide ones last."""

        def key(d: Diagnostic) -> tuple[int, int, int, str]:
            sheet = d.source.rsplit("!", 1)[0] if "!" in d.source else None
            order = self.sheets.get(sheet, len(self.sheets)) if sheet else len(self.sheets) + 1
            return (order, d.line, d.column, d.code)

        return sorted(self.diagnostics, key=key)

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
        name, default, _ = IMPORT_CODES[code]
        severity = severity or default
        source = cell_name(sheet, row, col) if sheet else self.display
        if sheet:
            self.sheets.setdefault(sheet, len(self.sheets))
        self.diagnostics.append(
            Diagnostic(
                file=self.display,
                line=row,
                column=col,
                code=code,
                severity=severity,
                message=message,
                name=name,
                source=source,
            )
        )
