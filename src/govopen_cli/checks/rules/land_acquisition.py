"""GO5xx 征地 (农村集体土地征收): the posting periods and the deadline the land statutes set.

The 征地 items are recognised by their 公开事项 names from the 2019 征地 standard
guide (拟征收土地告知, 征地补偿安置方案公告, 征收土地公告) and by the words the
statutes use (预公告, 补偿安置方案公告).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from govopen_cli.catalog.deadline import (
    describe,
    longer_than,
    minimum_period,
    publishing_limit,
    shorter_than,
)
from govopen_cli.catalog.model import Item
from govopen_cli.checks.rules import Finding, RuleContext, rule
from govopen_cli.checks.rules.reference import deadline_pointer, item_label, quote
from govopen_cli.diagnostics import Severity


def _matter_text(item: Item) -> str:
    return "".join("".join(unicodedata.normalize("NFKC", m).split()) for m in item.matter)


def is_pre_announcement(item: Item) -> bool:
    """征收土地预公告: 拟征收土地告知 in the guide's words."""
    matter = _matter_text(item)
    return "拟征收土地告知" in matter or "预公告" in matter or "预公告" in item.deadline.text


def is_compensation_announcement(item: Item) -> bool:
    """征地补偿安置方案公告 (not its 听证, a separate matter)."""
    matter = _matter_text(item)
    if "补偿安置方案" in matter:
        return "听证" not in matter
    return "补偿安置方案公告" in item.deadline.text


def is_acquisition_announcement(item: Item) -> bool:
    """征收土地公告, published after the approval (not the 预公告)."""
    matter = _matter_text(item)
    return "征收土地公告" in matter or ("征地公告" in matter and "预" not in matter)


@rule("GO501", "zhengdi-notice-period", Severity.ERROR)
def check_zhengdi_notice_period(ctx: RuleContext) -> Iterator[Finding]:
    """征收土地预公告的公告时间少于 10 个工作日。

    检查：征收土地预公告事项（公开事项含“拟征收土地告知”或“预公告”，或时限写了
    “预公告”），公开时限中写的最短公告期间（“不少于……”“公告时间……”）少于 10 个工作日。
    以自然日写的按每周 5 个工作日折算：10 个工作日是两周，少于 14 日即报告。没有写
    公告期间的（如“在实地启动拟征收土地工作时公告”）不检查。

    依据：《中华人民共和国土地管理法实施条例》（2021）第二十六条：征收土地预公告应当采用
    有利于社会公众知晓的方式，在拟征收土地所在的乡（镇）和村、村民小组范围内发布，预公告
    时间不少于十个工作日。

    错误示例：
        - id: ZD-002
          matter: [征地前期准备, 拟征收土地告知]
          deadline: 在实地启动拟征收土地工作时公告，公告时间不少于5个工作日

    修改：改为 `deadline: 在实地启动拟征收土地工作时公告，预公告时间不少于10个工作日`。
    """
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


@rule("GO502", "zhengdi-compensation-period", Severity.ERROR)
def check_zhengdi_compensation_period(ctx: RuleContext) -> Iterator[Finding]:
    """征地补偿安置方案公告的公告时间少于 30 日。

    检查：征地补偿安置方案公告事项（公开事项含“补偿安置方案”而不是其“听证”，或时限写了
    “补偿安置方案公告”），公开时限中写的最短公告期间少于 30 日。以工作日写的按每周 5 个
    工作日、7 个自然日折算：21 个工作日及以下不足 30 日，报告；22 个工作日及以上不报告。
    没有写公告期间的不检查。

    依据：《中华人民共和国土地管理法》第四十七条：将征收范围、土地现状、征收目的、补偿
    标准、安置方式和社会保障等在拟征收土地所在的乡（镇）和村、村民小组范围内公告至少
    三十日；《中华人民共和国土地管理法实施条例》（2021）第二十八条：征地补偿安置方案拟定后，
    县级以上地方人民政府应当在拟征收土地所在的乡（镇）和村、村民小组范围内公告，公告
    时间不少于三十日。

    错误示例：
        - id: ZD-008
          matter: [征地组织实施, 征地补偿安置方案公告]
          deadline: 征地补偿安置方案拟定后及时公告，公告时间不少于15日

    修改：改为 `deadline: 征地补偿安置方案拟定后及时公告，公告时间不少于30日`。
    """
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


@rule("GO503", "zhengdi-announcement-deadline", Severity.ERROR)
def check_zhengdi_announcement_deadline(ctx: RuleContext) -> Iterator[Finding]:
    """征收土地公告的发布期限超过收到批准文件后 15 个工作日。

    检查：征收土地公告事项（公开事项含“征收土地公告”，不含预公告），公开时限中的发布
    期限超过 15 个工作日。以自然日写的按每周 5 个工作日折算：超过 21 日即报告。公告
    期间（“公告时间不少于……”）不是发布期限，不计入。

    依据：《中华人民共和国土地管理法实施条例》（2021）第三十一条：征收土地申请经依法批准后，
    县级以上地方人民政府应当自收到批准文件之日起十五个工作日内在拟征收土地所在的乡（镇）
    和村、村民小组范围内发布征收土地公告。（2019 年征地信息公开标准指引中的“收到征地批准
    文件之日起10个工作日内”更严，符合本条。）

    错误示例：
        - id: ZD-006
          matter: [征地组织实施, 征收土地公告]
          deadline: 收到征地批准文件之日起20个工作日内

    修改：改为 `deadline: 收到征地批准文件之日起15个工作日内`。
    """
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
