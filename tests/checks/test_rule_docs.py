"""Rule documentation: every rule's code is documented in four parts, and docs/rules.md is current."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from govopen_cli.checks.rules import iter_rules
from govopen_cli.reporters.rule_docs import doc_sections, render_rules_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs"
CHECKED = [r.code for r in iter_rules()]
#: Rules whose ground is the file format (or the project's own configuration), not a
#: law or document.
FORMAT_RULES = {"GO205", "GO403", "GO404", "GO408", "GO409", "GX006"}


@pytest.mark.parametrize("rule_", CHECKED, ids=[r.code for r in CHECKED])
def test_rule_doc_has_summary_and_four_parts(rule_):
    lines = rule_.doc.splitlines()
    assert lines[0] == rule_.summary and lines[1] == "", "a one-line summary, then a blank line"
    markers = [m for m in ("检查：", "依据：", "错误示例：", "修改：") if m in rule_.doc]
    assert markers == ["检查：", "依据：", "错误示例：", "修改："]
    starts = [rule_.doc.index(m) for m in markers]
    assert starts == sorted(starts), "the four parts in order"
    sections = doc_sections(rule_)
    assert sections.complete
    if rule_.code not in FORMAT_RULES:
        assert "《" in sections.basis, "依据 names the law or document"


@pytest.mark.parametrize("rule_", CHECKED, ids=[r.code for r in CHECKED])
def test_rule_example_is_yaml(rule_):
    example = doc_sections(rule_).example_code
    assert example, "错误示例 is a YAML snippet"
    assert yaml.safe_load(example) is not None


def test_committed_rules_md_is_generated_from_the_registry():
    committed = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert committed == render_rules_markdown(), (
        "docs/rules.md is out of date: python -m govopen_cli.reporters.rule_docs docs/rules.md"
    )


def test_docs_main_writes_the_file(tmp_path):
    from govopen_cli.reporters.rule_docs import main

    target = tmp_path / "rules.md"
    assert main([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == render_rules_markdown()
