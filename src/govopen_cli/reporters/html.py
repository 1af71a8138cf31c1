"""The html format of ``govopen check``: the findings as a page (see :mod:`govopen_cli.publish`)."""

from __future__ import annotations

import datetime as dt
import os

from govopen_cli.diagnostics import Report
from govopen_cli.publish.findings_page import findings_page
from govopen_cli.reporters import REPORT, RenderOptions, register


@register(REPORT, "html")
def render_html(report: Report, options: RenderOptions) -> str:
    """One self-contained HTML file: the findings table, searchable, printable."""
    return findings_page(report, date=report_date(), show_waived=options.show_waived)


def report_date() -> dt.date:
    """Today, or the day ``SOURCE_DATE_EPOCH`` names (reproducible output, as in builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()
