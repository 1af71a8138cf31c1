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
from govopen_cli.checks.rules import Finding, RuleContext, rule
from govopen_cli.checks.rules.reference import deadline_pointer, item_label, quote
from govopen_cli.diagnostics import Severity

GENERAL_LIMIT = "自信息形成或者变更之日起20个工作日内"
REQUEST_LIMIT = "自收到申请之日起20个工作日内"


@rule("GO301", "proactive-deadline-too-long", Severity.ERROR)
def check_proactive_deadline_too_long(ctx: RuleContext) -> Iterator[Finding]:
    """主动公开事项的公开时限超过 20 个工作日。

    检查：公开方式含“主动”的事项，公开时限中写明的公开期限超过 20 个工作日。期限取
    `deadline` 明确写出的 `{days, unit}`，否则取文字中第一个“期限”性质的天数（如
    “自信息形成或者变更之日起30个工作日内”中的 30个工作日）。以自然日写的期限按每周
    5 个工作日、7 个自然日折算：20 个工作日是四周，所以超过 28 日（如“30日内”“1个月内”）
    即超过 20 个工作日；28 日及以内不报告。公告或公示的最短期间（“公告时间不少于30日”
    “公示期不少于10个工作日”）和事前时间（“听证7个工作日前”）不是公开期限，从不计入；
    没有天数的写法（实时公开、及时公开、每年1月31日前）也不检查。

    依据：《中华人民共和国政府信息公开条例》第二十六条：属于主动公开范围的政府信息，应当
    自该政府信息形成或者变更之日起20个工作日内及时公开。法律、法规对政府信息公开的期限
    另有规定的，从其规定——这种事项在 waivers 中为 GO301 写明所依据的法律、法规。

    错误示例：
        - id: GH-003
          mode: 主动
          deadline: 自信息形成或者变更之日起30个工作日内

    修改：改为 `deadline: 自信息形成或者变更之日起20个工作日内`；确有法律、法规规定了
    更长期限的，保留原时限并加上
    `waivers: [{rule: GO301, reason: 依据《××条例》第×条另有时限规定}]`。
    """
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


@rule("GO306", "request-deadline-too-long", Severity.ERROR)
def check_request_deadline_too_long(ctx: RuleContext) -> Iterator[Finding]:
    """依申请公开事项的答复期限超过 20 个工作日（延长后超过 40 个工作日）。

    检查：公开方式只有“依申请”的事项，公开时限中写明的期限超过 20 个工作日，且没有写
    “延长”；或写了延长但超过 40 个工作日。自然日按每周 5 个工作日折算（同 GO301）。
    最短公示期和事前时间不是答复期限，不计入。

    依据：《中华人民共和国政府信息公开条例》第三十三条：行政机关不能当场答复的，应当
    自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作
    机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。

    错误示例：
        - id: GK-002
          mode: 依申请
          deadline: 自收到申请之日起30个工作日内

    修改：改为 `deadline: 自收到申请之日起20个工作日内；需要延长的，延长期限最长不超过20个工作日`；
    法律、法规另有规定的，在 waivers 中为 GO306 写明依据。
    """
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


@rule("GO302", "outdated-regulation", Severity.ERROR)
def check_outdated_regulation(ctx: RuleContext) -> Iterator[Finding]:
    """引用了 2007 年的旧《政府信息公开条例》（国务院令第492号），或沿用其“15个工作日”。

    检查：（一）公开依据中引用了 2007 年公布的《政府信息公开条例》：写了“国务院令第492号”
    “国令第492号”，或在《政府信息公开条例》旁写了“2007”年。（二）公开时限写“15个工作日”，
    且是从“信息形成（或者变更）”起算的一般时限，或从“收到申请”起算的依申请答复期限。
    征收土地公告的“收到征地批准文件之日起15个工作日内”来自《土地管理法实施条例》，
    不是条例的时限，不报告——区分它们靠起算点：“信息形成”“收到申请”是条例的说法。

    依据：现行《中华人民共和国政府信息公开条例》是 2019 年修订公布的（国务院令第711号，
    2019年5月15日起施行），取代了 2007 年的条例（国务院令第492号）。旧条例第二十四条规定
    依申请答复期限为 15 个工作日（可延长 15 个工作日），现行条例第三十三条改为 20 个工作日
    （可延长 20 个工作日）；主动公开时限为现行条例第二十六条规定的 20 个工作日。目录中的
    “15个工作日”多是从旧条例沿用下来的。

    错误示例：
        - id: ZC-001
          basis: [《中华人民共和国政府信息公开条例》（国务院令第492号）第九条]
          deadline: 自信息形成或者变更之日起15个工作日内

    修改：依据改为 `《中华人民共和国政府信息公开条例》（国务院令第711号）` 并按现行条例核对
    条款号（主动公开时限是第二十六条，依申请答复是第三十三条）；时限改为
    `自信息形成或者变更之日起20个工作日内`（依申请的：`自收到申请之日起20个工作日内`）。
    """
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


