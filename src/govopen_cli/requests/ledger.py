"""The 依申请公开 ledger (台账): CSV, xlsx or YAML -> frozen :class:`LedgerRequest` rows.

Agencies keep their ledger in a spreadsheet with Chinese headers (编号, 收到日期,
申请人类型, 申请内容, 补正通知日期, 补正收到日期, 是否延期, 征求第三方意见天数,
答复日期, 处理结果, 关联事项 …, each with the variants met in practice). This module
reads it and maps 申请人类型 and 处理结果 onto the categories of the annual report
table (国办公开办函〔2021〕30号).

Nothing here raises for a problem in the file: every unreadable cell is a
:class:`~govopen_cli.diagnostics.Diagnostic` located at file:line:column (CSV and
YAML) or at its cell (``台账!C12`` in ``Diagnostic.source`` for xlsx), and the row
is kept with that field empty, never dropped silently.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from govopen_cli.calendar.date_text import DATE_FORMS, date_from_cell, date_problem, parse_date_text
from govopen_cli.checks.rules import request_codes as codes
from govopen_cli.diagnostics import Diagnostic
from govopen_cli.excel.sheet import cell_text

LedgerKind = Literal["csv", "xlsx", "yaml"]

#: The annual report's applicant columns, left to right.
APPLICANT_KINDS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
#: The five kinds under 法人或其他组织.
ORGANISATION_KINDS = APPLICANT_KINDS[1:]

#: 处理结果 categories of the annual report and their numbered sub-categories.
OUTCOME_SUBCATEGORIES: dict[str, tuple[str, ...]] = {
    "予以公开": (),
    "部分公开": (),
    "不予公开": (
        "属于国家秘密",
        "其他法律行政法规禁止公开",
        "危及“三安全一稳定”",
        "保护第三方合法权益",
        "属于三类内部事务信息",
        "属于四类过程性信息",
        "属于行政执法案卷",
        "属于行政查询事项",
    ),
    "无法提供": (
        "本机关不掌握相关政府信息",
        "没有现成信息需要另行制作",
        "补正后申请内容仍不明确",
    ),
    "不予处理": (
        "信访举报投诉类申请",
        "重复申请",
        "要求提供公开出版物",
        "无正当理由大量反复申请",
        "要求行政机关确认或重新出具已获取信息",
    ),
    "其他处理": (
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "其他",
    ),
}
#: Results that give the applicant nothing: 第三十六条 wants the reason stated.
REFUSALS = ("不予公开", "无法提供", "不予处理")


@dataclass(frozen=True, slots=True)
class Outcome:
    """A 处理结果 in the annual report's terms: category and 1-based sub-category."""

    category: str
    sub: int | None = None

    @property
    def complete(self) -> bool:
        """True when the report table has a row for it (sub-category known where needed)."""
        return not OUTCOME_SUBCATEGORIES[self.category] or self.sub is not None

    @property
    def label(self) -> str:
        """``不予公开-1 属于国家秘密``, or the bare category."""
        if self.sub is None:
            return self.category
        return f"{self.category}-{self.sub} {OUTCOME_SUBCATEGORIES[self.category][self.sub - 1]}"

    @property
    def discloses(self) -> bool:
        """予以公开 or 部分公开: the information could be disclosed."""
        return self.category in ("予以公开", "部分公开")


@dataclass(frozen=True, slots=True)
class CellRef:
    """Where a value is: line and column (1-based), and for workbooks the cell name."""

    line: int
    column: int
    source: str = ""
    pointer: str = ""


@dataclass(frozen=True)
class LedgerRequest:
    """One request of the ledger. A field whose cell could not be read is None/empty
    and named in ``invalid``; its diagnostic was reported while reading."""

    number: str
    received: dt.date | None
    applicant: str | None
    content: str
    correction_notice: dt.date | None
    correction_received: dt.date | None
    extended: bool
    third_party_days: int
    answered: dt.date | None
    outcome: Outcome | None
    ground: str
    item: str
    row: CellRef
    cells: tuple[tuple[str, CellRef], ...] = ()
    invalid: frozenset[str] = frozenset()

    def at(self, key: str) -> CellRef:
        """The cell of field ``key`` (the row when the ledger has no such cell)."""
        for name, ref in self.cells:
            if name == key:
                return ref
        return self.row

    @property
    def label(self) -> str:
        """How messages name the request."""
        return f"申请 {self.number}" if self.number else f"第 {self.row.line} 行的申请"

    @property
    def open(self) -> bool:
        """Not answered yet (and the answer date is not merely unreadable)."""
        return self.answered is None and "answered" not in self.invalid


@dataclass(frozen=True)
class Ledger:
    """A read ledger."""

    path: Path
    display: str
    kind: LedgerKind
    requests: tuple[LedgerRequest, ...]
    agency: str | None = None
    sheet: str | None = None


@dataclass
class LedgerResult:
    """What reading gives: the ledger (None when unusable) and the problems found."""

    ledger: Ledger | None
    diagnostics: list[Diagnostic]
    #: The file cannot be read as a table at all (not a workbook, an encoding that is
    #: neither UTF-8 nor GB18030, empty …): the command could not run.
    unreadable: bool = False


