"""How a finding refers to things: an item by its id, a node by its pointer and line.

Shared by the rule modules so that every message names an item the same way
(``事项 ZD-002``, or ``第 3 个事项`` when the id is missing).
"""

from __future__ import annotations

import re

from govopen_cli.catalog.model import Item
from govopen_cli.checks.rules.registry import RuleContext


def item_label(item: Item) -> str:
    """``事项 ZD-002``; ``第 3 个事项`` for an item without an id."""
    return f"事项 {item.id}" if item.id else f"第 {item.index + 1} 个事项"


def line_of(ctx: RuleContext, pointer: str) -> int:
    """The line the node at ``pointer`` starts on."""
    return ctx.catalog.locate(pointer).line


def existing_pointer(ctx: RuleContext, *pointers: str) -> str:
    """The first of ``pointers`` that names a node in the file, else the last one.

    ``deadline`` is a string or a ``{text, days, unit}`` mapping: a rule asks for
    ``…/deadline/text`` then ``…/deadline`` and reports at whichever is there.
    """
    document = ctx.catalog.document
    if document is not None:
        for pointer in pointers:
            if document.resolve(pointer)[1]:
                return pointer
    return pointers[-1]


def deadline_pointer(ctx: RuleContext, item: Item, *, days: bool = False) -> str:
    """Where an item's 公开时限 is written: its ``days`` when stated (and wanted), else the text."""
    base = f"{item.pointer}/deadline"
    if days:
        return existing_pointer(ctx, f"{base}/days", f"{base}/text", base)
    return existing_pointer(ctx, f"{base}/text", base)


def quote(text: str) -> str:
    """A value inside a message, in Chinese quotation marks."""
    return f"“{text}”"


# Personal data of persons (第十五条): what a 全社会 item must not carry, and what lawfully
# keeps an item off the website.
PERSONAL_DATA = re.compile(
    r"身份证(?:号码|号)?|公民身份号码|家庭住址|住址|(?:个人|本人|申请人|权利人|当事人|户主|村民)"
    r"(?:的)?(?:联系)?电话|手机号码?|银行(?:卡|账)号|出生日期|婚姻状况|病历|健康状况"
)

# "（不公告身份证件号码）", "隐去身份证号码": the element says the data is withheld.
_WITHHELD = re.compile(r"不公告|不公开|不予公开|隐去|隐藏|去标识|脱敏|除外|遮盖")


def personal_data_named(item: Item) -> str:
    """The first personal-data word in the item's content (empty when none)."""
    for element in item.content:
        match = PERSONAL_DATA.search(element)
        if match and not _WITHHELD.search(element):
            return match.group(0)
    return ""
