"""GO6xx 依据与内容: 公开依据 that names a document, 公开内容 that names its elements."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from govopen_cli.checks.rules.reference import item_label, quote
from govopen_cli.checks.rules.registry import Finding, RuleContext, rule
from govopen_cli.codes.go.content import GO601, GO602

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
    text = "".join(unicodedata.normalize("NFKC", element).split()).strip("。.；;，,、")
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
