"""GO6xx 依据与内容: 公开依据 that names a document, 公开内容 that names its elements."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from govopen_cli.checks.rules import Finding, RuleContext, rule
from govopen_cli.checks.rules.reference import item_label, quote
from govopen_cli.diagnostics import Severity

_TITLE = re.compile(r"《[^《》]+》")


@rule("GO601", "basis-without-document", Severity.WARNING)
def check_basis_without_document(ctx: RuleContext) -> Iterator[Finding]:
    """公开依据没有用书名号《》写出文件名称。

    检查：公开依据（basis）的每一条，是否含有用《》括起来的法律、法规、规章或文件名称。
    只写了“相关规定”“政府信息公开条例第九条”“上级文件”之类的，报告。

    依据：《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕
    54号）：标准目录至少包括公开事项的名称、内容、依据、时限、主体、方式、渠道、公开对象等
    要素。公开依据要能查到原文：标准目录的“公开依据”一栏以《》写文件全称，可加文号和条款。

    错误示例：
        - id: JG-001
          basis: [政府信息公开条例第二十条, 相关规定]

    修改：写出文件全称和条款，如
    `basis: [《中华人民共和国政府信息公开条例》第二十条]`；没有具体依据的条目删去。
    """
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
    text = "".join(unicodedata.normalize("NFKC", element).split()).strip("。.；;，,、")
    if not text:
        return False
    if text in _VAGUE:
        return True
    # "征地相关信息" is vague; "用途、位置等信息" enumerates its elements and is not.
    return text.endswith(_VAGUE_ENDINGS) and not _ENUMERATION.search(text)


@rule("GO602", "content-too-vague", Severity.WARNING)
def check_content_too_vague(ctx: RuleContext) -> Iterator[Finding]:
    """公开内容（要素）只写了“相关信息”“等”之类的笼统说法，没有列出要素。

    检查：公开内容的每一项都是笼统的说法：“相关信息”“有关内容”“其他”“等”“详见附件”，或
    “××相关信息”这样没有列举任何要素的写法。只要有一项写了具体要素，就不报告；
    “用途、位置等信息”列举了要素，不算笼统。

    依据：《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕
    54号）要求标准目录写明公开内容，各领域标准指引把公开内容细化到“要素”（如征收范围、
    征收目的、补偿标准）。只写“相关信息”，就无法据以检查公开是否到位。

    错误示例：
        - id: ZD-005
          content: 征地相关信息

    修改：逐项列出要公开的要素，如
    `content: [征收范围, 征收目的, 补偿方式和标准, 安置对象和方式, 社会保障]`。
    """
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
