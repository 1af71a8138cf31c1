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


@rule(GX006)
def placeholder_used(context: RuleContext) -> Iterator[Finding]:
    """Every string in the catalog header and the items that starts with the placeholder."""
    document = context.catalog.document
    if document is None:
        return

    def walk(value: Any, parts: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
        if isinstance(value, str):
            if value.startswith(PLACEHOLDER):
                yield parts, value
        elif isinstance(value, dict):
            for key, child in value.items():
                yield from walk(child, [*parts, str(key)])
        elif isinstance(value, list):
            for i, child in enumerate(value):
                yield from walk(child, [*parts, i])

    data = document.data if isinstance(document.data, dict) else {}
    items = data.get("items") if isinstance(data.get("items"), list) else []
    for parts, value in walk(data.get("catalog"), ["catalog"]):
        yield context.at(
            make_pointer(parts),
            f"{FIELD_NAMES.get(str(parts[-1]), parts[-1])}还是 govopen import 留下的占位“{value}”：请写上真实的值",
            field_name=str(parts[-1]),
        )
    for index, item in enumerate(items or []):
        raw_id = item.get("id") if isinstance(item, dict) else None
        item_id = raw_id if isinstance(raw_id, str) else ""
        for parts, value in walk(item, ["items", index]):
            field = str(parts[2]) if len(parts) > 2 else ""
            yield context.at(
                make_pointer(parts),
                f"事项 {item_id} 的{FIELD_NAMES.get(field, field)}还是 govopen import 留下的占位“{value}”："
                "请按工作簿补充",
                item_id=item_id,
                field_name=field,
            )
