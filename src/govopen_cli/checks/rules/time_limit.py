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
            f"变更之日起20个工作日内公开：请把这个公开期限改为20个工作日以内（如“{GENERAL_LIMIT}”），"
            "时限中写的公告、公示期间（如“公告时间不少于30日”）是法定的最短期间，应当保留；"
            "若法律、法规另有规定，请在 waivers 中为 GO301 写明依据",
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


# The 2007 条例 (国务院令第492号), by its order number or its year; the 2019 revision
# (国务院令第711号) by its order number or its year.
_ORDER_492 = re.compile(r"(?:国务院令|国令)\s*(?:第)?\s*492\s*号|492\s*号\s*令")
_ORDER_711 = re.compile(r"711\s*号|2019\s*年?\s*(?:修订|修正)|二〇一九年")
_YEAR_2007 = re.compile(r"2007|二〇〇七|二○○七|二零零七")
_REGULATION = "政府信息公开条例"


def _cites_2007_regulation(entry: str) -> bool:
    """A citation of the 2007 条例 alone: 492号 (or 2007) without the 2019 revision.

    The official citation of the current 条例 names both ("2007年4月5日中华人民共和国
    国务院令第492号公布　2019年4月3日中华人民共和国国务院令第711号修订"): current.
    """
    if _ORDER_711.search(entry):
        return False
    if _ORDER_492.search(entry):
        return True
    return _REGULATION in entry and bool(_YEAR_2007.search(entry))


def _old_request_period(item: Item) -> bool:
    """An on-request item that promises the 2007 条例's 15 (+15) 工作日 answer period."""
    if "依申请" not in item.mode:
        return False
    text = item.deadline.text
    if "申请" not in text and (item.mode != ("依申请",) or has_anchor(text)):
        # A 15 counted from anything but a request is not the answer period: with 主动
        # it is the proactive commitment, lawful when shorter than 20 (第二十六条).
        return False
    limit = publishing_limit(item.deadline)
    return limit is not None and limit.unit == "工作日" and limit.days == 15


@rule(GO302)
def check_outdated_regulation(ctx: RuleContext) -> Iterator[Finding]:
    """Citations of the 2007 条例 alone, and on-request items promising its 15 working days."""
    for item in ctx.catalog.items:
        for index, entry in enumerate(item.basis):
            if _cites_2007_regulation(entry):
                yield ctx.at(
                    f"{item.pointer}/basis/{index}",
                    f"{item_label(item)}：公开依据{quote(entry)}只引用了 2007 年的《政府信息公开"
                    "条例》（国务院令第492号），没有 2019 年的修订（国务院令第711号）：请改为"
                    "《中华人民共和国政府信息公开条例》（2007年国务院令第492号公布，2019年"
                    "国务院令第711号修订）并按现行条例核对条款号（主动公开时限为第二十六条，"
                    "依申请答复为第三十三条）",
                    item_id=item.id,
                    field_name="basis",
                )
        if not _old_request_period(item):
            continue
        yield ctx.at(
            deadline_pointer(ctx, item),
            f"{item_label(item)}：依申请公开的答复期限{quote(item.deadline.text)}是 2007 年旧条例"
            "第二十四条的 15 个工作日（可延长 15 个工作日）。现行《政府信息公开条例》第三十三条"
            "规定自收到申请之日起20个工作日内答复，延长最长不超过20个工作日：请改为"
            f"“{REQUEST_LIMIT}”，需要延长的，延长期限最长不超过20个工作日",
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
    """A 政策解读 item: its matter (or content) says 解读.

    "同步" in a deadline ("与征收土地公告同步") says when, not what: it makes no item
    an interpretation item.
    """
    return any("解读" in m for m in item.matter) or any("解读" in c for c in item.content)


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
            "解读事项（公开事项或公开内容含“解读”）。政策文件与"
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


# Other annual reports have their own dates (法治政府建设年度报告: 4月1日前).
_OTHER_REPORTS = ("法治政府", "法治建设", "统计", "预算", "决算", "审计", "环境状况", "国有资产")


def is_disclosure_annual_report(item: Item) -> bool:
    """The 政府信息公开工作年度报告 of 第四十九条 (or the 政务公开 one), not any other report."""
    matter = "".join(item.matter)
    if "年度报告" not in matter and "年报" not in matter:
        return False
    if any(word in matter for word in _OTHER_REPORTS):
        return False
    text = matter + "".join(item.content)
    return "信息公开" in text or "政务公开" in text


@rule(GO305)
def check_annual_report_deadline(ctx: RuleContext) -> Iterator[Finding]:
    """政府信息公开工作年度报告 items due later than 1月31日 or 3月31日."""
    for item in ctx.catalog.items:
        if not is_disclosure_annual_report(item):
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
                f"{item_label(item)}：政府信息公开工作年度报告的公开时限{quote(item.deadline.text)}中的 {written} "
                f"晚于法定日期。《政府信息公开条例》第四十九条：{rule_text}"
                f"（公开主体：{owner or '未写'}）：请改为“{fix}”",
                item_id=item.id,
                field_name="deadline",
            )
            break
