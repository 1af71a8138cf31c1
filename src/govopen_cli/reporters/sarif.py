"""SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps).

One run: the tool with the rules that the results refer to (id, name, the short and
full description and the help text from the code's documentation, the default level),
and one result per finding with its location, its fingerprint (``partialFingerprints``)
and, for a waived finding, an ``inSource`` suppression carrying the waiver's reason.
Columns count Unicode code points, as the YAML loader does.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from govopen_cli import __version__
from govopen_cli.diagnostics import Diagnostic, Report, Severity
from govopen_cli.reporters import REPORT, RenderOptions, register

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "govopen/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A relative path with forward slashes (percent-encoded), or a file URI when absolute."""
    pure = PurePath(path)
    if pure.is_absolute():
        return Path(path).as_uri()
    return quote(pure.as_posix(), safe="/")


def _paragraphs(doc: str) -> list[tuple[str, list[str]]]:
    """Each paragraph as (prose with its wrapped lines joined, indented code lines).

    Chinese text is joined without a space, other text with one. Indented lines (the
    YAML of 错误示例) are code, kept as written.
    """
    paragraphs = []
    for block in doc.split("\n\n"):
        prose, code = "", []
        for raw in block.splitlines():
            if raw[:1].isspace() and raw.strip():
                code.append(raw)
                continue
            line = raw.strip()
            if prose and line and (prose[-1].isascii() or line[0].isascii()):
                prose += " "
            prose += line
        if prose or code:
            paragraphs.append((prose, code))
    return paragraphs


def help_text(doc: str) -> str:
    """The documentation as plain text: prose unwrapped, code lines kept."""
    return "\n\n".join("\n".join([p, *c] if p else c) for p, c in _paragraphs(doc))


def help_markdown(doc: str) -> str:
    """The documentation as Markdown: the YAML example in a fenced block."""
    out = []
    for prose, code in _paragraphs(doc):
        part = prose
        if code:
            fence = "```yaml\n" + textwrap.dedent("\n".join(code)) + "\n```"
            part = f"{prose}\n\n{fence}" if prose else fence
        out.append(part)
    return "\n\n".join(out)


def rule_descriptor(code: str, fallback: Diagnostic) -> dict[str, Any]:
    """The ``reportingDescriptor`` of a code, from :mod:`govopen_cli.codes`."""
    from govopen_cli.codes import all_codes

    rule_ = all_codes().get(code)
    if rule_ is None:  # a code of another command, not in the registry
        return {"id": code, "name": fallback.name or code}
    summary = rule_.summary.removeprefix("检查：")
    doc = rule_.doc or summary
    text = help_text(doc)
    return {
        "id": code,
        "name": rule_.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": text},
        "help": {"text": text, "markdown": help_markdown(doc)},
        "defaultConfiguration": {"level": LEVELS[rule_.severity]},
    }


def _result(diag: Diagnostic, index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": diag.code,
        "ruleIndex": index,
        "level": LEVELS[diag.severity],
        "message": {"text": diag.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(diag.file)},
                    "region": {"startLine": diag.line, "startColumn": diag.column},
                }
            }
        ],
    }
    if diag.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: diag.fingerprint}
    if diag.waived:
        result["suppressions"] = [{"kind": "inSource", "justification": diag.waiver_reason}]
    return result


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF log as data."""
    diagnostics = report.sorted()
    codes = sorted({d.code for d in diagnostics})
    first: dict[str, Diagnostic] = {}
    for diag in diagnostics:
        first.setdefault(diag.code, diag)
    index = {code: i for i, code in enumerate(codes)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "govopen",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [rule_descriptor(code, first[code]) for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index[d.code]) for d in diagnostics],
            }
        ],
    }


@register(REPORT, "sarif")
def render_sarif(report: Report, options: RenderOptions) -> str:
    """The SARIF 2.1.0 log as JSON (UTF-8, not escaped)."""
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"
