"""GO2xx 公开方式与渠道: channels, marks, 公开对象, 公开层级, and items listed twice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from govopen_cli.catalog.channel import (
    OFFICIAL_CHANNELS,
    WEBSITE,
    canonical_channel,
    classify_channel,
    closest_channel,
)
from govopen_cli.catalog.model import LEVELS, Item, normal_text
from govopen_cli.checks.rules.reference import item_label, line_of, personal_data_named, quote
from govopen_cli.checks.rules.registry import Finding, RuleContext, rule
from govopen_cli.codes.go.disclosure import (
    GO201,
    GO202,
    GO203,
    GO204,
    GO205,
    GO206,
    GO207,
    GO208,
    GO209,
    GO210,
    GO211,
)


def _channel_pointer(item: Item, index: int, ctx: RuleContext) -> str:
    # A channel written as a mapping is reported at its name, a bare name at itself.
    pointer = f"{item.pointer}/channels/{index}"
    document = ctx.catalog.document
    if document is not None and document.resolve(f"{pointer}/name")[1]:
        return f"{pointer}/name"
    return pointer


def _fullwidth_list_hint(names: tuple[str, ...]) -> str:
    """A hint when several channels were typed into one with Chinese commas."""
    for name in names:
        if "，" in name or "、" in name:
            parts = [p.strip() for p in name.replace("、", "，").split("，") if p.strip()]
            return (
                f"。注意“{name}”被读成了一个渠道：YAML 列表要用半角逗号分隔，"
                f"写成 [{', '.join(parts)}]"
            )
    return ""


@rule(GO201)
def check_proactive_needs_website(ctx: RuleContext) -> Iterator[Finding]:
    """Proactive items whose channels do not include 政府网站."""
    extra = ctx.config.extra_channels
    for item in ctx.catalog.items:
        if not item.proactive or not item.channels or "全社会" not in item.audience:
            continue
        if any(canonical_channel(c.name, extra) == WEBSITE for c in item.channels):
            continue
        if personal_data_named(item):
            # 第十五条: personal data lawfully stays off the website.
            continue
        mode = "为主动" if item.mode == ("主动",) else "含主动"
        yield ctx.at(
            f"{item.pointer}/channels",
            f"{item_label(item)}：公开方式{mode}，但公开渠道没有“政府网站”"
            f"（现有：{'、'.join(item.channel_names)}）。《政府信息公开条例》第二十四条要求依托"
            "政府门户网站集中发布主动公开的政府信息，标准目录几乎每一行都把政府网站标为必选："
            "面向全社会的事项请在 channels 中加上 政府网站（确有理由不上网站的，在 waivers 中"
            "为 GO201 写明理由）"
            f"{_fullwidth_list_hint(item.channel_names)}",
            item_id=item.id,
            field_name="channels",
        )


# "其他（中国土地市场网）": the official 其他 channel, with the particular one named.
_OTHER_NAMED = re.compile(r"^其[他它]\s*[（(【\[:：].+")


@rule(GO202)
def check_unknown_channel(ctx: RuleContext) -> Iterator[Finding]:
    """Channels that are neither official nor added in the configuration."""
    extra = ctx.config.extra_channels
    for item in ctx.catalog.items:
        for index, channel in enumerate(item.channels):
            found = classify_channel(channel.name, extra)
            if found.status != "unknown" or _OTHER_NAMED.match(channel.name.strip()):
                continue
            guess = closest_channel(channel.name, extra)
            if _fullwidth_list_hint((channel.name,)):
                hint = _fullwidth_list_hint((channel.name,)).lstrip("。")
            elif guess is not None:
                hint = f"可能是“{guess}”：请改用标准名称 {guess}"
            else:
                hint = f"标准名称有：{'、'.join(OFFICIAL_CHANNELS)}。请改用其中之一"
            yield ctx.at(
                _channel_pointer(item, index, ctx),
                f"{item_label(item)}：公开渠道{quote(channel.name)}不是标准目录的渠道名称，"
                f"也不在 govopen.toml 的 [channels] extra 中。{hint}；"
                "若是本地专门平台，请在 govopen.toml 的 [channels] extra 中加上它",
                item_id=item.id,
                field_name="channels",
            )


@rule(GO203)
def check_channel_variant(ctx: RuleContext) -> Iterator[Finding]:
    """Channels written as a variant of an official name."""
    extra = ctx.config.extra_channels
    for item in ctx.catalog.items:
        for index, channel in enumerate(item.channels):
            found = classify_channel(channel.name, extra)
            if found.status != "variant" or found.canonical is None:
                continue
            yield ctx.at(
                _channel_pointer(item, index, ctx),
                f"{item_label(item)}：公开渠道{quote(channel.name)}是{quote(found.canonical)}"
                f"的非标准写法：请写成标准名称 {found.canonical}",
                item_id=item.id,
                field_name="channels",
            )


@rule(GO204)
def check_single_choice_group(ctx: RuleContext) -> Iterator[Finding]:
    """Items with exactly one channel marked 择一 (▲)."""
    for item in ctx.catalog.items:
        marked = [i for i, c in enumerate(item.channels) if c.mark == "择一"]
        if len(marked) != 1:
            continue
        index = marked[0]
        yield ctx.at(
            f"{item.pointer}/channels/{index}/mark",
            f"{item_label(item)}：只有{quote(item.channels[index].name)}一个渠道标为择一（▲）。"
            "择一表示在标注的几个渠道中至少选用一个，只有一个时无从选择：请给其他可选用的"
            "渠道也标上 mark: 择一，或把它改为必选（删去 mark）",
            item_id=item.id,
            field_name="channels",
        )


@rule(GO205)
def check_duplicate_item_id(ctx: RuleContext) -> Iterator[Finding]:
    """Item ids used a second time in the same file."""
    first: dict[str, Item] = {}
    for item in ctx.catalog.items:
        if not item.id:
            continue
        if item.id not in first:
            first[item.id] = item
            continue
        line = line_of(ctx, f"{first[item.id].pointer}/id")
        yield ctx.at(
            f"{item.pointer}/id",
            f"事项编号 {item.id} 重复：第 {line} 行已有同一编号的事项。编号在一个文件内必须唯一"
            "（年度对比、豁免、三定映射都按编号匹配）：请给这个事项换一个未用过的编号",
            item_id=item.id,
            field_name="id",
        )


def _matter_key(item: Item) -> tuple[str, ...]:
    return item.matter_key


@rule(GO206)
def check_duplicate_matter(ctx: RuleContext) -> Iterator[Finding]:
    """Items whose 一级/二级/三级 matter repeats an earlier item's."""
    first: dict[tuple[tuple[str, ...], str, tuple[str, ...]], Item] = {}
    for item in ctx.catalog.items:
        matter = _matter_key(item)
        if not matter or not all(matter):
            continue
        # One matter split into rows by 公开主体 (县发布 / 镇张贴) is not a duplicate.
        key = (matter, normal_text(item.owner or ""), tuple(sorted(item.levels)))
        if key not in first:
            first[key] = item
            continue
        other = first[key]
        line = line_of(ctx, other.pointer)
        yield ctx.at(
            f"{item.pointer}/matter",
            f"{item_label(item)}：公开事项{quote(' / '.join(item.matter))}与第 {line} 行的"
            f"{item_label(other)} 重复（公开主体、公开层级也相同）。同一主体的同一公开事项只应列"
            "一行：请合并这两行，或把二级、三级事项写得能够区分",
            item_id=item.id,
            field_name="matter",
        )


