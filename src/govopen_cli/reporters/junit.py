"""JUnit XML, for CI test reports (GitLab ``artifacts:reports:junit``, Jenkins, Azure).

One ``testsuite`` per file; in it one ``testcase`` per rule code that found something
in the file, failing with every finding of that code listed in the failure's text. A
code whose findings are all waived is a skipped test case. A file without findings
gets one passing test case, ``govopen check``, so that the report shows it was checked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from govopen_cli.diagnostics import Diagnostic, Report
from govopen_cli.reporters import REPORT, RenderOptions, register
from govopen_cli.reporters.text import diagnostic_line

PASSING_CASE = "govopen check"

# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _files(report: Report) -> list[str]:
    files = list(dict.fromkeys(report.files))
    extra = sorted({d.file for d in report.diagnostics} - set(files))
    return files + extra


def _testcase(suite: ET.Element, file: str, code: str, found: list[Diagnostic]) -> dict[str, int]:
    name = found[0].name
    case = ET.SubElement(
        suite,
        "testcase",
        {"classname": file, "name": f"{code} {name}" if name else code, "file": file},
    )
    active = [d for d in found if not d.waived]
    waived = [d for d in found if d.waived]
    if active:
        worst = max(d.severity for d in active)
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": worst.label,
                "message": _xml_text(f"{len(active)} 个问题：{active[0].message}"),
            },
        )
        failure.text = _xml_text("\n".join(diagnostic_line(d) for d in active))
    elif waived:
        ET.SubElement(case, "skipped", {"message": f"已豁免 {len(waived)} 个"})
    if waived:
        out = ET.SubElement(case, "system-out")
        out.text = _xml_text("\n".join(diagnostic_line(d) for d in waived))
    return {"tests": 1, "failures": 1 if active else 0, "skipped": 0 if active else 1}


@register(REPORT, "junit")
def render_junit(report: Report, options: RenderOptions) -> str:
    """The JUnit XML document (no timestamps or durations, so output is reproducible)."""
    by_file: dict[str, dict[str, list[Diagnostic]]] = {}
    for diag in report.sorted():
        by_file.setdefault(diag.file, {}).setdefault(diag.code, []).append(diag)
    root = ET.Element("testsuites", {"name": report.title})
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for file in _files(report):
        suite = ET.SubElement(root, "testsuite", {"name": file})
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        codes = by_file.get(file, {})
        for code in sorted(codes):
            for key, value in _testcase(suite, file, code, codes[code]).items():
                counts[key] += value
        if not codes:
            ET.SubElement(
                suite, "testcase", {"classname": file, "name": PASSING_CASE, "file": file}
            )
            counts["tests"] += 1
        _set_counts(suite, counts)
        for key in totals:
            totals[key] += counts[key]
    _set_counts(root, totals)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _set_counts(element: ET.Element, counts: dict[str, int]) -> None:
    element.set("tests", str(counts["tests"]))
    element.set("failures", str(counts["failures"]))
    element.set("errors", "0")
    element.set("skipped", str(counts["skipped"]))