# ── columns ──────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Column:
    """A ledger column: internal key, official header, accepted variants."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("number", "编号", ("申请编号", "登记编号", "登记号", "受理编号", "流水号"), True),
    Column(
        "received",
        "收到日期",
        (
            "申请日期",
            "登记日期",
            "收到申请日期",
            "收件日期",
            "受理日期",
            "接收日期",
            "签收日期",
            "申请时间",
            "收到时间",
        ),
        True,
    ),
    Column(
        "applicant",
        "申请人类型",
        ("申请人类别", "申请人性质", "申请主体类型", "申请人身份", "申请主体"),
        True,
    ),
    Column(
        "content",
        "申请内容",
        ("申请公开内容", "申请公开的内容", "申请事项", "所需信息", "申请信息", "申请公开信息"),
    ),
    Column("correction_notice", "补正通知日期", ("补正告知日期", "告知补正日期", "补正通知时间")),
    Column(
        "correction_received",
        "补正收到日期",
        ("收到补正日期", "补正日期", "补正完成日期", "补正材料收到日期"),
    ),
    Column("extended", "是否延期", ("延期", "是否延长", "是否延长答复期限", "延长答复期限")),
    Column(
        "third_party_days",
        "征求第三方意见天数",
        ("征求意见天数", "第三方意见天数", "征求第三方意见工作日", "征求意见工作日数"),
    ),
    Column(
        "answered",
        "答复日期",
        ("办结日期", "答复时间", "办结时间", "作出答复日期", "答复告知日期"),
        True,
    ),
    Column(
        "result", "处理结果", ("办理结果", "答复结果", "答复类型", "处理情况", "答复情况"), True
    ),
    Column(
        "ground",
        "理由",
        ("不予公开理由", "答复理由", "答复依据", "处理依据", "不予公开依据", "法律依据"),
    ),
    Column("item", "关联事项", ("目录事项", "对应事项", "事项编号", "关联目录事项")),
)
_BY_KEY = {c.key: c for c in COLUMNS}
#: Columns a ledger often has that govopen does not need: accepted, not checked.
IGNORED_HEADERS = (
    "序号",
    "申请人",
    "申请人姓名",
    "申请人名称",
    "姓名/名称",
    "姓名",
    "名称",
    "联系方式",
    "联系电话",
    "地址",
    "通讯地址",
    "证件号码",
    "申请方式",
    "申请形式",
    "承办人",
    "经办人",
    "承办科室",
    "承办股室",
    "承办单位",
    "答复方式",
    "送达方式",
    "是否收费",
    "收费金额",
    "是否复议诉讼",
    "复议诉讼情况",
    "备注",
)
_HEADER_NOISE = re.compile(r"[\s*＊]|[（(][^）)]*[）)]")


def normalize_header(text: str) -> str:
    """A header without spaces, asterisks and parenthesised notes: ``答复日期（办结）`` -> ``答复日期``."""
    return _HEADER_NOISE.sub("", text)


def match_header(text: str) -> str | None:
    """The column key for a header text, ``""`` for a known unused column, None if unknown."""
    name = normalize_header(text)
    if not name:
        return ""
    for column in COLUMNS:
        if name == column.header or name in column.aliases:
            return column.key
    if name in IGNORED_HEADERS:
        return ""
    return None


# ── values ───────────────────────────────────────────────────────────────────

_APPLICANT_EXACT = {
    "自然人": "自然人",
    "个人": "自然人",
    "公民": "自然人",
    "群众": "自然人",
    "村民": "自然人",
    "商业企业": "商业企业",
    "企业": "商业企业",
    "公司": "商业企业",
    "科研机构": "科研机构",
    "科研院所": "科研机构",
    "高校": "科研机构",
    "高等院校": "科研机构",
    "社会公益组织": "社会公益组织",
    "公益组织": "社会公益组织",
    "法律服务机构": "法律服务机构",
    "律师事务所": "法律服务机构",
    "律所": "法律服务机构",
    "其他": "其他",
    "其他组织": "其他",
    "其它": "其他",
}
_APPLICANT_CONTAINS = (
    ("律师事务所", "法律服务机构"),
    ("法律服务", "法律服务机构"),
    ("研究院", "科研机构"),
    ("研究所", "科研机构"),
    ("大学", "科研机构"),
    ("学院", "科研机构"),
    ("公益", "社会公益组织"),
    ("基金会", "社会公益组织"),
    ("公司", "商业企业"),
    ("企业", "商业企业"),
)
_ORG_PREFIX = re.compile(r"^(?:法人或者?其他组织|法人/其他组织|法人或其它组织|法人)")
_SEPARATORS = re.compile(r"[\s\-—－_:：、/（）()【】\[\]]+")

APPLICANT_FORMS = (
    "自然人；商业企业、科研机构、社会公益组织、法律服务机构、其他（可写“法人或其他组织-商业企业”）"
)


def parse_applicant(text: str) -> str | None:
    """One of :data:`APPLICANT_KINDS` for a 申请人类型 text, or None."""
    value = _SEPARATORS.sub("", text)
    value = _ORG_PREFIX.sub("", value) or value
    if value in _APPLICANT_EXACT:
        return _APPLICANT_EXACT[value]
    for needle, kind in _APPLICANT_CONTAINS:
        if needle in value:
            return kind
    return None


_CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("部分公开", ("部分公开", "部分予以公开")),
    ("不予公开", ("不予公开", "不公开", "拒绝公开")),
    ("无法提供", ("无法提供", "不能提供")),
    ("不予处理", ("不予处理", "不作为政府信息公开申请处理")),
    ("其他处理", ("其他处理", "其它处理")),
    ("予以公开", ("予以公开", "同意公开", "全部公开", "已主动公开", "告知获取", "公开")),
)
_SUB_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "不予公开": (
        ("国家秘密", "涉密", "保密"),
        ("法律行政法规禁止", "法律、行政法规禁止", "禁止公开"),
        ("三安全一稳定", "国家安全", "公共安全", "经济安全", "社会稳定"),
        ("第三方", "商业秘密", "个人隐私", "隐私"),
        ("内部事务", "人事管理", "后勤管理", "内部工作流程"),
        ("过程性", "讨论记录", "过程稿", "磋商信函", "请示报告"),
        ("执法案卷",),
        ("行政查询", "查询事项"),
    ),
    "无法提供": (
        ("不掌握", "信息不存在", "不存在", "非本机关"),
        ("另行制作", "没有现成", "加工", "汇总"),
        ("仍不明确",),
    ),
    "不予处理": (
        ("信访", "举报", "投诉"),
        ("重复申请",),
        ("公开出版物", "出版物"),
        ("大量反复", "反复申请"),
        ("确认", "重新出具"),
    ),
    "其他处理": (
        ("逾期不补正", "不补正", "未补正"),
        ("缴纳费用", "缴费", "信息处理费", "收费"),
        ("其他", "其它"),
    ),
}
_SUB_NUMBER = re.compile(r"^[\s\-—－_:：、(（第]*([1-9])(?![0-9])")

OUTCOME_FORMS = (
    "予以公开、部分公开、不予公开-属于国家秘密（或 不予公开-1）、无法提供-本机关不掌握相关政府信息、"
    "不予处理-重复申请、其他处理-申请人无正当理由逾期不补正…（类别见 docs/ledger.md）"
)


def _sub_by_words(category: str, text: str) -> int | None:
    for index, words in enumerate(_SUB_WORDS.get(category, ()), 1):
        if any(w in text for w in words):
            return index
    return None


@dataclass(frozen=True, slots=True)
class OutcomeReading:
    """What a 处理结果 (and 理由) text says: the outcome, or why it cannot be read."""

    outcome: Outcome | None
    problem: str = ""


def parse_outcome(text: str, ground: str = "") -> OutcomeReading:
    """Read a 处理结果, taking the sub-category from the text or else from the 理由."""
    value = text.strip()
    category = None
    after = rest = value
    for name, words in _CATEGORY_WORDS:
        hit = next((w for w in words if w in value), None)
        if hit is not None:
            category = name
            at = value.index(hit)
            after = value[at + len(hit) :]
            rest = value[:at] + " " + after  # the ground may come before or after the category
            break
    if category is None:
        found = {
            (name, sub)
            for name in _SUB_WORDS
            if (sub := _sub_by_words(name, value)) is not None and name != "其他处理"
        }
        if len(found) == 1:
            name, sub = found.pop()
            return OutcomeReading(Outcome(name, sub))
        return OutcomeReading(None, f"处理结果“{value}”无法归入年度报告的办理结果类别")
    subs = OUTCOME_SUBCATEGORIES[category]
    if not subs:
        return OutcomeReading(Outcome(category))
    number = _SUB_NUMBER.match(after)
    if number:
        sub = int(number.group(1))
        if sub > len(subs):
            return OutcomeReading(
                None, f"“{category}”只有 1—{len(subs)} 项，处理结果“{value}”中的 {sub} 不存在"
            )
        return OutcomeReading(Outcome(category, sub))
    sub = _sub_by_words(category, rest)
    if sub is None and ground.strip():
        sub = _sub_by_words(category, ground)
        if sub is None:
            return OutcomeReading(
                Outcome(category),
                f"理由“{ground.strip()}”无法归入“{category}”的 {len(subs)} 种情形之一",
            )
    return OutcomeReading(Outcome(category, sub))


_YES = {"是", "y", "yes", "true", "1", "√", "✓", "✔", "延期", "已延期", "经批准延期", "有"}
_NO = {"否", "n", "no", "false", "0", "×", "✗", "-", "—", "/", "无", "不延期", "未延期", "没有"}


def parse_flag(value: Any) -> bool | None:
    """是否延期: 是/否 and their usual spellings; empty is 否; None when unreadable."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    text = str(value).strip().lower()
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if text == "":
        return False
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None


