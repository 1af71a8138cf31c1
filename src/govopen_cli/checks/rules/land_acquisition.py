"""GO5xx 征地 (农村集体土地征收): the posting periods and the deadline the land statutes set.

The 征地 items are recognised by what they ARE: their 公开事项 names from the 2019 征地
standard guide (拟征收土地告知, 征地补偿安置方案公告, 征收土地公告) or the statutes'
words for the notice (预公告, 补偿安置方案公告). Words in the 公开时限 never make an
item that notice: a 现状调查 row "与预公告同步公示" is not the 预公告.
"""

from __future__ import annotations

from collections.abc import Iterator

from govopen_cli.catalog.deadline import (
    describe,
    longer_than,
    minimum_period,
    publishing_limit,
    shorter_than,
)
from govopen_cli.catalog.model import Item
from govopen_cli.checks.rules.reference import deadline_pointer, item_label, quote
from govopen_cli.checks.rules.registry import Finding, RuleContext, rule
from govopen_cli.codes.go.land_acquisition import GO501, GO502, GO503, GO504


def _last_matter(item: Item) -> str:
    """The most specific level of the matter (二级 or 三级), normalised."""
    if not item.matter:
        return ""
    return item.matter_key[-1]


def is_pre_announcement(item: Item) -> bool:
    """征收土地预公告: 拟征收土地告知 in the guide's words, by the item's own matter."""
    matter = _last_matter(item) or item.matter_text
    return "拟征收土地告知" in matter or "预公告" in matter


def is_compensation_announcement(item: Item) -> bool:
    """征地补偿安置方案公告 (not its 听证, not 补偿登记), by the item's own matter."""
    matter = _last_matter(item) or item.matter_text
    if "听证" in matter or "登记" in matter:
        return False
    return "补偿安置方案" in matter or "补偿安置公告" in matter


def is_acquisition_announcement(item: Item) -> bool:
    """征收土地公告, published after the approval (not the 预公告)."""
    matter = item.matter_text
    return "征收土地公告" in matter or ("征地公告" in matter and "预" not in matter)


@rule(GO501)
def check_zhengdi_notice_period(ctx: RuleContext) -> Iterator[Finding]:
    """征收土地预公告 items posted for fewer than 10 working days."""
    for item in ctx.catalog.items:
        if not is_pre_announcement(item):
            continue
        period = minimum_period(item.deadline.text)
        if period is None or not shorter_than(period, 10, "工作日"):
            continue
        yield ctx.at(
            deadline_pointer(ctx, item),
            f"{item_label(item)}：征收土地预公告的公告时间 {describe(period)} 少于 10 个工作日"
            f"（公开时限：{quote(item.deadline.text)}）。《土地管理法实施条例》第二十六条：预公告"
            "时间不少于十个工作日：请改为“预公告时间不少于10个工作日”",
            item_id=item.id,
            field_name="deadline",
        )


@rule(GO502)
def check_zhengdi_compensation_period(ctx: RuleContext) -> Iterator[Finding]:
    """征地补偿安置方案 items posted for fewer than 30 days."""
    for item in ctx.catalog.items:
        if not is_compensation_announcement(item):
            continue
        period = minimum_period(item.deadline.text)
        if period is None or not shorter_than(period, 30, "自然日"):
            continue
        yield ctx.at(
            deadline_pointer(ctx, item),
            f"{item_label(item)}：征地补偿安置方案公告的公告时间 {describe(period)} 少于 30 日"
            f"（公开时限：{quote(item.deadline.text)}）。《土地管理法》第四十七条、《土地管理法"
            "实施条例》第二十八条：公告时间不少于三十日：请改为“公告时间不少于30日”",
            item_id=item.id,
            field_name="deadline",
        )


@rule(GO503)
def check_zhengdi_announcement_deadline(ctx: RuleContext) -> Iterator[Finding]:
    """征收土地公告 items due later than 15 working days after approval."""
    for item in ctx.catalog.items:
        if not is_acquisition_announcement(item):
            continue
        limit = publishing_limit(item.deadline)
        if limit is None or not longer_than(limit, 15, "工作日"):
            continue
        yield ctx.at(
            deadline_pointer(ctx, item, days=item.deadline.days is not None),
            f"{item_label(item)}：征收土地公告的发布期限 {describe(limit)} 超过收到批准文件后 "
            f"15 个工作日（公开时限：{quote(item.deadline.text)}）。《土地管理法实施条例》"
            "第三十一条：自收到批准文件之日起十五个工作日内发布征收土地公告：请改为"
            "“收到征地批准文件之日起15个工作日内”",
            item_id=item.id,
            field_name="deadline",
        )


#: 10 工作日 across the longest holidays (国庆 8 days, 春节 9) spans up to 22 calendar days.
_LONGEST_TEN_WORKDAYS = 22


@rule(GO504)
def check_zhengdi_notice_period_unclear(ctx: RuleContext) -> Iterator[Finding]:
    """征收土地预公告 rows that state no period, or one in 自然日 that may be short."""
    for item in ctx.catalog.items:
        if not is_pre_announcement(item):
            continue
        period = minimum_period(item.deadline.text)
        if period is None:
            message = (
                f"{item_label(item)}：征收土地预公告没有写公告时间（公开时限：{quote(item.deadline.text)}）。"
                "《土地管理法实施条例》第二十六条：预公告时间不少于十个工作日：请在时限中写明"
                "“预公告时间不少于10个工作日”"
            )
        elif period.unit == "自然日" and 14 <= period.days < _LONGEST_TEN_WORKDAYS:
            message = (
                f"{item_label(item)}：征收土地预公告的公告时间写的是 {describe(period)}（自然日），"
                "遇到法定节假日时可能少于 10 个工作日（如国庆、春节长假期间 14 日只有 5 至 8 个"
                "工作日）。《土地管理法实施条例》第二十六条按工作日计：预公告时间不少于十个工作日："
                "请改为“预公告时间不少于10个工作日”"
            )
        else:
            continue
        yield ctx.at(deadline_pointer(ctx, item), message, item_id=item.id, field_name="deadline")
