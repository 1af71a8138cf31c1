"""GO307–GO310: periods and deadlines that other laws set for particular matters.

The 条例's 20 工作日 (GO301) is the general limit; laws, regulations and State Council
documents set their own for some matters: minimum posting periods (规划草案, 不动产登记
公告, 出让公告 and 挂牌), the 征求意见 period of 重大行政决策, and publishing deadlines
(行政许可、行政处罚 decisions, 预算、决算). Each rule applies to the item that IS that
matter, by its 公开事项 (and 公开内容), never to an item whose deadline text merely
mentions it. How the counts are read is :mod:`govopen_cli.catalog.deadline`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govopen_cli.catalog.deadline import (
    TimeLimit,
    describe,
    longer_than,
    parse_time_limits,
    publishing_limit,
    shorter_than,
)
from govopen_cli.catalog.model import Item
from govopen_cli.checks.rules.reference import deadline_pointer, item_label, quote
from govopen_cli.checks.rules.registry import Finding, RuleContext, rule
from govopen_cli.codes.go.statutory import GO307, GO308, GO309, GO310


def _minimums(item: Item) -> list[TimeLimit]:
    return [t for t in parse_time_limits(item.deadline.text) if t.kind == "minimum"]


# (what the item is, the minimum, the law) for the posting periods outside 征地.
_PLAN = re.compile(r"(?:国土空间|城乡|城市|镇|乡|村庄|总体|详细)规划")
_REGISTRATION = re.compile(r"不动产.*(?:登记|公告)|(?:首次|更正|补发).*登记.*公告")
_TRANSFER = re.compile(r"出让")
_TRANSFER_KIND = re.compile(r"招标|拍卖|挂牌|招拍挂|出让公告")


# Plans with their own rules, not the 城乡规划法's: 矿产资源规划, 测绘规划, 地质灾害防治规划.
_OTHER_PLANS = re.compile(r"矿产|测绘|地质灾害|林地|草原")


def _is_plan_draft(item: Item) -> bool:
    what = item.what_text
    if _OTHER_PLANS.search(item.matter_text):
        return False
    return bool(_PLAN.search(what)) and ("草案" in what or "草案" in item.deadline.text)


def _is_registration_notice(item: Item) -> bool:
    matter = item.matter_text
    return bool(_REGISTRATION.search(matter)) and "公告" in matter + item.deadline.text


def _is_transfer_notice(item: Item) -> bool:
    matter = item.matter_text
    return bool(_TRANSFER.search(matter)) and bool(_TRANSFER_KIND.search(item.what_text))


def _short(
    item: Item, period: TimeLimit, minimum: int, unit: str, what: str, law: str, fix: str
) -> str:
    """The message of a stated period shorter than the statute's minimum."""
    return (
        f"{item_label(item)}：{what}的期间 {describe(period)} 少于法定的 "
        f"{minimum}{'个工作日' if unit == '工作日' else '日'}（公开时限：{quote(item.deadline.text)}）。"
        f"{law}：请改为“{fix}”"
    )


@rule(GO307)
def check_statutory_minimum_period(ctx: RuleContext) -> Iterator[Finding]:
    """规划草案, 不动产登记 and 出让 notices whose stated period is below the statute's."""
    for item in ctx.catalog.items:
        messages: list[str] = []
        if _is_plan_draft(item):
            for period in _minimums(item):
                if shorter_than(period, 30, "自然日"):
                    messages.append(
                        _short(
                            item,
                            period,
                            30,
                            "自然日",
                            "规划草案公告",
                            "《中华人民共和国城乡规划法》第二十六条：规划报送审批前，组织编制机关"
                            "应当依法将城乡规划草案予以公告……公告的时间不得少于三十日",
                            "规划报送审批前公告，公告时间不少于30日",
                        )
                    )
                    break
        if _is_registration_notice(item):
            for period in _minimums(item):
                if shorter_than(period, 15, "工作日"):
                    messages.append(
                        _short(
                            item,
                            period,
                            15,
                            "工作日",
                            "不动产登记公告",
                            "《不动产登记暂行条例实施细则》第十七条：公告期不少于15个工作日",
                            "公告期不少于15个工作日",
                        )
                    )
                    break
        if _is_transfer_notice(item):
            messages.extend(_transfer_findings(item))
        for message in messages:
            yield ctx.at(
                deadline_pointer(ctx, item), message, item_id=item.id, field_name="deadline"
            )