_DAYS = re.compile(r"^([0-9]+)(?:\.0+)?\s*(?:个?工作日)?$")


def parse_workdays(value: Any) -> int | None:
    """征求第三方意见天数 in 工作日: ``15``, ``15个工作日``; empty, 无, - are 0."""
    if isinstance(value, bool):
        return None
    if value is None:
        return 0
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    text = str(value).strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text in ("", "无", "-", "—", "/", "否"):
        return 0
    match = _DAYS.match(text)
    return int(match.group(1)) if match else None


# ── raw rows from each format ────────────────────────────────────────────────


@dataclass(frozen=True)
class _RawCell:
    value: Any
    ref: CellRef


@dataclass
class _RawRow:
    ref: CellRef
    cells: dict[str, _RawCell] = field(default_factory=dict)


class _Reader:
    """Collects diagnostics for one ledger file."""

    def __init__(self, path: Path, display: str) -> None:
        self.path = path
        self.display = display
        self.diagnostics: list[Diagnostic] = []
        self.unreadable = False

    def cannot_read(self, message: str, ref: CellRef | None = None) -> None:
        """The file cannot be read as a table at all: GR001, and the run could not happen."""
        self.unreadable = True
        self.report(codes.LEDGER_UNREADABLE, ref or CellRef(1, 1), message)

    def report(
        self, code: str, ref: CellRef, message: str, *, number: str = "", field_name: str = ""
    ) -> None:
        self.diagnostics.append(
            ledger_diagnostic(
                self.display, code, ref, message, number=number, field_name=field_name
            )
        )


