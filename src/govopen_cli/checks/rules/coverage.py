"""GO4xx: 三定 coverage — every duty of the 三定方案 is disclosed by some item, or lawfully exempt.

The rules run once per catalog that has a mapping (``catalog.duties``, ``--duties`` or
the configuration's ``duties``) and use :func:`govopen_cli.checks.coverage.compute_coverage`.
Most findings are located in the mapping file, at the duty or the link they are about.

A mapping is often shared by several catalogs (one per year). Findings that depend on
the catalog (a duty not covered, a link to an item the catalog lacks) are reported once
per catalog and name it, so the lines differ; findings about the mapping alone (a
duplicate duty id, an exemption without a legal basis, an unknown unit) carry the same
message for every catalog and are reported once (``check_paths`` drops exact repeats).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from govopen_cli.catalog.model import Catalog, DutyMap
from govopen_cli.checks.coverage import CoverageTable, compute_coverage
from govopen_cli.checks.rules import Finding, Rule, RuleContext, register, rule
from govopen_cli.diagnostics import Severity

#: How much of a duty's text a message quotes.
EXCERPT_CHARS = 20

#: A legal document named the way Chinese legal citations name it: 《…》.
_DOCUMENT = re.compile(r"《[^《》]+》")

register(
    Rule(
        code="GO401",
        name="duties-file-missing",
        severity=Severity.ERROR,
        summary="catalog.duties 指向的三定映射文件不存在",
        doc=(
            "检查：目录 catalog.duties 写的三定映射文件是否存在。\n\n"
            "依据：目录文件格式第 2 节：duties 是三定映射文件的路径，相对于目录文件所在的文件夹。\n\n"
            "错误示例：目录在 catalogs/2025/ 下，映射在 duties/ 下\n"
            "    catalog:\n"
            "      duties: duties/sx-zrzyt.yaml    # 应为 ../../duties/sx-zrzyt.yaml\n\n"
            "修改：改正路径（相对于目录文件所在的文件夹），或删除 catalog.duties。"
        ),
    )
)


def format_percent(value: float) -> str:
    """``83.3`` or ``100``: one decimal, without a trailing ``.0``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a duty's text, on one line, for messages."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rstrip("，、；。,;. ") + "…"


def catalog_label(catalog: Catalog) -> str:
    """``目录 catalogs/2025.yaml（2025 年）``: tells apart the catalogs that share a mapping."""
    year = f"{catalog.year} 年" if catalog.year is not None else "年度未知"
    return f"目录 {catalog.display}（{year}）"


def _in_mapping(
    dutymap: DutyMap, pointer: str, message: str, *, item_id: str = "", field_name: str = ""
) -> Finding:
    return Finding(
        location=dutymap.locate(pointer),
        message=message,
        pointer=pointer,
        item_id=item_id,
        field=field_name,
    )


_last_table: list[CoverageTable] = []


def _table(context: RuleContext) -> tuple[CoverageTable, DutyMap]:
    """The coverage table of the context, computed once for all the GO4xx rules."""
    dutymap = context.dutymap
    assert dutymap is not None  # needs_duties: only called with a mapping
    if _last_table and (
        _last_table[0].catalog is context.catalog and _last_table[0].dutymap is dutymap
    ):
        return _last_table[0], dutymap
    table = compute_coverage(context.catalog, dutymap)
    _last_table[:] = [table]
    return table, dutymap


