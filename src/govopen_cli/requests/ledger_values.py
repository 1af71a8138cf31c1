"""The values of a ledger's cells: 申请人类型, 处理结果 (with 理由), 是否延期, 征求意见天数.

Each reader maps what agencies write onto the categories of the annual report table
(国办公开办函〔2021〕30号) and returns None (or a problem) for what it cannot place;
the caller reports it where it was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

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
    "其它组织": "其他",
}
#: 其他组织 of any kind is 法人或其他组织-其他 (catalog-format.md §3): the organisations of
#: villages and neighbourhoods that real ledgers name.
_OTHER_ORGANISATIONS = (
    "村民委员会",
    "居民委员会",
    "村委会",
    "居委会",
    "村民小组",
    "集体经济组织",
    "经济合作社",
    "业主委员会",
)
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
    """One of :data:`APPLICANT_KINDS` for a 申请人类型 text, or None.

    A category named first wins over the example after it: ``其他组织（村民委员会）`` is
    其他, ``法人或其他组织-商业企业`` is 商业企业.
    """
    parts = [p for p in _SEPARATORS.split(text) if p]
    if parts and _ORG_PREFIX.fullmatch(parts[0]) and len(parts) > 1:
        parts = parts[1:]
    if parts and parts[0] in _APPLICANT_EXACT and len(parts) > 1:
        return _APPLICANT_EXACT[parts[0]]
    value = "".join(parts)
    value = _ORG_PREFIX.sub("", value) or value
    if value in _APPLICANT_EXACT:
        return _APPLICANT_EXACT[value]
    if value.startswith(("其他组织", "其它组织")):
        return "其他"
    if any(name in value for name in _OTHER_ORGANISATIONS):
        return "其他"
    for needle, kind in _APPLICANT_CONTAINS:
        if needle in value:
            return kind
    return None


#: The answers of 条例第三十六条 as ledgers copy them, read before the category words
#: (they contain "公开", which alone would read as 予以公开). （四）and（五）are both
#: 无法提供-1 本机关不掌握相关政府信息 in the annual report (catalog-format.md §3).
_STATUTORY: tuple[tuple[re.Pattern[str], Outcome], ...] = (
    # （四）经检索没有所申请公开信息的，告知申请人该政府信息不存在
    (re.compile(r"经检索.{0,4}没有.{0,8}信息|没有所申请公开的?信息"), Outcome("无法提供", 1)),
    # （五）所申请公开信息不属于本行政机关负责公开的
    (re.compile(r"不属于本(?:行政)?机关负责公开"), Outcome("无法提供", 1)),
    # （六）申请人重复申请公开相同政府信息的，告知申请人不予重复处理
    (re.compile(r"不予重复处理"), Outcome("不予处理", 2)),
)
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
        (
            "不掌握",
            "信息不存在",
            "不存在",
            "非本机关",
            "不属于本机关",
            "不属于本行政机关",
            "没有所申请",
        ),
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
    named = next((name for name, _ in _CATEGORY_WORDS[:-1] if name in value), None)
    for pattern, statutory in _STATUTORY:
        if pattern.search(value) and named in (None, statutory.category):
            return OutcomeReading(statutory)
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
    bare = category == "予以公开" and hit == "公开"
    if bare:
        # "申请公开的信息不存在": the bare word 公开 may name the request, not the answer
        category = None
    if category is None:
        found = {
            (name, sub)
            for name in _SUB_WORDS
            if (sub := _sub_by_words(name, value)) is not None and name != "其他处理"
        }
        if len(found) == 1:
            name, sub = found.pop()
            return OutcomeReading(Outcome(name, sub))
        if bare and not found:
            return OutcomeReading(Outcome("予以公开"))
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