def ledger_diagnostic(
    display: str,
    code: str,
    ref: CellRef,
    message: str,
    *,
    number: str = "",
    field_name: str = "",
) -> Diagnostic:
    """A GR diagnostic located at a ledger cell (file:line:column, or ``台账!C12``)."""
    return Diagnostic(
        file=display,
        line=ref.line,
        column=ref.column,
        code=code,
        severity=codes.code_severity(code),
        message=message,
        path=ref.pointer,
        name=codes.code_name(code),
        fingerprint=f"{code}:ledger:{number}:{field_name}",
        source=ref.source,
    )


def _header_row(
    rows: Iterable[tuple[int, list[Any]]], limit: int = 10
) -> tuple[int, list[Any]] | None:
    """The first of the first ``limit`` rows that looks like the ledger's header."""
    for n, (line, values) in enumerate(rows):
        if n >= limit:
            break
        keys = {match_header(cell_text(v)) for v in values if cell_text(v)}
        if len(keys & set(_BY_KEY)) >= 2 and keys & {"number", "received"}:
            return line, values
    return None


def _map_header(
    reader: _Reader,
    values: list[Any],
    ref_of: Callable[[int], CellRef],
) -> dict[int, str]:
    """Column index -> key for a header row; unknown headers and missing columns reported."""
    mapping: dict[int, str] = {}
    seen: dict[str, int] = {}
    has_serial = None
    for index, value in enumerate(values):
        text = cell_text(value)
        key = match_header(text)
        if normalize_header(text) == "序号":
            has_serial = index
        if key is None:
            reader.report(
                codes.LEDGER_UNKNOWN_COLUMN,
                ref_of(index),
                f"不认识的列“{text}”，这一列不会被检查。规定的列名见 docs/ledger.md"
                "（如 编号、收到日期、申请人类型、答复日期、处理结果）",
                field_name=text,
            )
            continue
        if not key:
            continue
        if key in seen:
            reader.report(
                codes.LEDGER_UNKNOWN_COLUMN,
                ref_of(index),
                f"“{text}”与第 {seen[key] + 1} 列都是“{_BY_KEY[key].header}”，只读取前一列",
                field_name=text,
            )
            continue
        seen[key] = index
        mapping[index] = key
    if "number" not in seen and has_serial is not None:
        mapping[has_serial] = "number"  # 序号 stands in for 编号 when there is no 编号
        seen["number"] = has_serial
    for column in COLUMNS:
        if column.required and column.key not in seen:
            aliases = "、".join(column.aliases[:4])
            reader.report(
                codes.LEDGER_MISSING_COLUMN,
                ref_of(0),
                f"台账缺少“{column.header}”列（也可写作 {aliases}）",
                field_name=column.header,
            )
    return mapping


def _report_unlabeled(
    reader: _Reader,
    header: list[Any],
    rows: list[tuple[int, list[Any]]],
    ref_of: Callable[[int, int], CellRef],
) -> None:
    """Data in a column without a header is not read: say so, once per column."""
    found: dict[int, list[int]] = {}
    for line, values in rows:
        for index, value in enumerate(values):
            label = cell_text(header[index]) if index < len(header) else ""
            if not label and cell_text(value):
                found.setdefault(index, []).append(line)
    for index, lines in sorted(found.items()):
        first = lines[0]
        sample = cell_text(rows[[r[0] for r in rows].index(first)][1][index])
        reader.report(
            codes.LEDGER_UNKNOWN_COLUMN,
            ref_of(first, index),
            f"第 {index + 1} 列没有表头，但有 {len(lines)} 行在这一列有内容（如“{sample[:20]}”），"
            "未被读取。常见原因：内容中的英文逗号没有加引号，把后面的单元格挤到了右边",
        )


