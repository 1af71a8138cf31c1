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
from govopen_cli.checks.rules.registry import Finding, RuleContext, rule
from govopen_cli.codes.go.coverage import GO402, GO403, GO404, GO405, GO406, GO407, GO408, GO409

#: How much of a duty's text a message quotes.
EXCERPT_CHARS = 20

#: A legal document named the way Chinese legal citations name it: 《…》.
_DOCUMENT = re.compile(r"《[^《》]+》")


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


@rule(GO402, needs_duties=True)
def duty_not_covered(context: RuleContext) -> Iterator[Finding]:
    """Duties with no item and no exemption, per catalog."""
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


@rule(GO403, needs_duties=True)
def unknown_item_link(context: RuleContext) -> Iterator[Finding]:
    """Duty ``items`` that name an id the catalog does not have."""
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


@rule(GO404, needs_duties=True)
def unknown_duty_link(context: RuleContext) -> Iterator[Finding]:
    """Item ``duties`` that name an id the mapping does not have."""
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


@rule(GO405, needs_duties=True)
def exemption_without_basis(context: RuleContext) -> Iterator[Finding]:
    """Exemptions whose basis names no document in 《》."""
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


@rule(GO406, needs_duties=True)
def exempt_duty_linked(context: RuleContext) -> Iterator[Finding]:
    """Links, in either direction, to a duty declared exempt."""
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


@rule(GO407, needs_duties=True)
def unknown_unit(context: RuleContext) -> Iterator[Finding]:
    """Duty ``units`` that are not among the mapping's units."""
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


@rule(GO408, needs_duties=True)
def duplicate_duty_id(context: RuleContext) -> Iterator[Finding]:
    """Duty ids used a second time in the mapping."""
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


@rule(GO409, needs_duties=True)
def coverage_below_threshold(context: RuleContext) -> Iterator[Finding]:
    """The coverage, when it is below the configured ``min-coverage``."""
    threshold = context.config.min_coverage
    if threshold is None:
        return
    table, _ = _table(context)
    catalog = context.catalog
    pointer = "/catalog/duties" if catalog.duties_ref else "/catalog"
    if not table.trusted:
        yield context.at(
            pointer,
            f"三定映射不可信，无法确认覆盖率达到要求的 {format_percent(threshold)}%："
            f"{'；'.join(table.untrusted)}。请先改正三定映射",
            field_name="coverage",
        )
        return
    if table.percent >= threshold:
        return
    yield context.at(
        pointer,
        f"三定职责覆盖率 {format_percent(table.percent)}%（已覆盖 {table.count('covered')}、"
        f"不予公开 {table.count('exempt')}、缺失 {table.count('missing')}，"
        f"共 {len(table.rows)} 项）低于要求的 {format_percent(threshold)}%。"
        f"请补上缺失职责的公开事项；逐项情况：govopen coverage {catalog.display}",
        field_name="coverage",
    )
