"""The catalog as the official table: two header rows, 一级事项 merged down its rows.

Columns as in the 基层政务公开标准目录 tables: 序号 · 公开事项 (一级, 二级) · 公开内容 ·
公开依据 · 公开时限 · 公开主体 · 公开渠道和载体 (■ 必选 □ 可选 ▲ 择一, with links) ·
公开对象 (全社会, 特定群体) · 公开方式 (主动, 依申请) · 公开层级 (the catalog's levels).
Items of one 一级事项 next to each other form one ``<tbody>`` whose first cell is a
``<th scope="rowgroup">`` spanning them.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from govopen_cli.catalog.model import AUDIENCES, LEVELS, MARK_SYMBOLS, MODES, Catalog, Item
from govopen_cli.publish.page import Page, esc, page_html

LEGEND = "公开渠道：■ 必选，□ 可选，▲ 择一（标注范围内至少选择其一公开）。√ 表示适用。"


def _levels(catalog: Catalog) -> list[str]:
    used = {lv for it in catalog.items for lv in it.levels}
    if catalog.level:
        used.add(catalog.level)
    return [lv for lv in LEVELS if lv in used]


def _list(values: tuple[str, ...]) -> str:
    if len(values) == 1:
        return esc(values[0])
    return '<ul class="plain">' + "".join(f"<li>{esc(v)}</li>" for v in values) + "</ul>"


def _channels(item: Item) -> str:
    out = []
    for channel in item.channels:
        symbol = MARK_SYMBOLS.get(channel.mark, "■")
        name = esc(channel.name)
        if channel.url:
            name = f'<a href="{esc(channel.url)}">{name}</a>'
        out.append(
            f'<li><span aria-hidden="true">{symbol}</span>'
            f'<span class="sr-only">{esc(channel.mark)}：</span>{name}</li>'
        )
    return '<ul class="channels">' + "".join(out) + "</ul>"


def _tick(on: bool, label: str) -> str:
    text = '<span aria-hidden="true">√</span><span class="sr-only">是</span>' if on else ""
    return f'<td class="tick" data-label="{esc(label)}">{text}</td>'


def header_rows(levels: list[str]) -> str:
    """The two header rows of the official table."""
    first = (
        '<tr><th scope="col" rowspan="2">序号</th>'
        '<th scope="colgroup" colspan="2">公开事项</th>'
        '<th scope="col" rowspan="2">公开内容（要素）</th>'
        '<th scope="col" rowspan="2">公开依据</th>'
        '<th scope="col" rowspan="2">公开时限</th>'
        '<th scope="col" rowspan="2">公开主体</th>'
        '<th scope="col" rowspan="2">公开渠道和载体</th>'
        '<th scope="colgroup" colspan="2">公开对象</th>'
        '<th scope="colgroup" colspan="2">公开方式</th>'
        f'<th scope="colgroup" colspan="{len(levels)}">公开层级</th></tr>'
    )
    second = "".join(
        f'<th scope="col">{esc(name)}</th>'
        for name in ("一级事项", "二级事项", *AUDIENCES, *MODES, *levels)
    )
    return f"<thead>{first}<tr>{second}</tr></thead>"


def _row(number: int, item: Item, levels: list[str], group: str) -> str:
    rest = "／".join(item.matter[1:]) or "—"
    cells = [
        f'<td data-label="序号">{number}</td>',
        group,
        f'<td data-label="二级事项">{esc(rest)}</td>',
        f'<td data-label="公开内容">{_list(item.content)}</td>',
        f'<td data-label="公开依据">{_list(item.basis)}</td>',
        f'<td data-label="公开时限">{esc(item.deadline.text)}</td>',
        f'<td data-label="公开主体">{esc(item.owner)}</td>',
        f'<td data-label="公开渠道和载体">{_channels(item)}</td>',
        *(_tick(a in item.audience, a) for a in AUDIENCES),
        *(_tick(m in item.mode, m) for m in MODES),
        *(_tick(lv in item.levels, lv) for lv in levels),
    ]
    return f'<tr id="item-{esc(item.id)}">' + "".join(cells) + "</tr>"


def catalog_table(catalog: Catalog) -> str:
    """The ``<table>`` of every item."""
    levels = _levels(catalog)
    bodies = []
    number = 0
    for first, group in groupby(catalog.items, key=lambda it: it.first_level):
        items = list(group)
        rows = []
        for index, item in enumerate(items):
            number += 1
            th = (
                f'<th scope="rowgroup" rowspan="{len(items)}" data-group>{esc(first)}</th>'
                if index == 0
                else ""
            )
            rows.append(_row(number, item, levels, th))
        bodies.append("<tbody>" + "".join(rows) + "</tbody>")
    caption = f"<caption>{esc(catalog.title)}（共 {len(catalog.items)} 项）</caption>"
    return (
        f'<table data-searchable aria-describedby="legend">{caption}{header_rows(levels)}'
        + "\n".join(bodies)
        + "</table>"
    )


def catalog_page(catalog: Catalog, *, date: dt.date, inline: bool = False) -> str:
    """The public page of ``catalog`` (``date``: the day it is published)."""
    meta = tuple(
        line
        for line in (
            f"文号：{catalog.document_no}" if catalog.document_no else "",
            f"{catalog.year} 年版" if catalog.year else "",
        )
        if line
    )
    return page_html(
        Page(
            title=catalog.title,
            agency=catalog.agency,
            date=f"发布日期：{date.isoformat()}",
            table=catalog_table(catalog),
            meta=meta,
            legend=LEGEND,
            search_label="搜索公开事项",
            search_hint="如：征地、不动产登记、规划",
        ),
        inline=inline,
    )