def _suggest(value: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f"（是否是 {close[0]}？）" if close else ""


@rule("GO402", "duty-not-covered", Severity.ERROR, needs_duties=True)
def duty_not_covered(context: RuleContext) -> Iterator[Finding]:
    """三定方案的一项主要职责没有任何目录事项公开，也没有写明不予公开。

    检查：三定映射中的每项职责，是否至少有一个目录事项在 `duties` 中写了它，或它在
    `items` 中列出了至少一个目录中存在的事项；写了 `exempt` 的职责不需要事项。
    几个年度的目录共用一个映射时，每个目录分别检查，消息写明是哪一年的目录。

    依据：《中华人民共和国政府信息公开条例》第十九条、第二十条：需要公众广泛知晓的信息
    主动公开，机关职能是主动公开的内容。标准目录按三定方案规定的职责梳理公开事项；
    职责没有对应的公开事项，说明目录可能有遗漏。

    错误示例：职责 D05 既没有 items，也没有事项写 duties: [D05]
        duties:
          - id: D05
            text: 负责耕地保护和征地管理工作

    修改：在公开这项职责的事项中写 `duties: [D05]`（或在映射的职责下写
    `items: [事项编号]`）；确实没有可公开的信息时，在映射中为它写 `exempt`，包括
    `reason` 和用《》写出的 `basis`。
    """
    table, dutymap = _table(context)
    where = catalog_label(context.catalog)
    for row in table.rows:
        duty = row.duty
        if row.status != "missing" or not duty.id:
            continue
        yield _in_mapping(
            dutymap,
            duty.pointer,
            f"三定职责 {duty.id}“{excerpt(duty.text)}”在{where}中没有事项公开。"
            f"请在公开它的事项中写 duties: [{duty.id}]；确无可公开的信息时，"
            "在映射中为它写 exempt（reason 和 basis）",
            field_name=f"duty:{duty.id}",
        )


@rule("GO403", "unknown-item-link", Severity.ERROR, needs_duties=True)
def unknown_item_link(context: RuleContext) -> Iterator[Finding]:
    """三定映射的职责链接了目录中不存在的事项。

    检查：三定映射中职责的 `items` 列出的每个事项编号，是否都是目录中的事项。
    几个年度的目录共用一个映射时，消息写明是哪一年的目录缺少该事项。

    依据：目录文件格式第 2 节：两个方向的链接都算覆盖，链接到不存在的编号是错误，
    它让一项职责看似有事项公开，实际没有。

    错误示例：目录中没有 ZD-404（多为改号或删除后没有同步修改映射）
        duties:
          - id: D05
            text: 负责耕地保护和征地管理工作
            items: [ZD-404]

    修改：改成目录中正确的事项编号，或删除这一项。
    """
    table, dutymap = _table(context)
    where = catalog_label(context.catalog)
    item_ids = [it.id for it in context.catalog.items if it.id]
    for link in table.unknown_items:
        yield _in_mapping(
            dutymap,
            link.pointer,
            f"职责 {link.source_id} 的 items 列出的 {link.target_id} 不是{where}中的事项编号"
            f"{_suggest(link.target_id, item_ids)}。请改成正确的事项编号，或删除这一项",
            item_id=link.target_id,
            field_name=f"duty:{link.source_id}/items",
        )


@rule("GO404", "unknown-duty-link", Severity.ERROR, needs_duties=True)
def unknown_duty_link(context: RuleContext) -> Iterator[Finding]:
    """目录事项链接了三定映射中不存在的职责。

    检查：目录事项的 `duties` 列出的每个职责编号，是否都是三定映射中的职责。

    依据：目录文件格式第 2 节：链接到不存在的职责编号是错误，事项声称公开的职责
    在三定方案中找不到。

    错误示例：三定映射中没有 D99
        - id: ZD-002
          duties: [D99]

    修改：改成三定映射中正确的职责编号（消息会提示相近的编号），或删除这一项。
    """
    table, dutymap = _table(context)
    duty_ids = [d.id for d in dutymap.duties if d.id]
    for link in table.unknown_duties:
        yield context.at(
            link.pointer,
            f"事项 {link.source_id} 的 duties 列出的 {link.target_id} 不是三定映射 "
            f"{dutymap.display} 中的职责编号{_suggest(link.target_id, duty_ids)}。"
            "请改成正确的职责编号，或删除这一项",
            item_id=link.source_id,
            field_name=f"duties:{link.target_id}",
        )


@rule("GO405", "exemption-without-basis", Severity.ERROR, needs_duties=True)
def exemption_without_basis(context: RuleContext) -> Iterator[Finding]:
    """不予公开的职责没有用《》写出法律依据。

    检查：写了 `exempt` 的职责，其 `basis` 是否含有用《》括起来的法律、法规或文件名称。
    完全没有 `basis` 时由 GO101 报告。

    依据：《中华人民共和国政府信息公开条例》第十四条至第十六条列出不予公开的情形；
    不予公开须有法律依据，而不是“不方便公开”。

    错误示例：依据没有写出文件名称
        duties:
          - id: D13
            text: 负责涉密测绘成果管理
            exempt: {reason: 涉密, basis: 按有关规定}

    修改：`basis` 写出依据的文件名称和条款，如
    `《中华人民共和国政府信息公开条例》第十四条`。
    """
    _, dutymap = _table(context)
    for duty in dutymap.duties:
        exemption = duty.exempt
        if exemption is None or not exemption.basis.strip():
            continue  # no mapping or no basis at all: the schema reports it (GO101/GO102)
        if _DOCUMENT.search(exemption.basis):
            continue
        yield _in_mapping(
            dutymap,
            f"{duty.pointer}/exempt/basis",
            f"职责 {duty.id} 不予公开的依据“{excerpt(exemption.basis, 40)}”没有用《》写出法律文件。"
            "请写出依据的文件名称和条款，如《中华人民共和国政府信息公开条例》第十四条",
            field_name=f"duty:{duty.id}/exempt",
        )


@rule("GO406", "exempt-duty-linked", Severity.WARNING, needs_duties=True)
def exempt_duty_linked(context: RuleContext) -> Iterator[Finding]:
    """标为不予公开的职责仍有目录事项与它关联。

    检查：写了 `exempt` 的职责，是否仍被某个事项的 `duties` 写到，或仍在映射的
    `items` 中列出目录中的事项。

    依据：《中华人民共和国政府信息公开条例》第十四条至第十六条规定不予公开的情形；
    一项职责既不予公开、又有事项公开它，要么不予公开的判断已过时，要么关联写错了。

    错误示例：职责 D13 写了 exempt，事项 CH-007 仍写 duties: [D13]
        - id: CH-007
          duties: [D13]

    修改：该职责确有信息公开时删除 `exempt`；否则从事项的 `duties`（或映射的 `items`）
    中删除这一关联。
    """
    table, dutymap = _table(context)
    where = catalog_label(context.catalog)
    exempt = {r.duty.id: r.duty for r in table.exempt_but_linked()}
    if not exempt:
        return
    item_ids = {it.id for it in context.catalog.items if it.id}
    for item in context.catalog.items:
        for i, duty_id in enumerate(item.duties):
            if duty_id in exempt:
                yield context.at(
                    f"{item.pointer}/duties/{i}",
                    f"事项 {item.id} 关联了职责 {duty_id}，但三定映射 {dutymap.display} "
                    f"把它标为不予公开（exempt）。该职责确有信息公开时删除 exempt，"
                    f"否则从事项中删除 {duty_id}",
                    item_id=item.id,
                    field_name=f"duties:{duty_id}",
                )
    for duty in exempt.values():
        for i, item_id in enumerate(duty.items):
            if item_id in item_ids:
                yield _in_mapping(
                    dutymap,
                    f"{duty.pointer}/items/{i}",
                    f"职责 {duty.id} 标为不予公开（exempt），却列出了{where}中的事项 {item_id}。"
                    f"该职责确有信息公开时删除 exempt，否则删除这一项",
                    item_id=item_id,
                    field_name=f"duty:{duty.id}/items",
                )


@rule("GO407", "unknown-unit", Severity.WARNING, needs_duties=True)
def unknown_unit(context: RuleContext) -> Iterator[Finding]:
    """职责的承担机构不在映射的内设机构中。

    检查：职责的 `units` 列出的每个机构编号，是否都在映射的 `units`（内设机构）中。
    映射没有写 `units` 时不检查。

    依据：三定规定（如《山西省自然资源厅职能配置、内设机构和人员编制规定》）规定
    内设机构及其职责；映射中的机构编号与 `units` 一致，才能按机构统计公开事项。

    错误示例：units 中只有 GBZJ
        duties:
          - id: D05
            text: 负责耕地保护和征地管理工作
            units: [GBJZ]

    修改：改成 `units` 中的编号，或在 `units` 中加上 `{id: GBJZ, name: 机构名称}`。
    """
    _, dutymap = _table(context)
    unit_ids = [u.id for u in dutymap.units if u.id]
    if not unit_ids:
        return
    for duty in dutymap.duties:
        for i, unit_id in enumerate(duty.units):
            if unit_id not in unit_ids:
                yield _in_mapping(
                    dutymap,
                    f"{duty.pointer}/units/{i}",
                    f"职责 {duty.id} 的 units 列出的 {unit_id} 不在 units（内设机构）中"
                    f"{_suggest(unit_id, unit_ids)}。请改成 units 中的编号，"
                    f"或在 units 中加上 {{id: {unit_id}, name: 机构名称}}",
                    field_name=f"duty:{duty.id}/units:{unit_id}",
                )


@rule("GO408", "duplicate-duty-id", Severity.ERROR, needs_duties=True)
def duplicate_duty_id(context: RuleContext) -> Iterator[Finding]:
    """三定映射中两项职责的编号相同。

    检查：三定映射中的职责编号是否唯一；报告在第二次及以后出现的编号处。

    依据：目录文件格式第 2 节：职责编号必须唯一，事项的 `duties` 靠它指向职责；
    编号重复时无法知道事项公开的是哪一项职责。

    错误示例：两项职责都是 D05
        duties:
          - {id: D05, text: 负责耕地保护工作}
          - {id: D05, text: 负责征地管理工作}

    修改：给每项职责不同的编号，并同步修改引用它的事项。
    """
    _, dutymap = _table(context)
    first: dict[str, int] = {}
    for duty in dutymap.duties:
        if not duty.id:
            continue
        pointer = f"{duty.pointer}/id"
        if duty.id not in first:
            first[duty.id] = dutymap.locate(pointer).line
            continue
        yield _in_mapping(
            dutymap,
            pointer,
            f"职责编号 {duty.id} 重复：第 {first[duty.id]} 行已有同一编号。"
            "请给每项职责不同的编号，并同步修改引用它的事项",
            field_name=f"duty:{duty.id}/id",
        )


@rule("GO409", "coverage-below-threshold", Severity.ERROR, needs_duties=True)
def coverage_below_threshold(context: RuleContext) -> Iterator[Finding]:
    """三定职责覆盖率低于项目要求的最低覆盖率。

    检查：覆盖率 =（已覆盖 + 不予公开）÷ 职责总数，是否达到 govopen.toml 的
    `min-coverage`（或命令行的 `--min-coverage`）。未设置最低要求时不检查。

    依据：项目配置 govopen.toml 的 `min-coverage`：本项目对三定覆盖的要求。

    错误示例：min-coverage = 100，而 6 项职责中 1 项缺失（83.3%）
        duties:
          - id: D06
            text: 负责国土空间规划工作

    修改：补上缺失职责的公开事项（见 GO402）；`govopen coverage 目录文件` 列出逐项情况。
    """
    threshold = context.config.min_coverage
    if threshold is None:
        return
    table, _ = _table(context)
    if table.percent >= threshold:
        return
    catalog = context.catalog
    pointer = "/catalog/duties" if catalog.duties_ref else "/catalog"
    yield context.at(
        pointer,
        f"三定职责覆盖率 {format_percent(table.percent)}%（已覆盖 {table.count('covered')}、"
        f"不予公开 {table.count('exempt')}、缺失 {table.count('missing')}，"
        f"共 {len(table.rows)} 项）低于要求的 {format_percent(threshold)}%。"
        f"请补上缺失职责的公开事项；逐项情况：govopen coverage {catalog.display}",
        field_name="coverage",
    )
