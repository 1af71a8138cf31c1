"""GO6xx 依据与内容: 公开依据 that names a document, 公开内容 that names its elements."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govopen_cli.catalog.model import normal_text
from govopen_cli.checks.rules.reference import item_label, personal_data_named, quote
from govopen_cli.checks.rules.registry import Finding, RuleContext, rule
from govopen_cli.codes.go.content import GO601, GO602, GO603, GO604, GO605

_TITLE = re.compile(r"《[^《》]+》")


@rule(GO601)
def check_basis_without_document(ctx: RuleContext) -> Iterator[Finding]:
    """Bases that name no document in 《》."""
    for item in ctx.catalog.items:
        for index, entry in enumerate(item.basis):
            if not entry.strip() or _TITLE.search(entry):
                continue
            yield ctx.at(
                f"{item.pointer}/basis/{index}",
                f"{item_label(item)}：公开依据{quote(entry)}没有用书名号写出文件名称：请写成"
                "《文件全称》加条款，如“《中华人民共和国政府信息公开条例》第二十条”",
                item_id=item.id,
                field_name="basis",
            )


# Words that, alone, say nothing about what is published.
_VAGUE = {
    "相关信息",
    "有关信息",
    "相关内容",
    "有关内容",
    "相关资料",
    "有关资料",
    "相关材料",
    "有关材料",
    "相关文件",
    "有关文件",
    "相关情况",
    "有关情况",
    "相关事项",
    "其他",
    "其它",
    "其他信息",
    "其他内容",
    "等",
    "等等",
    "略",
    "无",
    "见附件",
    "详见附件",
}
_VAGUE_ENDINGS = (
    "相关信息",
    "有关信息",
    "相关内容",
    "有关内容",
    "相关资料",
    "有关资料",
    "等信息",
    "等内容",
    "等相关信息",
    "等有关信息",
)
_ENUMERATION = re.compile(r"[、，,；;：:（(]")


def _is_vague(element: str) -> bool:
    text = normal_text(element).strip("。.；;，,、")
    if not text:
        return False
    if text in _VAGUE:
        return True
    # "征地相关信息" is vague; "用途、位置等信息" enumerates its elements and is not.
    return text.endswith(_VAGUE_ENDINGS) and not _ENUMERATION.search(text)


@rule(GO602)
def check_content_too_vague(ctx: RuleContext) -> Iterator[Finding]:
    """Content that lists no elements, only 相关信息 or 等."""
    for item in ctx.catalog.items:
        elements = [c for c in item.content if c.strip()]
        if not elements or not all(_is_vague(c) for c in elements):
            continue
        pointer = f"{item.pointer}/content"
        if item.content_is_list and len(item.content) == 1:
            pointer += "/0"
        yield ctx.at(
            pointer,
            f"{item_label(item)}：公开内容（要素）只写了{quote('、'.join(elements))}，没有列出"
            "具体要公开的要素：请逐项列出要公开的要素，一个要素一行写在 content 列表中",
            item_id=item.id,
            field_name="content",
        )


@rule(GO603)
def check_personal_data_public(ctx: RuleContext) -> Iterator[Finding]:
    """Items for 全社会 whose content names personal data."""
    for item in ctx.catalog.items:
        if "全社会" not in item.audience:
            continue
        word = personal_data_named(item)
        if not word:
            continue
        yield ctx.at(
            f"{item.pointer}/content",
            f"{item_label(item)}：面向全社会公开的内容写了个人信息“{word}”。《政府信息公开条例》"
            "第十五条：涉及个人隐私、公开会对第三方合法权益造成损害的政府信息不得公开（第三方"
            "同意或公共利益需要的除外）：请删去或写明去标识化，或把公开对象改为特定群体",
            item_id=item.id,
            field_name="content",
        )


_HEARING_RULES = re.compile(r"《国土资源听证规定》")
_OLD_IMPLEMENTING = re.compile(
    r"《(?:中华人民共和国)?土地管理法实施条例》\s*[（(]\s*(?:1998|2011|2014)\s*年?[^）)]*[）)]"
)
_IMPLEMENTING_25 = re.compile(r"《(?:中华人民共和国)?土地管理法实施条例》\s*第二十五条")


def _superseded(entry: str, zhengdi: bool) -> str:
    """What is out of date in one basis entry, and the current instrument ("" if nothing)."""
    if _HEARING_RULES.search(entry):
        return "《国土资源听证规定》已于 2020 年修改并改名为《自然资源听证规定》：请改为《自然资源听证规定》"
    if _OLD_IMPLEMENTING.search(entry):
        return (
            "引用的是 2021 年修订前的《土地管理法实施条例》，条款号已变：请改为现行"
            "《中华人民共和国土地管理法实施条例》（2021年国务院令第743号修订）并核对条款"
            "（征地预公告第二十六条，补偿安置方案公告第二十八条，征收土地公告第三十一条）"
        )
    if zhengdi and _IMPLEMENTING_25.search(entry):
        return (
            "《土地管理法实施条例》第二十五条是 2021 年修订前的征地公告条款；现行条例的征地程序在"
            "第二十六条至第三十二条：请按现行条例核对条款号"
        )
    return ""


@rule(GO604)
def check_superseded_instrument(ctx: RuleContext) -> Iterator[Finding]:
    """Bases that cite a repealed, renamed or renumbered instrument."""
    for item in ctx.catalog.items:
        zhengdi = any("征" in m for m in item.matter)
        for index, entry in enumerate(item.basis):
            why = _superseded(entry, zhengdi)
            if not why:
                continue
            yield ctx.at(
                f"{item.pointer}/basis/{index}",
                f"{item_label(item)}：公开依据{quote(entry)}：{why}",
                item_id=item.id,
                field_name="basis",
            )


# The categories every agency discloses, with the words real rows use for them.
REQUIRED_CATEGORIES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("机构职能", "第二十条第（二）项", re.compile(r"机构信息|机构职能|机关职能|机构设置|主要职责")),
    ("规范性文件", "第二十条第（一）项", re.compile(r"规范性文件|政策文件|规章|文件发布")),
    ("规划", "第二十条第（三）项", re.compile(r"规划")),
    (
        "行政许可和其他对外管理服务",
        "第二十条第（五）项",
        re.compile(r"行政许可|办事指南|服务指南|政务服务|审批"),
    ),
    ("行政处罚", "第二十条第（六）项", re.compile(r"行政处罚|处罚|行政执法|行政强制")),
    ("财政预算、决算", "第二十条第（七）项", re.compile(r"预算|决算")),
    ("政府信息公开指南", "第十二条", re.compile(r"公开指南")),
    ("政府信息公开工作年度报告", "第四十九条", re.compile(r"年度报告|年报")),
)
#: Fewer rows than this is an excerpt (a sample, a test file), not an agency's whole catalog.
WHOLE_CATALOG_ITEMS = 10
_WHOLE_CATALOG = re.compile(r"基本目录|政府信息公开目录|主动公开目录|政务公开目录")


@rule(GO605)
def check_required_category(ctx: RuleContext) -> Iterator[Finding]:
    """A whole-agency catalog without one of the categories every agency discloses."""
    catalog = ctx.catalog
    if not _WHOLE_CATALOG.search(catalog.title or "") or len(catalog.items) < WHOLE_CATALOG_ITEMS:
        # A field's 标准目录, or an excerpt of a few rows, is not the whole catalog.
        return
    text = "".join("".join(item.matter) + "".join(item.content) for item in catalog.items)
    for name, article, pattern in REQUIRED_CATEGORIES:
        if pattern.search(text):
            continue
        yield ctx.at(
            "/catalog/title",
            f"目录“{catalog.title}”中没有“{name}”类的事项（公开事项或公开内容中找不到）。"
            f"《政府信息公开条例》{article}要求行政机关主动公开这一类信息：请增加这一类事项；"
            "本机关确无此类职权或信息的，可在 govopen.toml 中关闭 GO605",
            field_name=f"category:{name}",
        )
