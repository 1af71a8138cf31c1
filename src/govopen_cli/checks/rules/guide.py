"""GO7xx 标准目录: the rows of the guide named in govopen.toml, missing or weakened.

The comparison is :func:`~govopen_cli.guide.conform.conform_catalog`, the same as
``govopen conform``; these rules only place its verdict in the catalog file.
"""

from __future__ import annotations

from collections.abc import Iterator

from govopen_cli.catalog.model import Catalog
from govopen_cli.checks.rules.registry import Finding, RuleContext, rule
from govopen_cli.codes.go.guide import GO711, GO712
from govopen_cli.guide.conform import Conformance, conform_catalog
from govopen_cli.guide.reference import load_guide

_last: list[tuple[Catalog, str, Conformance]] = []


def _conformance(context: RuleContext) -> Conformance | None:
    """The catalog against the configured guide; computed once for both rules."""
    name = context.config.guide
    if not name:
        return None
    if _last and _last[0][0] is context.catalog and _last[0][1] == name:
        return _last[0][2]
    result = conform_catalog(context.catalog, load_guide(name), name, context.config.extra_channels)
    _last[:] = [(context.catalog, name, result)]
    return result


@rule(GO711)
def guide_row_missing(context: RuleContext) -> Iterator[Finding]:
    """A row of the guide no item matches: reported at the catalog's header."""
    result = _conformance(context)
    if result is None:
        return
    for row in result.missing:
        yield context.at(
            "/catalog",
            f"标准目录《{result.guide_title}》的 {row.row_id}“{row.title}”在本目录中没有对应事项："
            f"请按标准目录增加该事项（govopen conform {context.catalog.display} 列出它的内容、时限和渠道），"
            "本级不承担这项职能时在 govopen.toml 的 ignore 中写 GO711",
            key=True,
            field_name=row.row_id,
        )


@rule(GO712)
def guide_row_weakened(context: RuleContext) -> Iterator[Finding]:
    """An item that drops what the guide's row requires: reported at the first such item."""
    result = _conformance(context)
    if result is None:
        return
    for row in result.weakened:
        first = row.items[0]
        item = context.catalog.item(first.id)
        pointer = item.pointer if item is not None else "/items"
        yield context.at(
            pointer,
            f"事项 {'、'.join(i.id for i in row.items)} 对应标准目录 {row.row_id}“{row.title}”，"
            f"但{'；'.join(row.weakenings)}：请按标准目录补齐，法律法规另有规定时在 waivers 中写明 GO712 和理由",
            item_id=first.id,
            field_name=row.row_id,
        )
