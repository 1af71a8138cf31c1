"""SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps).

One run: the tool with the rules that the results refer to (id, name, the short and
full description and the help text from the code's documentation, the default level),
and one result per finding with its location, its fingerprint (``partialFingerprints``)
and, for a waived finding, an ``inSource`` suppression carrying the waiver's reason.
Columns count Unicode code points, as the YAML loader does.

Locations are relative to ``%SRCROOT%`` (the directory govopen ran in, in CI the
repository root; declared in ``originalUriBaseIds``), absolute paths are ``file:`` URIs.
A finding knows where it starts, not where its value ends: the region ends where it
starts (``endLine``/``endColumn`` equal to the start).

Fingerprints (``govopen/v2``) are unique within the log: the baseline fingerprint
(rule, catalog id, item id, field: no line number), the file, and for the second and
later findings with the same two in one file their rank (``#2``, ``#3`` …), e.g. two
duplicated keys in one mapping. Editing elsewhere in the file changes none of them.
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
FINGERPRINT_KEY = "govopen/v2"
SRCROOT = "%SRCROOT%"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(path: str) -> dict[str, str]:
    """``{"uri": …, "uriBaseId": "%SRCROOT%"}`` for a relative path, ``{"uri": "file:…"}``."""
    uri = artifact_uri(path)
    return {"uri": uri} if uri.startswith("file:") else {"uri": uri, "uriBaseId": SRCROOT}


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


def unique_fingerprints(diagnostics: list[Diagnostic]) -> list[str]:
    """One fingerprint per diagnostic (in order), no two alike; "" where it has none."""
    seen: dict[str, int] = {}
    out = []
    for diag in diagnostics:
        if not diag.fingerprint:
            out.append("")
            continue
        base = f"{diag.fingerprint}@{PurePath(diag.file).as_posix()}"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return out


def _result(diag: Diagnostic, index: int, fingerprint: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": diag.code,
        "ruleIndex": index,
        "level": LEVELS[diag.severity],
        "message": {"text": diag.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(diag.file),
                    "region": {
                        "startLine": diag.line,
                        "startColumn": diag.column,
                        "endLine": diag.line,
                        "endColumn": diag.column,
                    },
                }
            }
        ],
    }
    if fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
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
                "originalUriBaseIds": {
                    SRCROOT: {
                        "description": {"text": "govopen 运行时所在的目录（CI 中为仓库根目录）"}
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(d, index[d.code], fingerprint)
                    for d, fingerprint in zip(
                        diagnostics, unique_fingerprints(diagnostics), strict=True
                    )
                ],
            }
        ],
    }


@register(REPORT, "sarif")
def render_sarif(report: Report, options: RenderOptions) -> str:
    """The SARIF 2.1.0 log as JSON (UTF-8, not escaped)."""
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"
