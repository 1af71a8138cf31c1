"""Codes of the 依申请公开 ledger (family GR): ``govopen requests check`` and ``report``.

They have no rule function: :mod:`govopen_cli.requests.ledger` reports GR0xx while reading
a ledger, :mod:`govopen_cli.requests.check` GR1xx, :mod:`govopen_cli.requests.annual_report`
GR2xx. Registering them here gives them documentation (``govopen rules GR``,
docs/ledger.md) and lets ``select``/``ignore``/``[severity]`` name them.

Families: GR0xx 台账读取 · GR1xx 答复期限与处理 · GR2xx 年度报告表.
"""

from __future__ import annotations

from govopen_cli.checks.rules import Rule, register
from govopen_cli.diagnostics import Severity

LEDGER_UNREADABLE = "GR001"
LEDGER_MISSING_COLUMN = "GR002"
LEDGER_BAD_DATE = "GR003"
LEDGER_BAD_VALUE = "GR004"
LEDGER_NOT_UTF8 = "GR005"
LEDGER_DATE_ORDER = "GR006"
LEDGER_MISSING_VALUE = "GR007"
LEDGER_DUPLICATE_NUMBER = "GR008"
LEDGER_UNKNOWN_COLUMN = "GR009"
LEDGER_NUMBER_ONLY_ROWS = "GR010"
UNKNOWN_CATALOG_ITEM = "GR011"
ANSWERED_LATE = "GR101"
OVERDUE_OPEN = "GR102"
DUE_SOON = "GR103"
REFUSAL_WITHOUT_GROUND = "GR104"
CONVERSION_CANDIDATE = "GR105"
CORRECTION_NOTICE_LATE = "GR106"
DEADLINE_YEAR_UNKNOWN = "GR107"
REPORT_IDENTITY = "GR201"

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

