"""Reporters: ``render(report, options) -> str`` for each ``--format``.

One explicit registry, refusing duplicates. A reporter never prints: ``cli``
writes what it returns to the terminal or to ``--output``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from govopen_cli.diagnostics import Report


@dataclass(frozen=True)
class RenderOptions:
    """How to render: colour (a terminal), and the rule set for formats that carry it."""

    color: bool = False
    show_waived: bool = False


Renderer = Callable[[Report, RenderOptions], str]

REPORTERS: dict[str, Renderer] = {}


def register(name: str) -> Callable[[Renderer], Renderer]:
    """Register a renderer under a ``--format`` name (each name once)."""

    def decorate(func: Renderer) -> Renderer:
        if name in REPORTERS:
            raise ValueError(f"reporter {name} registered twice")
        REPORTERS[name] = func
        return func

    return decorate


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    """Render ``report`` in format ``fmt``."""
    load_reporters()
    return REPORTERS[fmt](report, options or RenderOptions())


def format_names() -> list[str]:
    """Every ``--format`` name: the built-in ones in their documented order, then others."""
    load_reporters()
    return [n for n in _MODULES if n in REPORTERS] + [n for n in REPORTERS if n not in _MODULES]


_loaded = False

#: ``--format`` name -> reporter module, in the order the help and errors list them.
_MODULES = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "markdown": "markdown",
    "html": "html",
}


def load_reporters() -> None:
    """Import the reporter modules once (they register themselves)."""
    global _loaded
    if not _loaded:
        _loaded = True
        for module in _MODULES.values():
            importlib.import_module(f"govopen_cli.reporters.{module}")
