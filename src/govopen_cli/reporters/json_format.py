"""The JSON format: one object with a ``diagnostics`` list (shape documented in the README)."""

from __future__ import annotations

import json

from govopen_cli.diagnostics import Report
from govopen_cli.reporters import REPORT, RenderOptions, register


@register(REPORT, "json")
def render_json(report: Report, options: RenderOptions) -> str:
    """``{"tool", "files", "diagnostics": [...], "summary": {...}}``, UTF-8, not escaped."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
