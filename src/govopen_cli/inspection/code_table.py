"""The codes ``govopen inspect`` reports (GI): reading the 检查表 (GI0xx) and what the
inspection found (GI1xx), with their names and default severities.
"""

from __future__ import annotations

from govopen_cli.diagnostics import Severity

CODE_FREE_TEXT = "GI001"
CODE_UNKNOWN_ID = "GI002"
CODE_MISSING_ITEM = "GI003"
CODE_DUPLICATE_ROW = "GI004"
CODE_BAD_DATE = "GI005"
CODE_NO_SHEET = "GI006"
CODE_ROW_WITHOUT_ID = "GI007"
CODE_ITEM_MISMATCH = "GI008"
CODE_DATE_ORDER = "GI009"
CODE_CATALOG_CHANGED = "GI010"
CODE_REORDERED = "GI011"
CODE_UNKNOWN_YEAR = "GI012"
CODE_MISSING_COLUMN = "GI013"
CODE_LATE = "GI101"
CODE_NOT_PUBLISHED = "GI102"
CODE_MARKED = "GI103"
CODE_CONTRADICTION = "GI104"
CODE_FIX_OVERDUE = "GI105"

INSPECT_CODES: dict[str, tuple[str, Severity, str]] = {
    CODE_FREE_TEXT: ("free-text-in-dropdown", Severity.WARNING, "下拉列中填了选项以外的文字"),
    CODE_UNKNOWN_ID: ("unknown-item-id", Severity.ERROR, "检查表中的事项编号不在目录中"),
    CODE_MISSING_ITEM: (
        "item-missing-from-sheet",
        Severity.WARNING,
        "目录中的事项在检查表中没有行",
    ),
    CODE_DUPLICATE_ROW: ("duplicate-item-row", Severity.WARNING, "同一事项在检查表中有多行"),
    CODE_BAD_DATE: ("bad-date", Severity.WARNING, "日期看不懂"),
    CODE_NO_SHEET: ("inspection-sheet-not-found", Severity.ERROR, "找不到检查表"),
    CODE_ROW_WITHOUT_ID: ("row-without-id", Severity.ERROR, "有检查结果的行没有事项编号"),
    CODE_ITEM_MISMATCH: (
        "item-mismatch",
        Severity.WARNING,
        "行中的公开事项与目录中该编号的事项不一致",
    ),
    CODE_DATE_ORDER: ("dates-out-of-order", Severity.WARNING, "公开日期早于信息形成日期"),
    CODE_CATALOG_CHANGED: ("catalog-changed", Severity.WARNING, "目录文件在导出检查表后改过"),
    CODE_REORDERED: ("rows-reordered", Severity.INFO, "检查表的行顺序与目录不同"),
    CODE_UNKNOWN_YEAR: (
        "calendar-year-unknown",
        Severity.WARNING,
        "不知道该年的节假日安排，无法按工作日计算",
    ),
    CODE_MISSING_COLUMN: ("inspection-column-missing", Severity.WARNING, "检查表缺少一列"),
    CODE_LATE: ("published-late", Severity.ERROR, "公开日期晚于公开时限"),
    CODE_NOT_PUBLISHED: ("not-published", Severity.ERROR, "应公开而未公开"),
    CODE_MARKED: ("marked-non-compliant", Severity.WARNING, "检查结论为“否”"),
    CODE_CONTRADICTION: ("timeliness-contradiction", Severity.WARNING, "是否及时与日期不一致"),
    CODE_FIX_OVERDUE: ("rectification-overdue", Severity.WARNING, "整改期限已过"),
}
