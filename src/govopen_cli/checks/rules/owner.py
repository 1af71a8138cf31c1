"""GO7xx 公开主体: an owner copied from the 标准目录 template rather than naming an agency."""

from __future__ import annotations

from collections.abc import Iterator

from govopen_cli.catalog.model import Item, normal_text
from govopen_cli.checks.rules.reference import item_label, quote
from govopen_cli.checks.rules.registry import Finding, RuleContext, rule
from govopen_cli.codes.go.owner import GO701

#: 公开主体 written in the templates of the 标准目录 (the State Council departments'
#: 基层政务公开标准目录) where each agency is to name itself.
TEMPLATE_OWNERS = (
    "自然资源主管部门",
    "自然资源",
    "自然资源部门",
    "县级自然资源主管部门",
    "县级以上自然资源主管部门",
    "自然资源和规划部门",
    "县级人民政府",
    "县级以上人民政府",
    "县级以上地方人民政府",
    "乡镇人民政府",
    "乡(镇)人民政府",
    "有关部门",
    "相关部门",
    "主管部门",
    "行政机关",
)


def _fold(text: str) -> str:
    return normal_text(text)


_TEMPLATE = frozenset(_fold(w) for w in TEMPLATE_OWNERS)


@rule(GO701)
def check_owner_is_template_wording(ctx: RuleContext) -> Iterator[Finding]:
    """Each template owner once, at its first item, with how many items have it."""
    found: dict[str, list[Item]] = {}
    for item in ctx.catalog.items:
        if isinstance(item.owner, str) and _fold(item.owner) in _TEMPLATE:
            found.setdefault(_fold(item.owner), []).append(item)
    agency = ctx.catalog.agency if isinstance(ctx.catalog.agency, str) else ""
    usable = agency and not agency.startswith("待填写") and _fold(agency) not in _TEMPLATE
    example = agency if usable else "某县自然资源局"
    for items in found.values():
        first = items[0]
        owner = first.owner
        more = f"（共 {len(items)} 个事项这样写，这里是第一个）" if len(items) > 1 else ""
        yield ctx.at(
            f"{first.pointer}/owner",
            f"{item_label(first)}：公开主体{quote(owner)}是标准目录模板中的泛称，不是具体机关{more}："
            f"请写出负责公开的机关，如{quote(example)}",
            item_id=first.id,
            field_name="owner",
        )
