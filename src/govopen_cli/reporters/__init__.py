"""Reporters: one registry of (result kind, format) -> text or bytes.

A command makes one core call and hands the result to :func:`render` with the kind of
result and its ``--format`` name; the renderer registered for that pair returns the
text, or the bytes of a binary format (xlsx). A reporter never prints: ``cli`` writes
what it returns to the terminal or to ``--output``, and validates ``--format`` against
:func:`format_names`. Renderers register themselves with :func:`register`, each pair
once; the modules of a kind are imported the first time the kind is asked for, so a
command loads only its own reporters (and ``govopen --version`` none).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

#: The kinds of result, each with the command that makes it.
REPORT = "report"  # a diagnostics.Report: govopen check, govopen requests check
COVERAGE = "coverage"  # a checks.coverage.CoverageResult: govopen coverage
DIFF = "diff"  # a diff.compare.CatalogDiff: govopen diff
INSPECTION = "inspection"  # an inspection result: govopen inspect
ANNUAL_TABLE = "annual-table"  # a requests.annual_report.AnnualTable: govopen requests report
RULES = "rules"  # a reporters.rule_listing.RuleListing: govopen rules
CONFORM = "conform"  # a guide.conform.Conformance: govopen conform
SUMMARY = "summary"  # a summary.table.Summary: govopen summary

#: kind -> the modules that register its renderers, in the order ``--format`` lists them.
_MODULES: dict[str, tuple[str, ...]] = {
    REPORT: ("text", "json_format", "sarif", "junit", "github", "markdown", "html"),
    COVERAGE: ("coverage_table",),
    DIFF: ("diff",),
    INSPECTION: ("inspection",),
    ANNUAL_TABLE: ("annual_table",),
    RULES: ("rule_listing",),
    CONFORM: ("conform",),
    SUMMARY: ("summary",),
}


@dataclass(frozen=True)
class RenderOptions:
    """How to render: colour and width of a terminal, and whether to show waived findings."""

    color: bool = False
    show_waived: bool = False
    width: int = 100


Renderer = Callable[[Any, RenderOptions], "str | bytes"]
R = TypeVar("R", bound=Renderer)


@dataclass(frozen=True)
class Reporter:
    """A registered renderer; a binary one (xlsx) returns bytes and needs ``--output``."""

    render: Renderer
    binary: bool


REPORTERS: dict[tuple[str, str], Reporter] = {}
_loaded: set[str] = set()


def register(kind: str, fmt: str, *, binary: bool = False) -> Callable[[R], R]:
    """Register a renderer of results of ``kind`` under the ``--format`` name ``fmt``."""
    if kind not in _MODULES:
        raise ValueError(f"unknown result kind {kind!r}")

    def decorate(func: R) -> R:
        if (kind, fmt) in REPORTERS:
            raise ValueError(f"reporter {kind}/{fmt} registered twice")
        REPORTERS[kind, fmt] = Reporter(func, binary)
        return func

    return decorate


def load_reporters(kind: str) -> None:
    """Import the modules of ``kind`` once (they register their renderers)."""
    if kind not in _loaded:
        _loaded.add(kind)
        for module in _MODULES[kind]:
            importlib.import_module(f"{__name__}.{module}")


def format_names(kind: str = REPORT) -> list[str]:
    """The ``--format`` names of ``kind``, in the order its modules list them."""
    load_reporters(kind)
    modules = [f"{__name__}.{m}" for m in _MODULES[kind]]
    found = [(f, r) for (k, f), r in REPORTERS.items() if k == kind]
    # A module may be imported early by another kind's reporter (``text`` for its
    # diagnostic line): order by module, then by registration within it.
    ranked = sorted(
        enumerate(found),
        key=lambda pair: (_rank(pair[1][1].render, modules), pair[0]),
    )
    return [fmt for _, (fmt, _reporter) in ranked]


def _rank(render: Renderer, modules: list[str]) -> int:
    module = getattr(render, "__module__", "")
    return modules.index(module) if module in modules else len(modules)


def is_binary(kind: str, fmt: str) -> bool:
    """Whether ``fmt`` of ``kind`` is written as bytes (and so needs ``--output``)."""
    load_reporters(kind)
    return REPORTERS[kind, fmt].binary


def render(
    kind: str, result: object, fmt: str, options: RenderOptions | None = None
) -> str | bytes:
    """``result`` (of ``kind``) in format ``fmt``: text, or bytes for a binary format."""
    load_reporters(kind)
    return REPORTERS[kind, fmt].render(result, options or RenderOptions())


def render_text(kind: str, result: object, fmt: str, options: RenderOptions | None = None) -> str:
    """Like :func:`render`, for a format that is text."""
    rendered = render(kind, result, fmt, options)
    if isinstance(rendered, bytes):
        raise ValueError(f"{kind}/{fmt} is a binary format")
    return rendered
