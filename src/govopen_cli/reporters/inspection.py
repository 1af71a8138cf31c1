"""Rendering ``govopen inspect`` results: text, JSON or Markdown.

A separate small family from the diagnostics reporters: an inspection is a table
of results (合格率, per 一级事项, late items, problems with their responsible
units) with diagnostics attached, not just a list of diagnostics.
"""

from __future__ import annotations

import json

from govopen_cli.inspection.result import (
    FAILED,
    NOT_APPLICABLE,
    PASSED,
    TO_VERIFY,
    UNCHECKED,
    InspectionResult,
    ItemResult,
)
from govopen_cli.reporters import INSPECTION, RenderOptions, register
from govopen_cli.reporters.markdown import escape_cell
from govopen_cli.reporters.text import diagnostic_line


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def _headline(result: InspectionResult) -> list[str]:
    verify = result.count(TO_VERIFY)
    return [
        f"检查表：{result.workbook}（工作表“{result.sheet or '—'}”）；目录：{result.catalog}，"
        f"{len(result.items)} 个事项；核对日期 {result.today}",
        f"合格率 {_percent(result.rate)}：合格 {result.count(PASSED)}，不合格 {result.count(FAILED)}，"
        + (f"{TO_VERIFY} {verify}（下拉列填了选项以外的文字，不计为合格），" if verify else "")
        + f"不适用 {result.count(NOT_APPLICABLE)}，未检查 {result.count(UNCHECKED)}；"
        f"逾期 {len(result.late)} 项",
    ]


def _unclear_text(r: ItemResult) -> str:
    return "；".join(f"{column}填的是“{text}”" for column, text in r.unclear)


def _late_text(r: ItemResult) -> str:
    return (
        f"信息形成 {r.formed}，时限 {r.limit}，应于 {r.due} 前公开，"
        f"实际 {r.published_on}，逾期 {r.late_by} 个{r.late_unit}"
    )


#: The heading of the items ticked 不及时 that the dates do not show late.
TICKED_HEADING = "是否及时为“否”、按日期未见逾期"


def _ticked_text(r: ItemResult) -> str:
    if r.late_by is not None:
        return f"按日期在时限内（应于 {r.due} 前，实际 {r.published_on}），请核对勾选"
    if not r.limit:
        return "公开时限没有写明天数，无法按日期核对"
    return f"缺少信息形成日期或公开日期，无法按日期核对（时限 {r.limit}）"


def _unit(r: ItemResult) -> str:
    if not r.unit:
        return "未填写"
    return r.unit + ("（目录中的责任科室）" if r.unit_from_catalog else "")


def render_text(result: InspectionResult) -> str:
    """Plain text, one fact per line."""
    lines = _headline(result)
    lines.append("")
    lines.append("按一级事项：")
    for g in result.groups:
        pending = f"，待核实 {g.to_verify}" if g.to_verify else ""
        lines.append(
            f"  {g.name}：事项 {g.items}，已检查 {g.checked}，合格 {g.passed}，"
            f"不合格 {g.failed}{pending}，合格率 {_percent(g.rate)}"
        )
    late = result.late
    lines.append("")
    lines.append(f"逾期公开（{len(late)} 项）：" if late else "逾期公开：无")
    for r in late:
        lines.append(f"  {r.item_id} {r.matter1}/{r.matter}：{_late_text(r)}")
    ticked = result.ticked_untimely
    if ticked:
        lines.append("")
        lines.append(f"{TICKED_HEADING}（{len(ticked)} 项，按不及时计入不合格，不计入逾期）：")
        for r in ticked:
            lines.append(f"  {r.item_id} {r.matter1}/{r.matter}：{_ticked_text(r)}")
    problems = result.problems
    lines.append("")
    lines.append(f"问题清单（{len(problems)} 项）：" if problems else "问题清单：无")
    for r in problems:
        lines.append(f"  {r.item_id} {r.matter1}/{r.matter}：{'；'.join(r.reasons)}")
        detail = [f"整改责任处室：{_unit(r)}"]
        if r.fix_by:
            detail.append(f"整改期限：{r.fix_by}")
        if r.problem:
            detail.append(f"问题描述：{r.problem}")
        if r.evidence:
            detail.append(f"证据：{r.evidence}")
        lines.append("    " + "；".join(detail))
    verify = result.to_verify
    if verify:
        lines.append("")
        lines.append(f"待核实（{len(verify)} 项，不计为合格；请从下拉列表选择 是、否 或 不适用）：")
        for r in verify:
            lines.append(f"  {r.item_id} {r.matter1}/{r.matter}：{_unclear_text(r)}")
    if result.diagnostics:
        lines.append("")
        lines.append(f"诊断（{len(result.diagnostics)} 个）：")
        lines.extend("  " + diagnostic_line(d) for d in result.sorted_diagnostics())
    return "\n".join(lines) + "\n"


