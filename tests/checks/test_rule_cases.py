"""Rule cases as data: tests/checks/rules/cases/<CODE>.yml, one named case per list entry.

Each case is ``{name, catalog, expect}`` (optionally ``config`` and ``messages``):

- ``catalog``: the whole file as a block string, or a mapping that says only what
  differs from tests/checks/rules/base.yml (how it is written out, and so which line a
  field lands on, is described there);
- ``expect``: the ``[code, line, column]`` of every diagnostic of the file's code,
  in report order (``[]`` for a passing case);
- ``config``: ``{extra_channels: [...], min_coverage: PCT, guide: NAME}``; extra channels by
  default 征地信息公开平台, as in the project's own govopen.toml;
- ``messages``: text that must appear in the messages of those diagnostics;
- ``duties``: a 三定 mapping (its text) checked with the catalog, as ``--duties``
  does; a diagnostic in it is ``[code, line, column, duties.yaml]``;
- ``today``: the date waivers are judged by (default 2025-06-01).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from govopen_cli.catalog.config import Config
from govopen_cli.checks.rules import iter_rules
from govopen_cli.checks.run import CheckOptions, check_paths
from govopen_cli.codes import all_codes

HERE = Path(__file__).resolve().parent / "rules"
CASES_DIR = HERE / "cases"
BASE = yaml.safe_load((HERE / "base.yml").read_text(encoding="utf-8"))
DEFAULT_EXTRA_CHANNELS = ["征地信息公开平台"]
CASE_KEYS = {"name", "catalog", "expect", "config", "messages", "duties", "today"}


def _scalar(value: Any) -> str:
    """A scalar as YAML flow text: plain when that reads back the same, else JSON-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    try:
        plain_ok = yaml.safe_load(f"[{text}]") == [text] and yaml.safe_load(f"k: {text}") == {
            "k": text
        }
    except yaml.YAMLError:
        plain_ok = False
    return (
        text if plain_ok and text.strip() == text and text else json.dumps(text, ensure_ascii=False)
    )


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def _templated(value: Any, n: int) -> Any:
    if isinstance(value, str) and "{n" in value:
        return value.format(n=n)
    if isinstance(value, list):
        return [_templated(v, n) for v in value]
    return value


def _merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in overrides.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def catalog_text(spec: str | dict[str, Any]) -> str:
    """The file a case describes: its text as given, or base.yml with the case's changes."""
    if isinstance(spec, str):
        return spec
    unknown = set(spec) - {"format", "catalog", "items"}
    assert not unknown, f"unknown keys in a case catalog: {unknown}"
    header = _merge(BASE["catalog"], spec.get("catalog") or {})
    lines = [f"format: {_flow(spec.get('format', 1))}", f"catalog: {_flow(header)}", "items:"]
    for n, overrides in enumerate(spec.get("items", [{}]), start=1):
        if not isinstance(overrides, dict):
            # An item that is not a mapping at all, to see rules survive it.
            lines.append(f"  - {_flow(overrides)}")
            continue
        base_item = {k: _templated(v, n) for k, v in BASE["item"].items()}
        item = _merge(base_item, overrides)
        if not item:
            lines.append("  - {}")
            continue
        for i, (key, value) in enumerate(item.items()):
            lines.append(f"{'  - ' if i == 0 else '    '}{key}: {_flow(value)}")
    return "\n".join(lines) + "\n"


def _load_cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data, list), f"{path.name}: a list of cases"
        for case in data:
            assert set(case) <= CASE_KEYS, (
                f"{path.name}: {case.get('name')}: {set(case) - CASE_KEYS}"
            )
            cases.append((path.stem, case))
    return cases


CASES = _load_cases()


def run_case(code: str, case: dict[str, Any], tmp_path: Path) -> list[Any]:
    """Write the case's catalog (and mapping) and check it; the diagnostics of ``code``."""
    path = tmp_path / "catalog.yaml"
    path.write_text(catalog_text(case["catalog"]), encoding="utf-8")
    settings = case.get("config") or {}
    config = Config(
        extra_channels=settings.get("extra_channels", DEFAULT_EXTRA_CHANNELS),
        min_coverage=settings.get("min_coverage"),
        guide=settings.get("guide"),
    )
    options = CheckOptions(config=config, today=case.get("today", dt.date(2025, 6, 1)))
    if "duties" in case:
        options.duties = tmp_path / "duties.yaml"
        options.duties.write_text(case["duties"], encoding="utf-8")
    report = check_paths([path], options).report
    return [d for d in report.sorted() if d.code == code and not d.waived]


def position(diag: Any) -> list[Any]:
    """``[code, line, column]``, plus the file name when it is not the catalog."""
    where = [diag.code, diag.line, diag.column]
    name = Path(diag.file).name
    return where if name == "catalog.yaml" else [*where, name]


@pytest.mark.parametrize(
    ("code", "case"), CASES, ids=[f"{code}: {case['name']}" for code, case in CASES]
)
def test_rule_case(code, case, tmp_path):
    found = run_case(code, case, tmp_path)
    got = [position(d) for d in found]
    assert got == case["expect"], "\n".join(d.message for d in found)
    for text in case.get("messages", []):
        assert any(text in d.message for d in found), (
            f"{text!r} not in {[d.message for d in found]}"
        )


def test_base_catalog_is_clean(tmp_path):
    """The base every case changes has no problem at all, so a case shows only its own."""
    path = tmp_path / "catalog.yaml"
    path.write_text(catalog_text({"items": [{}, {}]}), encoding="utf-8")
    options = CheckOptions(config=Config(extra_channels=DEFAULT_EXTRA_CHANNELS))
    assert check_paths([path], options).report.diagnostics == []


def test_every_rule_has_a_passing_and_a_failing_case():
    by_code: dict[str, list[dict[str, Any]]] = {}
    for code, case in CASES:
        by_code.setdefault(code, []).append(case)
    missing = []
    for rule_ in iter_rules():
        cases = by_code.get(rule_.code.code, [])
        if not any(c["expect"] == [] for c in cases) or not any(c["expect"] for c in cases):
            missing.append(rule_.code.code)
    assert missing == [], (
        f"rules without a passing and a failing case in tests/checks/rules/cases: {missing}"
    )


def test_case_files_name_defined_codes():
    assert {code for code, _ in CASES} <= set(all_codes())


def test_expectations_name_the_file_code():
    for code, case in CASES:
        assert all(e[0] == code for e in case["expect"]), f"{code}: {case['name']}"
