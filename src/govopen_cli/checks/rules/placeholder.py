"""GX006: a value that ``govopen import`` wrote as a 待填写 placeholder is still there.

``govopen import`` keeps what a workbook does not say as a placeholder starting with
:data:`~govopen_cli.catalog.placeholder.PLACEHOLDER`, so nothing is lost; this rule
reports each one until someone writes the real value.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govopen_cli.catalog.placeholder import FIELD_NAMES, PLACEHOLDER
from govopen_cli.catalog.pointer import make_pointer
from govopen_cli.checks.rules.registry import Finding, RuleContext, rule
from govopen_cli.codes.gx import GX006


def holds_placeholder(value: Any) -> bool:
    """True when some string inside ``value`` starts with the placeholder.

    Recursing only into containers and building no path: nearly every item holds no
    placeholder, and only the few that do are walked again by :func:`placeholders`.
    """
    if isinstance(value, dict):
        children: Any = value.values()
    elif isinstance(value, list):
        children = value
    else:
        return isinstance(value, str) and value.startswith(PLACEHOLDER)
    for child in children:
        kind = type(child)
        if kind is str:
            if child.startswith(PLACEHOLDER):
                return True
        elif kind is list:  # a list of strings, the commonest container, without a call each
            for element in child:
                if type(element) is str:
                    if element.startswith(PLACEHOLDER):
                        return True
                elif holds_placeholder(element):
                    return True
        elif holds_placeholder(child):
            return True
    return False


def placeholders(value: Any, parts: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    """Each placeholder string inside ``value`` with its path, in document order."""
    if isinstance(value, str):
        if value.startswith(PLACEHOLDER):
            yield parts, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from placeholders(child, [*parts, str(key)])
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from placeholders(child, [*parts, i])


@rule(GX006)
def placeholder_used(context: RuleContext) -> Iterator[Finding]:
    """Every string in the catalog header and the items that starts with the placeholder."""
    document = context.catalog.document
    if document is None:
        return
    data = document.data if isinstance(document.data, dict) else {}
    items = data.get("items") if isinstance(data.get("items"), list) else []
    for parts, value in placeholders(data.get("catalog"), ["catalog"]):
        yield context.at(
            make_pointer(parts),
            f"{FIELD_NAMES.get(str(parts[-1]), parts[-1])}还是 govopen import 留下的占位“{value}”：请写上真实的值",
            field_name=str(parts[-1]),
        )
    for index, item in enumerate(items or []):
        if not holds_placeholder(item):
            continue
        raw_id = item.get("id") if isinstance(item, dict) else None
        item_id = raw_id if isinstance(raw_id, str) else ""
        for parts, value in placeholders(item, ["items", index]):
            field = str(parts[2]) if len(parts) > 2 else ""
            yield context.at(
                make_pointer(parts),
                f"事项 {item_id} 的{FIELD_NAMES.get(field, field)}还是 govopen import 留下的占位“{value}”："
                "请按工作簿补充",
                item_id=item_id,
                field_name=field,
            )
