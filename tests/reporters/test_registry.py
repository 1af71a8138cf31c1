"""The one registry of (result kind, format): every name it lists renders, in a fixed order."""

from __future__ import annotations

import pytest

from govopen_cli.reporters import (
    ANNUAL_TABLE,
    CONFORM,
    COVERAGE,
    DIFF,
    INSPECTION,
    REPORT,
    REPORTERS,
    RULES,
    SUMMARY,
    format_names,
    is_binary,
    register,
    render,
)

#: What ``--format`` accepts for each kind, in the order its errors and help list it.
EXPECTED = {
    REPORT: ["text", "json", "sarif", "junit", "github", "markdown", "html"],
    COVERAGE: ["text", "json", "markdown"],
    DIFF: ["text", "markdown", "json", "xlsx"],
    INSPECTION: ["text", "json", "markdown"],
    ANNUAL_TABLE: ["text", "markdown", "json", "xlsx"],
    RULES: ["text", "json", "markdown"],
    CONFORM: ["text", "json", "markdown", "xlsx"],
    SUMMARY: ["text", "json", "markdown", "xlsx", "html"],
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_kind_lists_its_formats_in_order(kind):
    assert format_names(kind) == EXPECTED[kind]


def test_the_order_holds_when_another_kind_loads_a_module_first():
    # coverage_table imports reporters.text and reporters.markdown: REPORT keeps its order.
    format_names(COVERAGE)
    assert format_names(REPORT) == EXPECTED[REPORT]


def test_only_xlsx_is_binary():
    binary = {(k, f) for k in EXPECTED for f in format_names(k) if is_binary(k, f)}
    assert binary == {
        (DIFF, "xlsx"),
        (ANNUAL_TABLE, "xlsx"),
        (CONFORM, "xlsx"),
        (SUMMARY, "xlsx"),
    }


def test_a_pair_is_registered_once():
    format_names(REPORT)
    with pytest.raises(ValueError, match="registered twice"):
        register(REPORT, "text")(lambda result, options: "")
    assert REPORTERS[REPORT, "text"].render.__name__ == "render_text"


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown result kind"):
        register("nope", "text")


def test_every_coverage_annual_and_rules_format_renders():
    from conftest import CATALOGS, EXAMPLES
    from govopen_cli.catalog.config import Config
    from govopen_cli.checks.coverage_result import check_coverage
    from govopen_cli.checks.run import CheckOptions
    from govopen_cli.reporters.rule_docs import lookup_rules
    from govopen_cli.reporters.rule_listing import RuleListing
    from govopen_cli.requests.annual_report import build_report

    coverage = check_coverage(CATALOGS / "pingyao-zrzyj" / "2025.yaml", CheckOptions())
    table = build_report(EXAMPLES / "ledger" / "台账-2025.csv", 2025, Config()).table
    results = {
        COVERAGE: coverage,
        ANNUAL_TABLE: table,
        RULES: RuleListing(*lookup_rules("GO2")),
    }
    for kind, result in results.items():
        for fmt in format_names(kind):
            rendered = render(kind, result, fmt)
            assert isinstance(rendered, bytes) == is_binary(kind, fmt), (kind, fmt)
            assert rendered, (kind, fmt)