@rule(GO207)
def check_audience_note_missing(ctx: RuleContext) -> Iterator[Finding]:
    """Items for a 特定群体 without an ``audience_note``."""
    for item in ctx.catalog.items:
        if "特定群体" not in item.audience:
            continue
        if item.audience_note is not None and item.audience_note.strip():
            continue
        yield ctx.at(
            f"{item.pointer}/audience",
            f"{item_label(item)}：公开对象为特定群体，但没有 audience_note 说明是哪些人。"
            "请加上 audience_note，如：拟征收土地所在地的农村集体经济组织及其成员",
            item_id=item.id,
            field_name="audience_note",
        )


@rule(GO208)
def check_duplicate_channel(ctx: RuleContext) -> Iterator[Finding]:
    """Channels named twice in one item, variants included."""
    extra = ctx.config.extra_channels
    for item in ctx.catalog.items:
        seen: dict[str, int] = {}
        for index, channel in enumerate(item.channels):
            key = canonical_channel(channel.name, extra)
            if not key:
                continue
            if key not in seen:
                seen[key] = index
                continue
            earlier = item.channels[seen[key]]
            line = line_of(ctx, _channel_pointer(item, seen[key], ctx))
            same = f"（即 {key}）" if channel.name != key else ""
            yield ctx.at(
                _channel_pointer(item, index, ctx),
                f"{item_label(item)}：公开渠道{quote(channel.name)}{same}与第 {line} 行的"
                f"{quote(earlier.name)}重复：请删去重复的一个，保留正确的标注（mark）和网址",
                item_id=item.id,
                field_name="channels",
            )