#: code -> (name, default severity, documentation: a one-line summary, then four parts)
REQUEST_CODES: dict[str, tuple[str, Severity, str]] = {
    LEDGER_UNREADABLE: (
        "ledger-unreadable",
        _E,
        "台账无法读取\n\n"
        "检查：台账文件无法作为表格读取：不是 CSV、xlsx 或 YAML，文件损坏，编码无法识别，"
        "或者找不到表头行。\n\n"
        "依据：台账格式（docs/ledger.md）。\n\n"
        "错误示例：把 .xls（旧版 Excel）改名为 .xlsx；表格前十行里没有“编号”“收到日期”等表头。\n\n"
        "修改：另存为 .xlsx 或 UTF-8 的 CSV；表头写在数据上方的一行中。",
    ),
    LEDGER_MISSING_COLUMN: (
        "ledger-missing-column",
        _E,
        "台账缺少必需的列\n\n"
        "检查：台账缺少必需的列：编号、收到日期、申请人类型、答复日期、处理结果。\n\n"
        "依据：《政府信息公开条例》第三十三条（期限自收到申请起算）、第五十条（年度报告按申请人"
        "类型和处理结果统计）。\n\n"
        "错误示例：只有“申请日期”“申请人”“内容”三列的登记簿。\n\n"
        "修改：补上缺少的列（列名及常见别名见 docs/ledger.md）。",
    ),
    LEDGER_BAD_DATE: (
        "ledger-bad-date",
        _E,
        "日期无法识别\n\n"
        "检查：日期单元格不是可以识别的日期。\n\n"
        "依据：答复期限按工作日从具体日期起算（条例第三十一条、第三十三条），日期不明无法计算。\n\n"
        "错误示例：`2025-13-01`、`9月26日`（缺年份）、`2025.9`、`见附件`。\n\n"
        "修改：写成 2025-09-26、2025/9/26、2025年9月26日 之一，或在 Excel 中设为日期格式。",
    ),
    LEDGER_BAD_VALUE: (
        "ledger-bad-value",
        _E,
        "申请人类型、处理结果等的值无法识别\n\n"
        "检查：申请人类型、处理结果、是否延期或征求第三方意见天数的值无法识别。\n\n"
        "依据：国办公开办函〔2021〕30号 年度报告表的申请人分类（自然人；商业企业、科研机构、"
        "社会公益组织、法律服务机构、其他）和办理结果分类。\n\n"
        "错误示例：申请人类型 `个体户?`；处理结果 `已办`；是否延期 `可能`；征求第三方意见天数 `两周`。\n\n"
        "修改：按 docs/ledger.md 中的写法填写，如处理结果 `不予公开-属于国家秘密`、是否延期 `是`。",
    ),
    LEDGER_NOT_UTF8: (
        "ledger-not-utf8",
        _W,
        "CSV 不是 UTF-8 编码\n\n"
        "检查：CSV 台账不是 UTF-8 编码，已按 GB18030（GBK）读取。\n\n"
        "依据：台账格式使用 UTF-8；中文版 Excel“另存为 CSV”默认用 GBK，读错编码会把文字变成乱码。\n\n"
        "错误示例：用 Excel 另存的“CSV（逗号分隔）”。\n\n"
        "修改：另存为“CSV UTF-8（逗号分隔）”，或 iconv -f GB18030 -t UTF-8 台账.csv > 新台账.csv。",
    ),
    LEDGER_DATE_ORDER: (
        "ledger-date-order",
        _E,
        "日期先后矛盾\n\n"
        "检查：日期先后矛盾：答复早于收到、补正收到早于补正通知、补正通知早于收到，或日期晚于今天。\n\n"
        "依据：条例第三十条、第三十一条、第三十三条的先后顺序。\n\n"
        "错误示例：收到日期 2025-05-06，答复日期 2025-04-30。\n\n"
        "修改：核对原始登记，改正年份或月份的笔误。",
    ),
    LEDGER_MISSING_VALUE: (
        "ledger-missing-value",
        _E,
        "必填的单元格为空\n\n"
        "检查：必填的单元格是空的：编号、收到日期、申请人类型；或有答复日期却没有处理结果"
        "（反之亦然）。\n\n"
        "依据：条例第三十三条（期限）、第五十条（年度报告按处理结果统计）。\n\n"
        "错误示例：答复日期 2025-03-10，处理结果空白。\n\n"
        "修改：补填；尚未答复的申请，答复日期和处理结果都留空。",
    ),
    LEDGER_DUPLICATE_NUMBER: (
        "ledger-duplicate-number",
        _W,
        "申请编号重复\n\n"
        "检查：两行申请的编号相同。\n\n"
        "依据：台账中每件申请应有唯一编号，否则统计会重复或遗漏。\n\n"
        "错误示例：两行都是 `2025-007`。\n\n"
        "修改：改正编号；同一申请的多次答复只登记最终答复。",
    ),
    LEDGER_UNKNOWN_COLUMN: (
        "ledger-unknown-column",
        _W,
        "不认识的列\n\n"
        "检查：表头中有 govopen 不认识的列，这一列的内容不会被检查。\n\n"
        "依据：台账格式（docs/ledger.md）。\n\n"
        "错误示例：`答复曰期`（错别字）。\n\n"
        "修改：改成规定的列名；确实不需要检查的列（如“承办人”）可以留着，或在配置中 ignore GR009。",
    ),
    LEDGER_NUMBER_ONLY_ROWS: (
        "ledger-number-only-rows",
        _I,
        "只有编号的空行\n\n"
        "检查：有些行只填了编号（或序号），没有其他内容，不作为申请处理。\n\n"
        "依据：台账格式：空白的预编号行不是申请。\n\n"
        "错误示例：模板中预先编好 31—100 号的空行。\n\n"
        "修改：无需修改；若这些行其实是申请，请补全内容。",
    ),
    UNKNOWN_CATALOG_ITEM: (
        "unknown-catalog-item",
        _W,
        "关联事项不在目录中\n\n"
        "检查：关联事项写的编号在 --catalog 指定的目录中不存在。\n\n"
        "依据：转为主动公开时要落到目录的具体事项上（条例第四十四条）。\n\n"
        "错误示例：关联事项 `ZD-99`，目录中没有这个 id。\n\n"
        "修改：改成目录中事项的 id（如 `ZD-006`），或留空。",
    ),
    ANSWERED_LATE: (
        "answered-late",
        _E,
        "逾期答复\n\n"
        "检查：答复日期晚于答复期限。期限为收到申请后 20 个工作日，经批准延期再加 20 个工作日；"
        "需要补正的，自收到补正之日起算；征求第三方意见的天数不计入。\n\n"
        "依据：《政府信息公开条例》第三十三条、第三十条、第三十一条、第三十二条。\n\n"
        "错误示例：2025-03-03 收到、未延期，2025-04-10 才答复（期限 2025-03-31）。\n\n"
        "修改：无法补救已逾期的答复；检查延期审批、补正、征求意见是否如实登记，并改进流程。",
    ),
    OVERDUE_OPEN: (
        "overdue-open",
        _E,
        "未答复且已逾期\n\n"
        "检查：尚未答复的申请已超过答复期限。\n\n"
        "依据：《政府信息公开条例》第三十三条。\n\n"
        "错误示例：2025-11-03 收到，到 2025-12-31 仍未答复（期限 2025-12-01）。\n\n"
        "修改：立即答复；若已答复，补填答复日期和处理结果。",
    ),
    DUE_SOON: (
        "due-soon",
        _W,
        "即将到期\n\n"
        "检查：尚未答复的申请将在几个工作日内到期（默认 5 个，配置 [requests] due-soon-days）。\n\n"
        "依据：《政府信息公开条例》第三十三条。\n\n"
        "错误示例：期限 2025-12-05，今天 2025-12-01，仍未答复。\n\n"
        "修改：按期答复；确需延长的，在期限届满前经负责人同意并告知申请人。",
    ),
    REFUSAL_WITHOUT_GROUND: (
        "refusal-without-ground",
        _E,
        "不予公开等没有写明理由\n\n"
        "检查：不予公开、无法提供或不予处理的答复没有写明理由（属于年度报告表中的哪一类）。\n\n"
        "依据：《政府信息公开条例》第三十六条（不予公开应告知并说明理由）、第十四条至第十六条；"
        "国办公开办函〔2021〕30号 年度报告表按理由分类统计。\n\n"
        "错误示例：处理结果只写 `不予公开`。\n\n"
        "修改：写成 `不予公开-属于国家秘密` 等，或在“理由”列写明依据，如 `涉及个人隐私`。",
    ),
    CONVERSION_CANDIDATE: (
        "conversion-candidate",
        _I,
        "可转为主动公开\n\n"
        "检查：同一目录事项，或内容几乎相同的信息，在一段时间内（默认 365 天）被申请 3 次以上，"
        "可转为主动公开。被不予公开、无法提供、不予处理的申请不计。\n\n"
        "依据：《政府信息公开条例》第四十四条：多个申请人就相同政府信息提出公开申请，且该信息"
        "属于可以公开的，可以纳入主动公开范围。\n\n"
        "错误示例：一年内 4 人申请同一批次征地报批材料（目录事项 ZD-006 为依申请公开）。\n\n"
        "修改：把该事项的公开方式改为主动（或按消息中的草拟事项补进目录），并主动公开。"
        "阈值和相似度见 [requests] conversion-threshold、similarity、conversion-window-days。",
    ),
    CORRECTION_NOTICE_LATE: (
        "correction-notice-late",
        _W,
        "补正通知超过 7 个工作日\n\n"
        "检查：补正通知晚于收到申请后 7 个工作日。\n\n"
        "依据：《政府信息公开条例》第三十条：申请内容不明确的，应自收到申请之日起 7 个工作日内"
        "一次性告知申请人补正。\n\n"
        "错误示例：2025-04-01 收到，2025-04-18 才发补正通知。\n\n"
        "修改：7 个工作日内发出补正通知，并一次性说明需要补正的事项。",
    ),
    DEADLINE_YEAR_UNKNOWN: (
        "deadline-year-unknown",
        _E,
        "期限所在年份的节假日安排未知\n\n"
        "检查：答复期限要数到一个不知道节假日安排的年份，无法计算。\n\n"
        "依据：工作日以国务院办公厅公布的节假日安排为准（含调休），不能按周一至周五猜测。\n\n"
        "错误示例：2026-12-20 收到的申请，期限落在 2027 年，而 chinese-calendar 只知道到 2026 年。\n\n"
        "修改：在 govopen.toml 中用 holidays 指定该年的节假日文件（格式见 docs/workdays.md），"
        "或升级 chinese-calendar。",
    ),
    REPORT_IDENTITY: (
        "report-identity",
        _E,
        "年度报告表勾稽关系不符\n\n"
        "检查：年度报告表某一列不满足勾稽关系：一（本年新收）+ 二（上年结转）= 三（七）总计 + "
        "四（结转下年度）。\n\n"
        "依据：国办公开办函〔2021〕30号 年度报告格式：“本列数据的勾稽关系为：第一项加第二项之和，"
        "等于第三项加第四项之和”。\n\n"
        "错误示例：一件申请已在本年办结，但处理结果为空或无法归类，没有计入任何办理结果。\n\n"
        "修改：按消息列出的申请补全处理结果、改正日期，再重新生成。",
    ),
}

for _code, (_name, _severity, _doc) in REQUEST_CODES.items():
    register(
        Rule(
            code=_code,
            name=_name,
            severity=_severity,
            summary=_doc.split("\n", 1)[0],
            doc=_doc,
        )
    )


def code_name(code: str) -> str:
    """The kebab-case name of a GR code."""
    return REQUEST_CODES[code][0]


def code_severity(code: str) -> Severity:
    """The default severity of a GR code."""
    return REQUEST_CODES[code][1]
