"""The GO4xx and GO9xx rules against the named pass/fail cases in data/gate_rule_cases.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from catalog_samples import CATALOG, MAPPING, make_project
from govopen_cli.check import CheckOptions, check_paths
from govopen_cli.config import Config
from govopen_cli.rules import RULES, load_rules

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "gate_rule_cases.yaml").read_text(encoding="utf-8")
)["cases"]


def edited(text: str, case: dict[str, Any], key: str, indent: str = "") -> str:
    for old, new in case.get(key, []):
        assert old in text, (case["name"], old)
        text = text.replace(old, new, 1)
    appended = case.get(f"{key}_append", "")
    return text + "".join(indent + line for line in appended.splitlines(keepends=True))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_rule_case(tmp_path, monkeypatch, case):
    catalog = edited(CATALOG, case, "catalog")
    if case.get("no_mapping"):
        catalog = catalog.replace("  duties: sanding.yaml\n", "")
    make_project(
        tmp_path, catalog=catalog, mapping=edited(MAPPING, case, "mapping", "  "), config=None
    )
    monkeypatch.chdir(tmp_path)
    config = Config(select=["GO0", "GO1", "GO4", "GO9"], min_coverage=case.get("min_coverage"))
    today = case.get("today", dt.date(2025, 6, 1))
    report = check_paths([Path("2025.yaml")], CheckOptions(config=config, today=today)).report

    def found(diags):
        return [[d.code, d.file, d.line, d.column] for d in diags]

    messages = [d.message for d in report.sorted()]
    assert found(report.active) == case["expect"], messages
    assert found(report.waived) == case.get("waived", []), messages


def test_every_coverage_and_waiver_rule_has_a_passing_and_a_failing_case():
    load_rules()
    for code in (c for c in RULES if c.startswith(("GO4", "GO9"))):
        cases = [c for c in CASES if c["rule"] == code]
        assert any(code in [e[0] for e in c["expect"]] for c in cases), f"{code}: no failing case"
        assert any(code not in [e[0] for e in c["expect"]] for c in cases), (
            f"{code}: no passing case"
        )