def _field_starts(record: str, delimiter: str) -> list[int]:
    """Offsets where each field of one CSV record starts (quote-aware)."""
    starts = [0]
    quoted = False
    i = 0
    while i < len(record):
        ch = record[i]
        if quoted:
            if ch == '"':
                if record[i + 1 : i + 2] == '"':
                    i += 2
                    continue
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch == delimiter:
            starts.append(i + 1)
        i += 1
    return starts


def _unclosed_quote(text: str, delimiter: str) -> int | None:
    """Offset of a quote that opens a cell and is never closed (the csv module would
    silently read every following line into that cell), or None."""
    quoted = False
    opened = 0
    at_field_start = True
    i = 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"':
                if text[i + 1 : i + 2] == '"':
                    i += 2
                    continue
                quoted = False
        elif ch == '"' and at_field_start:
            quoted, opened = True, i
        at_field_start = not quoted and ch in (delimiter, "\n", "\r")
        i += 1
    return opened if quoted else None


def _decode_csv(reader: _Reader, raw: bytes) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
        else:
            reader.report(
                codes.LEDGER_NOT_UTF8,
                CellRef(1, 1),
                "CSV 是 UTF-16 编码（Excel“Unicode 文本”），已按 UTF-16 读取。建议另存为 UTF-8",
            )
            return text
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        reader.report(
            codes.LEDGER_UNREADABLE,
            CellRef(1, 1),
            "CSV 既不是 UTF-8 也不是 GB18030（GBK）编码，无法读取。请另存为“CSV UTF-8”",
        )
        return None
    reader.report(
        codes.LEDGER_NOT_UTF8,
        CellRef(1, 1),
        "CSV 不是 UTF-8 编码，看起来是 GB18030（GBK，中文版 Excel 另存 CSV 的默认编码），"
        f"已按 GB18030 读取。建议另存为“CSV UTF-8”，或：iconv -f GB18030 -t UTF-8 {reader.display}",
    )
    return text


def _csv_rows(reader: _Reader) -> tuple[list[_RawRow], bool]:
    try:
        raw = reader.path.read_bytes()
    except OSError as exc:
        reader.cannot_read(f"无法读取文件：{exc.strerror or exc}")
        return [], False
    text = _decode_csv(reader, raw)
    if text is None:
        reader.unreadable = True
        return [], False
    if not text.strip():
        reader.cannot_read(
            "台账文件是空的：第一行应是表头（编号、收到日期、申请人类型……），其下每行一件申请"
        )
        return [], False
    lines = io.StringIO(text, newline="").readlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = "\t" if "\t" in first and "," not in first else ","
    unclosed = _unclosed_quote(text, delimiter)
    if unclosed is not None:
        before = text[:unclosed]
        line = before.count("\n") + 1
        column = unclosed - before.rfind("\n")
        following = len(text[unclosed:].splitlines()) - 1
        reader.report(
            codes.LEDGER_UNREADABLE,
            CellRef(line, column),
            f"引号没有闭合：第 {line} 行第 {column} 列开始的带引号单元格直到文件末尾都没有结束，"
            f'其后 {following} 行都会被当成这个单元格的内容。请补上配对的英文双引号（"）',
        )
        return [], False
    records: list[tuple[int, list[str], str]] = []
    parser = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    end = 0
    try:
        for values in parser:
            start = end + 1
            end = parser.line_num
            records.append((start, values, "".join(lines[start - 1 : end])))
    except csv.Error as exc:
        reader.cannot_read(
            f"CSV 格式错误：{exc}（常见原因：引号没有闭合，或不是文本文件）", CellRef(end + 1, 1)
        )
        return [], False

    starts_of: dict[int, list[int]] = {}

    def locate(line: int, record: str, index: int) -> CellRef:
        starts = starts_of.get(line)
        if starts is None:
            starts = starts_of[line] = _field_starts(record, delimiter)
        offset = starts[index] if index < len(starts) else 0
        if "\n" not in record[:offset] and "\r" not in record[:offset]:
            return CellRef(line, offset + 1)
        before = record[:offset]
        extra_lines = before.count("\n") + (before.count("\r") - before.count("\r\n"))
        last_break = max(before.rfind("\n"), before.rfind("\r"))
        return CellRef(line + extra_lines, offset - last_break)

    header = _header_row((line, values) for line, values, _ in records)
    if header is None:
        reader.report(
            codes.LEDGER_UNREADABLE,
            CellRef(1, 1),
            "前 10 行中找不到表头行（应含“编号”“收到日期”等列名）。台账格式见 docs/ledger.md",
        )
        return [], False
    header_line = header[0]
    header_record = next(r for r in records if r[0] == header_line)
    mapping = _map_header(reader, header[1], lambda i: locate(header_line, header_record[2], i))
    rows = []
    for line, values, record in records:
        if line <= header_line:
            continue
        row = _RawRow(CellRef(line, 1))
        for index, key in mapping.items():
            value = values[index] if index < len(values) else ""
            row.cells[key] = _RawCell(value, locate(line, record, index))
        if any(cell_text(v) for v in values):
            rows.append(row)
    by_line = {line: record for line, _, record in records}
    _report_unlabeled(
        reader,
        header[1],
        [(line, values) for line, values, _ in records if line > header_line],
        lambda line, index: locate(line, by_line[line], index),
    )
    return rows, True