def _transfer_findings(item: Item) -> Iterator[str]:
    text = item.deadline.text
    for count in parse_time_limits(text):
        if count.kind == "before" and count.unit == "自然日" and count.days < 20:
            yield _short(
                item,
                count,
                20,
                "自然日",
                "出让公告提前发布",
                "《招标拍卖挂牌出让国有建设用地使用权规定》第十条：出让公告应当至少在投标、"
                "拍卖或者挂牌开始日前20日发布",
                "至少在投标、拍卖或者挂牌开始日前20日发布出让公告",
            )
        elif (
            count.kind == "before" and count.unit == "工作日" and shorter_than(count, 20, "自然日")
        ):
            yield _short(
                item,
                count,
                20,
                "自然日",
                "出让公告提前发布",
                "《招标拍卖挂牌出让国有建设用地使用权规定》第十条：出让公告应当至少在开始日前20日发布",
                "至少在投标、拍卖或者挂牌开始日前20日发布出让公告",
            )
        elif count.kind == "minimum" and "挂牌" in text and shorter_than(count, 10, "自然日"):
            yield _short(
                item,
                count,
                10,
                "自然日",
                "挂牌时间",
                "《招标拍卖挂牌出让国有建设用地使用权规定》第十九条：挂牌时间不得少于10日",
                "挂牌时间不少于10日",
            )


_DECISION_MAKING = re.compile(r"重大(?:行政)?决策")


@rule(GO308)
def check_consultation_period(ctx: RuleContext) -> Iterator[Finding]:
    """重大行政决策 征求意见 items whose stated period is under 30 日."""
    for item in ctx.catalog.items:
        what = item.what_text
        if not _DECISION_MAKING.search(item.matter_text) or "意见" not in what + item.deadline.text:
            continue
        for period in _minimums(item):
            if not shorter_than(period, 30, "自然日"):
                break
            yield ctx.at(
                deadline_pointer(ctx, item),
                f"{item_label(item)}：重大行政决策草案的征求意见期间 {describe(period)} 少于 30 日"
                f"（公开时限：{quote(item.deadline.text)}）。《重大行政决策程序暂行条例》第十四条："
                "公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时"
                "应当予以说明：请改为“征求意见期限一般不少于30日”，确需缩短的在 note 中写明原因",
                item_id=item.id,
                field_name="deadline",
            )
            break


_ENFORCEMENT = re.compile(r"行政(?:许可|处罚)|(?:许可|处罚)(?:决定|结果|信息)")
_GUIDE = re.compile(r"办事指南|服务指南|依据|条件|程序|流程|裁量")


def is_enforcement_decision(item: Item) -> bool:
    """A 行政许可 or 行政处罚 decision item (not its 办事指南 or 依据)."""
    matter = item.matter_text
    if not _ENFORCEMENT.search(matter):
        return False
    last = item.matter_key[-1] if item.matter else ""
    if _GUIDE.search(last):
        return False
    # By the matter alone: "办理结果" in the content of a 事项清单 row is not a decision row.
    return "决定" in matter or "结果" in matter


@rule(GO309)
def check_enforcement_decision_deadline(ctx: RuleContext) -> Iterator[Finding]:
    """行政许可、行政处罚 decision items with a limit over 7 working days."""
    for item in ctx.catalog.items:
        if not item.proactive or not is_enforcement_decision(item):
            continue
        limit = publishing_limit(item.deadline)
        if limit is None or not longer_than(limit, 7, "工作日"):
            continue
        yield ctx.at(
            deadline_pointer(ctx, item, days=item.deadline.days is not None),
            f"{item_label(item)}：行政许可、行政处罚决定的公开时限 {describe(limit)} 超过 7 个工作日"
            f"（公开时限：{quote(item.deadline.text)}）。《国务院办公厅关于全面推行行政执法公示制度"
            "执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）：行政"
            "许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开：请改为"
            "“自执法决定作出之日起7个工作日内”（法律、行政法规另有规定的，在 waivers 中写明）",
            item_id=item.id,
            field_name="deadline",
        )


_BUDGET = re.compile(r"预算|决算")
_NOT_BUDGET = re.compile(r"预算单位|预算绩效|绩效|采购")


@rule(GO310)
def check_budget_deadline(ctx: RuleContext) -> Iterator[Finding]:
    """预算、决算 items with a publishing limit over 20 日."""
    for item in ctx.catalog.items:
        matter = item.matter_text
        if not item.proactive or not _BUDGET.search(matter) or _NOT_BUDGET.search(matter):
            continue
        limit = publishing_limit(item.deadline)
        if limit is None or not longer_than(limit, 20, "自然日"):
            continue
        yield ctx.at(
            deadline_pointer(ctx, item, days=item.deadline.days is not None),
            f"{item_label(item)}：预算、决算的公开时限 {describe(limit)} 超过 20 日"
            f"（公开时限：{quote(item.deadline.text)}；20 个工作日约 28 日，也超过）。"
            "《中华人民共和国预算法》第十四条：各部门预算、决算及报表，应当在本级政府财政部门"
            "批复后二十日内由各部门向社会公开：请改为“财政部门批复后20日内”",
            item_id=item.id,
            field_name="deadline",
        )
