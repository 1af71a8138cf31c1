"""The pre-commit hook and the CI snippets in docs/ci.md name what the tool really offers."""

from __future__ import annotations

import re

import yaml

from conftest import REPO
from govopen_cli.reporters import format_names


def test_pre_commit_hook_runs_govopen_check_on_yaml_files():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "govopen-check"
    assert hook["entry"] == "govopen check"
    assert hook["language"] == "python"
    pattern = re.compile(hook["files"])  # pre-commit matches with re.search
    for catalog_file in ("catalogs/2025.yaml", "catalogs/mouxian/sanding.yml"):
        assert pattern.search(catalog_file), catalog_file
    for other in (
        ".pre-commit-config.yaml",
        ".pre-commit-hooks.yaml",
        ".github/workflows/govopen.yml",
        ".gitlab-ci.yml",
        "docs/catalogs/example.yaml",
        "catalogs/README.md",
        "README.md",
    ):
        assert not pattern.search(other), other


def test_ci_snippets_use_existing_formats():
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    used = set(re.findall(r"govopen check [^\n]*--format (\w+)", text))
    assert used == {"github", "sarif", "junit"}
    assert used <= set(format_names())