def _sheet_rows(
    reader: _Reader,
    title: str,
    values_by_row: list[tuple[int, list[Any]]],
    header_line: int,
    header: list[Any],
) -> list[_RawRow]:
    from govopen_cli.excel.sheet import cell_name

    def cell_ref(row: int, index: int) -> CellRef:
        return CellRef(row, index + 1, cell_name(title, row, index + 1))

    mapping = _map_header(reader, header, lambda i: cell_ref(header_line, i))
    rows = []
    for line, values in values_by_row:
        if line <= header_line or not any(cell_text(v) for v in values):
            continue
        row = _RawRow(cell_ref(line, 0))
        for index, key in mapping.items():
            value = values[index] if index < len(values) else None
            row.cells[key] = _RawCell(value, cell_ref(line, index))
        rows.append(row)
    _report_unlabeled(
        reader, header, [(n, v) for n, v in values_by_row if n > header_line], cell_ref
    )
    return rows


def _xlsx_rows(reader: _Reader) -> tuple[list[_RawRow], bool, str | None]:
    from govopen_cli.excel.sheet import SheetGrid, UnreadableWorkbookError, open_workbook

    try:
        workbook = open_workbook(reader.path)
    except UnreadableWorkbookError as exc:
        reader.cannot_read(str(exc))
        return [], False, None
    try:
        sheets = sorted(workbook.worksheets, key=lambda ws: "台账" not in ws.title)
        for sheet in sheets:
            sheet.reset_dimensions()
            grid = SheetGrid(sheet)
            header = _header_row((n, list(values)) for n, values in enumerate(grid.rows, 1))
            if header is None:
                continue
            # A cell merged down a column holds for every row it covers (申请人类型 C3:C4
            # is both requests'); the header row is read as written.
            values_by_row = [
                (
                    n,
                    list(values)
                    if n <= header[0]
                    else [grid.value(n, c, across=False) for c in range(1, grid.width + 1)],
                )
                for n, values in enumerate(grid.rows, 1)
            ]
            title = sheet.title
            rows = _sheet_rows(reader, title, values_by_row, header[0], header[1])
            return rows, True, title
    finally:
        workbook.close()
    reader.report(
        codes.LEDGER_UNREADABLE,
        CellRef(1, 1, "A1"),
        "工作簿中没有哪张工作表的前 10 行含有台账表头（“编号”“收到日期”等列名）",
    )
    return [], False, None


_YAML_TOP = {"format", "agency", "year", "requests"}


def _yaml_rows(reader: _Reader) -> tuple[list[_RawRow], bool, str | None]:
    from govopen_cli.catalog.loader import load_document
    from govopen_cli.catalog.loader_codes import CODE_EMPTY, CODE_NOT_MAPPING
    from govopen_cli.catalog.pointer import make_pointer

    result = load_document(reader.path, reader.display)
    # The loader's messages for these two speak of catalog files: say what a ledger needs.
    if any(d.code == CODE_EMPTY for d in result.diagnostics):
        reader.cannot_read(
            "台账文件是空的（或只有注释）：应有 requests: 列表，每项一件申请，见 docs/ledger.md"
        )
        return [], False, None
    for diag in result.diagnostics:
        if diag.code != CODE_NOT_MAPPING:
            reader.diagnostics.append(diag)
            continue
        reader.report(
            codes.LEDGER_UNREADABLE,
            CellRef(diag.line, diag.column),
            "YAML 台账的顶层应当是映射（“字段: 值”）：format: 1、agency: 机关名称，"
            "各件申请列在 requests: 之下。如果文件直接是申请的列表（每项以“- 编号:”开头），"
            "请在最前面加一行 requests:，并把其下各行缩进两格。格式见 docs/ledger.md",
        )
    doc = result.document
    if doc is None:
        return [], False, None
    data = doc.data
    requests = data.get("requests") if isinstance(data, dict) else None
    if not isinstance(requests, list):
        reader.report(
            codes.LEDGER_UNREADABLE,
            CellRef(1, 1),
            "YAML 台账应有 requests: 列表，每项一件申请（字段名与表格的列名相同）",
        )
        return [], False, None

    def ref(pointer: str, key: bool = False) -> CellRef:
        line, column = doc.locate(pointer, key=key)
        return CellRef(line, column, pointer=pointer)

    for key in data:
        if key not in _YAML_TOP:
            reader.report(
                codes.LEDGER_UNKNOWN_COLUMN,
                ref(make_pointer([key]), key=True),
                f"未知字段 {key}：YAML 台账顶层只有 {'、'.join(sorted(_YAML_TOP))}",
                field_name=str(key),
            )
    rows = []
    for i, entry in enumerate(requests):
        pointer = make_pointer(["requests", i])
        if not isinstance(entry, dict):
            reader.report(
                codes.LEDGER_UNREADABLE,
                ref(pointer),
                "requests 的每一项应是一件申请（“字段: 值”的映射）",
            )
            continue
        row = _RawRow(ref(pointer))
        for name, value in entry.items():
            field_pointer = make_pointer(["requests", i, name])
            key = match_header(str(name))
            if key is None:
                reader.report(
                    codes.LEDGER_UNKNOWN_COLUMN,
                    ref(field_pointer, key=True),
                    f"不认识的字段“{name}”，不会被检查。字段名与表格列名相同，见 docs/ledger.md",
                    field_name=str(name),
                )
                continue
            if not key or key in row.cells:
                continue
            if key == "number" and not isinstance(value, str):
                value = doc.source_text(field_pointer) or value  # 编号: 001 stays 001
            row.cells[key] = _RawCell(value, ref(field_pointer))
        rows.append(row)
    agency = data.get("agency")
    return rows, True, agency if isinstance(agency, str) else None