_GOV_SUFFIXES = (".gov.cn", ".政务", ".xn--zfr164b")


def _government_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return host == "gov.cn" or host.endswith(_GOV_SUFFIXES)


@rule(GO209)
def check_website_domain(ctx: RuleContext) -> Iterator[Finding]:
    """政府网站 channels whose URL is not under .gov.cn or .政务."""
    extra = ctx.config.extra_channels
    for item in ctx.catalog.items:
        for index, channel in enumerate(item.channels):
            if channel.url is None or canonical_channel(channel.name, extra) != WEBSITE:
                continue
            try:
                host = urlsplit(channel.url.strip()).hostname or ""
            except ValueError:
                host = ""
            if not host or _government_host(host):
                # A url that is not a url at all is the schema's finding.
                continue
            yield ctx.at(
                f"{item.pointer}/channels/{index}/url",
                f"{item_label(item)}：政府网站的网址 {channel.url} 的域名 {host} "
                "不是 .gov.cn 域名。"
                "《政府网站发展指引》（国办发〔2017〕47号）要求政府网站使用以 .gov.cn 为后缀的"
                "域名：请改为本机关政府网站上对应栏目的网址",
                item_id=item.id,
                field_name="channels",
            )


@rule(GO210)
def check_level_above_catalog(ctx: RuleContext) -> Iterator[Finding]:
    """Items ticked for a level above the catalog's own."""
    level = ctx.catalog.level
    if level not in LEVELS:
        return
    rank = LEVELS.index(level)
    for item in ctx.catalog.items:
        for index, item_level in enumerate(item.levels):
            if item_level in LEVELS and LEVELS.index(item_level) < rank:
                yield ctx.at(
                    f"{item.pointer}/levels/{index}",
                    f"{item_label(item)}：公开层级含{quote(item_level)}，高于本目录机关层级"
                    f"{quote(level)}（catalog.level）。{level}目录只列本级及以下公开的事项："
                    f"请删去{quote(item_level)}，或核对 catalog.level",
                    item_id=item.id,
                    field_name="levels",
                )


_PENALTY = re.compile(r"行政处罚|处罚(?:决定|结果|信息)")
_PENALTY_RULES = re.compile(r"依据|条件|程序|流程|裁量|办事指南|服务指南")


@rule(GO211)
def check_penalty_on_request_only(ctx: RuleContext) -> Iterator[Finding]:
    """行政处罚决定 items that are 依申请 only."""
    for item in ctx.catalog.items:
        if item.mode != ("依申请",):
            continue
        matter = item.matter_text
        last = item.matter_key[-1] if item.matter else ""
        if not _PENALTY.search(matter) or _PENALTY_RULES.search(last):
            continue
        if "决定" not in matter and "结果" not in matter:
            continue
        yield ctx.at(
            f"{item.pointer}/mode",
            f"{item_label(item)}：行政处罚决定只写了依申请公开。《政府信息公开条例》第二十条"
            "第（六）项：本行政机关认为具有一定社会影响的行政处罚决定应当主动公开；国办发"
            "〔2018〕118号要求行政处罚决定自作出之日起7个工作日内公开：请改为 mode: 主动"
            "（时限写“自执法决定作出之日起7个工作日内”），确只依申请公开的在 waivers 中写明理由",
            item_id=item.id,
            field_name="mode",
        )
