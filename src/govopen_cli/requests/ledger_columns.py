"""The columns of a ledger: internal keys, official headers and the variants met in practice.

编号, 收到日期, 申请人类型, 申请内容, 补正通知日期, 补正收到日期, 是否延期,
征求第三方意见天数, 答复日期, 处理结果, 理由, 关联事项: :data:`COLUMNS` names each
with the headers agencies use for it; :func:`find_header_row` finds the row that holds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from govopen_cli.cell_value import cell_text


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
        "applicant_name",
        "申请人",
        ("申请人姓名", "申请人名称", "申请人姓名或名称", "姓名/名称", "姓名或名称"),
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


def column_header(key: str) -> str:
    """The official header of a column key (``answered`` -> ``答复日期``)."""
    return _BY_KEY[key].header


def find_header_row(
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