@rule("GO303", "deadline-without-anchor", Severity.INFO)
def check_deadline_without_anchor(ctx: RuleContext) -> Iterator[Finding]:
    """公开时限只写了天数（如“20个工作日”），没有写从何时起算。

    检查：公开时限中有公开期限的天数，但文字中没有起算点：没有“自……”“……之日起”
    “……后”“……前”“收到……”“期满”“同步”等说法。常见于从表格粘贴的“20工作日”
    “20个工作日”。最短公示期间（“公示期不少于10个工作日”）不是期限，不检查。

    依据：《中华人民共和国政府信息公开条例》第二十六条的期限是“自该政府信息形成或者
    变更之日起”计算的，第三十三条的是“自收到申请之日起”计算的。不写起算点的期限无法
    核对是否超期。

    错误示例：
        - id: JG-002
          deadline: 20工作日

    修改：写明起算点，如 `deadline: 自信息形成或者变更之日起20个工作日内`；
    依申请公开的事项写 `自收到申请之日起20个工作日内`。
    """
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


@rule("GO304", "interpretation-missing", Severity.WARNING)
def check_interpretation_missing(ctx: RuleContext) -> Iterator[Finding]:
    """标注了需要政策解读的事项，但目录中没有政策解读事项（三同步）。

    检查：有事项写了 `interpretation: true`，而整个目录中既没有公开事项名称含“解读”的事项
    （如“政策解读”），也没有公开时限写明“同步”的事项（如“与政策性文件同步发布”）。
    每个 `interpretation: true` 的事项报告一次。

    依据：《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）：政策性文件与
    解读方案、解读材料同步组织、同步审签、同步部署（三同步）。需要解读的政策文件，目录中
    就要有对应的解读事项及其公开时限。

    错误示例：
        items:
          - id: ZC-001
            matter: [政策文件, 规范性文件]
            interpretation: true
          # 目录中没有“政策解读”事项

    修改：增加一个政策解读事项，如
    `matter: [政策文件, 政策解读]`、`deadline: 与政策性文件同步发布`；不需要解读的，删去
    `interpretation: true`。
    """
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


@rule("GO305", "annual-report-deadline", Severity.ERROR)
def check_annual_report_deadline(ctx: RuleContext) -> Iterator[Finding]:
    """政府信息公开工作年度报告的公开日期晚于条例规定（部门1月31日，政府3月31日）。

    检查：公开事项名称含“年度报告”的事项，公开时限中写的月日：晚于 3月31日 的，一律报告；
    晚于 1月31日 的，公开主体（owner，未写时为目录的 agency）是政府部门而不是人民政府
    （或其办公室、乡镇、街道办事处）时报告。时限中没有月日（如“及时公开”）的不检查。

    依据：《中华人民共和国政府信息公开条例》第四十九条：县级以上人民政府部门应当在每年
    1月31日前向本级政府信息公开工作主管部门提交本部门上一年度政府信息公开工作年度报告
    并向社会公布；县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向
    社会公布本级政府上一年度政府信息公开工作年度报告。

    错误示例：
        - id: GK-009
          matter: [政府信息公开, 政府信息公开工作年度报告]
          owner: 某县自然资源局
          deadline: 每年3月31日前

    修改：部门的年度报告写 `deadline: 每年1月31日前`；本级人民政府的写
    `deadline: 每年3月31日前`，并把公开主体写成人民政府或其办公室。
    """
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