def render_markdown(result: InspectionResult) -> str:
    """Markdown for reports and issue trackers."""
    lines = ["# 政务公开检查结果", ""]
    lines.extend(f"- {line}" for line in _headline(result))
    lines += ["", "## 按一级事项", ""]
    lines.append("| 一级事项 | 事项 | 已检查 | 合格 | 不合格 | 待核实 | 合格率 |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for g in result.groups:
        lines.append(
            f"| {escape_cell(g.name)} | {g.items} | {g.checked} | {g.passed} | {g.failed} "
            f"| {g.to_verify} | {_percent(g.rate)} |"
        )
    late = result.late
    lines += ["", f"## 逾期公开（{len(late)} 项）", ""]
    if late:
        lines += ["| 事项编号 | 公开事项 | 情况 |", "| --- | --- | --- |"]
        lines.extend(
            f"| {r.item_id} | {escape_cell(r.matter1 + '/' + r.matter)} | {escape_cell(_late_text(r))} |"
            for r in late
        )
    else:
        lines.append("无。")
    ticked = result.ticked_untimely
    if ticked:
        lines += ["", f"## {TICKED_HEADING}（{len(ticked)} 项）", ""]
        lines += ["按不及时计入不合格，不计入逾期。", ""]
        lines += ["| 事项编号 | 公开事项 | 情况 |", "| --- | --- | --- |"]
        lines.extend(
            f"| {r.item_id} | {escape_cell(r.matter1 + '/' + r.matter)} | {escape_cell(_ticked_text(r))} |"
            for r in ticked
        )
    problems = result.problems
    lines += ["", f"## 问题清单（{len(problems)} 项）", ""]
    if problems:
        lines += [
            "| 事项编号 | 公开事项 | 问题 | 问题描述 | 整改责任处室 | 整改期限 |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for r in problems:
            lines.append(
                f"| {r.item_id} | {escape_cell(r.matter1 + '/' + r.matter)} | {escape_cell('；'.join(r.reasons))} "
                f"| {escape_cell(r.problem)} | {escape_cell(_unit(r))} | {r.fix_by or ''} |"
            )
    else:
        lines.append("无。")
    verify = result.to_verify
    if verify:
        lines += ["", f"## 待核实（{len(verify)} 项）", ""]
        lines += ["下拉列填了选项以外的文字，不计为合格；请从下拉列表选择 是、否 或 不适用。", ""]
        lines += ["| 事项编号 | 公开事项 | 情况 |", "| --- | --- | --- |"]
        lines.extend(
            f"| {r.item_id} | {escape_cell(r.matter1 + '/' + r.matter)} | {escape_cell(_unclear_text(r))} |"
            for r in verify
        )
    if result.diagnostics:
        lines += ["", f"## 诊断（{len(result.diagnostics)} 个）", ""]
        lines += ["| 位置 | 编号 | 严重程度 | 说明 |", "| --- | --- | --- | --- |"]
        for d in result.sorted_diagnostics():
            where = d.source or f"{d.file}:{d.line}:{d.column}"
            lines.append(
                f"| {escape_cell(where)} | {d.code} | {d.severity.zh} | {escape_cell(d.message)} |"
            )
    return "\n".join(lines) + "\n"


def render_json(result: InspectionResult) -> str:
    """The JSON document (``InspectionResult.to_dict``), UTF-8 unescaped."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


# Registered in the order ``--format`` lists them.
@register(INSPECTION, "text")
def _text(result: InspectionResult, options: RenderOptions) -> str:
    return render_text(result)


@register(INSPECTION, "json")
def _json(result: InspectionResult, options: RenderOptions) -> str:
    return render_json(result)


@register(INSPECTION, "markdown")
def _markdown(result: InspectionResult, options: RenderOptions) -> str:
    return render_markdown(result)
