"""Waivers silence one rule for one item, are counted, expire, and are reported when unused."""

from __future__ import annotations

import json

from catalog_samples import CATALOG, at, findings, make_project

# Both JG-001 and GK-001 name the duty D99, which the mapping does not have (GO404).
BROKEN = CATALOG.replace("duties: [D01]", "duties: [D01, D99]")


def waiver(rule: str = "GO404", reason: str = "三定方案修订中，D99 待补", until: str = "") -> str:
    text = f"    waivers:\n      - rule: {rule}\n        reason: {reason}\n"
    return text + (f"        until: {until}\n" if until else "")


def waive_first_item(catalog: str, block: str) -> str:
    """Add a ``waivers:`` block to JG-001 (the first item)."""
    return catalog.replace("    duties: [D01, D99]\n", "    duties: [D01, D99]\n" + block, 1)


def test_waiver_silences_its_rule_for_its_item_only(run_line, tmp_path):
    make_project(tmp_path, catalog=waive_first_item(BROKEN, waiver()))
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 1  # GK-001's link is still an error
    [line] = findings(result.lines, "GO404")
    assert "事项 GK-001" in line
    assert (
        result.lines[-1]
        == "检查了 2 个文件，错误 1 个，警告 0 个，提示 0 个，已豁免 1 个。配置：govopen.toml。"
    )


def test_waived_findings_do_not_fail_the_run_but_are_counted(run_line, tmp_path):
    catalog = CATALOG.replace("    duties: [D01]\n", "    duties: [D01, D99]\n" + waiver(), 1)
    make_project(tmp_path, catalog=catalog)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.stdout
    assert result.lines == [
        "检查了 2 个文件，错误 0 个，警告 0 个，提示 0 个，已豁免 1 个。配置：govopen.toml。"
    ]


def test_json_marks_a_waived_finding_with_its_reason(run_line, tmp_path):
    make_project(tmp_path, catalog=waive_first_item(BROKEN, waiver()))
    data = json.loads(run_line("govopen check 2025.yaml --format json", cwd=tmp_path).stdout)
    waived = [d for d in data["diagnostics"] if d["waived"]]
    assert [(d["code"], d["waiver_reason"]) for d in waived] == [
        ("GO404", "三定方案修订中，D99 待补")
    ]
    assert data["summary"]["waived"] == 1 and data["summary"]["error"] == 1


def test_expired_waiver_no_longer_silences_and_is_itself_reported(run_line, tmp_path):
    catalog = waive_first_item(BROKEN, waiver(until="2025-03-31"))
    make_project(tmp_path, catalog=catalog)
    result = run_line("govopen check 2025.yaml --today 2025-04-01", cwd=tmp_path)
    assert len(findings(result.lines, "GO404")) == 2
    [line] = findings(result.lines, "GO901")
    assert line.startswith(f"2025.yaml:{at(catalog, '2025-03-31')}: GO901 警告 事项 JG-001 ")
    assert "2025-03-31 到期" in line


def test_waiver_is_valid_through_its_until_date(run_line, tmp_path):
    make_project(tmp_path, catalog=waive_first_item(BROKEN, waiver(until="2025-03-31")))
    result = run_line("govopen check 2025.yaml --today 2025-03-31", cwd=tmp_path)
    assert len(findings(result.lines, "GO404")) == 1
    assert not findings(result.lines, "GO901")
    assert "已豁免 1 个" in result.lines[-1]


def test_waiver_for_a_rule_that_does_not_fire_is_reported(run_line, tmp_path):
    # JG-001 names D99 (GO404 fires there); GK-001 is fine but carries a GO404 waiver.
    catalog = CATALOG.replace("duties: [D01]", "duties: [D01, D99]", 1)
    catalog = catalog.replace("    duties: [D01]\n", "    duties: [D01]\n" + waiver(), 1)
    make_project(tmp_path, catalog=catalog)
    result = run_line("govopen check 2025.yaml --fail-on warning", cwd=tmp_path)
    assert result.exit_code == 1
    [line] = findings(result.lines, "GO902")
    assert line.startswith(f"2025.yaml:{at(catalog, 'GO404')}: GO902 警告 事项 GK-001 ")
    assert "没有用到" in line


def test_unused_waiver_is_not_reported_when_its_rule_did_not_run(run_line, tmp_path):
    catalog = CATALOG.replace("    duties: [D01]\n", "    duties: [D01]\n" + waiver(), 1)
    make_project(tmp_path, catalog=catalog, config='ignore = ["GO404"]\n')
    assert not findings(run_line("govopen check 2025.yaml", cwd=tmp_path).lines, "GO902")
    # GO404 needs a 三定 mapping: without one it does not run either
    make_project(tmp_path, catalog=catalog.replace("  duties: sanding.yaml\n", ""), config=None)
    assert not findings(run_line("govopen check 2025.yaml", cwd=tmp_path).lines, "GO902")


def test_second_waiver_for_the_same_rule_is_reported_as_a_repeat(run_line, tmp_path):
    catalog = waive_first_item(BROKEN, waiver() + "      - rule: GO404\n        reason: 同上\n")
    make_project(tmp_path, catalog=catalog)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    [line] = findings(result.lines, "GO902")
    assert line.startswith(f"2025.yaml:{at(catalog, 'GO404', 2)}: GO902 ")
    assert "重复" in line


def test_waiver_naming_an_unknown_rule_is_an_error(run_line, tmp_path):
    catalog = waive_first_item(BROKEN, waiver(rule="GO999"))
    make_project(tmp_path, catalog=catalog)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    [line] = findings(result.lines, "GO903")
    assert line.startswith(f"2025.yaml:{at(catalog, 'GO999')}: GO903 错误 事项 JG-001 ")
    assert len(findings(result.lines, "GO404")) == 2


def test_waiver_without_a_reason_does_not_silence(run_line, tmp_path):
    catalog = waive_first_item(BROKEN, "    waivers:\n      - rule: GO404\n")
    make_project(tmp_path, catalog=catalog)
    result = run_line("govopen check 2025.yaml", cwd=tmp_path)
    assert len(findings(result.lines, "GO404")) == 2
    [line] = findings(result.lines, "GO101")
    assert "reason" in line


def test_waiver_silences_a_finding_about_its_item_located_in_the_mapping(run_line, tmp_path):
    # The mapping marks D03 exempt yet names GK-001: GO406 at the link in the mapping.
    from catalog_samples import MAPPING

    mapping = MAPPING.replace("    exempt:\n", "    items: [GK-001]\n    exempt:\n")
    catalog = CATALOG + waiver("GO406", "年度报告涉及该职责的统计数字")
    make_project(tmp_path, catalog=catalog, mapping=mapping)
    result = run_line("govopen check 2025.yaml --fail-on warning", cwd=tmp_path)
    assert result.exit_code == 0, result.stdout
    assert "已豁免 1 个" in result.lines[-1]
