"""GO2xx 公开方式与渠道: channels, marks, 公开对象, 公开层级, and items listed twice."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

from govopen_cli.catalog.channel import (
    OFFICIAL_CHANNELS,
    WEBSITE,
    canonical_channel,
    classify_channel,
    closest_channel,
)
from govopen_cli.catalog.model import LEVELS, Item
from govopen_cli.checks.rules import Finding, RuleContext, rule
from govopen_cli.checks.rules.reference import item_label, line_of, quote
from govopen_cli.diagnostics import Severity


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


@rule("GO201", "proactive-needs-website", Severity.ERROR)
def check_proactive_needs_website(ctx: RuleContext) -> Iterator[Finding]:
    """主动公开的事项，公开渠道中要有“政府网站”。

    检查：公开方式含“主动”的事项，公开渠道和载体（channels）中没有“政府网站”。写成
    “门户网站”“政府门户网站”等变体的算作有政府网站（名称由 GO203 提示改正）。没有写
    channels 的事项由格式检查（GO101）报告，这里不再重复。

    依据：《中华人民共和国政府信息公开条例》第二十三条（主动公开的政府信息通过政府公报、
    政府网站或者其他互联网政务媒体等途径公开）、第二十四条（各级人民政府应当加强依托
    政府门户网站公开政府信息的工作，利用统一的政府信息公开平台集中发布主动公开的政府
    信息）；《政府网站发展指引》（国办发〔2017〕47号）明确政府网站是政务公开的第一平台。
    确有法律、法规另有规定的事项，可在 waivers 中写明理由豁免本规则。

    错误示例：
        - id: JG-001
          matter: [机构信息, 机构职能]
          mode: 主动
          channels: [政务服务中心, 公开查阅点]

    修改：在 channels 中加上 政府网站，如 `channels: [政府网站, 政务服务中心, 公开查阅点]`；
    有栏目网址的写成 `{name: 政府网站, url: "https://xxx.gov.cn/zwgk/"}`。
    """
    extra = ctx.config.extra_channels
    for item in ctx.catalog.items:
        if not item.proactive or not item.channels:
            continue
        if any(canonical_channel(c.name, extra) == WEBSITE for c in item.channels):
            continue
        mode = "为主动" if item.mode == ("主动",) else "含主动"
        yield ctx.at(
            f"{item.pointer}/channels",
            f"{item_label(item)}：公开方式{mode}，但公开渠道没有“政府网站”"
            f"（现有：{'、'.join(item.channel_names)}）。《政府信息公开条例》第二十四条要求依托"
            "政府门户网站集中发布主动公开的政府信息，《政府网站发展指引》明确政府网站是政务公开的"
            "第一平台：请在 channels 中加上 政府网站"
            f"{_fullwidth_list_hint(item.channel_names)}",
            item_id=item.id,
            field_name="channels",
        )


@rule("GO202", "unknown-channel", Severity.ERROR)
def check_unknown_channel(ctx: RuleContext) -> Iterator[Finding]:
    """公开渠道不是标准目录的 13 种渠道之一，也不是项目配置中增加的渠道。

    检查：每个公开渠道的名称，是否为标准目录的 13 种渠道（政府网站、政府公报、两微一端、
    发布会/听证会、广播电视、纸质媒体、公开查阅点、政务服务中心、便民服务站、入户/现场、
    社区/企事业单位/村公示栏(电子屏)、精准推送、其他）之一，或 govopen.toml 中
    `[channels] extra` 增加的名称。比较时不计全角/半角（（）与 ()、／与 /）和空格。
    已知的变体（如“纸质载体”）只由 GO203 提示，不在这里报告。能猜到本意时，消息给出
    最接近的标准名称。

    依据：国务院各部门制定的基层政务公开标准指引和《国务院办公厅关于全面推进基层政务
    公开标准化规范化工作的指导意见》（国办发〔2019〕54号）要求标准目录写明公开渠道；
    标准目录表格的“公开渠道和载体”一栏只用这 13 种名称。名称统一，汇总、年度对比和
    检查表才能按渠道统计。

    错误示例：
        - id: ZD-001
          channels: [政府网站, 征地平台]

    修改：改用标准名称（消息会给出最接近的一个）；本地确有的专门平台（如
    征地信息公开平台、12345政务服务热线），在 govopen.toml 中加上：
    `[channels]` 下写 `extra = ["征地信息公开平台"]`。
    """
    extra = ctx.config.extra_channels
    for item in ctx.catalog.items:
        for index, channel in enumerate(item.channels):
            found = classify_channel(channel.name, extra)
            if found.status != "unknown":
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


@rule("GO203", "channel-variant", Severity.WARNING)
def check_channel_variant(ctx: RuleContext) -> Iterator[Finding]:
    """公开渠道写成了标准名称的变体（如“纸质载体”“行政服务中心”），应写标准名称。

    检查：公开渠道名称是实际目录中常见的变体：纸质载体（纸质媒体）；政府服务中心、
    行政服务中心（政务服务中心）；公开查询点（公开查阅点）；村(居)公示栏、村(居)务公开栏、
    村(居)/企事业单位公示栏（社区/企事业单位/村公示栏(电子屏)）；发布会（发布会/听证会）；
    门户网站、政府门户网站（政府网站）；微信公众号、政务微博（两微一端）；用“、”代替“/”
    的写法（入户、现场）等。全角/半角括号、斜杠和空格的差别不算变体，不报告。

    依据：《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发
    〔2019〕54号）要求按标准指引编制标准目录，目录表格“公开渠道和载体”一栏用 13 种规范
    名称。变体能看懂，但汇总、年度对比和检查表按名称统计时会被当作另一个渠道。

    错误示例：
        - id: ZD-002
          channels: [纸质载体, 行政服务中心, 村(居)务公开栏]

    修改：改为消息给出的标准名称：
    `channels: [纸质媒体, 政务服务中心, 社区/企事业单位/村公示栏(电子屏)]`。
    """
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


@rule("GO204", "single-choice-group", Severity.WARNING)
def check_single_choice_group(ctx: RuleContext) -> Iterator[Finding]:
    """只有一个渠道标为“择一”（▲）：择一要在至少两个渠道中选用。

    检查：一个事项的公开渠道中，恰好只有一个标为 `mark: 择一`。

    依据：各领域基层政务公开标准指引（如《农村集体土地征收基层政务公开标准指引》）的目录
    表格标注方法：■ 必选，□ 可选，▲ 在标注的渠道中至少选择其一公开（“在标注范围内至少
    选择其一公开，法律法规规章另有规定的从其规定”）。只有一个 ▲ 时无从选择，通常是漏标了
    另一个渠道，或本应标为必选。

    错误示例：
        - id: ZD-004
          channels:
            - 社区/企事业单位/村公示栏(电子屏)
            - {name: 政府网站, mark: 择一}

    修改：给其他可以选用的渠道也标上择一，如
    `- {name: 社区/企事业单位/村公示栏(电子屏), mark: 择一}`；确实必须使用的，删去
    `mark: 择一`（即必选）。
    """
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


@rule("GO205", "duplicate-item-id", Severity.ERROR)
def check_duplicate_item_id(ctx: RuleContext) -> Iterator[Finding]:
    """同一文件中两个事项用了同一个编号。

    检查：事项编号（id）在一个目录文件中重复。第一次出现的不报告，第二次及以后的每一处
    都报告，并指出第一次出现在第几行。

    依据：govopen 目录文件格式（第 1 版）第 1 节：id 在文件内唯一、各年度保持不变。年度
    对比、豁免、基线和三定映射（duties 的 items）都按编号找事项，编号重复时只能找到其中
    一个。这是数据上的要求，不是法律条文。

    错误示例：
        items:
          - id: ZD-002
            matter: [征地前期准备, 拟征收土地告知]
          - id: ZD-002
            matter: [征地前期准备, 拟征收土地现状调查]

    修改：给后一个事项换一个未用过的编号（如 ZD-003），并同步修改引用它的三定映射。
    """
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
    return tuple("".join(unicodedata.normalize("NFKC", m).split()) for m in item.matter)


@rule("GO206", "duplicate-matter", Severity.ERROR)
def check_duplicate_matter(ctx: RuleContext) -> Iterator[Finding]:
    """两个事项的公开事项（一级/二级/三级）完全相同。

    检查：两个事项的 matter 各级名称完全相同（不计全角/半角和空格）。第一次出现的不报告，
    之后每一处都报告，并指出与哪个事项、第几行重复。只是一级相同、二级不同的不算。

    依据：《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发
    〔2019〕54号）：目录至少包括公开事项的名称、内容、依据、时限、主体、方式、渠道、公开
    对象等要素——每个公开事项一行，这些要素都写在这一行。同一事项列两行，时限或渠道往往
    互相矛盾。

    错误示例：
        items:
          - id: ZD-002
            matter: [征地前期准备, 拟征收土地告知]
          - id: ZD-009
            matter: [征地前期准备, 拟征收土地告知]

    修改：把两行合并为一行；确是两个不同事项的，把二级或三级事项写得能区分，如
    `matter: [征地前期准备, 拟征收土地告知, 告知书送达]`。
    """
    first: dict[tuple[str, ...], Item] = {}
    for item in ctx.catalog.items:
        key = _matter_key(item)
        if not key or not all(key):
            continue
        if key not in first:
            first[key] = item
            continue
        other = first[key]
        line = line_of(ctx, other.pointer)
        yield ctx.at(
            f"{item.pointer}/matter",
            f"{item_label(item)}：公开事项{quote(' / '.join(item.matter))}与第 {line} 行的"
            f"{item_label(other)} 重复。同一公开事项只应列一行：请合并这两行，或把二级、三级"
            "事项写得能够区分",
            item_id=item.id,
            field_name="matter",
        )


@rule("GO207", "audience-note-missing", Severity.WARNING)
def check_audience_note_missing(ctx: RuleContext) -> Iterator[Finding]:
    """公开对象是“特定群体”，但没有说明是哪些人（audience_note）。

    检查：audience 含“特定群体”的事项，没有 audience_note 或只写了空白。

    依据：《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发
    〔2019〕54号）把“公开对象”列为目录要素；勾“特定群体”时要向这一群体定向公开（如
    《中华人民共和国土地管理法》第四十七条所说的被征地的农村集体经济组织及其成员）。不写明
    是谁，就无法核对渠道（入户、公示栏、精准推送）是否覆盖了他们。

    错误示例：
        - id: ZD-002
          audience: 特定群体

    修改：加上 audience_note，如
    `audience_note: 拟征收土地所在地的农村集体经济组织及其成员`。
    """
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


@rule("GO208", "duplicate-channel", Severity.WARNING)
def check_duplicate_channel(ctx: RuleContext) -> Iterator[Finding]:
    """同一事项中同一个公开渠道写了两次（包括标准名称和它的变体各写一次）。

    检查：一个事项的 channels 中，两个渠道的标准名称相同，如“政府网站”和“门户网站”、
    或“政府网站”写了两次。第一次的不报告，之后的每一处报告。

    依据：各领域基层政务公开标准指引（如《农村集体土地征收基层政务公开标准指引》）的目录
    表格中每个渠道只勾一次，标一个标注（■□▲）。重复的渠道标注不同时，无法判断该渠道到底
    是必选还是可选；导出的检查表也会重复计数。

    错误示例：
        - id: JG-001
          channels:
            - 政府网站
            - {name: 门户网站, mark: 可选}

    修改：删去重复的一个；两处的标注或网址不同时，合并为一个并保留正确的标注和网址。
    """
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


@rule("GO209", "website-domain", Severity.WARNING)
def check_website_domain(ctx: RuleContext) -> Iterator[Finding]:
    """“政府网站”渠道的网址不在 .gov.cn（或 .政务）域名下。

    检查：名称为政府网站（含其变体）的渠道写了 url，而网址的域名不以 .gov.cn 或 .政务
    结尾。没有写 url 的不检查。

    依据：《国务院办公厅关于印发政府网站发展指引的通知》（国办发〔2017〕47号）“域名规范”：
    政府网站要使用以 .gov.cn 为后缀的英文域名和符合要求的中文域名，不得使用其他后缀的
    英文域名；部门网站使用本级政府或上级部门门户网站的下级域名。不在 gov.cn 下的网址，
    多半是抄错了、指向了第三方平台，或是不合规的网站——检查时会被判为公开渠道无效。

    错误示例：
        - id: JG-001
          channels:
            - {name: 政府网站, url: "https://www.example.com/zwgk/"}

    修改：改为本机关政府网站（门户网站或部门网站）上对应栏目的网址，如
    `url: "https://www.xx.gov.cn/zwgk/jgxx/"`；确是第三方平台的，改用相应的渠道名称
    （需要时在 govopen.toml 的 `[channels] extra` 中增加）。
    """
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


@rule("GO210", "level-above-catalog", Severity.WARNING)
def check_level_above_catalog(ctx: RuleContext) -> Iterator[Finding]:
    """事项的公开层级高于目录所属机关的层级（如县级目录中勾了“省级”）。

    检查：目录写了 catalog.level 时，事项的 levels 中有比它高的层级（省级 > 市级 > 县级 >
    乡级 > 村级）。同级和下级都不报告：县级目录中只勾“乡级”的事项（由乡镇公开）是正常的。
    没有写 catalog.level 的目录不检查。

    依据：《中华人民共和国政府信息公开条例》第十条：行政机关制作的政府信息，由制作该
    政府信息的行政机关负责公开。县级机关的目录列的是本级和下级公开的事项；勾了上级的，
    多半是照抄上级目录或指引时没有改公开层级，检查时会被认为本机关要公开它并不掌握的
    信息。

    错误示例：
        catalog:
          level: 县级
        items:
          - id: GH-001
            levels: [省级, 县级]

    修改：删去高于本级的层级（`levels: [县级]`）；若目录的机关层级写错了，改正
    catalog.level。
    """
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