# ── rows -> requests ─────────────────────────────────────────────────────────


def _build(reader: _Reader, row: _RawRow, kind: LedgerKind) -> LedgerRequest | None:
    cells = row.cells
    texts = {key: cell_text(cell.value) for key, cell in cells.items()}
    if not any(texts.get(k) for k in texts if k != "number"):
        return None
    number = texts.get("number", "")
    invalid: set[str] = set()

    def ref(key: str) -> CellRef:
        return cells[key].ref if key in cells else row.ref

    def report(code: str, key: str, message: str) -> None:
        reader.report(code, ref(key), message, number=number, field_name=_BY_KEY[key].header)

    who = f"申请 {number} " if number else "这件申请"

    def date_of(key: str) -> dt.date | None:
        if key not in cells or not texts.get(key):
            return None
        value = cells[key].value
        day = date_from_cell(value) if kind == "xlsx" else parse_date_text(cell_text(value))
        if day is None:
            invalid.add(key)
            problem = date_problem(texts[key])
            report(
                codes.LEDGER_BAD_DATE,
                key,
                f"{who}的{_BY_KEY[key].header}“{texts[key]}”不是有效的日期：{problem}"
                if problem
                else f"{who}的{_BY_KEY[key].header}“{texts[key]}”不是可以识别的日期：请写成 {DATE_FORMS}",
            )
        return day

    if not number:
        report(codes.LEDGER_MISSING_VALUE, "number", "这件申请没有编号：请补填，便于核对和统计")
    received = date_of("received")
    if not texts.get("received"):
        invalid.add("received")
        report(
            codes.LEDGER_MISSING_VALUE,
            "received",
            f"{who}没有收到日期：答复期限从收到申请之日起算（条例第三十一条），请补填",
        )
    applicant = None
    if not texts.get("applicant"):
        report(
            codes.LEDGER_MISSING_VALUE,
            "applicant",
            f"{who}没有申请人类型：年度报告要按申请人类型统计，请填写 {APPLICANT_FORMS}",
        )
    else:
        applicant = parse_applicant(texts["applicant"])
        if applicant is None:
            report(
                codes.LEDGER_BAD_VALUE,
                "applicant",
                f"{who}的申请人类型“{texts['applicant']}”无法归入年度报告的申请人类别，"
                f"不能计入年度报告表：请写 {APPLICANT_FORMS}",
            )
    notice = date_of("correction_notice")
    corrected = date_of("correction_received")
    answered = date_of("answered")
    extended = parse_flag(cells["extended"].value) if "extended" in cells else False
    if extended is None:
        report(
            codes.LEDGER_BAD_VALUE,
            "extended",
            f"{who}的是否延期“{texts['extended']}”无法识别：请写 是 或 否（空白视为否）",
        )
        extended = False
    days = parse_workdays(cells["third_party_days"].value) if "third_party_days" in cells else 0
    if days is None:
        report(
            codes.LEDGER_BAD_VALUE,
            "third_party_days",
            f"{who}的征求第三方意见天数“{texts['third_party_days']}”无法识别：请写工作日数，如 15"
            "（征求意见所需时间按工作日计，不计入答复期限）",
        )
        days = 0
    ground = texts.get("ground", "")
    outcome = None
    result_text = texts.get("result", "")
    if result_text:
        reading = parse_outcome(result_text, ground)
        outcome = reading.outcome
        if reading.problem:
            invalid.add("result")
            hint = (
                f"请写明是哪一种：{'、'.join(OUTCOME_SUBCATEGORIES[outcome.category])}"
                if outcome is not None
                else f"可写 {OUTCOME_FORMS}"
            )
            report(codes.LEDGER_BAD_VALUE, "result", f"{who}的{reading.problem}。{hint}")
        elif outcome is not None and not outcome.complete and outcome.category not in REFUSALS:
            report(
                codes.LEDGER_BAD_VALUE,
                "result",
                f"{who}的处理结果“{result_text}”没有写明是哪一种，不能计入年度报告表：请写 "
                + "、".join(
                    f"{outcome.category}-{s}" for s in OUTCOME_SUBCATEGORIES[outcome.category]
                ),
            )
    if answered is not None and not result_text:
        report(
            codes.LEDGER_MISSING_VALUE,
            "result",
            f"{who}已于 {answered} 答复，但没有处理结果：年度报告要按处理结果统计，请补填",
        )
    if result_text and not texts.get("answered"):
        report(
            codes.LEDGER_MISSING_VALUE,
            "answered",
            f"{who}有处理结果“{result_text}”，但没有答复日期：请补填答复日期；尚未答复的，处理结果留空",
        )
    if corrected is not None and notice is None and "correction_notice" not in invalid:
        report(
            codes.LEDGER_MISSING_VALUE,
            "correction_notice",
            f"{who}有补正收到日期 {corrected}，但没有补正通知日期：请补填",
        )
    order = (
        ("correction_notice", notice, received, "补正通知日期", "收到日期"),
        ("correction_received", corrected, notice, "补正收到日期", "补正通知日期"),
        ("answered", answered, received, "答复日期", "收到日期"),
        ("answered", answered, corrected, "答复日期", "补正收到日期"),
    )
    for key, later, earlier, later_name, earlier_name in order:
        if later is not None and earlier is not None and later < earlier:
            report(
                codes.LEDGER_DATE_ORDER,
                key,
                f"{who}的{later_name} {later} 早于{earlier_name} {earlier}：请核对日期",
            )
    return LedgerRequest(
        number=number,
        received=received,
        applicant=applicant,
        content=texts.get("content", ""),
        correction_notice=notice,
        correction_received=corrected,
        extended=extended,
        third_party_days=days,
        answered=answered,
        outcome=outcome,
        ground=ground,
        item=texts.get("item", ""),
        row=row.ref,
        cells=tuple((key, cell.ref) for key, cell in cells.items()),
        invalid=frozenset(invalid),
    )


