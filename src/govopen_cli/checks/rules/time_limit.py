"""GO3xx 公开时限: the 20-工作日 limit, the outdated 2007 条例, anchors, 三同步, 年度报告.

How 公开时限 text is read (limits, minimum periods, lead times; 工作日 against
自然日) is :mod:`govopen_cli.catalog.deadline`'s job and is explained in docs/deadlines.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govopen_cli.catalog.deadline import (
    chinese_number,
    describe,
    has_anchor,
    longer_than,
    publishing_limit,
)
from govopen_cli.catalog.model import Item
from govopen_cli.checks.rules.reference import deadline_pointer, item_label, quote
from govopen_cli.checks.rules.registry import Finding, RuleContext, rule
from govopen_cli.codes.go.time_limit import GO301, GO302, GO303, GO304, GO305, GO306

GENERAL_LIMIT = "自信息形成或者变更之日起20个工作日内"
REQUEST_LIMIT = "自收到申请之日起20个工作日内"


@rule(GO301)
def check_proactive_deadline_too_long(ctx: RuleContext) -> Iterator[Finding]:
    """Proactive items whose time limit exceeds 20 working days."""
    for item in ctx.catalog.items:
        if not item.proactive:
            continue
        limit = publishing_limit(item.deadline)
        if limit is None or not longer_than(limit, 20, "工作日"):
            continue
        stated = describe(limit)
        if limit.unit == "自然日":
            stated += "（自然日，按每周5个工作日折算，超过20个工作日即28日）"
        yield ctx.at(
            deadline_pointer(ctx, item, days=item.deadline.days is not None),
            f"{item_label(item)}：公开时限{quote(item.deadline.text)}中的 {stated}"
            "超过 20 个工作日。《政府信息公开条例》第二十六条：主动公开的政府信息应自形成或者"
            f"变更之日起20个工作日内公开：请改为“{GENERAL_LIMIT}”；若法律、法规另有规定，"
            "请在 waivers 中为 GO301 写明依据",
            item_id=item.id,
            field_name="deadline",
        )


@rule(GO306)
def check_request_deadline_too_long(ctx: RuleContext) -> Iterator[Finding]:
    """On-request items whose reply limit exceeds 20 (40) working days."""
    for item in ctx.catalog.items:
        if item.mode != ("依申请",):
            continue
        limit = publishing_limit(item.deadline)
        if limit is None:
            continue
        extended = "延长" in item.deadline.text
        allowed = 40 if extended else 20
        if not longer_than(limit, allowed, "工作日"):
            continue
        why = "延长后最长 40 个工作日" if extended else "应自收到申请之日起 20 个工作日内答复"
        yield ctx.at(
            deadline_pointer(ctx, item, days=item.deadline.days is not None),
            f"{item_label(item)}：依申请公开的答复期限 {describe(limit)} 超过法定期限"
            f"（《政府信息公开条例》第三十三条：{why}）：请改为“{REQUEST_LIMIT}”",
            item_id=item.id,
            field_name="deadline",
        )


# The 2007 条例 (国务院令第492号), by its order number or its year.
_ORDER_492 = re.compile(r"(?:国务院令|国令)\s*(?:第)?\s*492\s*号|492\s*号\s*令")
_YEAR_2007 = re.compile(r"2007|二〇〇七|二○○七|二零零七")
_REGULATION = "政府信息公开条例"


def _cites_2007_regulation(entry: str) -> bool:
    if _ORDER_492.search(entry):
        return True
    return _REGULATION in entry and bool(_YEAR_2007.search(entry))


def _fifteen_day_general_limit(item: Item) -> str | None:
    """The anchor of a 15-工作日 limit that is the 2007 条例's, if the deadline states one.

    Only a limit counted from the information being formed (the general proactive
    limit) or from receiving a request (the 2007 answer period) is the 条例's: the
    征收土地公告's "收到征地批准文件之日起15个工作日内" is the 征地 statute's, and right.
    """
    text = item.deadline.text
    limit = publishing_limit(item.deadline)
    if limit is None or limit.unit != "工作日" or limit.days != 15:
        return None
    if "信息形成" in text or "信息变更" in text:
        return "formed"
    if "收到申请" in text or "申请之日" in text:
        return "request"
    return None


@rule(GO302)
def check_outdated_regulation(ctx: RuleContext) -> Iterator[Finding]:
    """Citations of the 2007 regulations, or their 15 working days."""
    for item in ctx.catalog.items:
        for index, entry in enumerate(item.basis):
            if _cites_2007_regulation(entry):
                yield ctx.at(
                    f"{item.pointer}/basis/{index}",
                    f"{item_label(item)}：公开依据{quote(entry)}引用的是 2007 年的旧《政府信息公开"
                    "条例》（国务院令第492号），已被 2019 年修订的条例（国务院令第711号）取代："
                    "请改为《中华人民共和国政府信息公开条例》并按现行条例核对条款号"
                    "（主动公开时限为第二十六条，依申请答复为第三十三条）",
                    item_id=item.id,
                    field_name="basis",
                )
        anchor = _fifteen_day_general_limit(item)
        if anchor is None:
            continue
        fix = GENERAL_LIMIT if anchor == "formed" else REQUEST_LIMIT
        article = "第二十六条规定主动公开" if anchor == "formed" else "第三十三条规定依申请答复"
        yield ctx.at(
            deadline_pointer(ctx, item),
            f"{item_label(item)}：公开时限{quote(item.deadline.text)}的 15个工作日 是 2007 年"
            f"旧条例的期限。现行《政府信息公开条例》（2019）{article}为20个工作日："
            f"请改为“{fix}”",
            item_id=item.id,
            field_name="deadline",
        )


@rule(GO303)
def check_deadline_without_anchor(ctx: RuleContext) -> Iterator[Finding]:
    """Time limits that give a number of days but no starting point."""
    for item in ctx.catalog.items:
        limit = publishing_limit(item.deadline)
        text = item.deadline.text
        if limit is None or not text or has_anchor(text):
            continue
        if item.mode == ("依申请",):
            example = "自收到申请之日起20个工作日内"
        else:
            example = "自信息形成或者变更之日起20个工作日内"
        yield ctx.at(
            deadline_pointer(ctx, item),
            f"{item_label(item)}：公开时限{quote(text)}只有天数，没有写从何时起算。"
            f"请写明起算点，如“{example}”",
            item_id=item.id,
            field_name="deadline",
        )


def _is_interpretation(item: Item) -> bool:
    return any("解读" in m for m in item.matter) or "同步" in item.deadline.text


@rule(GO304)
def check_interpretation_missing(ctx: RuleContext) -> Iterator[Finding]:
    """Items that need a 政策解读 in a catalog that has no such item."""
    if any(_is_interpretation(item) for item in ctx.catalog.items):
        return
    for item in ctx.catalog.items:
        if not item.interpretation:
            continue
        yield ctx.at(
            f"{item.pointer}/interpretation",
            f"{item_label(item)}：标注了需要政策解读（interpretation: true），但本目录没有政策"
            "解读事项（公开事项含“解读”），也没有公开时限写明与文件“同步”的事项。政策文件与"
            "解读材料应同步组织、同步审签、同步部署（三同步）：请增加“政策解读”事项，"
            "时限写“与政策性文件同步发布”",
            item_id=item.id,
            field_name="interpretation",
        )


_MONTH_DAY = re.compile(
    r"(?P<month>[0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
    r"(?:(?P<day>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]|(?P<end>底|末))"
)
_GOVERNMENT_OWNER = re.compile(r"人民政府|政府办|政府信息公开工作主管部门|[乡镇]$|街道办事处")


def _stated_dates(text: str) -> list[tuple[int, int, str]]:
    """``每年3月31日前`` -> [(3, 31, "3月31日")]; 月底/月末 is the month's last day."""
    dates = []
    for match in _MONTH_DAY.finditer(text):
        month = chinese_number(match.group("month"))
        if month is None or not 1 <= month <= 12:
            continue
        if match.group("end"):
            day = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
        else:
            day_number = chinese_number(match.group("day"))
            if day_number is None:
                continue
            day = day_number
        dates.append((month, day, match.group(0)))
    return dates


@rule(GO305)
def check_annual_report_deadline(ctx: RuleContext) -> Iterator[Finding]:
    """Annual-report items due later than 1月31日 or 3月31日."""
    for item in ctx.catalog.items:
        if not any("年度报告" in m for m in item.matter):
            continue
        owner = item.owner or ctx.catalog.agency
        government = bool(_GOVERNMENT_OWNER.search(owner))
        latest = (3, 31) if government else (1, 31)
        for month, day, written in _stated_dates(item.deadline.text):
            if (month, day) <= latest:
                continue
            if government:
                rule_text = "本级人民政府的年度报告应在每年3月31日前公布"
                fix = "每年3月31日前"
            else:
                rule_text = "政府部门应在每年1月31日前公布本部门上一年度的年度报告"
                fix = "每年1月31日前"
            yield ctx.at(
                deadline_pointer(ctx, item),
                f"{item_label(item)}：年度报告的公开时限{quote(item.deadline.text)}中的 {written} "
                f"晚于法定日期。《政府信息公开条例》第四十九条：{rule_text}"
                f"（公开主体：{owner or '未写'}）：请改为“{fix}”",
                item_id=item.id,
                field_name="deadline",
            )
            break
