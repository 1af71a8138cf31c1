"""Renderers for ``govopen diff``: text, markdown, json (str) and xlsx (bytes).

Registered for the :data:`~govopen_cli.reporters.DIFF` kind. A renderer never prints:
the command writes what it returns to the terminal or to ``--output``. rich is imported only by
the renderer that needs it; the xlsx workbook is built by :mod:`govopen_cli.excel.diff_sheet`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from govopen_cli.diagnostics import Severity
from govopen_cli.diff.change import Change
from govopen_cli.diff.compare import CatalogDiff
from govopen_cli.diff.coverage_change import CoverageChange
from govopen_cli.reporters import DIFF, RenderOptions, register
from govopen_cli.reporters.markdown import escape_cell
from govopen_cli.reporters.terminal import SEVERITY_STYLE, StyledLine, render_lines

DiffRenderer = Callable[[CatalogDiff, bool], str | bytes]

#: Formats written as bytes, which need ``--output``.
BINARY_FORMATS = ("xlsx",)


def _register(name: str) -> Callable[[DiffRenderer], DiffRenderer]:
    """Register a ``(diff, color)`` renderer in the reporters' registry as ``(DIFF, name)``."""

    def decorate(func: DiffRenderer) -> DiffRenderer:
        def render(diff: CatalogDiff, options: RenderOptions) -> str | bytes:
            return func(diff, options.color)

        register(DIFF, name, binary=name in BINARY_FORMATS)(render)
        return func

    return decorate


# -- grouping shared by text and markdown ---------------------------------------------


@dataclass(frozen=True)
class _Group:
    """Consecutive changes about one thing: the header, one item, or the duties."""

    title: str
    where: str
    changes: tuple[Change, ...]


def _group_key(change: Change) -> str:
    if change.duty_id:
        return "duties"
    if change.item_id:
        return "item:" + change.item_id
    return "header"


def _groups(diff: CatalogDiff) -> Iterator[_Group]:
    current: list[Change] = []
    for change in diff.changes:
        if current and _group_key(current[0]) != _group_key(change):
            yield _group(current)
            current = []
        current.append(change)
    if current:
        yield _group(current)


def _group(changes: list[Change]) -> _Group:
    first = changes[0]
    if first.duty_id:
        title = "三定职责"
    elif first.item_id:
        title = f"{first.item_id}  {' › '.join(first.matter)}"
    else:
        title = "目录信息"
    return _Group(title, first.where, tuple(changes))


def _coverage_line(coverage: CoverageChange) -> str:
    before, after = coverage.before, coverage.after

    def ratio(covered: int, missing: int) -> str:
        return f"{covered}/{covered + missing}"

    return (
        f"已覆盖 {ratio(len(before.covered), len(before.missing))} → "
        f"{ratio(len(after.covered), len(after.missing))}"
        f"（豁免 {len(before.exempt)} → {len(after.exempt)}）；"
        f"新覆盖 {'、'.join(coverage.newly_covered) or '无'}；"
        f"新缺失 {'、'.join(coverage.newly_missing) or '无'}"
    )


# -- text -----------------------------------------------------------------------------


def _text_lines(diff: CatalogDiff) -> list[StyledLine]:
    lines: list[StyledLine] = [[("对比 ", ""), (diff.old, "bold"), (" → ", ""), (diff.new, "bold")]]
    if diff.empty:
        lines.append([(diff.summary(), "green")])
        return lines
    width = max(len(c.severity.label) for c in diff.changes)
    for group in _groups(diff):
        lines.append([])
        lines.append([(group.title, "bold"), ("  " + group.where, "dim")])
        for change in group.changes:
            lines.append(
                [
                    ("  ", ""),
                    (change.code, "magenta"),
                    (" ", ""),
                    (change.severity.label.ljust(width), SEVERITY_STYLE[change.severity]),
                    ("  " + change.message, ""),
                ]
            )
    if diff.coverage is not None:
        lines.append([])
        lines.append([("三定覆盖", "bold"), ("  " + diff.coverage.after.file, "dim")])
        lines.append([("  " + _coverage_line(diff.coverage), "")])
    lines.append([])
    lines.append([(diff.summary(), "bold" if diff.fails(Severity.WARNING) else "green")])
    return lines


@_register("text")
def render_text(diff: CatalogDiff, color: bool = False) -> str:
    """Changes grouped by item under a heading with the item's place in the file.

    Plain lines on a pipe; colour (rich) on a terminal.
    """
    return render_lines(_text_lines(diff), color)


# -- markdown -------------------------------------------------------------------------


@_register("markdown")
def render_markdown(diff: CatalogDiff, color: bool = False) -> str:
    """For a pull-request comment: a summary, then one table row per change, warnings first."""
    out = [
        "### govopen diff",
        "",
        f"`{diff.old}` → `{diff.new}`",
        "",
        f"**{diff.summary()}**",
    ]
    if not diff.empty:
        out += ["", "| 级别 | 编号 | 事项 | 字段 | 说明 |", "| --- | --- | --- | --- | --- |"]
        ordered = sorted(diff.changes, key=lambda c: -c.severity)  # stable: file order kept
        for change in ordered:
            severity = change.severity.zh
            if change.severity >= Severity.WARNING:
                severity = f"**{severity}**"
            subject = change.item_id
            if change.first_level:
                subject += f" {change.first_level}"
            out.append(
                "| "
                + " | ".join(
                    escape_cell(part)
                    for part in (
                        severity,
                        change.code,
                        subject,
                        change.field_label,
                        change.message,
                    )
                )
                + " |"
            )
    if diff.coverage is not None:
        before, after = diff.coverage.before, diff.coverage.after
        out += [
            "",
            "#### 三定覆盖",
            "",
            "| | 旧 | 新 |",
            "| --- | --- | --- |",
            f"| 已覆盖 | {len(before.covered)} | {len(after.covered)} |",
            f"| 未覆盖 | {len(before.missing)} | {len(after.missing)} |",
            f"| 豁免 | {len(before.exempt)} | {len(after.exempt)} |",
            "",
            f"新覆盖：{'、'.join(diff.coverage.newly_covered) or '无'}；"
            f"新缺失：{'、'.join(diff.coverage.newly_missing) or '无'}",
        ]
    return "\n".join(out) + "\n"


# -- json -----------------------------------------------------------------------------


@_register("json")
def render_json(diff: CatalogDiff, color: bool = False) -> str:
    """The documented shape (docs/diff.md), UTF-8, not escaped."""
    return json.dumps(diff.to_dict(), ensure_ascii=False, indent=2) + "\n"


# -- xlsx -----------------------------------------------------------------------------


@_register("xlsx")
def render_xlsx(diff: CatalogDiff, color: bool = False) -> bytes:
    """A workbook an inspector can filter: sheet 变更 (one row per change), sheet 概况."""
    from govopen_cli.excel.diff_sheet import diff_workbook

    coverage = "" if diff.coverage is None else _coverage_line(diff.coverage)
    return diff_workbook(diff, coverage_line=coverage)