def _ranges(lines: list[int]) -> str:
    parts: list[str] = []
    for line in lines:
        if parts and parts[-1].split("—")[-1] == str(line - 1):
            first = parts[-1].split("—")[0]
            parts[-1] = f"{first}—{line}"
        else:
            parts.append(str(line))
    return "、".join(parts)


def _requests(reader: _Reader, rows: list[_RawRow], kind: LedgerKind) -> Iterator[LedgerRequest]:
    number_only: list[_RawRow] = []
    seen: dict[str, LedgerRequest] = {}
    for row in rows:
        request = _build(reader, row, kind)
        if request is None:
            number_only.append(row)
            continue
        if request.number:
            earlier = seen.get(request.number)
            if earlier is not None:
                where = earlier.row.source or f"第 {earlier.row.line} 行"
                reader.report(
                    codes.LEDGER_DUPLICATE_NUMBER,
                    request.at("number"),
                    f"编号 {request.number} 重复（{where}也是这个编号）：统计时会当作两件申请",
                    number=request.number,
                    field_name="编号",
                )
            else:
                seen[request.number] = request
        yield request
    if number_only:
        lines = [r.ref.line for r in number_only]
        reader.report(
            codes.LEDGER_NUMBER_ONLY_ROWS,
            number_only[0].ref,
            f"第 {_ranges(lines)} 行只有编号，没有其他内容，不作为申请处理（共 {len(lines)} 行）",
        )


def ledger_kind(path: Path) -> LedgerKind | None:
    """The ledger format by file name: .csv/.txt, .xlsx/.xlsm, .yaml/.yml."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    return None


def read_ledger(path: Path, display: str | None = None) -> LedgerResult:
    """Read a ledger file. Problems in it are diagnostics; this never raises for them."""
    shown = display if display is not None else str(path)
    reader = _Reader(path, shown)
    kind = ledger_kind(path)
    sheet = None
    agency = None
    if kind is None:
        reader.cannot_read(
            f"不支持的台账文件类型“{path.suffix or '（无扩展名）'}”：请用 .csv、.xlsx 或 .yaml"
            "（旧版 .xls 请在 Excel 中另存为 .xlsx）",
        )
        return LedgerResult(None, reader.diagnostics, unreadable=True)
    if kind == "csv":
        rows, ok = _csv_rows(reader)
    elif kind == "xlsx":
        rows, ok, sheet = _xlsx_rows(reader)
    else:
        rows, ok, agency = _yaml_rows(reader)
    if not ok:
        return LedgerResult(None, reader.diagnostics, unreadable=reader.unreadable)
    requests = tuple(_requests(reader, rows, kind))
    ledger = Ledger(
        path=path, display=shown, kind=kind, requests=requests, agency=agency, sheet=sheet
    )
    return LedgerResult(ledger, reader.diagnostics)


def column_header(key: str) -> str:
    """The official header of a column key (``answered`` -> ``答复日期``)."""
    return _BY_KEY[key].header
