"""Markdown: a summary table and a table of findings, for a pull-request comment or a
GitHub job summary. Cells are escaped so that a ``|`` or a line break in a message
cannot break the table."""

from __future__ import annotations

from govopen_cli.diagnostics import Diagnostic, Report, Severity
from govopen_cli.reporters import REPORT, RenderOptions, register


def escape_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: for every Markdown table govopen writes.

    A backslash is doubled first, so that one at the end of a value cannot escape
    the ``|`` that closes the cell.
    """
    return (
        text.replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\r\n", "<br>")
        .replace("\n", "<br>")
        .replace("\r", "<br>")
    )


def _where(diag: Diagnostic) -> str:
    where = diag.where
    return f"`{escape_cell(where)}`"


def _rule(diag: Diagnostic) -> str:
    return escape_cell(f"{diag.code} {diag.name}" if diag.name else diag.code)


@register(REPORT, "markdown")
def render_markdown(report: Report, options: RenderOptions) -> str:
    """``### govopen check``, a table of counts, the findings, the waived ones folded."""
    heads = ["文件", "错误", "警告", "提示", "已豁免"]
    counts = [
        len(report.files),
        report.count(Severity.ERROR),
        report.count(Severity.WARNING),
        report.count(Severity.INFO),
        len(report.waived),
    ]
    if report.baselined is not None:
        heads.append("基线中已有")
        counts.append(report.baselined)
    lines = [
        f"### {escape_cell(report.title)}",
        "",
        "| " + " | ".join(heads) + " |",
        "|" + " ---: |" * len(heads),
        "| " + " | ".join(str(c) for c in counts) + " |",
        "",
    ]
    active = report.active
    if active:
        lines += ["| 位置 | 规则 | 严重程度 | 说明 |", "| --- | --- | --- | --- |"]
        lines += [
            f"| {_where(d)} | {_rule(d)} | {d.severity.zh} | {escape_cell(d.message)} |"
            for d in active
        ]
    else:
        lines.append("没有需要处理的问题。")
    waived = report.waived
    if waived:
        lines += [
            "",
            f"<details><summary>已豁免 {len(waived)} 个</summary>",
            "",
            "| 位置 | 规则 | 豁免理由 | 说明 |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {_where(d)} | {_rule(d)} | {escape_cell(d.waiver_reason)} "
            f"| {escape_cell(d.message)} |"
            for d in waived
        ]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"
