"""``govopen conform``: the catalog against the guide, as text, JSON, Markdown or a workbook.

Registered as the ``conform`` kind of :mod:`govopen_cli.reporters`: it renders a
:class:`~govopen_cli.guide.conform.Conformance`.
"""

from __future__ import annotations

import json

from govopen_cli.guide.conform import Conformance, ItemRef, RowResult
from govopen_cli.reporters import CONFORM, RenderOptions, register
from govopen_cli.reporters.markdown import escape_cell

CONFORM_FORMATS = ("text", "json", "markdown", "xlsx")
BINARY_FORMATS = ("xlsx",)

_STATUS = {"present": "具备", "missing": "缺少", "weakened": "弱化"}


def status(row: RowResult) -> str:
    """present / missing / weakened."""
    if not row.items:
        return "missing"
    return "weakened" if row.weakenings else "present"


def _items(row: RowResult) -> str:
    return "、".join(i.id for i in row.items) or "—"


def _where(ref: ItemRef) -> str:
    return f"{ref.file}:{ref.line}:{ref.column}"


def render_text(result: Conformance) -> str:
    """One line per guide row (缺少 and 弱化 first), then the catalog's own additions."""
    lines = [f"{result.catalog_file}（{result.agency}）对照《{result.guide_title}》", ""]
    order = {"missing": 0, "weakened": 1, "present": 2}
    for row in sorted(result.rows, key=lambda r: order[status(r)]):
        state = _STATUS[status(row)]
        lines.append(f"{state}  {row.row_id}  {row.title}  事项：{_items(row)}")
        for note in row.weakenings:
            lines.append(f"      - {note}")
    if result.extra:
        lines += ["", f"目录自行增加的事项（{len(result.extra)} 个，标准目录中没有对应行）："]
        lines += [f"  {_where(i)}: {i.id} {'／'.join(i.matter)}" for i in result.extra]
    lines += ["", result.summary()]
    return "\n".join(lines) + "\n"


def render_markdown(result: Conformance) -> str:
    """A table of the guide's rows and a list of the additions."""
    out = [
        f"### {escape_cell(result.agency)}：对照《{escape_cell(result.guide_title)}》",
        "",
        result.summary(),
        "",
        "| 行 | 公开事项 | 状态 | 目录事项 | 弱化之处 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in result.rows:
        out.append(
            f"| {row.row_id} | {escape_cell(row.title)} | {_STATUS[status(row)]} | "
            f"{escape_cell(_items(row))} | {escape_cell('；'.join(row.weakenings)) or '—'} |"
        )
    if result.extra:
        out += ["", f"目录自行增加的事项（{len(result.extra)} 个）：", ""]
        out += [f"- `{i.id}` {escape_cell('／'.join(i.matter))}" for i in result.extra]
    return "\n".join(out) + "\n"


def render_workbook(result: Conformance) -> bytes:
    """Sheets 对照 (one row per guide row) and 自行增加 (the additions)."""
    from govopen_cli.excel.table_book import Table, table_workbook

    rows = [
        (
            r.row_id,
            *[*r.matter, ""][:2],
            _STATUS[status(r)],
            _items(r),
            "；".join(r.weakenings),
        )
        for r in result.rows
    ]
    extra = [(i.id, "／".join(i.matter), _where(i)) for i in result.extra]
    return table_workbook(
        [
            Table(
                "对照",
                ("行", "一级事项", "二级事项", "状态", "目录事项", "弱化之处"),
                rows,
                (8, 16, 30, 8, 24, 60),
            ),
            Table("自行增加", ("事项编号", "公开事项", "位置"), extra, (12, 40, 40)),
        ]
    )


def render_conform(result: Conformance, fmt: str) -> str | bytes:
    """``result`` in ``fmt`` (one of :data:`CONFORM_FORMATS`)."""
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return render_markdown(result)
    if fmt == "xlsx":
        return render_workbook(result)
    return render_text(result)


for _name in CONFORM_FORMATS:

    def _render(result: Conformance, options: RenderOptions, _fmt: str = _name) -> str | bytes:
        return render_conform(result, _fmt)

    register(CONFORM, _name, binary=_name in BINARY_FORMATS)(_render)
